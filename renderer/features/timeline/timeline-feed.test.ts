import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { declareIncident } from '../../db/repo/incidents';
import { addEntry, deleteEntry, editEntry } from '../../db/repo/timeline';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { changes } from '../../../shared/commands/change-set';
import { timelineEntry } from '../../../shared/domain/testing/timeline';
import { commit } from '../../db/commit';
import { newEntryRow } from '../../../shared/commands/timeline-entry';
import { SHOW_SAVING_AFTER_MS, TAIL_MAX, watchTimeline } from './timeline-feed';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const MIN = 60_000;
const ctx = (now = NOW) => ({ now, author: 'Sam' });

let db: WarroomDb;
let a: string;
let b: string;
beforeEach(async () => {
  db = await freshDb();
  const input = { severity: 'SEV2' as const, startedAt: NOW - MIN };
  a = (await declareIncident(db, { ...input, title: 'A' }, ctx())).id;
  b = (await declareIncident(db, { ...input, title: 'B' }, ctx())).id;
});
afterEach(() => {
  db.close();
});

/** Starts watching and returns a function that waits until the list satisfies `ok`. */
function watch(id: string) {
  const w = watchTimeline(db, id);
  let latest: readonly TimelineEntry[] = [];
  let complete = false;
  const read = () => {
    const s = w.store.getState();
    latest = [...(s.entries ?? []), ...s.tail];
    complete = s.complete;
  };
  const until = async (ok: (texts: string[]) => boolean) => {
    for (let i = 0; i < 400; i += 1) {
      read();
      const texts = latest.map((e) => e.text + (e.deletedAt ? ' (deleted)' : ''));
      if (complete && ok(texts)) return texts;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`never matched: ${latest.map((e) => e.text).join(' | ')}`);
  };
  return { until, stop: w.stop };
}

describe('watchTimeline', () => {
  it('loads in order, then patches adds, backdated inserts, edits and deletes', async () => {
    const feed = watch(a);
    await feed.until((t) => t.length === 1);
    const x = await addEntry(db, { incidentId: a, kind: 'note', text: 'x' }, ctx(NOW + MIN));
    await addEntry(db, { incidentId: b, kind: 'note', text: 'other incident' }, ctx(NOW + MIN));
    await addEntry(
      db,
      { incidentId: a, kind: 'note', text: 'early', occurredAt: NOW - MIN },
      ctx(NOW + 2 * MIN),
    );
    expect(await feed.until((t) => t.length === 3)).toEqual([
      'early',
      'Declared SEV2 (Major): A',
      'x',
    ]);
    await editEntry(db, x.id, 'x2', ctx(NOW + 3 * MIN));
    await feed.until((t) => t[2] === 'x2');
    await deleteEntry(db, x.id, ctx(NOW + 4 * MIN));
    await feed.until((t) => t[2] === 'x2 (deleted)');
    await commit(db, changes().remove('timelineEntries', x.id).build());
    expect(await feed.until((t) => t.length === 2)).not.toContain('other incident');
    feed.stop();
  });

  it('reads the record again after a change set too large to patch in (a restored backup)', async () => {
    const feed = watch(a);
    await feed.until((t) => t.length === 1);
    const rows = Array.from({ length: 600 }, (_, i) =>
      timelineEntry({
        id: `bulk-${String(i).padStart(3, '0')}`,
        incidentId: a,
        text: `bulk ${i}`,
        occurredAt: NOW + i,
        loggedAt: NOW + i,
      }),
    );
    const set = changes();
    for (const r of rows) set.record(r);
    await commit(db, set.build());
    const texts = await feed.until((t) => t.length === 601);
    expect(texts.at(-1)).toBe('bulk 599');
    feed.stop();
  });
});

describe('watchTimeline: the tail', () => {
  it('puts a new last entry in the tail; folds the tail past TAIL_MAX, never under focus', async () => {
    const w = watchTimeline(db, a);
    await expect.poll(() => w.store.getState().complete).toBe(true);
    const before = w.store.getState().entries;
    await addEntry(db, { incidentId: a, kind: 'note', text: 'newest' }, ctx(NOW + MIN));
    // In the tail at once (the commit's event carries the row), the list untouched.
    expect(w.store.getState().tail.map((e) => e.text)).toEqual(['newest']);
    expect(w.store.getState().entries).toBe(before);
    // Focus is in a tail row: however long the tail grows, it stays where it is.
    w.hold(true);
    for (let i = 0; i < TAIL_MAX; i += 1)
      await addEntry(db, { incidentId: a, kind: 'note', text: `more ${i}` }, ctx(NOW + MIN + i));
    expect(w.store.getState().tail).toHaveLength(TAIL_MAX + 1);
    expect(w.store.getState().entries).toBe(before);
    // Focus leaves: the tail joins the list, in order (in a task of its own).
    w.hold(false);
    await expect.poll(() => w.store.getState().tail).toHaveLength(0);
    expect(
      w.store
        .getState()
        .entries?.map((e) => e.text)
        .slice(-2),
    ).toEqual([`more ${TAIL_MAX - 2}`, `more ${TAIL_MAX - 1}`]);
    w.stop();
  });

  it('reports a failed read instead of showing nothing, and reads again on retry', async () => {
    const broken = {
      name: db.name,
      timelineEntries: {
        where: () => {
          throw new Error('backing store error');
        },
      },
    } as unknown as WarroomDb;
    const w = watchTimeline(broken, a);
    await expect.poll(() => w.store.getState().error).toMatch(/could not be read.*Read again/);
    w.stop();
  });
});

describe('watchTimeline: a write that fails after showing as saving', () => {
  it('takes a backdated "Saving…" entry off the list when its write fails', async () => {
    const w = watchTimeline(db, a);
    await expect.poll(() => w.store.getState().complete).toBe(true);
    const phantom = newEntryRow(
      { incidentId: a, kind: 'note', text: 'phantom', occurredAt: NOW - 5 * MIN },
      ctx(NOW + MIN),
    );
    // A disk that takes the write, then gives up on it after the entry has shown as saving.
    const tx = {
      error: new DOMException('The disk is full.', 'QuotaExceededError'),
      onabort: null as null | (() => void),
      oncomplete: null as null | (() => void),
      objectStore: () => ({ add: () => ({}), put: () => ({}), delete: () => ({}) }),
      commit: () => setTimeout(() => tx.onabort?.(), SHOW_SAVING_AFTER_MS + 100),
      abort: () => undefined,
    };
    const native = vi
      .spyOn(db, 'backendDB')
      .mockReturnValue({ transaction: () => tx } as unknown as IDBDatabase);
    const written = commit(db, changes().record(phantom).build(), { scribeEntry: true }).catch(
      (e: unknown) => e,
    );
    await expect.poll(() => w.store.getState().saving.has(phantom.id)).toBe(true);
    expect(w.store.getState().entries?.map((e) => e.text)).toContain('phantom');
    expect(await written).toMatchObject({ name: 'QuotaExceededError' });
    native.mockRestore();
    expect(w.store.getState().entries?.map((e) => e.text)).not.toContain('phantom');
    expect(w.store.getState().tail.map((e) => e.text)).not.toContain('phantom');
    expect(w.store.getState().saving.size).toBe(0);
    w.stop();
  });
});
