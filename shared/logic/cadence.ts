import {
  AUDIENCES,
  AUDIENCE_LABELS,
  type Audience,
  type AudienceCadence,
} from '../domain/audience';
import type { Incident } from '../domain/incident';
import { SEVERITY_MATRIX, type Severity } from '../domain/severity';
import { CADENCE_MINUTES_MAX } from '../domain/settings';
import {
  calendarDayFrom,
  formatCountdown,
  formatDuration,
  formatEventTime,
  resolveWallTime,
  type TimeZoneMode,
} from './time';

const MINUTE = 60_000;

/** The part of the settings the cadence needs (AppSettings satisfies it). */
export interface CadenceSettings {
  cadenceMinutes: Partial<Record<Severity, number>>;
}

/** The incident fields the cadence reads, so callers and tests need not build a whole record. */
export type CadenceIncident = Pick<Incident, 'severity' | 'status' | 'milestones' | 'createdAt'> & {
  impact: Pick<Incident['impact'], 'customerFacing'>;
  cadence: Partial<Incident['cadence']>;
};

/** The countdown turns "due soon" in its last two minutes. */
export const DUE_SOON_MS = 2 * MINUTE;

/**
 * Snooze lengths the UI offers, in minutes. Any whole number of minutes from 1 up to
 * {@link MAX_SNOOZE_MINUTES} is accepted: over a long restore (18 h at a 15-minute cadence) a
 * 15-minute ceiling meant some 70 reminders per audience.
 */
export const SNOOZE_MINUTES = [5, 10, 15, 30, 60, 90, 120, 180, 240, 360] as const;
/** The longest snooze: 6 hours ("a few hours"; past that, set the next update time instead). */
export const MAX_SNOOZE_MINUTES = 6 * 60;
export type SnoozeMinutes = number;

/** True for a snooze length the app accepts: whole minutes, 1 to {@link MAX_SNOOZE_MINUTES}. */
export function isSnoozeMinutes(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_SNOOZE_MINUTES;
}

/** "5 minutes", "1 hour", "90 minutes", "2 hours": the option text for a snooze length. */
export function snoozeLabel(minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0
    ? plural(minutes / 60, 'hour')
    : plural(minutes, 'minute');
}

/**
 * Reads a typed snooze length: "45", "45 min", "2 h", "2h", "1 h 30 min", "1h30m", "1:30"
 * (hours:minutes). Returns whole minutes, or an error in words for anything else, for zero, and
 * for more than {@link MAX_SNOOZE_MINUTES}.
 */
export function parseSnoozeLength(text: string): { minutes: number } | { error: string } {
  const t = text.trim().toLowerCase();
  const usage = 'Write it as minutes or hours, e.g. 45 min, 2 h, 1 h 30 min.';
  let minutes: number | null = null;
  const clock = /^(\d{1,2}):(\d{2})$/.exec(t);
  const words =
    /^(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours))?\s*(?:(\d+)\s*(?:m|min|mins|minute|minutes)?)?$/.exec(
      t,
    );
  // "1:75" is not a clock length: minutes past 59 are refused, not carried into the hours.
  if (clock && Number(clock[2]) <= 59) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  else if (!clock && t && words && (words[1] !== undefined || words[2] !== undefined))
    minutes = Math.round(Number(words[1] ?? 0) * 60) + Number(words[2] ?? 0);
  if (minutes === null) return { error: `"${text.trim().slice(0, 30)}" is not a length. ${usage}` };
  if (minutes < 1) return { error: 'Snooze for at least a minute.' };
  if (minutes > MAX_SNOOZE_MINUTES)
    return {
      error: `Snooze for at most ${snoozeLabel(MAX_SNOOZE_MINUTES)}; for longer, set the next update time.`,
    };
  return { minutes };
}

/** The hand-set "next update at" of an audience, or null (older rows lack the fields). */
export function nextUpdateOverride(
  book: Partial<AudienceCadence> | undefined,
): { at: number; reason: string } | null {
  const at = book?.nextUpdateAt;
  return at === undefined || at === null ? null : { at, reason: book?.nextUpdateReason ?? '' };
}

