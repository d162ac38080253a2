import type { Priority } from '../domain/records';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Days until an action item is due, by priority: the more urgent, the sooner. P2 is the default
 * priority for an item captured in the heat of an incident (`todo:`), when nobody has triaged it.
 */
export const PRIORITY_DUE_DAYS: Readonly<Record<Priority, number>> = {
  P0: 7,
  P1: 14,
  P2: 28,
  P3: 56,
};

/** Priority of an action item created without one. */
export const DEFAULT_PRIORITY: Priority = 'P2';

/**
 * The default due date (ISO calendar date, UTC) for an item created at `now` with `priority`.
 * UTC because action items are reviewed against the post-mortem, which is written in UTC.
 */
export function defaultDueDate(priority: Priority, now: number): string {
  return new Date(now + PRIORITY_DUE_DAYS[priority] * DAY).toISOString().slice(0, 10);
}
