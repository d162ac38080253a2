import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarroomDb } from './schema';
import { freshDb } from './test-db';
import { describeWriteError } from './repo/errors';
import { declareIncident } from './repo/incidents';
import { changes } from '../../shared/commands/change-set';
import { newEntryRow } from '../../shared/commands/timeline-entry';
import type { TimelineEntry } from '../../shared/domain/timeline';
import { commit } from './commit';

const writePlainEntry = (target: WarroomDb, e: TimelineEntry) =>
  commit(target, changes().record(e).build(), { scribeEntry: true });
import { probeWrite, StorageRecovery, type RecoveryState } from './recovery';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = { now: NOW, author: 'Sam' };
const diskFull = () => new DOMException('Internal error: FILE_ERROR_NO_SPACE', 'UnknownError');

let db: WarroomDb;
let incidentId: string;
let recovery: StorageRecovery | null = null;
beforeEach(async () => {
  db = await freshDb();
  incidentId = (
    await declareIncident(db, { title: 'DB down', severity: 'SEV2', startedAt: NOW }, ctx)
  ).id;
});
afterEach(() => {
  recovery?.dispose();
  recovery = null;
  db.close();
});

const entry = (text: string) =>
  newEntryRow({ incidentId, kind: 'note', text }, { ...ctx, now: Date.now() });

describe('StorageRecovery', () => {
  it('after the connection closes under Dexie, reopens it and the scribe writes on the new one', async () => {
    recovery = new StorageRecovery(db);
    recovery.start();
    const old = db.backendDB();
    old.close(); // what the browser does after an I/O error
    const lost = await writePlainEntry(db, entry('entry 32')).catch((e: unknown) => e);
    expect(describeWriteError(lost)).toBe(
      'Not saved: the connection to the database was lost. Warroom is reopening it. Your text is kept here.',
    );
    expect(recovery.current.status).toBe('failing');
    expect(await recovery.retryNow()).toBe(true);
    expect(recovery.current).toEqual({ status: 'ok' });
    expect(db.backendDB()).not.toBe(old);
    const again = entry('entry 32');
    await writePlainEntry(db, again);
    expect((await db.timelineEntries.get(again.id))?.text).toBe('entry 32');
  });

  it('retries with back-off while the disk is full, and is ok once a write succeeds', async () => {
    let full = true;
    let probes = 0;
    const seen: RecoveryState[] = [];
    recovery = new StorageRecovery(db, [5, 10, 20], async (d) => {
      probes += 1;
      if (full) throw diskFull();
      await probeWrite(d);
    });
    recovery.start();
    recovery.subscribe((s) => seen.push(s));
    describeWriteError(diskFull());
    expect(recovery.current).toMatchObject({ status: 'failing', failure: 'disk-full' });
    await expect.poll(() => probes, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    const failing = seen.filter((s) => s.status === 'failing' && !s.trying);
    expect(failing.map((s) => s.status === 'failing' && s.attempts)).toContain(2);
    full = false;
    await expect.poll(() => recovery?.current.status, { timeout: 5_000 }).toBe('ok');
    // The probe row never stays behind.
    expect(await db.drafts.count()).toBe(0);
  });

  it('a refusal of the command (not the storage) starts nothing', () => {
    recovery = new StorageRecovery(db);
    recovery.start();
    describeWriteError(new DOMException('Key already exists', 'ConstraintError'));
    expect(recovery.current).toEqual({ status: 'ok' });
  });

  it('after dispose, failures are no longer heard', () => {
    recovery = new StorageRecovery(db);
    recovery.start();
    recovery.dispose();
    describeWriteError(diskFull());
    expect(recovery.current).toEqual({ status: 'ok' });
  });
});