/**
 * The instant a typed "HH:MM" means as a next update time: the next time the clock shows it in
 * the zone (today, or tomorrow when it has passed), so it is always within the next 24 hours.
 * Refuses text that is not a time of day, and a local time that does not exist that day (the
 * hour skipped when clocks go forward).
 */
export function nextTimeOfDay(
  text: string,
  now: number,
  zone: TimeZoneMode,
): { at: number } | { error: string } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const h = Number(m?.[1]);
  const mi = Number(m?.[2]);
  if (!m || h > 23 || mi > 59) return { error: 'Enter a time of day as HH:MM (24-hour).' };
  // Today's date in the zone, then tomorrow's: the first instant still ahead is the next time
  // the clock shows HH:MM. A time that happens twice (fall-back night) is next at whichever of
  // its instants comes first after now; one the clocks skip does not exist that day.
  for (const offset of [0, 1]) {
    const [y, mo, d] = calendarDayFrom(now, zone, offset);
    const wall = resolveWallTime(zone, y, mo, d, h, mi);
    if (wall.kind === 'gap')
      return { error: `${text.trim()} does not exist that day (the clocks go forward).` };
    const instants =
      wall.kind === 'ok'
        ? [wall.at]
        : wall.kind === 'ambiguous'
          ? wall.choices.map((c) => c.at)
          : [];
    const next = instants.find((at) => at > now);
    if (next !== undefined) return { at: next };
  }
  return { error: 'Enter a time of day as HH:MM (24-hour).' };
}

/** A planned next update, with what the person should know before it is recorded. */
export interface NextUpdatePlan {
  readonly at: number;
  /** The time has already passed today: the plan is for tomorrow, which must be confirmed. */
  readonly passedToday: boolean;
  /** Set when the plan is later than one cadence from now: says how far and what the cadence is. */
  readonly warning?: string;
}

/**
 * A typed next update time ({@link nextTimeOfDay}) checked against the audience's cadence.
 * `passedToday`: the clock already showed HH:MM today in the zone, so the plan is tomorrow's,
 * unless tomorrow's is within one cadence (00:30 typed at 23:50 is simply the next 00:30, not a
 * mistake). A plan later than one cadence from now carries a warning.
 */
export function planNextUpdate(
  text: string,
  now: number,
  zone: TimeZoneMode,
  cadenceMs: number,
): NextUpdatePlan | { error: string } {
  const when = nextTimeOfDay(text, now, zone);
  if ('error' in when) return when;
  const away = when.at - now;
  const [y, mo, d] = calendarDayFrom(when.at, zone, 0);
  const [ty, tmo, td] = calendarDayFrom(now, zone, 0);
  const tomorrow = y !== ty || mo !== tmo || d !== td;
  const passedToday = tomorrow && away > cadenceMs;
  return {
    at: when.at,
    passedToday,
    ...(away > cadenceMs
      ? {
          warning: `That is ${spanInWords(away)} from now, beyond this audience’s cadence of an update every ${spanInWords(cadenceMs)}.`,
        }
      : {}),
  };
}

export type CadenceState = 'calm' | 'due-soon' | 'overdue' | 'snoozed' | 'stopped';

/** Where one audience's countdown stands at `now`. */
export interface AudienceDue {
  audience: Audience;
  /** When the next update is due (the snooze's end while a snooze is pushing it). */
  dueAt: number;
  /** What the countdown runs from: the last update sent, or declaration when none was. */
  anchor: 'declared' | 'last-update';
  anchorAt: number;
  /** Time left, 0 once due; 0 when stopped. */
  remainingMs: number;
  state: CadenceState;
  /** How long past due, 0 when not overdue. */
  overdueMs: number;
  /** Time since the anchor (never negative). */
  sinceLastMs: number;
  /** Resolved incidents only: the "Resolved" message has not yet gone to this audience. */
  resolvedMessageDue: boolean;
}

/**
 * Update cadence for a severity in ms: the user's setting when there is a valid one (whole
 * minutes, 1 to CADENCE_MINUTES_MAX), else the seed matrix default. A stored figure out of range
 * (from before the bound) never switches the reminders off.
 */
