import {
  formatDuration,
  formatEventTime,
  spansDays,
  type TimeZoneMode,
} from '../../shared/logic/time';
import type { Presence } from './presence';

/**
 * Who was in the room and is not known to be there now, for an incident commander whose seat
 * lost the relay (who was here, and when were they last seen?) or who wants to notice that
 * someone dropped out. Pure functions over presence.ts's lists; the memory they keep lives in the
 * Room and is never stored, like all presence: after a reload the list starts empty.
 */

const MINUTE = 60_000;

/**
 * How long someone who left while this seat was connected stays listed as last seen: 15 min.
 * Long enough for an incident commander to notice that a role holder dropped out, and when;
 * short enough that the bar does not fill with everyone who came and went over a night.
 */
export const LAST_SEEN_SHOWN_MS = 15 * MINUTE;

/**
 * Someone this seat has seen in the room since it joined, as they last said who they were.
 * Memory only, like all presence: a reload or Leave war room forgets it.
 */
export interface Seen {
  readonly person: Presence;
  /** Epoch ms (UTC) from which they were no longer known to be present; null while present. */
  readonly goneAt: number | null;
  /**
   * Epoch ms (UTC) from which their LAST_SEEN_SHOWN_MS counts, when not `goneAt`: for someone
   * lost with the room, the first reading after this seat was back (an outage of an hour does
   * not hide, on reconnecting, whoever did not come back with it). `lostWithRoom` marks them
   * until then.
   */
  readonly shownFrom?: number;
  readonly lostWithRoom?: boolean;
}

/** The people this seat has seen in the room this session, by window (`Presence.window`). */
export type SeenPeople = ReadonlyMap<string, Seen>;

/**
 * Who has been seen, after a new reading of who is present (`presenceOf`'s list). A peer in the
 * list is present (again). A peer seen before and missing now is gone from `at` (epoch ms, UTC):
 * while connected, the moment the room said they went; while not connected, the moment this seat
 * last heard from the room (they were known to be there until then, and not after). A peer
 * already gone keeps the time they went. People gone `LAST_SEEN_SHOWN_MS` or longer before `at`
 * are forgotten while connected (for those lost with the room, counted from the first reading back
 * in it). This seat's own window is never kept.
 */
export function noteSeen(
  prev: SeenPeople,
  present: readonly Presence[],
  at: number,
  connected: boolean,
): SeenPeople {
  const next = new Map<string, Seen>();
  for (const person of present) if (!person.self) next.set(person.window, { person, goneAt: null });
  for (const [key, seen] of prev) {
    if (next.has(key)) continue;
    if (seen.goneAt === null) {
      next.set(key, {
        person: seen.person,
        goneAt: at,
        ...(connected ? {} : { lostWithRoom: true }),
      });
      continue;
    }
    // Back in the room: whoever was lost with it is shown for the full time from now.
    const kept: Seen =
      connected && seen.lostWithRoom
        ? { person: seen.person, goneAt: seen.goneAt, shownFrom: at }
        : seen;
    if (!connected || at - (kept.shownFrom ?? kept.goneAt ?? at) < LAST_SEEN_SHOWN_MS)
      next.set(key, kept);
  }
  return next;
}

/** One line of the Last seen list: someone seen this session and not known to be here now. */
export interface LastSeenRow {
  /** The window they were last seen in (a stable key for the line). */
  readonly window: string;
  readonly name: string;
  /** The roles they said they held when last seen. */
  readonly role?: string;
  /** Epoch ms (UTC): when they were last known to be in the room. */
  readonly at: number;
}

/**
 * The Last seen list: people seen this session who are not present now, latest first, then by
 * name. While this seat is not connected (`lostAt`: epoch ms, UTC, when it last heard from the
 * room; null while connected) it lists everyone who was there when the room was lost, however
 * long ago, and anyone who left less than `LAST_SEEN_SHOWN_MS` before `now`; while connected,
 * only the latter. One line per name, and none for a name that is present: someone whose window
 * reloaded is back under a new window, not gone.
 */
export function lastSeenRows(
  seen: SeenPeople,
  present: readonly Presence[],
  lostAt: number | null,
  now: number,
): LastSeenRow[] {
  // Other seats only: someone with this user's own name (the same person on a second laptop, or
  // another Alex) who left is still listed.
  const here = new Set(present.filter((p) => !p.self).map((p) => p.name));
  const byName = new Map<string, LastSeenRow>();
  for (const [key, { person, goneAt, shownFrom }] of seen) {
    if (goneAt === null || here.has(person.name)) continue;
    const lostWithRoom = lostAt !== null && goneAt >= lostAt;
    if (!lostWithRoom && now - (shownFrom ?? goneAt) >= LAST_SEEN_SHOWN_MS) continue;
    const listed = byName.get(person.name);
    if (listed && listed.at >= goneAt) continue;
    byName.set(person.name, {
      window: key,
      name: person.name,
      ...(person.role ? { role: person.role } : {}),
      at: goneAt,
    });
  }
  return [...byName.values()].sort((a, b) => b.at - a.at || a.name.localeCompare(b.name));
}

/**
 * "Last seen 14:05 UTC (3 min ago)": the time of day in the display zone, always naming the
 * zone ("01:40 EDT", "10:00 UTC+01:00"), with the date when `at` was another day than `now`
 * there, and how long ago in whole minutes ("under a minute ago" before the first). `at` and
 * `now` are epoch ms (UTC).
 */
export function lastSeenText(at: number, now: number, zone: TimeZoneMode): string {
  const minutes = Math.floor((now - at) / MINUTE);
  const ago =
    minutes < 1
      ? 'under a minute ago'
      : `${formatDuration(minutes * MINUTE, { precision: 'minute' })} ago`;
  return `Last seen ${formatEventTime(at, zone, spansDays(at, now, zone))} (${ago})`;
}
