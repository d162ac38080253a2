import { FUTURE_TOLERANCE_MS } from '../domain/incident';
import type { TimeZoneMode } from './time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Furthest back a relative backdate ("-3m") may reach. Beyond a week it is almost certainly a
 * typo, and a timestamp that far back belongs in the entry editor, not a quick log line.
 */
export const MAX_BACKDATE_MS = 7 * 24 * HOUR;

export type BackdateResult =
  { type: 'none' } | { type: 'ok'; at: number; rest: string } | { type: 'error'; message: string };

const ABSOLUTE_RE = /^@(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const RELATIVE_RE = /^-(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;
const TIME_USAGE =
  'Write the time as @14:05 or @14:05:30 (24-hour), or go back with -3m, -90s, -1h30m.';

/**
 * Reads a leading backdate token ("@14:05", "@14:05:30", "-3m", "-90s", "-1h30m") off `text`.
 * A token that looks like a time but is not a valid one ("@25:00") is an error rather than text,
 * because logging it as a note at the wrong time would be a silent mistake in the record.
 */
export function takeBackdate(text: string, now: number, mode: TimeZoneMode): BackdateResult {
  const token = /^\S+/.exec(text)?.[0] ?? '';
  const rest = text.slice(token.length).trimStart();
  if (/^@\d/.test(token)) {
    const at = absoluteTime(token, now, mode);
    return at === null
      ? { type: 'error', message: `"${token.slice(0, 20)}" is not a time of day. ${TIME_USAGE}` }
      : { type: 'ok', at, rest };
  }
  const rel = RELATIVE_RE.exec(token);
  if (rel && (rel[1] ?? rel[2] ?? rel[3]) !== undefined) {
    const ms =
      Number(rel[1] ?? 0) * HOUR + Number(rel[2] ?? 0) * MINUTE + Number(rel[3] ?? 0) * SECOND;
    if (!(ms <= MAX_BACKDATE_MS))
      return { type: 'error', message: 'That is more than 7 days back; use the entry editor.' };
    return { type: 'ok', at: now - ms, rest };
  }
  return { type: 'none' };
}

/**
 * "@14:05" means 14:05 today in the given zone, or yesterday when that is still to come. A time up
 * to a minute ahead is taken as now: the scribe's wall clock and the app's may differ slightly,
 * and turning that skew into "yesterday" would put the entry a day out.
 */
function absoluteTime(token: string, now: number, mode: TimeZoneMode): number | null {
  const m = ABSOLUTE_RE.exec(token);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  const today = atDayOffset(now, mode, 0, h, mi, s);
  if (today <= now) return today;
  if (today - now <= FUTURE_TOLERANCE_MS) return now;
  return atDayOffset(now, mode, -1, h, mi, s);
}

/** The instant at h:mi:s on the calendar day `offset` days from `now`'s day, in the zone. */
function atDayOffset(
  now: number,
  mode: TimeZoneMode,
  offset: number,
  h: number,
  mi: number,
  s: number,
) {
  const d = new Date(now);
  // Date's own calendar arithmetic keeps "yesterday" a calendar day, even across a DST change.
  return mode === 'utc'
    ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + offset, h, mi, s)
    : new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset, h, mi, s).getTime();
}