export function cadenceMsFor(severity: Severity, settings?: CadenceSettings): number {
  const minutes = settings?.cadenceMinutes[severity];
  return minutes !== undefined &&
    Number.isInteger(minutes) &&
    minutes > 0 &&
    minutes <= CADENCE_MINUTES_MAX
    ? minutes * MINUTE
    : SEVERITY_MATRIX[severity].cadenceMs;
}

/** Audiences with a countdown: engineering and executives always, customers while customer-facing. */
export function activeAudiences(incident: Pick<CadenceIncident, 'impact'>): Audience[] {
  return AUDIENCES.filter((a) => a !== 'customers' || incident.impact.customerFacing);
}

/**
 * One audience's countdown at `now`. Returns null for customers while the incident is not
 * customer-facing: there is no customer countdown to show then (not even a stopped one), and
 * null makes "render nothing" the obvious thing for the caller to do.
 *
 * - The countdown runs from the audience's last update, else from declaration (else creation),
 *   to one cadence later, or to the hand-set "next update at" while there is one.
 * - A snooze moves the due time to max(due, snoozedUntil). Once it lapses, "overdue" counts from
 *   the snooze's end, so a lapsed 5-minute snooze reads "Overdue by 1 s", not the original lateness.
 * - If the clock has gone back past the anchor, `now` is taken as the anchor: remaining is the
 *   full cadence and sinceLast 0, rather than more than a cadence left or negative time since.
 * - Resolved incidents are 'stopped'; `resolvedMessageDue` says whether the Resolved message is
 *   still owed (no update sent at or after the resolved milestone).
 */
export function audienceDue(
  incident: CadenceIncident,
  audience: Audience,
  now: number,
  cadenceMs: number,
): AudienceDue | null {
  if (audience === 'customers' && !incident.impact.customerFacing) return null;
  const book = incident.cadence[audience];
  const lastSentAt = book?.lastSentAt ?? null;
  const anchorAt = lastSentAt ?? incident.milestones.declared ?? incident.createdAt;
  const anchor = lastSentAt === null ? 'declared' : 'last-update';
  const at = Math.max(now, anchorAt);
  // A hand-set "next update at" replaces the cadence until the next update is sent (sending
  // one writes a fresh record without it).
  const baseDue = nextUpdateOverride(book)?.at ?? anchorAt + cadenceMs;
  const snoozedUntil = book?.snoozedUntil ?? null;
  const dueAt = snoozedUntil === null ? baseDue : Math.max(baseDue, snoozedUntil);
  const sinceLastMs = at - anchorAt;

  if (incident.status === 'resolved') {
    const resolvedAt = incident.milestones.resolved;
    const resolvedMessageDue =
      lastSentAt === null || (resolvedAt !== undefined && lastSentAt < resolvedAt);
    const base = { audience, dueAt, anchor, anchorAt, sinceLastMs } as const;
    return { ...base, remainingMs: 0, state: 'stopped', overdueMs: 0, resolvedMessageDue };
  }

  const remainingMs = Math.max(0, dueAt - at);
  const overdueMs = Math.max(0, at - dueAt);
  const snoozing = snoozedUntil !== null && snoozedUntil > at && snoozedUntil > baseDue;
  const state: CadenceState = snoozing
    ? 'snoozed'
    : remainingMs === 0
      ? 'overdue'
      : remainingMs <= DUE_SOON_MS
        ? 'due-soon'
        : 'calm';
  return {
    audience,
    dueAt,
    anchor,
    anchorAt,
    remainingMs,
    state,
    overdueMs,
    sinceLastMs,
    resolvedMessageDue: false,
  };
}

/** Every active audience's countdown for an incident at its current severity. */
export function incidentDues(
  incident: CadenceIncident,
  now: number,
  settings?: CadenceSettings,
): AudienceDue[] {
  const cadenceMs = cadenceMsFor(incident.severity, settings);
  return activeAudiences(incident).flatMap((a) => audienceDue(incident, a, now, cadenceMs) ?? []);
}

