import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../domain/records';
import {
  completionOnTime,
  filterActionItems,
  isOverdue,
  NO_FILTER,
  overdueCount,
  sortActionItems,
  todayUtc,
  type ActionItemSortKey,
  type SortDirection,
} from './action-item-list';

const NOW = Date.UTC(2026, 11, 10, 12, 0); // 2026-12-10 12:00 UTC

function item(over: Partial<ActionItem> & { id: string }): ActionItem {
  return {
    incidentId: 'inc-1',
    title: `Item ${over.id}`,
    owner: 'Bob',
    priority: 'P2',
    dueDate: '2026-12-20',
    status: 'not-started',
    createdAt: 1,
    updatedAt: 1,
    completedAt: null,
    ...over,
  };
}

describe('overdue', () => {
  it('is overdue from the day after the due date (UTC), not on it', () => {
    expect(todayUtc(NOW)).toBe('2026-12-10');
    expect(isOverdue(item({ id: 'a', dueDate: '2026-12-10' }), NOW)).toBe(false);
    expect(isOverdue(item({ id: 'a', dueDate: '2026-12-09' }), NOW)).toBe(true);
    // 23:59:59.999 on the due date is still on time; midnight after it is not.
    const end = Date.UTC(2026, 11, 10, 23, 59, 59, 999);
    expect(isOverdue(item({ id: 'a', dueDate: '2026-12-10' }), end)).toBe(false);
    expect(isOverdue(item({ id: 'a', dueDate: '2026-12-10' }), end + 1)).toBe(true);
  });

  it('never counts Done or Won\u2019t Do as overdue', () => {
    const items = [
      item({ id: 'a', dueDate: '2026-01-01', status: 'done' }),
      item({ id: 'b', dueDate: '2026-01-01', status: 'wont-do' }),
      item({ id: 'c', dueDate: '2026-01-01', status: 'in-progress' }),
      item({ id: 'd', dueDate: '2026-01-01' }),
    ];
    expect(overdueCount(items, NOW)).toBe(2);
  });
});

describe('filterActionItems', () => {
  const items = [
    item({ id: 'a', owner: 'Bob', priority: 'P0', dueDate: '2026-12-01' }),
    item({ id: 'b', owner: 'alice ', status: 'done', incidentId: 'inc-2' }),
    item({ id: 'c', owner: 'Alice', priority: 'P1', incidentId: null }),
  ];
  const ids = (f: Partial<typeof NO_FILTER>) =>
    filterActionItems(items, { ...NO_FILTER, ...f }, NOW).map((i) => i.id);

  it('matches owner ignoring case and spaces', () => {
    expect(ids({ owner: 'ALICE' })).toEqual(['b', 'c']);
  });
  it('matches owner by nameKey (full-width letters, inner spaces)', () => {
    expect(ids({ owner: 'Ａlice' })).toEqual(['b', 'c']);
    const named = [item({ id: 'x', owner: 'Bob  Smith' }), item({ id: 'y', owner: 'Bob Smith' })];
    expect(
      filterActionItems(named, { ...NO_FILTER, owner: 'Ｂob smith' }, NOW).map((i) => i.id),
    ).toEqual(['x', 'y']);
  });
  it('filters by status, priority, incident, none and overdue, and combines them', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ status: 'done' })).toEqual(['b']);
    expect(ids({ priority: 'P1' })).toEqual(['c']);
    expect(ids({ incidentId: 'inc-2' })).toEqual(['b']);
    expect(ids({ incidentId: 'none' })).toEqual(['c']);
    expect(ids({ overdueOnly: true })).toEqual(['a']);
    expect(ids({ overdueOnly: true, owner: 'Alice' })).toEqual([]);
  });
});

describe('sortActionItems', () => {
  const items = [
    item({ id: 'a', priority: 'P3', dueDate: '2026-12-05', status: 'done' }),
    item({ id: 'b', priority: 'P0', dueDate: '2026-12-30', status: 'in-progress' }),
    item({ id: 'c', priority: 'P1', dueDate: '2026-12-01', status: 'not-started' }),
    item({ id: 'd', priority: 'P0', dueDate: '2026-12-02', status: 'wont-do' }),
  ];
  const ids = (key: ActionItemSortKey, direction?: SortDirection) =>
    sortActionItems(items, key, direction).map((i) => i.id);

  it('sorts by due date, priority (P0 first, ties by due date) and workflow status', () => {
    expect(ids('dueDate')).toEqual(['c', 'd', 'a', 'b']);
    expect(ids('priority')).toEqual(['d', 'b', 'c', 'a']);
    expect(ids('status')).toEqual(['c', 'b', 'a', 'd']);
  });
  it('reverses for descending and does not mutate its input', () => {
    expect(ids('dueDate', 'descending')).toEqual(['b', 'a', 'd', 'c']);
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('completionOnTime', () => {
  const endOfDue = Date.UTC(2026, 11, 5, 23, 59, 59, 999);
  it('judges done items and overdue open ones; skips not-yet-due and Won\u2019t Do', () => {
    const items = [
      item({ id: 'a', dueDate: '2026-12-05', status: 'done', completedAt: endOfDue }),
      item({ id: 'b', dueDate: '2026-12-05', status: 'done', completedAt: endOfDue + 1 }),
      item({ id: 'c', dueDate: '2026-12-05' }),
      item({ id: 'd', dueDate: '2026-12-05', status: 'wont-do' }),
      item({ id: 'e', dueDate: '2026-12-31' }),
    ];
    expect(completionOnTime(items, NOW)).toEqual({ judged: 3, onTime: 1, share: 1 / 3 });
  });
  it('has no share when nothing can be judged', () => {
    expect(completionOnTime([item({ id: 'e' })], NOW)).toEqual({
      judged: 0,
      onTime: 0,
      share: null,
    });
  });
});
