import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarroomDb } from '../schema';
import { ctx, dbWithIncident, NOW } from '../testing';
import { createActionItem } from './action-items';
import { addActionItem, deleteActionItem, updateActionItem } from './action-items-edit';

let db: WarroomDb;
let incidentId: string;
beforeEach(async () => {
  ({ db, incidentId } = await dbWithIncident({
    title: 'T',
    severity: 'SEV2',
    startedAt: NOW - 600_000,
  }));
});
afterEach(() => {
  db.close();
});

const systemTexts = async () =>
  (await db.timelineEntries.where('incidentId').equals(incidentId).toArray())
    .filter((e) => e.change?.type === 'action-item' && e.kind === 'system')
    .sort((a, b) => a.loggedAt - b.loggedAt || a.text.localeCompare(b.text))
    .map((e) => e.text);

describe('action item edits', () => {
  it('updates fields, stamps completion and records the change on the timeline', async () => {
    const item = await createActionItem(db, { incidentId, title: 'Add canary', owner: '' }, ctx());
    const done = await updateActionItem(
      db,
      item.id,
      { status: 'done', owner: ' Bob ', priority: 'P1', dueDate: '2026-12-01' },
      ctx(NOW + 1000),
    );
    expect(done).toMatchObject({
      status: 'done',
      owner: 'Bob',
      priority: 'P1',
      completedAt: NOW + 1000,
    });
    expect(await systemTexts()).toEqual([
      'Action item "Add canary": owner none → Bob; priority P2 → P1; due 2026-12-20 → 2026-12-01; Not Started → Done',
    ]);
    const reopened = await updateActionItem(db, item.id, { status: 'in-progress' }, ctx());
    expect(reopened.completedAt).toBeNull();
  });

  it('a patch that changes nothing writes nothing; bad input is refused', async () => {
    const item = await createActionItem(db, { incidentId, title: 'X', owner: 'A' }, ctx());
    await updateActionItem(db, item.id, { owner: 'A ' }, ctx());
    expect(await systemTexts()).toEqual([]);
    await expect(updateActionItem(db, item.id, { title: ' ' }, ctx())).rejects.toMatchObject({
      field: 'title',
    });
    await expect(
      updateActionItem(db, item.id, { dueDate: '2026-02-30' }, ctx()),
    ).rejects.toMatchObject({ field: 'dueDate' });
    expect((await db.actionItems.get(item.id))?.title).toBe('X');
  });

  it('adds with a status in one go, and deletes with a record', async () => {
    const item = await addActionItem(
      db,
      {
        incidentId,
        title: 'Runbook for pool sizing',
        owner: 'Dana',
        priority: 'P0',
        status: 'in-progress',
      },
      ctx(),
    );
    expect(item).toMatchObject({ status: 'in-progress', dueDate: '2026-11-29' });
    await deleteActionItem(db, item.id, ctx());
    expect(await db.actionItems.count()).toBe(0);
    expect(await systemTexts()).toEqual([
      'Action item "Runbook for pool sizing": Not Started → In Progress',
      'Action item deleted: "Runbook for pool sizing"',
    ]);
  });
});

describe('action item link or ticket reference', () => {
  it('is stored trimmed, recorded on the timeline, removable, and length-checked', async () => {
    const item = await createActionItem(
      db,
      { incidentId, title: 'Add WAL alert', owner: '' },
      ctx(),
    );
    const linked = await updateActionItem(
      db,
      item.id,
      { link: '  https://tracker.example.com/OPS-1 ' },
      ctx(),
    );
    expect(linked.link).toBe('https://tracker.example.com/OPS-1');
    await updateActionItem(db, item.id, { link: '' }, ctx(NOW + 1));
    expect((await db.actionItems.get(item.id))?.link).toBe('');
    expect(await systemTexts()).toEqual([
      'Action item "Add WAL alert": link https://tracker.example.com/OPS-1',
      'Action item "Add WAL alert": link removed',
    ]);
    await expect(
      updateActionItem(db, item.id, { link: 'x'.repeat(2001) }, ctx()),
    ).rejects.toMatchObject({ field: 'link' });
  });
});
