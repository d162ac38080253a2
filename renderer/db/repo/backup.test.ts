import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, parseBackupText, type Backup } from '../../../shared/domain/backup';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { createActionItem } from './action-items';
import { BackupImportError, exportAll, exportIncident, importBackup } from './backup';
import { sendUpdate } from './comms';
import { openHypothesis } from './hypotheses';
import { declareIncident } from './incidents';
import { openPostmortem } from './postmortems';
import { assignRole } from './roles';
import { saveSetting } from './settings';
import { addEntry } from './timeline';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = (now = NOW) => ({ now, author: 'Alice' });
const META = { appVersion: '0.1.0', now: NOW + 3600_000 };

let db: WarroomDb;
const extra: WarroomDb[] = [];
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
  for (const d of extra.splice(0)) d.close();
});

async function another(): Promise<WarroomDb> {
  const d = await freshDb();
  extra.push(d);
  return d;
}

/** Two incidents with a bit of everything, written through the real commands. */
async function seed(target: WarroomDb) {
  const a = await declareIncident(
    target,
    {
      title: 'Checkout API errors',
      severity: 'SEV2',
      startedAt: NOW - 600_000,
      services: ['checkout-api'],
    },
    ctx(),
  );
  const b = await declareIncident(
    target,
    { title: 'Login slow', severity: 'SEV3', startedAt: NOW - 60_000 },
    ctx(NOW + 1000),
  );
  await addEntry(
    target,
    { incidentId: a.id, kind: 'finding', text: 'p99 latency 4 s' },
    ctx(NOW + 2000),
  );
  await addEntry(
    target,
    { incidentId: b.id, kind: 'note', text: 'Looking at auth' },
    ctx(NOW + 3000),
  );
  await assignRole(target, a.id, 'ic', 'Bob', ctx(NOW + 4000));
  await openHypothesis(target, a.id, 'Bad deploy', ctx(NOW + 5000));
  await sendUpdate(
    target,
    {
      incidentId: a.id,
      audience: 'engineering',
      type: 'initial',
      subject: 'S',
      body: 'B',
      format: 'plain',
    },
    ctx(NOW + 6000),
  );
  await createActionItem(
    target,
    { incidentId: a.id, title: 'Add alert', owner: 'Bob' },
    ctx(NOW + 7000),
  );
  await openPostmortem(target, a.id, { summary: 'It broke' }, ctx(NOW + 8000));
  await saveSetting(target, 'me', 'Alice');
  return { a, b };
}

async function snapshot(target: WarroomDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) out[t] = await target.table(t).toArray();
  return out;
}

/** A backup as it travels: through JSON text and back. */
function roundTrip(backup: Backup): unknown {
  return JSON.parse(JSON.stringify(backup)) as unknown;
}

describe('export → import', () => {
  it('is lossless into a fresh database', async () => {
    await seed(db);
    const backup = await exportAll(db, META);
    expect(backup.scope).toBe('all');
    expect(backup.exportedAt).toBe('2026-11-22T15:00:00.000Z');
    expect(backup.tables.timelineEntries.length).toBeGreaterThan(4);
    const target = await another();
    const summary = await importBackup(target, roundTrip(backup), { onConflict: 'skip' });
    expect(summary.incidents).toEqual({ added: 2, replaced: 0, skipped: 0 });
    expect(await snapshot(target)).toEqual(await snapshot(db));
  });

  it('exports one incident with what belongs to it, and imports it alone', async () => {
    const { a, b } = await seed(db);
    const backup = await exportIncident(db, a.id, META);
    expect(backup.scope).toEqual({ incidentId: a.id });
    expect(backup.tables.incidents.map((i) => i.id)).toEqual([a.id]);
    expect(backup.tables.timelineEntries.every((e) => e.incidentId === a.id)).toBe(true);
    expect(backup.tables.postmortems).toHaveLength(1);
    expect(backup.tables.people).toEqual([]);
    const target = await another();
    await importBackup(target, roundTrip(backup), { onConflict: 'skip' });
    expect(await target.incidents.get(b.id)).toBeUndefined();
    expect(await target.timelineEntries.where('incidentId').equals(a.id).count()).toBe(
      await db.timelineEntries.where('incidentId').equals(a.id).count(),
    );
  });

  it('refuses to export an incident that does not exist', async () => {
    await expect(exportIncident(db, 'nope', META)).rejects.toThrow(/no longer exists/);
  });
});

