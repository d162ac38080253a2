import type { Hypothesis, HypothesisStatus } from '../domain/records';
import { formatCountdown, formatDuration } from './time';
import { TIMEBOX_MINUTES_MAX } from '../domain/settings';
import type { NumberSpec } from './number-input';

const MINUTE = 60_000;

/** The seed's timebox: 15 minutes per investigation path, then pivot or escalate. */
export const DEFAULT_TIMEBOX_MS = 15 * MINUTE;

const CLOSED_TEXT: Readonly<Record<Exclude<HypothesisStatus, 'open'>, string>> = {
  confirmed: 'Confirmed',
  'ruled-out': 'Ruled out',
  abandoned: 'Abandoned',
};

/**
 * The timebox length from settings, or the 15-minute default when unset or invalid (not whole
 * minutes from 1 to TIMEBOX_MINUTES_MAX, e.g. a figure stored before that bound).
 */
export function hypothesisTimeboxMs(settings?: { hypothesisTimeboxMinutes?: number }): number {
  const m = settings?.hypothesisTimeboxMinutes;
  return m !== undefined && Number.isInteger(m) && m > 0 && m <= TIMEBOX_MINUTES_MAX
    ? m * MINUTE
    : DEFAULT_TIMEBOX_MS;
}

/** The most one extension of a timebox may add, in minutes: 24 hours. */
export const MAX_EXTEND_MINUTES = 24 * 60;

/** What Extend by (minutes) accepts: whole minutes, 1 to {@link MAX_EXTEND_MINUTES}. */
export const EXTEND_MINUTES_SPEC: NumberSpec = {
  min: 1,
  max: MAX_EXTEND_MINUTES,
  integer: true,
  unit: 'minutes',
  maxNote: ' (24 hours)',
};

/** The dueAt to store when a hypothesis opens. */
export function hypothesisDueAt(openedAt: number, timeboxMs = DEFAULT_TIMEBOX_MS): number {
  return openedAt + timeboxMs;
}

export interface HypothesisState {
  open: boolean;
  /** Time left in the timebox; 0 once expired or closed. */
  remainingMs: number;
  /** Open and past its timebox: time to pivot or escalate. */
  expired: boolean;
  /** How far past the timebox, 0 when not expired. */
  overdueMs: number;
  /**
   * Timer text: the time left ("12:04", or "1 h 5 min" for a long timebox), "Expired 20 min ago"
   * (an age, never "Expired 20:27", which reads as a time of day), or the closed status.
   */
  text: string;
}

/**
 * Where a hypothesis's timebox stands at `now`. If the clock reads earlier than when it opened,
 * `now` is taken as the opening time, so the timer shows the full timebox rather than more.
 */
export function hypothesisState(
  h: Pick<Hypothesis, 'status' | 'openedAt' | 'dueAt'>,
  now: number,
): HypothesisState {
  if (h.status !== 'open') {
    return {
      open: false,
      remainingMs: 0,
      expired: false,
      overdueMs: 0,
      text: CLOSED_TEXT[h.status],
    };
  }
  const at = Math.max(now, h.openedAt);
  const remainingMs = Math.max(0, h.dueAt - at);
  const expired = at >= h.dueAt;
  const overdueMs = Math.max(0, at - h.dueAt);
  const text = expired
    ? overdueMs < 500
      ? 'Expired just now'
      : `Expired ${formatDuration(overdueMs)} ago`
    : formatCountdown(remainingMs);
  return { open: true, remainingMs, expired, overdueMs, text };
}

export type ExtendResult =
  { ok: true; dueAt: number; extensions: Hypothesis['extensions'] } | { ok: false; error: string };

/**
 * Extends an open hypothesis's timebox by `addedMs`, recording why. The extension counts from
 * the later of the current due time and now: extending an expired timebox by 10 minutes gives
 * 10 minutes from now, not what is left of 10 minutes since it expired.
 */
export function extendHypothesis(
  h: Pick<Hypothesis, 'status' | 'dueAt' | 'extensions'>,
  addedMs: number,
  reason: string,
  now: number,
): ExtendResult {
  if (h.status !== 'open') return { ok: false, error: 'Only an open hypothesis can be extended.' };
  if (!Number.isFinite(addedMs) || addedMs <= 0)
    return { ok: false, error: 'Extend by a positive amount of time.' };
  const why = reason.trim();
  if (!why)
    return { ok: false, error: 'Say why the timebox is extended: it goes on the timeline.' };
  return {
    ok: true,
    dueAt: Math.max(h.dueAt, now) + addedMs,
    extensions: [...h.extensions, { at: now, addedMs, reason: why }],
  };
}

/**
 * The confirmed hypotheses' texts, in the order they were confirmed (closedAt, else openedAt,
 * ms UTC; then id), trimmed, blanks left out: the last is the cause the record supports when
 * the current understanding is empty. The one reading for stakeholder messages, the Current
 * understanding panel and the post-mortem, so none of them states a different cause.
 */
export function confirmedHypothesisTexts(
  hypotheses: readonly Pick<Hypothesis, 'id' | 'status' | 'text' | 'openedAt' | 'closedAt'>[],
): string[] {
  return hypotheses
    .filter((h) => h.status === 'confirmed')
    .sort(
      (a, b) =>
        (a.closedAt ?? a.openedAt) - (b.closedAt ?? b.openedAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((h) => h.text.trim())
    .filter((t) => t !== '');
}
