import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../domain/records';
import {
  addActionItem,
  addAnyActionItem,
  checkActionItemPatch,
  createActionItem,
  deleteActionItem,
  isCalendarDate,
  updateActionItem,
  type ActionItemPatch,
} from './action-items';
import { rowsOf } from './change-set';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = { now: NOW, author: 'Alice' };

const item: ActionItem = {
  id: 'ai-1',
  incidentId: 'inc-1',
  title: 'Add canary',
  owner: '',
  priority: 'P2',
  dueDate: '2026-12-20',
  status: 'not-started',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  completedAt: null,
};

describe('checkActionItemPatch: the one set of rules', () => {
  it.each<[ActionItemPatch, ActionItemPatch | string]>([
    [{ title: '  Add alert ' }, { title: 'Add alert' }],
    [{ title: '   ' }, 'title'],
    [{ owner: ' Bob ' }, { owner: 'Bob' }],
    [{ link: '  OPS-1 \n x ' }, { link: 'OPS-1 x' }],
    [{ link: 'x'.repeat(2001) }, 'link'],
    [{ priority: 'P9' as never }, 'priority'],
    [{ dueDate: '2026-02-30' }, 'dueDate'],
    [{ dueDate: '2026-2-3' }, 'dueDate'],
    [{ dueDate: '2026-03-01' }, { dueDate: '2026-03-01' }],
  ])('%j → %j', (patch, expected) => {
    if (typeof expected === 'string')
      expect(() => checkActionItemPatch(patch)).toThrow(
        expect.objectContaining({ field: expected }),
      );
    else expect(checkActionItemPatch(patch)).toEqual(expected);
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['', false],
    ['20260101', false],
  ])('isCalendarDate(%j) is %s', (value, ok) => expect(isCalendarDate(value)).toBe(ok));
});

describe('createActionItem', () => {
  it('adds the item and its "action" entry linked to it, due from the priority', () => {
    const { changes, result } = createActionItem(
      { incidentId: 'inc-1', title: ' Rotate keys ', owner: ' Bob ', priority: 'P0' },
      ctx,
    );
    expect(result).toMatchObject({ title: 'Rotate keys', owner: 'Bob', dueDate: '2026-11-29' });
    expect(changes.actionItems?.added).toEqual([result]);
    const [entry] = rowsOf(changes, 'timelineEntries');
    expect(entry).toMatchObject({
      kind: 'action',
      text: 'Rotate keys',
      change: { type: 'action-item', field: result.id, to: 'P0' },
    });
  });

  it.each([
    [{ title: ' ' }, 'title'],
    [{ title: 'x', dueDate: 'soon' }, 'dueDate'],
  ])('refuses %j on %s', (input, field) => {
    expect(() => createActionItem({ incidentId: 'i', owner: '', ...input }, ctx)).toThrow(
      expect.objectContaining({ field }),
    );
  });
});

describe('updateActionItem', () => {
  it.each<[ActionItemPatch, string | null, Partial<ActionItem>]>([
    [{ owner: '' }, null, {}],
    [{ title: 'Add canary ' }, null, {}],
    [{ status: 'done' }, 'Action item "Add canary": Not Started → Done', { completedAt: NOW }],
    [
      { owner: 'Bob', priority: 'P1' },
      'Action item "Add canary": owner none → Bob; priority P2 → P1',
      { owner: 'Bob', priority: 'P1' },
    ],
    [{ link: 'OPS-9' }, 'Action item "Add canary": link OPS-9', { link: 'OPS-9' }],
    [
      { title: 'Add a canary stage' },
      'Action item "Add a canary stage": renamed from "Add canary"',
      {},
    ],
  ])('%j records %j', (patch, text, fields) => {
    const { changes, result } = updateActionItem(item, patch, ctx);
    const entries = rowsOf(changes, 'timelineEntries');
    if (text === null) {
      expect(changes).toEqual({});
      expect(result).toBe(item);
    } else {
      expect(entries.map((e) => e.text)).toEqual([text]);
      expect(entries[0]?.kind).toBe('system');
      expect(result).toMatchObject({ ...fields, updatedAt: NOW });
    }
  });

  it('clears completedAt when leaving Done; records nothing for an item without incident', () => {
    const done = { ...item, status: 'done' as const, completedAt: 5, incidentId: null };
    const { changes, result } = updateActionItem(done, { status: 'in-progress' }, ctx);
    expect(result.completedAt).toBeNull();
    expect(changes.timelineEntries).toBeUndefined();
    expect(changes.actionItems?.updated).toEqual([result]);
  });

  it('refuses an item that no longer exists', () => {
    expect(() => updateActionItem(undefined, { owner: 'x' }, ctx)).toThrow(
      'This action item no longer exists.',
    );
  });
});

describe('deleteActionItem, addActionItem, addAnyActionItem', () => {
  it('deletes with a record; a gone item changes nothing', () => {
    const changes = deleteActionItem(item, ctx);
    expect(changes.actionItems?.removed).toEqual(['ai-1']);
    expect(rowsOf(changes, 'timelineEntries')[0]?.text).toBe('Action item deleted: "Add canary"');
    expect(deleteActionItem(undefined, ctx)).toEqual({});
  });

  it('adds with a starting status as one change set: the item, its entry and the status entry', () => {
    const { changes, result } = addActionItem(
      { incidentId: 'inc-1', title: 'Runbook', owner: '', status: 'done' },
      ctx,
    );
    expect(result).toMatchObject({ status: 'done', completedAt: NOW });
    expect(changes.actionItems?.added).toEqual([result]);
    expect(changes.actionItems?.updated).toBeUndefined();
    expect(rowsOf(changes, 'timelineEntries').map((e) => e.text)).toEqual([
      'Runbook',
      'Action item "Runbook": Not Started → Done',
    ]);
    expect(() =>
      addActionItem({ incidentId: 'i', title: 'x', owner: '', dueDate: '2026-02-30' }, ctx),
    ).toThrow(expect.objectContaining({ field: 'dueDate' }));
  });

  it('adds an item without incident alone, Done stamped', () => {
    const { changes, result } = addAnyActionItem(
      { incidentId: null, title: 'Rotate', owner: '', status: 'done' },
      ctx,
    );
    expect(result).toMatchObject({ incidentId: null, completedAt: NOW, dueDate: '2026-12-20' });
    expect(Object.keys(changes)).toEqual(['actionItems']);
  });
});
