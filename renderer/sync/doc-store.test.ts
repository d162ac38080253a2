import { describe, expect, it, vi } from 'vitest';
import type { Changes } from '../../shared/commands/change-set';
import { incidentRow } from '../../shared/domain/testing/incident';
import { timelineEntry } from '../../shared/domain/testing/timeline';
import { chunkSeed, incidentDocName } from '../../shared/sync/doc-names';
import { readRows } from '../../shared/sync/record-doc';
import { WarroomDb } from '../db/schema';
import { DocStore, SEED_ROWS_PER_TASK } from './doc-store';

describe('DocStore seeding', () => {
  it('seeds a large incident a few hundred rows per task, every row kept, marked seeded once', async () => {
    const db = new WarroomDb(`doc-store-seed-${Date.now()}`);
    await db.open();
    const n = SEED_ROWS_PER_TASK * 2 + 37;
    const seed: Changes = {
      incidents: { added: [incidentRow({ id: 'big' })] },
      timelineEntries: {
        added: Array.from({ length: n }, (_, i) =>
          timelineEntry({
            id: `e${String(i).padStart(5, '0')}`,
            incidentId: 'big',
            text: `line ${i}`,
          }),
        ),
      },
    };
    let seeds = 0;
    const store = new DocStore(db, () => {
      seeds++;
      return Promise.resolve(seed);
    });
    const name = incidentDocName('big');
    const doc = await store.open(name);
    expect(readRows(doc, 'timelineEntries')).toHaveLength(n);
    expect(readRows(doc, 'incidents').map((r) => r.id)).toEqual(['big']);
    expect((await db.syncDocs.get(name))?.seededAt).toBeTypeOf('number');
    // One stored update per part: the seed was written as separate transactions (y-dexie appends
    // each transaction's update to its updates table as its own row, until it compacts them).
    const parts = chunkSeed(seed, SEED_ROWS_PER_TASK).length;
    expect(parts).toBe(3);
    await vi.waitFor(
      async () =>
        expect(await db.table('$syncDocs.doc_updates').where('k').equals(name).count()).toBe(parts),
      { timeout: 10_000 },
    );
    // Opened again: not seeded again.
    store.releaseAll();
    const again = new DocStore(db, () => {
      seeds++;
      return Promise.resolve(seed);
    });
    expect(readRows(await again.open(name), 'timelineEntries')).toHaveLength(n);
    expect(seeds).toBe(1);
    again.releaseAll();
    db.close();
  });
});
