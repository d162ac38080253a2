import { FUTURE_TOLERANCE_MS } from '../domain/incident';
import {
  calendarDayFrom,
  formatDuration,
  formatTimeOfDay,
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

/**
 * Furthest back (ms, real elapsed time) a "@14:05" still to come today is carried to yesterday
 * without asking: 12 hours. Quick backdates are minutes to a few hours (the scribe catching up
 * with what was said on the bridge), and around midnight "yesterday" is exactly that: at 00:10,
 * @23:55 is 15 minutes ago. Beyond 12 hours, yesterday's reading lies further back than today's
 * is still ahead, so the line is likelier a slip (a wrong hour, a 12-hour clock, a time read off
 * a clock in another zone) than most of a day backdated on purpose: the scribe is asked, with
 * yesterday's instant to choose, instead of having the entry silently put a day away.
 */
export const YESTERDAY_ASK_AFTER_MS = 12 * HOUR;

/**
 * The answers a backdate question offers, earliest first: one or two instants, each with the
 * words of its button ("01:30 EDT (first)", "Yesterday, 2026-11-30 14:30 UTC").
 */
export type BackdateChoices = readonly [WallTimeChoice, ...WallTimeChoice[]];

export type BackdateResult =
  | { type: 'none' }
  | { type: 'ok'; at: number; rest: string }
  | { type: 'error'; message: string }
  /**
   * The time does not name one sensible instant, so the user is asked: "@01:30" on a fall-back
   * night once both 01:30s are past, or a time still to come today whose yesterday reading is
   * more than `YESTERDAY_ASK_AFTER_MS` back. Parse again with `chosenAt` set to the chosen one.
   */
  | { type: 'ask'; message: string; choices: BackdateChoices };

const ABSOLUTE_RE = /^@(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const RELATIVE_RE = /^-(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;
const TIME_USAGE =
  'Write the time as @14:05 or @14:05:30 (24-hour), or go back with -3m, -90s, -1h30m.';

/**
 * Reads a leading backdate token ("@14:05", "@14:05:30", "-3m", "-90s", "-1h30m") off `text`;
 * `now` is epoch ms, and the result's `at` is epoch ms. Refusals ('error', with a message for
 * the field): a token that looks like a time but is not one ("@25:00"), since logging it as a
 * note at the wrong time would be a silent mistake in the record; a local time skipped by a
 * daylight-saving change (02:30 on a spring-forward day); a relative backdate beyond
 * `MAX_BACKDATE_MS`. Questions ('ask', with the instants to choose from): a time that happened
 * twice (01:30 on a fall-back night), and a time still to come today whose yesterday reading is
 * more than `YESTERDAY_ASK_AFTER_MS` back. `chosenAt` is the user's answer to such a question:
 * it is taken when it is one of the instants the time named on one of the last three days and
 * is not in the future, and ignored otherwise (the question is then asked again).
 */
export function takeBackdate(
  text: string,
  now: number,
  mode: TimeZoneMode,
  chosenAt?: number,
): BackdateResult {
  const token = /^\S+/.exec(text)?.[0] ?? '';
  const rest = text.slice(token.length).trimStart();
  if (/^@\d/.test(token)) {
    const r = absoluteTime(token, now, mode, chosenAt);
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

const pad = (n: number): string => String(n).padStart(2, '0');
const dayText = ([y, mo, d]: [number, number, number]): string => `${y}-${pad(mo)}-${pad(d)}`;

/**
 * "@14:05" means 14:05 today in the given zone, or yesterday when that is still to come; a
 * yesterday more than `YESTERDAY_ASK_AFTER_MS` back is asked about rather than taken. A time up
 * to a minute ahead is taken as now: the scribe's wall clock and the app's may differ slightly,
 * and turning that skew into "yesterday" would put the entry a day out. The wall time is turned
 * into instants by the zone's rules (`wallTimeInstants`): none is an error, two past ones ask.
 */
function absoluteTime(
  token: string,
  now: number,
  mode: TimeZoneMode,
  chosenAt: number | undefined,
): number | null | Extract<BackdateResult, { type: 'error' | 'ask' }> {
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
  // An answer to a question asked about this time: any of its instants on the last three days
  // (the question may have been answered after midnight), never one still to come.
  // A choice is the real instant, so one within the minute's skew ahead is taken as now.
  if (
    chosenAt !== undefined &&
    chosenAt <= now + FUTURE_TOLERANCE_MS &&
    [0, -1, -2].some((offset) => on(offset).includes(chosenAt))
  )
    return Math.min(chosenAt, now);
  const today = on(0);
  // Today's instants that are not still to come (a minute's skew counts as now, when logged;
  // the choices offered keep the real instants, which an answer is checked against).
  let past = today.filter((at) => at <= now + FUTURE_TOLERANCE_MS);
  let dayOffset = 0;
  if (past.length === 0 && (today.length > 0 || !gapIsPast(now, mode, h, mi, s))) {
    dayOffset = -1;
    past = on(-1);
  }
  const time = `${pad(h)}:${pad(mi)}${m[3] === undefined ? '' : `:${pad(s)}`}`;
  const day = dayText(calendarDayFrom(now, mode, dayOffset));
  const [first, second] = past;
  if (first === undefined)
    return {
      type: 'error',
      message:
        dayOffset === 0
          ? `${time} did not happen on ${day} in ${zone}: the clocks went forward over it. Give a time before or after the change.`
          : `${time} is still to come today, and yesterday (${day}) it did not happen in ${zone}: the clocks went forward over it. Give a time that has passed, or go back with -3m.`,
    };
  if (dayOffset === -1 && now - (second ?? first) > YESTERDAY_ASK_AFTER_MS)
    return askYesterday(time, day, now, mode, first, second);
  if (second === undefined) return Math.min(first, now);
  const a = { at: first, label: `${time} ${zoneLabel(first, mode)}` };
  const b = { at: second, label: `${time} ${zoneLabel(second, mode)}` };
  return {
    type: 'ask',
    message: `${time} happened twice on ${day} in ${zone} (the clocks went back): first ${a.label}, then ${b.label}. Which one?`,
    choices: [
      { at: a.at, label: `${a.label} (first)` },
      { at: b.at, label: `${b.label} (second)` },
    ],
  };
}

/**
 * The question for a time still to come today whose yesterday reading is far back: it says how
 * far, offers yesterday's instant (both, earliest first, when it happened twice), and says what
 * to write instead for a time today.
 */
function askYesterday(
  time: string,
  day: string,
  now: number,
  mode: TimeZoneMode,
  first: number,
  second: number | undefined,
): Extract<BackdateResult, { type: 'ask' }> {
  const nowText = formatTimeOfDay(now, mode);
  const at = (t: number) => `${time} ${zoneLabel(t, mode)}`;
  const ago = (t: number) => `${formatDuration(now - t, { precision: 'minute' })} ago`;
  const instead = `Or correct the time: @${nowText} or earlier is today, and -10m is 10 minutes ago.`;
  const head = `${time} is still to come today (it is ${nowText} ${zoneLabel(now, mode)} now).`;
  if (second === undefined)
    return {
      type: 'ask',
      message: `${head} Yesterday's ${time} was ${day} ${at(first)}, ${ago(first)}: choose it to log the entry then. ${instead}`,
      choices: [{ at: first, label: `Yesterday, ${day} ${at(first)}` }],
    };
  return {
    type: 'ask',
    message: `${head} Yesterday, ${day}, ${time} happened twice (the clocks went back): ${at(first)}, ${ago(first)}, then ${at(second)}, ${ago(second)}. Choose one to log the entry then. ${instead}`,
    choices: [
      { at: first, label: `Yesterday, ${day} ${at(first)} (first)` },
      { at: second, label: `Yesterday, ${day} ${at(second)} (second)` },
    ],
  };
}
