import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY, defaultDueDate } from './action-items';

describe('defaultDueDate', () => {
  const now = Date.UTC(2026, 10, 22, 23, 30);
  it.each([
    ['P0', '2026-11-29'],
    ['P1', '2026-12-06'],
    ['P2', '2026-12-20'],
    ['P3', '2027-01-17'],
  ] as const)('%s is due on %s', (priority, due) => {
    expect(defaultDueDate(priority, now)).toBe(due);
  });

  it('defaults to P2 and counts calendar days in UTC', () => {
    expect(DEFAULT_PRIORITY).toBe('P2');
    expect(defaultDueDate('P0', Date.UTC(2026, 1, 25, 0, 0))).toBe('2026-03-04');
  });
});
