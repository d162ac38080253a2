import { isBackdated, type TimelineEntry } from '../../../shared/domain/timeline';
import {
  formatElapsed,
  formatEventTime,
  spansDays,
  type TimeZoneMode,
} from '../../../shared/logic/time';

/** How the list shows times: the zone, whether to add the date, and the T+ origin. */
export interface TimeDisplay {
  zone: TimeZoneMode;
  showDate: boolean;
  /** The incident's started milestone (T+0:00). */
  startedAt: number;
}

/**
 * True when the incident's record covers more than one calendar day in the zone (from the
 * start, or an earlier entry, to the latest entry), so every time needs its date.
 */
export function recordSpansDays(
  startedAt: number,
  entries: readonly Pick<TimelineEntry, 'occurredAt'>[],
  zone: TimeZoneMode,
): boolean {
  const first = entries[0]?.occurredAt ?? startedAt;
  const last = entries.at(-1)?.occurredAt ?? startedAt;
  return spansDays(Math.min(first, startedAt), Math.max(last, startedAt), zone);
}

/** The texts a row shows for its times. */
export function entryTimes(
  e: Pick<TimelineEntry, 'occurredAt' | 'loggedAt'>,
  d: TimeDisplay,
): { occurred: string; offset: string; logged: string | null } {
  return {
    occurred: formatEventTime(e.occurredAt, d.zone, d.showDate),
    offset: formatElapsed(e.occurredAt - d.startedAt),
    logged: isBackdated(e) ? formatEventTime(e.loggedAt, d.zone, d.showDate) : null,
  };
}
