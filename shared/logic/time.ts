/**
 * Every duration, countdown and time of day the app shows or exports goes through this module.
 *
 * Zone arithmetic (offsets, daylight-saving gaps and overlaps, abbreviations, calendar days in a
 * zone) is done by @date-fns/tz and date-fns, which read the IANA rules through Intl, rather than
 * by Date's local-time constructor: that silently moved 02:30 on a spring-forward day to 03:30
 * and picked one of the two 01:30s of a fall-back night without asking.
 */
import { tz, tzName, tzOffset } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { timestampRangeProblem } from '../domain/timestamp';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type TimeZoneMode = 'utc' | 'local';

/** Below this, durations are shown to the second ("5 min 59 s"); from here on, to the minute. */
export const SECONDS_SHOWN_BELOW_MS = 10 * MINUTE;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Elapsed time as T+h:mm (T+0:05, T+26:40). Negative spans (a backdated entry before the start)
 * read T-h:mm. The T+ prefix marks it as an offset from the start, never a time of day.
 */
export function formatElapsed(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.floor(Math.abs(ms) / MINUTE);
  return `T${sign}${Math.floor(total / 60)}:${pad(total % 60)}`;
}

/** Minutes and seconds, "12:04" (floored, never negative). Only for spans under an hour. */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / SECOND));
  return `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

export interface DurationOptions {
  /**
   * 'auto' (default): to the second below 10 minutes, else to the minute. 'minute' where a
   * rounded figure is meant (time until a scheduled update: "in 5 min", not "in 4 min 31 s").
   */
  precision?: 'auto' | 'second' | 'minute';
  /**
   * 'short' (default, the app's screens and exports): "1 d 0 h 44 min". 'words', for sentences in
   * stakeholder messages and timeline text (the seed's "In 15 minutes"): "1 day 0 hours 44 minutes".
   * Same units, same rounding; only the unit names differ.
   */
  style?: 'short' | 'words';
}

const UNIT_WORDS: Readonly<Record<string, [string, string]>> = {
  d: ['day', 'days'],
  h: ['hour', 'hours'],
  min: ['minute', 'minutes'],
  s: ['second', 'seconds'],
};

/**
 * The one duration style: days, hours, minutes (and seconds below 10 minutes), from the largest
 * unit present down to the last non-zero one, with any zero unit in between written out, so a
 * figure never reads as coarser than it is. Rounded to the nearest shown unit, never truncated
 * (truncation made a 2.5 min mean read "2 min" and 24 h 44 min read "1 d").
 *
 * 45 s → "45 s"; 150 s → "2 min 30 s"; 5 min 59 s → "5 min 59 s"; 20 min 27 s → "20 min";
 * 2 h → "2 h"; 24 h 44 min → "1 d 0 h 44 min"; 32 h 30 min → "1 d 8 h 30 min"; 0 → "0 s".
 * Negative spans keep their sign ("−3 min"), so an impossible figure is never shown as 0.
 */
export function formatDuration(ms: number, options: DurationOptions = {}): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  const precision = options.precision ?? 'auto';
  const bySecond =
    precision === 'second' ||
    (precision === 'auto' && Math.round(abs / SECOND) * SECOND < SECONDS_SHOWN_BELOW_MS);
  const unit = bySecond ? SECOND : MINUTE;
  let rest = Math.round(abs / unit) * unit;
  const d = Math.floor(rest / DAY);
  rest -= d * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  const s = Math.round((rest - m * MINUTE) / SECOND);
  const units: [number, string][] = [
    [d, 'd'],
    [h, 'h'],
    [m, 'min'],
  ];
  if (bySecond) units.push([s, 's']);
  // From the largest non-zero unit down to the last non-zero one; zeros in between are kept.
  const first = units.findIndex(([n]) => n > 0);
  const last = units.findLastIndex(([n]) => n > 0);
  const shown = first === -1 ? units.slice(-1) : units.slice(first, last + 1);
  const words = options.style === 'words';
  const parts = shown.map(([n, u]) => {
    const [one, many] = UNIT_WORDS[u] ?? [u, u];
    return `${n} ${words ? (n === 1 ? one : many) : u}`;
  });
  return sign + parts.join(' ');
}

/**
 * A countdown's remaining time: "12:04" (m:ss) under an hour, where it cannot be taken for a
 * time of day; from an hour on it is a duration ("1 h 2 min"), never "1:02:03".
 */
export function formatCountdown(remainingMs: number): string {
  const ms = Math.max(0, remainingMs);
  return ms < HOUR ? formatClock(ms) : formatDuration(ms);
}

let cachedSystemZone: string | null = null;

/**
 * Local-time zone in force: the machine's IANA zone (the browser context's in Playwright). Read
 * once, since building an Intl formatter for every time shown is slow; a change of the machine's
 * zone is picked up on reload (tests call `resetLocalZoneCache` after setting TZ).
 */
function systemZone(): string {
  cachedSystemZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return cachedSystemZone;
}

/** Forgets the machine zone and zone labels read so far (for tests that change TZ). */
export function resetLocalZoneCache(): void {
  cachedSystemZone = null;
  labelCache.clear();
}

/** The IANA zone a mode stands for: "UTC", or the machine's zone (e.g. "America/New_York"). */
export function zoneName(mode: TimeZoneMode): string {
  return mode === 'utc' ? 'UTC' : systemZone();
}

/** Offset from UTC in minutes at `at` in `zone` (−300 for New York in winter). */
export function zoneOffsetMinutes(zone: string, at: number): number {
  return zone === 'UTC' ? 0 : tzOffset(zone, new Date(at));
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The zone marker printed after a time: "UTC" in UTC mode; in local mode the zone's
 * abbreviation when Intl has a letter one for it (EST, EDT, GMT), else the offset
 * ("UTC+01:00", "UTC+11:00", "UTC−03:00"). It is worked out per instant, so the two sides of a
 * daylight-saving change carry different markers.
 */
export function zoneLabel(at: number, mode: TimeZoneMode): string {
  const zone = zoneName(mode);
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const offset = zoneOffsetMinutes(zone, at);
  // A zone's marker depends only on its offset (EST at −300, EDT at −240): ask Intl once each.
  const key = `${zone} ${offset}`;
  let label = labelCache.get(key);
  if (label === undefined) {
    const short = tzName(zone, new Date(at), 'short');
    label = /^[A-Z]{2,5}$/.test(short) ? short : offsetText(offset);
    labelCache.set(key, label);
  }
  return label;
}

const labelCache = new Map<string, string>();

/** Wall-clock fields of `at` in the mode's zone, from the zone's offset at that instant. */
interface Fields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function fields(at: number, mode: TimeZoneMode): Fields {
  // The offset comes from @date-fns/tz (Intl's zone rules); the fields are then plain UTC
  // arithmetic. date-fns' `format` gives the same strings but costs 10–20× more per call, and
  // a timeline or post-mortem formats thousands of times.
  const t = new Date(at + zoneOffsetMinutes(zoneName(mode), at) * MINUTE);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

const dateOf = (f: Fields): string => `${f.y}-${pad(f.mo)}-${pad(f.d)}`;
const timeOf = (f: Fields): string => `${pad(f.h)}:${pad(f.mi)}`;

/** "14:05" or "14:05:09", in UTC or local time, without a zone marker (see `zoneLabel`). */
export function formatTimeOfDay(at: number, mode: TimeZoneMode, withSeconds = false): string {
  const f = fields(at, mode);
  return withSeconds ? `${timeOf(f)}:${pad(f.s)}` : timeOf(f);
}

/** "2026-11-22" in UTC or local time. */
export function formatDate(at: number, mode: TimeZoneMode): string {
  return dateOf(fields(at, mode));
}

/** "2026-11-22 14:05 UTC", or in local mode "2026-11-22 09:00 EST" / "… 10:00 UTC+01:00". */
export function formatDateTime(at: number, mode: TimeZoneMode): string {
  const f = fields(at, mode);
  return `${dateOf(f)} ${timeOf(f)} ${zoneLabel(at, mode)}`;
}

/** True when two instants fall on different calendar days in the given zone. */
export function spansDays(from: number, to: number, mode: TimeZoneMode): boolean {
  return formatDate(from, mode) !== formatDate(to, mode);
}

/**
 * Time of an event for a timeline: "14:05 UTC" or "01:40 EDT", with the date when the incident
 * spans days. Always with its zone, so a copied line cannot be read in another one.
 */
export function formatEventTime(at: number, mode: TimeZoneMode, showDate: boolean): string {
  const time = `${formatTimeOfDay(at, mode)} ${zoneLabel(at, mode)}`;
  return showDate ? `${formatDate(at, mode)} ${time}` : time;
}

/**
 * A span of time of day: "14:05 – 16:00 UTC", "2026-11-22 23:10 – 2026-11-23 01:00 UTC", and
 * when the two ends carry different markers (a daylight-saving change in between)
 * "01:40 EDT – 01:10 EST". `to` null reads "– ongoing".
 */
export function formatTimeRange(from: number, to: number | null, mode: TimeZoneMode): string {
  if (to === null)
    return `${formatDate(from, mode)} ${formatTimeOfDay(from, mode)} ${zoneLabel(from, mode)} – ongoing`;
  const withDate = spansDays(from, to, mode);
  const at = (t: number) =>
    withDate ? `${formatDate(t, mode)} ${formatTimeOfDay(t, mode)}` : formatTimeOfDay(t, mode);
  const a = zoneLabel(from, mode);
  const b = zoneLabel(to, mode);
  return a === b ? `${at(from)} – ${at(to)} ${b}` : `${at(from)} ${a} – ${at(to)} ${b}`;
}

/**
 * Value for an <input type="datetime-local"> showing `at` in the given zone ("2026-11-22T14:05").
 */
export function toDateTimeInputValue(at: number, mode: TimeZoneMode): string {
  const f = fields(at, mode);
  return `${dateOf(f)}T${timeOf(f)}`;
}

/** One of the instants a wall-clock time stands for, with its marker ("01:30 EDT"). */
export interface WallTimeChoice {
  at: number;
  label: string;
}

/** What a typed wall-clock time is in a zone. */
export type WallTimeResult =
  | { kind: 'ok'; at: number }
  | { kind: 'invalid' }
  /** It never happened: the clocks jumped over it (02:30 on a spring-forward day). */
  | { kind: 'gap'; message: string }
  /** A real time, but outside what Warroom stores (before 1970): said in plain words. */
  | { kind: 'out-of-range'; message: string }
  /** It happened twice (01:30 on a fall-back night): earlier instant first. */
  | { kind: 'ambiguous'; message: string; choices: [WallTimeChoice, WallTimeChoice] };

/**
 * The instants at which the wall clock in `zone` read y-mo-d h:mi:s: none (a gap), one, or two
 * (an overlap), earliest first. Each candidate is the wall time minus an offset the zone uses
 * near that date, kept when the zone really has that offset at the candidate instant.
 */
export function wallTimeInstants(
  zone: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s = 0,
): number[] {
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsets = new Set(
    [-2 * DAY, -DAY, 0, DAY, 2 * DAY].map((delta) => zoneOffsetMinutes(zone, naive + delta)),
  );
  const found = new Set<number>();
  for (const off of offsets) {
    const at = naive - off * MINUTE;
    if (zoneOffsetMinutes(zone, at) === off) found.add(at);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Reads a wall-clock time typed for the given zone. A time that does not exist (skipped by a
 * daylight-saving change) is refused with a message; one that occurs twice returns both instants
 * to choose from. `mode` 'utc' never has either.
 */
export function resolveWallTime(
  mode: TimeZoneMode,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s = 0,
): WallTimeResult {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
    return { kind: 'invalid' };
  // Reject dates that roll over (2026-02-31).
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return { kind: 'invalid' };
  const wall = `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}${s ? `:${pad(s)}` : ''}`;
  const found = wallTimeInstants(zoneName(mode), y, mo, d, h, mi, s);
  const [first, second] = found;
  if (first === undefined) {
    return {
      kind: 'gap',
      message: `${wall} did not happen in ${zoneName(mode)}: the clocks went forward over it. Enter a time before or after the change.`,
    };
  }
  const range = timestampRangeProblem(first);
  if (range) return { kind: 'out-of-range', message: range };
  if (second === undefined) return { kind: 'ok', at: first };
  const time = `${pad(h)}:${pad(mi)}${s ? `:${pad(s)}` : ''}`;
  const a = { at: first, label: `${time} ${zoneLabel(first, mode)}` };
  const b = { at: second, label: `${time} ${zoneLabel(second, mode)}` };
  return {
    kind: 'ambiguous',
    message: `${wall} happened twice in ${zoneName(mode)} (the clocks went back): first ${a.label}, then ${b.label}. Choose which.`,
    choices: [a, b],
  };
}

/**
 * Parses an <input type="datetime-local"> value ("2026-11-22T14:05") in the given zone:
 * 'invalid' when empty or malformed, 'gap' / 'ambiguous' across a daylight-saving change.
 */
export function parseDateTimeInput(value: string, mode: TimeZoneMode): WallTimeResult {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return { kind: 'invalid' };
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return resolveWallTime(mode, y, mo, d, h, mi, s);
}

/**
 * The message a typed datetime-local value earns as it is typed, before any submit: a time the
 * clocks skipped, or one outside what Warroom stores; null otherwise (ambiguous times ask their
 * own question, and empty or half-typed text waits for the submit).
 */
export function dateTimeInputProblem(value: string, mode: TimeZoneMode): string | null {
  const r = parseDateTimeInput(value, mode);
  return r.kind === 'gap' || r.kind === 'out-of-range' ? r.message : null;
}

/**
 * The same instant written for another zone: `value` read as a wall-clock time in `from`, then
 * written as the wall-clock time in `to` (so a field keeps meaning the same moment when the
 * display zone changes under it). Text that does not name one instant in `from` (empty,
 * half-typed, skipped, out of range) is returned unchanged; an ambiguous time takes `chosenAt`
 * when it is one of its instants, else it is returned unchanged.
 */
export function reexpressDateTimeInput(
  value: string,
  from: TimeZoneMode,
  to: TimeZoneMode,
  chosenAt: number | null = null,
): string {
  if (from === to) return value;
  const r = parseDateTimeInput(value, from);
  const at =
    r.kind === 'ok'
      ? r.at
      : r.kind === 'ambiguous'
        ? r.choices.find((c) => c.at === chosenAt)?.at
        : undefined;
  if (at === undefined) return value;
  const seconds = /:\d{2}:\d{2}$/.test(value.trim());
  const f = fields(at, to);
  return `${dateOf(f)}T${timeOf(f)}${seconds ? `:${pad(f.s)}` : ''}`;
}

/**
 * The calendar day `offset` days from `at`'s day in the zone, as [year, month 1-12, day]; date-fns
 * counts calendar days in the zone, so "yesterday" stays a calendar day across a DST change.
 */
export function calendarDayFrom(
  at: number,
  mode: TimeZoneMode,
  offset: number,
): [number, number, number] {
  const f = fields(addDays(at, offset, { in: tz(zoneName(mode)) }).getTime(), mode);
  return [f.y, f.mo, f.d];
}

/**
 * The instant a typed datetime-local value stands for, once the user has answered the question
 * an ambiguous one asks (`chosenAt`, one of its `choices`). Refusals, as messages for the field:
 * a gap's message; "choose which" while an ambiguous time has no (valid) choice; null for an
 * empty or malformed value, where the caller's own wording fits best.
 */
export function settleDateTimeInput(
  value: string,
  mode: TimeZoneMode,
  chosenAt: number | null,
): { ok: true; at: number } | { ok: false; error: string | null } {
  const r = parseDateTimeInput(value, mode);
  switch (r.kind) {
    case 'ok':
      return { ok: true, at: r.at };
    case 'invalid':
      return { ok: false, error: null };
    case 'gap':
    case 'out-of-range':
      return { ok: false, error: r.message };
    case 'ambiguous': {
      const chosen = r.choices.find((c) => c.at === chosenAt);
      return chosen
        ? { ok: true, at: chosen.at }
        : { ok: false, error: `${r.message.replace(/ Choose which\.$/, '')} Choose one below.` };
    }
  }
}

/**
 * A datetime-local field's text and chosen instant (epoch ms, or null before any choice),
 * rewritten for another display zone: the text names the same instant in `to`
 * (`reexpressDateTimeInput`), and that instant becomes the choice, so a time that happens twice
 * in `to` (it did not in `from`, or the choice was made there) does not ask again. Text that
 * names no one instant in `from` is returned as it was, with its choice.
 */
export function reexpressDateTimeDraft(
  value: string,
  chosenAt: number | null,
  from: TimeZoneMode,
  to: TimeZoneMode,
): { value: string; chosenAt: number | null } {
  if (from === to) return { value, chosenAt };
  const settled = settleDateTimeInput(value, from, chosenAt);
  return {
    value: reexpressDateTimeInput(value, from, to, chosenAt),
    chosenAt: settled.ok ? settled.at : chosenAt,
  };
}
