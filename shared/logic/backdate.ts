import { FUTURE_TOLERANCE_MS } from '../domain/incident';
import {
  calendarDayFrom,
  formatDate,
  wallTimeInstants,
  zoneLabel,
  zoneName,
  zoneOffsetMinutes,
  type TimeZoneMode,
  type WallTimeChoice,
} from './time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Furthest back a relative backdate ("-3m") may reach. Beyond a week it is almost certainly a
 * typo, and a timestamp that far back belongs in the entry editor, not a quick log line.
 */
export const MAX_BACKDATE_MS = 7 * 24 * HOUR;

/** Which of the two instants of a repeated wall-clock time (fall-back night) is meant. */
export type Fold = 'earlier' | 'later';

export type BackdateResult =
  | { type: 'none' }
  | { type: 'ok'; at: number; rest: string }
  | { type: 'error'; message: string }
  /** "@01:30" on a fall-back night, when both 01:30s are past: the user picks one (a `Fold`). */
  | { type: 'ambiguous'; message: string; choices: [WallTimeChoice, WallTimeChoice] };

const ABSOLUTE_RE = /^@(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const RELATIVE_RE = /^-(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;
const TIME_USAGE =
  'Write the time as @14:05 or @14:05:30 (24-hour), or go back with -3m, -90s, -1h30m.';

/**
 * Reads a leading backdate token ("@14:05", "@14:05:30", "-3m", "-90s", "-1h30m") off `text`.
 * A token that looks like a time but is not a valid one ("@25:00") is an error rather than text,
 * because logging it as a note at the wrong time would be a silent mistake in the record. So is
 * a local time skipped by a daylight-saving change (02:30 on a spring-forward day); one that
 * happened twice (01:30 on a fall-back night) is 'ambiguous' unless `fold` says which.
 */
export function takeBackdate(
  text: string,
  now: number,
  mode: TimeZoneMode,
  fold?: Fold,
): BackdateResult {
  const token = /^\S+/.exec(text)?.[0] ?? '';
  const rest = text.slice(token.length).trimStart();
  if (/^@\d/.test(token)) {
    const r = absoluteTime(token, now, mode, fold);
    if (r === null)
      return {
        type: 'error',
        message: `"${token.slice(0, 20)}" is not a time of day. ${TIME_USAGE}`,
      };
    if (typeof r === 'number') return { type: 'ok', at: r, rest };
    return r;
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

/** Whether today's skipped wall time h:mi:s (a spring-forward gap) lies before `now`. */
function gapIsPast(now: number, mode: TimeZoneMode, h: number, mi: number, s: number): boolean {
  const [y, mo, d] = calendarDayFrom(now, mode, 0);
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  // Read with the offset in force before the change, the skipped time falls inside the jump.
  return naive - zoneOffsetMinutes(zoneName(mode), naive - DAY) * MINUTE <= now;
}

/**
 * "@14:05" means 14:05 today in the given zone, or yesterday when that is still to come. A time up
 * to a minute ahead is taken as now: the scribe's wall clock and the app's may differ slightly,
 * and turning that skew into "yesterday" would put the entry a day out. The wall time is turned
 * into instants by the zone's rules (`wallTimeInstants`): none is an error, two past ones ask.
 */
function absoluteTime(
  token: string,
  now: number,
  mode: TimeZoneMode,
  fold: Fold | undefined,
): number | null | Extract<BackdateResult, { type: 'error' | 'ambiguous' }> {
  const m = ABSOLUTE_RE.exec(token);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  const zone = zoneName(mode);
  const on = (offset: number) => {
    const [y, mo, d] = calendarDayFrom(now, mode, offset);
    return wallTimeInstants(zone, y, mo, d, h, mi, s);
  };
  const today = on(0);
  // Today's instants that are not still to come (a minute's skew counts as now).
  let past = today
    .map((at) => (at > now && at - now <= FUTURE_TOLERANCE_MS ? now : at))
    .filter((at) => at <= now);
  let candidates = today;
  if (past.length === 0 && (today.length > 0 || !gapIsPast(now, mode, h, mi, s))) {
    candidates = on(-1);
    past = candidates;
  }
  const time = token.slice(1);
  if (candidates.length === 0) {
    const day = formatDate(now, mode);
    return {
      type: 'error',
      message: `${time} did not happen on ${day} in ${zone}: the clocks went forward over it. Give a time before or after the change.`,
    };
  }
  const [first, second] = past;
  if (first === undefined) return null;
  if (second === undefined) return first;
  if (fold) return fold === 'earlier' ? first : second;
  const a = { at: first, label: `${time} ${zoneLabel(first, mode)}` };
  const b = { at: second, label: `${time} ${zoneLabel(second, mode)}` };
  return {
    type: 'ambiguous',
    message: `${time} happened twice on ${formatDate(first, mode)} in ${zone} (the clocks went back): first ${a.label}, then ${b.label}. Which one?`,
    choices: [a, b],
  };
}
