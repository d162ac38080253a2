import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAnyActionItem } from '../../db/repo/action-items-edit';
import { RepoError } from '../../db/repo/errors';
import { declareIncident } from '../../db/repo/incidents';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = { now: NOW, author: 'Alice' };

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('addAnyActionItem', () => {
  it('writes an item without an incident alone, with the priority’s due date', async () => {
    const item = await addAnyActionItem(
      db,
      { incidentId: null, title: ' Rotate keys ', owner: 'Bob', priority: 'P0' },
      ctx,
    );
    expect(item).toMatchObject({ incidentId: null, title: 'Rotate keys', dueDate: '2026-11-29' });
    expect(await db.actionItems.count()).toBe(1);
    expect(await db.timelineEntries.count()).toBe(0);
  });

  it('records a linked item on its incident’s timeline', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Checkout down', severity: 'SEV2', startedAt: NOW - 60_000 },
      ctx,
    );
    const before = await db.timelineEntries.count();
    await addAnyActionItem(db, { incidentId: inc.id, title: 'Add canary', owner: '' }, ctx);
    expect(await db.timelineEntries.count()).toBe(before + 1);
  });

  it('refuses an empty action and an impossible date, writing nothing', async () => {
    await expect(
      addAnyActionItem(db, { incidentId: null, title: '  ', owner: '' }, ctx),
    ).rejects.toMatchObject({ field: 'title' });
    await expect(
      addAnyActionItem(db, { incidentId: null, title: 'x', owner: '', dueDate: '2026-02-30' }, ctx),
    ).rejects.toBeInstanceOf(RepoError);
    expect(await db.actionItems.count()).toBe(0);
  });
});