/** Overdue countdowns across incidents (one per audience), for the app badge. Snoozed ones don't count. */
export function overdueCount(
  incidents: readonly CadenceIncident[],
  now: number,
  settings?: CadenceSettings,
): number {
  let count = 0;
  for (const incident of incidents) {
    for (const due of incidentDues(incident, now, settings))
      if (due.state === 'overdue') count += 1;
  }
  return count;
}

/**
 * A countdown's text: the time left, "12:04" (m:ss) under an hour and "1 h 2 min" from an hour
 * on; "Overdue by 3 min 5 s" once due (an age is a duration, never "Overdue 3:05", which reads as
 * a time of day); for stopped ones "Resolved message due" or "Stopped".
 */
export function timerText(
  due: Pick<AudienceDue, 'state' | 'remainingMs' | 'overdueMs' | 'resolvedMessageDue'>,
): string {
  if (due.state === 'stopped') return due.resolvedMessageDue ? 'Resolved message due' : 'Stopped';
  if (due.state === 'overdue') return `Overdue by ${formatDuration(due.overdueMs)}`;
  return formatCountdown(due.remainingMs);
}

/**
 * A span for a sentence, never negative: `formatDuration` in words ("12 minutes",
 * "2 minutes 30 seconds", "1 day 0 hours 44 minutes").
 */
export function spanInWords(ms: number): string {
  return formatDuration(Math.max(0, ms), { style: 'words' });
}

/** "It has been 12 minutes since the last update" (or "…since declaration" before the first). */
export function sinceLastText(due: Pick<AudienceDue, 'sinceLastMs' | 'anchor'>): string {
  const since = due.anchor === 'last-update' ? 'the last update' : 'declaration';
  return `It has been ${spanInWords(due.sinceLastMs)} since ${since}`;
}

/** The new plan after a severity change, for the change's timeline entry. */
export interface Replan {
  severity: Severity;
  cadenceMs: number;
  audiences: AudienceDue[];
  /** e.g. "Update cadence is now every 15 min. Next updates: Engineering 14:20 UTC (in 12 min); …" */
  text: string;
}

/**
 * Re-plans every active audience's next update for a new severity. The countdowns keep their
 * anchors (the last update sent), so raising severity can make an update due at once: that is
 * the honest answer, since the new cadence says one should already have gone out.
 */
export function replanAfterSeverityChange(
  incident: CadenceIncident,
  newSeverity: Severity,
  now: number,
  settings?: CadenceSettings,
  timeZone: TimeZoneMode = 'utc',
): Replan {
  const next = { ...incident, severity: newSeverity };
  const cadenceMs = cadenceMsFor(newSeverity, settings);
  const audiences = incidentDues(next, now, settings);
  const parts = audiences.map((d) => {
    const label = AUDIENCE_LABELS[d.audience];
    if (d.state === 'stopped') return `${label} stopped (resolved)`;
    if (d.state === 'overdue') return `${label} due now`;
    const when = formatEventTime(d.dueAt, timeZone, false);
    return `${label} ${when} (in ${formatDuration(d.remainingMs, { precision: 'minute', style: 'words' })})`;
  });
  const every = formatDuration(cadenceMs, { precision: 'minute', style: 'words' }).replace(
    /^1 (\w+)$/,
    '$1',
  );
  const text = `Update cadence is now every ${every}. Next updates: ${parts.join('; ')}.`;
  return { severity: newSeverity, cadenceMs, audiences, text };
}

/**
 * When a snooze of `minutes` (1 to {@link MAX_SNOOZE_MINUTES}) should end: that long after the
 * due time, or after now when the update is already due, so snoozing an overdue update always
 * gives the full snooze from now.
 */
export function snooze(
  due: Pick<AudienceDue, 'dueAt'>,
  minutes: SnoozeMinutes,
  now: number,
): { snoozedUntil: number } {
  return { snoozedUntil: Math.max(now, due.dueAt) + minutes * MINUTE };
}

/** "1 hour", "90 minutes": a count with its unit, plural when it is not 1. */
function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