describe('conflicts', () => {
  it('skip keeps what is there; replace overwrites; both report per table', async () => {
    const { a } = await seed(db);
    const backup = await exportAll(db, META);
    await db.incidents.update(a.id, { title: 'Renamed here' });
    await addEntry(db, { incidentId: a.id, kind: 'note', text: 'Only here' }, ctx(NOW + 9000));

    const skipped = await importBackup(db, roundTrip(backup), { onConflict: 'skip' });
    expect(skipped.incidents).toEqual({ added: 0, replaced: 0, skipped: 2 });
    expect(skipped.timelineEntries.added).toBe(0);
    expect((await db.incidents.get(a.id))?.title).toBe('Renamed here');

    const replaced = await importBackup(db, roundTrip(backup), { onConflict: 'replace' });
    expect(replaced.incidents).toEqual({ added: 0, replaced: 2, skipped: 0 });
    expect(replaced.timelineEntries.replaced).toBe(backup.tables.timelineEntries.length);
    expect((await db.incidents.get(a.id))?.title).toBe('Checkout API errors');
    // Rows only in the database are never deleted by an import.
    expect(await db.timelineEntries.filter((e) => e.text === 'Only here').count()).toBe(1);
  });

  it('matches people and services by their unique name as well as by id', async () => {
    await seed(db);
    const backup = await exportAll(db, META);
    const target = await another();
    await target.people.add({ id: 'other-id', name: 'Bob', handle: '', team: '', lastUsedAt: 1 });
    const skip = await importBackup(target, roundTrip(backup), { onConflict: 'skip' });
    expect(skip.people.skipped).toBe(1);
    expect((await target.people.where('name').equals('Bob').first())?.id).toBe('other-id');
    const replace = await importBackup(target, roundTrip(backup), { onConflict: 'replace' });
    expect(replace.people.replaced).toBe(1);
    expect((await target.people.where('name').equals('Bob').first())?.id).not.toBe('other-id');
  });

  it('refuses an incident whose reference a different incident already uses, writing nothing', async () => {
    await seed(db);
    const backup = await exportAll(db, META);
    const target = await another();
    await declareIncident(target, { title: 'Local', severity: 'SEV4', startedAt: NOW }, ctx());
    const before = await snapshot(target);
    const error = await importBackup(target, roundTrip(backup), { onConflict: 'replace' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupImportError);
    expect((error as BackupImportError).problems[0]?.path).toBe('tables.incidents[0].ref');
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('broken files', () => {
  it('reports the path of a wrong type and writes nothing', async () => {
    await seed(db);
    const backup = roundTrip(await exportAll(db, META)) as { tables: { incidents: object[] } };
    (backup.tables.incidents[1] as Record<string, unknown>).severity = 'SEV9';
    const target = await another();
    const error = (await importBackup(target, backup, { onConflict: 'skip' }).catch(
      (e: unknown) => e,
    )) as BackupImportError;
    expect(error.problems[0]?.path).toBe('tables.incidents[1].severity');
    expect(await target.incidents.count()).toBe(0);
  });

  it('never writes part of a corrupted file and never throws anything but a refusal', async () => {
    const { a } = await seed(db);
    const text = JSON.stringify(await exportAll(db, META));
    const valid = JSON.parse(text) as unknown;
    const target = await another();
    await declareIncident(
      target,
      { title: 'Keep me', severity: 'SEV4', startedAt: NOW },
      ctx(NOW + 86_400_000),
    );
    const before = await snapshot(target);

    // Corruptions: cut the text, drop a field, change a type, duplicate a row.
    const corrupt = fc.oneof(
      fc.integer({ min: 0, max: text.length - 1 }).map((n) => ({ text: text.slice(0, n) })),
      fc
        .record({
          table: fc.constantFrom(...BACKUP_TABLES.filter((t) => t !== 'settings')),
          index: fc.nat(),
          field: fc.nat(),
          value: fc.oneof(
            fc.constant(undefined),
            fc.string(),
            fc.integer(),
            fc.constant(null),
            fc.boolean(),
          ),
          duplicate: fc.boolean(),
        })
        .map(({ table, index, field, value, duplicate }) => {
          const copy = structuredClone(valid) as {
            tables: Record<string, Record<string, unknown>[]>;
          };
          const rows = copy.tables[table] ?? [];
          const row = rows[index % Math.max(rows.length, 1)];
          if (!row) return { data: copy, skip: true };
          if (duplicate) rows.push({ ...row });
          else {
            const keys = Object.keys(row);
            const key = keys[field % keys.length] ?? 'id';
            if (value === undefined) delete row[key];
            else row[key] = value;
          }
          return { data: copy, skip: false };
        }),
    );

    await fc.assert(
      fc.asyncProperty(corrupt, async (c) => {
        if ('text' in c) {
          const parsed = parseBackupText(c.text);
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.problems.length).toBeGreaterThan(0);
          return;
        }
        if (c.skip) return;
        const data = c.data;
        try {
          await importBackup(target, data, { onConflict: 'replace' });
          // Some mutations keep the file valid (a string where any string goes): then it is
          // written whole. Put the target back for the next run.
          await target.transaction(
            'rw',
            BACKUP_TABLES.map((t) => target.table(t)),
            async () => {
              for (const t of BACKUP_TABLES) await target.table(t).clear();
              for (const t of BACKUP_TABLES) await target.table(t).bulkAdd(before[t] ?? []);
            },
          );
        } catch (error) {
          expect(error).toBeInstanceOf(BackupImportError);
          expect((error as BackupImportError).problems[0]?.path).toMatch(/^tables\./);
          expect(await snapshot(target)).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
    expect(a.id).toBeTruthy();
  });

  it('rejects a newer schema version with a clear message', async () => {
    const backup = roundTrip(await exportAll(db, META)) as Record<string, unknown>;
    backup.schemaVersion = 3;
    await expect(importBackup(db, backup, { onConflict: 'skip' })).rejects.toThrow(
      /newer Warroom \(schema version 3/,
    );
  });
});
