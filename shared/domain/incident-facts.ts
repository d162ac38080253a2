/**
 * Facts about an incident that stakeholder messages state and that were added after the first
 * stored version: whether data was lost, the public wording of the impact, and the team's
 * current understanding of the cause. They are optional in the stored rows (older rows and
 * backups lack them), so every reader goes through the helpers here, which supply the default.
 */
import { z } from 'zod';
import { LIMITS, limitedText } from './limits';
import { tooLongMessage } from './text';

/** Whether data was lost: not yet known, none, or some (described). */
export const DATA_LOSS_STATES = ['unknown', 'none', 'some'] as const;
export const dataLossStateSchema = z.enum(DATA_LOSS_STATES);
export type DataLossState = z.infer<typeof dataLossStateSchema>;
export const DATA_LOSS_LABELS: Readonly<Record<DataLossState, string>> = {
  unknown: 'Unknown',
  none: 'None',
  some: 'Some data lost',
};

/** Longest data-loss description or window accepted (one short sentence each). */
export const DATA_LOSS_TEXT_MAX = LIMITS.dataLossWhat.max;
/** Longest public summary accepted (a status-page sentence or two). */
export const PUBLIC_SUMMARY_MAX = 1_000;
/** Longest current-understanding text accepted. */
export const UNDERSTANDING_MAX = 2_000;

/**
 * The Data loss fact. `what` says which data (e.g. "Issues and comments"); `window` which time
 * window (e.g. "17:20–23:25 UTC on 2026-11-30"). Both are '' unless `state` is 'some'.
 */
export const dataLossSchema = z.object({
  state: dataLossStateSchema,
  what: limitedText('dataLossWhat'),
  window: limitedText('dataLossWindow'),
});
export type DataLoss = z.infer<typeof dataLossSchema>;

/** What an incident says before anyone records data loss: not yet known. */
export const UNKNOWN_DATA_LOSS: DataLoss = { state: 'unknown', what: '', window: '' };

/** The recorded Data loss fact, or Unknown for rows written before it existed. */
export function dataLossOf(incident: { impact: { dataLoss?: DataLoss | undefined } }): DataLoss {
  return incident.impact.dataLoss ?? UNKNOWN_DATA_LOSS;
}

/** The Public summary (customer-facing impact wording), '' when not written. */
export function publicSummaryOf(incident: {
  impact: { publicSummary?: string | undefined };
}): string {
  return (incident.impact.publicSummary ?? '').trim();
}

/** The Current understanding (cause) text, '' when not written. */
export function understandingOf(incident: { understanding?: string | undefined }): string {
  return (incident.understanding ?? '').trim();
}

/**
 * Checks a Data loss fact as typed. Returns the field to blame and the message, or null when
 * valid: "Some data lost" needs a description of what was lost (the window may be unknown).
 */
export function dataLossProblem(
  loss: DataLoss,
): { field: 'dataLossWhat' | 'dataLossWindow'; message: string } | null {
  if (loss.state === 'some' && !loss.what.trim())
    return { field: 'dataLossWhat', message: 'Say what data was lost (e.g. "new comments").' };
  if (loss.what.length > DATA_LOSS_TEXT_MAX)
    return {
      field: 'dataLossWhat',
      message: tooLongMessage(LIMITS.dataLossWhat.label, loss.what.length, DATA_LOSS_TEXT_MAX),
    };
  if (loss.window.length > DATA_LOSS_TEXT_MAX)
    return {
      field: 'dataLossWindow',
      message: tooLongMessage(LIMITS.dataLossWindow.label, loss.window.length, DATA_LOSS_TEXT_MAX),
    };
  return null;
}

/** The fact normalised for storage: trimmed, and no description unless some data was lost. */
export function normaliseDataLoss(loss: DataLoss): DataLoss {
  return loss.state === 'some'
    ? { state: 'some', what: loss.what.trim(), window: loss.window.trim() }
    : { state: loss.state, what: '', window: '' };
}

/** One line for the record and the console: "Some data lost: comments (17:20–23:25 UTC)". */
export function describeDataLoss(loss: DataLoss): string {
  if (loss.state !== 'some') return DATA_LOSS_LABELS[loss.state];
  const window = loss.window.trim();
  return `Some data lost: ${loss.what.trim()}${window ? ` (${window})` : ''}`;
}

/** True when two Data loss facts say the same thing. */
export function sameDataLoss(a: DataLoss, b: DataLoss): boolean {
  const x = normaliseDataLoss(a);
  const y = normaliseDataLoss(b);
  return x.state === y.state && x.what === y.what && x.window === y.window;
}
