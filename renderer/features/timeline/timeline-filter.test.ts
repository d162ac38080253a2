import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { timelineEntry } from '../../../shared/domain/testing/timeline';
import { recordSpansDays } from './entry-display';
import { applyFilters, authorsOf, isFiltering, NO_FILTERS } from './timeline-filter';

const e = (id: string, over: Partial<TimelineEntry> = {}): TimelineEntry =>
  timelineEntry({ id, text: id, ...over });

const list = [
  e('Pool at 100%', { kind: 'finding', pinned: true }),
  e('Roll back', { kind: 'decision', author: 'Alice' }),
  e('old typo', { deletedAt: 5 }),
];

describe('applyFilters', () => {
  it('hides deleted entries unless asked, and filters by kind, author, pin and text', () => {
    const ids = (f = NO_FILTERS) => applyFilters(list, f).map((x) => x.id);
    expect(ids()).toEqual(['Pool at 100%', 'Roll back']);
    expect(ids({ ...NO_FILTERS, showDeleted: true })).toHaveLength(3);
    expect(ids({ ...NO_FILTERS, kind: 'decision' })).toEqual(['Roll back']);
    expect(ids({ ...NO_FILTERS, author: 'Sam' })).toEqual(['Pool at 100%']);
    expect(ids({ ...NO_FILTERS, pinnedOnly: true })).toEqual(['Pool at 100%']);
    expect(ids({ ...NO_FILTERS, search: '  POOL ' })).toEqual(['Pool at 100%']);
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, search: 'x' })).toBe(true);
  });

  it('lists authors once, sorted', () => {
    expect(authorsOf(list)).toEqual(['Alice', 'Sam']);
  });
});

describe('recordSpansDays', () => {
  const start = Date.UTC(2026, 10, 22, 23, 0);
  it('is true when an entry falls on another day in the zone', () => {
    expect(recordSpansDays(start, [{ occurredAt: start + 30 * 60_000 }], 'utc')).toBe(false);
    expect(recordSpansDays(start, [{ occurredAt: start + 90 * 60_000 }], 'utc')).toBe(true);
    expect(recordSpansDays(start, [], 'utc')).toBe(false);
  });
});
