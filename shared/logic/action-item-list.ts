import type { ActionItem, ActionStatus, Priority } from '../domain/records';
import { ACTION_STATUSES, PRIORITIES } from '../domain/records';
import { nameKey } from '../domain/text';

const DAY = 24 * 60 * 60 * 1000;

/** The share of action items that should be done by their due date (the seed's target). */
export const ON_TIME_TARGET = 0.9;

/** Today's calendar date in UTC (YYYY-MM-DD): due dates are UTC dates. */
export function todayUtc(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The last millisecond of a due date (UTC): an item completed up to then is on time. */
export function endOfDueDate(dueDate: string): number {
  return Date.parse(`${dueDate}T00:00:00Z`) + DAY - 1;
}

/** True when an item is still open (not Done, not Won't Do). */
export function isOpen(item: Pick<ActionItem, 'status'>): boolean {
  return item.status !== 'done' && item.status !== 'wont-do';
}

/** Overdue: still open and its due date is before today (UTC); due today is not overdue yet. */
export function isOverdue(item: Pick<ActionItem, 'status' | 'dueDate'>, now: number): boolean {
  return isOpen(item) && item.dueDate < todayUtc(now);
}

/** How many items are overdue at `now`. */
export function overdueCount(items: readonly ActionItem[], now: number): number {
  let n = 0;
  for (const item of items) if (isOverdue(item, now)) n++;
  return n;
}

/** Filters of the Action items page; empty strings mean "any". */
export interface ActionItemFilter {
  owner: string;
  status: ActionStatus | '';
  priority: Priority | '';
  /** An incident id, `none` for items not linked to one, or '' for any. */
  incidentId: string;
  overdueOnly: boolean;
}

/** No filter at all. */
export const NO_FILTER: ActionItemFilter = {
  owner: '',
  status: '',
  priority: '',
  incidentId: '',
  overdueOnly: false,
};

/** The items matching every filter. Owner matches by `nameKey` (NFKC, any case, white space collapsed). */
export function filterActionItems(
  items: readonly ActionItem[],
  filter: ActionItemFilter,
  now: number,
): ActionItem[] {
  const owner = nameKey(filter.owner);
  return items.filter(
    (item) =>
      (!owner || nameKey(item.owner) === owner) &&
      (!filter.status || item.status === filter.status) &&
      (!filter.priority || item.priority === filter.priority) &&
      (!filter.incidentId ||
        (filter.incidentId === 'none'
          ? item.incidentId === null
          : item.incidentId === filter.incidentId)) &&
      (!filter.overdueOnly || isOverdue(item, now)),
  );
}

export type ActionItemSortKey = 'dueDate' | 'priority' | 'status';
export type SortDirection = 'ascending' | 'descending';

function compareBy(key: ActionItemSortKey, a: ActionItem, b: ActionItem): number {
  switch (key) {
    case 'dueDate':
      return a.dueDate.localeCompare(b.dueDate);
    case 'priority':
      return PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);
    case 'status':
      return ACTION_STATUSES.indexOf(a.status) - ACTION_STATUSES.indexOf(b.status);
  }
}

/**
 * Sorted copy: by the key (priority P0 first, status in workflow order), then by due date,
 * priority and creation time so equal keys keep a stable, meaningful order.
 */
export function sortActionItems(
  items: readonly ActionItem[],
  key: ActionItemSortKey,
  direction: SortDirection = 'ascending',
): ActionItem[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...items].sort(
    (a, b) =>
      sign * compareBy(key, a, b) ||
      compareBy('dueDate', a, b) ||
      compareBy('priority', a, b) ||
      a.createdAt - b.createdAt,
  );
}

/** Completion on time: of the items that are done or already past due, how many were done by then. */
export interface Completion {
  /** Items judged: Done ones, plus open ones whose due date has passed. Won't Do is left out. */
  judged: number;
  onTime: number;
  /** onTime / judged, or null when nothing can be judged yet. */
  share: number | null;
}

/**
 * Share of action items done by their due date. An open item not yet due cannot be late yet, so
 * it is not judged; Won't Do items are a decision, not a miss, so they are left out too.
 */
export function completionOnTime(items: readonly ActionItem[], now: number): Completion {
  let judged = 0;
  let onTime = 0;
  for (const item of items) {
    if (item.status === 'done') {
      judged++;
      if (item.completedAt !== null && item.completedAt <= endOfDueDate(item.dueDate)) onTime++;
    } else if (isOverdue(item, now)) judged++;
  }
  return { judged, onTime, share: judged ? onTime / judged : null };
}

/** "83%" (whole percent), or "—" when there is no share. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}
