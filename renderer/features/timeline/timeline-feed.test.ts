import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { declareIncident } from '../../db/repo/incidents';
import { addEntry, deleteEntry, editEntry } from '../../db/repo/timeline';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { watchTimeline } from './timeline-feed';

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
  let latest: readonly TimelineEntry[] = [];
  let complete = false;
  const w = watchTimeline(db, id, (entries, done) => {
    latest = entries;
    complete = done;
  });
  const until = async (ok: (texts: string[]) => boolean) => {
    for (let i = 0; i < 200; i += 1) {
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
    await db.timelineEntries.delete(x.id);
    expect(await feed.until((t) => t.length === 2)).not.toContain('other incident');
    feed.stop();
  });

  it('rereads everything after a bulk write it cannot pin to keys', async () => {
    const feed = watch(a);
    await feed.until((t) => t.length === 1);
    const rows = Array.from({ length: 60 }, (_, i) => ({
      id: `bulk-${String(i).padStart(2, '0')}`,
      incidentId: a,
      kind: 'note' as const,
      text: `bulk ${i}`,
      occurredAt: NOW + i,
      loggedAt: NOW + i,
      author: 'Sam',
      pinned: false,
      deletedAt: null,
      revisions: [],
      change: null,
      audience: null,
    }));
    await db.timelineEntries.bulkPut(rows);
    const texts = await feed.until((t) => t.length === 61);
    expect(texts.at(-1)).toBe('bulk 59');
    feed.stop();
  });
});
