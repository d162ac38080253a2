import { newId } from '../domain/ids';
import type { Hypothesis } from '../domain/records';
import type { RoleAssignment } from '../domain/roles';
import {
  DEFAULT_TIMEBOX_MS,
  MAX_EXTEND_MINUTES,
  extendHypothesis,
  hypothesisDueAt,
} from '../logic/hypotheses';
import { TIMEBOX_MINUTES_MAX } from '../domain/settings';
import { formatDuration } from '../logic/time';
import { changes } from './change-set';
import type { CommandContext } from './context';
import { makeEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import type { Outcome } from './change-set';
import { checkEntryText } from './timeline-entry';

/**
 * Hypothesis commands: open one with its timebox, close it (confirmed, ruled out, abandoned),
 * extend its timebox. Each writes the hypothesis row and the timeline entry that records it;
 * the entry's `change` is `{ type: 'hypothesis', field: <hypothesis id>, … }`.
 */

/** Options for opening a hypothesis. */
export interface OpenHypothesisOptions {
  /** Who tests it; defaults to the current Technical Lead, or '' when nobody holds that role. */
  owner?: string;
  /** Length of the timebox, ms; defaults to 15 minutes. */
  timeboxMs?: number;
  /** When the timeline entry says it was raised (a backdated `h:`, ms UTC); defaults to now. */
  occurredAt?: number;
  /** Marked as a highlight while logging (`! h: …`). */
  highlight?: boolean;
}

/**
 * The person holding `role` now among an incident's tenures of that role: the open tenure that
 * started last, or '' when none is open.
 */
export function currentHolder(tenures: readonly RoleAssignment[]): string {
  let latest: RoleAssignment | undefined;
  for (const a of tenures)
    if (a.endedAt === null && (!latest || a.startedAt > latest.startedAt)) latest = a;
  return latest?.person ?? '';
}

/**
 * Opens a tracked hypothesis on incident `incidentId` with its entry (kind 'hypothesis',
 * `change: { type: 'hypothesis', to: 'open', field: id }`). The timebox runs from `ctx.now`
 * (when tracking starts), even for a backdated entry, so the team always gets the full
 * timebox. `techLead` is the current Technical Lead ({@link currentHolder}), the owner when
 * `opts.owner` is not given. Refusals (RepoError): empty text (field 'text'), text the
 * timeline would refuse ({@link checkEntryText}, field 'text'), a timebox that is not a
 * positive length (field 'timebox').
 */
export function openHypothesis(
  incidentId: string,
  text: string,
  techLead: string,
  ctx: CommandContext,
  opts: OpenHypothesisOptions = {},
): Outcome<Hypothesis> {
  const what = text.trim();
  if (!what) throw new RepoError('Say what the hypothesis is.', 'text');
  // The text becomes a timeline entry, so it is held to the same length limit.
  checkEntryText(what);
  const timeboxMs = opts.timeboxMs ?? DEFAULT_TIMEBOX_MS;
  if (!Number.isFinite(timeboxMs) || timeboxMs <= 0)
    throw new RepoError('The timebox must be a positive length of time.', 'timebox');
  if (timeboxMs > TIMEBOX_MINUTES_MAX * 60_000)
    throw new RepoError(
      `A timebox is at most ${TIMEBOX_MINUTES_MAX} minutes (24 hours).`,
      'timebox',
    );
  const owner = opts.owner ?? techLead;
  const hypothesis: Hypothesis = {
    id: newId(),
    incidentId,
    text: what,
    owner: owner.trim(),
    status: 'open',
    openedAt: ctx.now,
    dueAt: hypothesisDueAt(ctx.now, timeboxMs),
    closedAt: null,
    extensions: [],
  };
  const entry = makeEntry(incidentId, 'hypothesis', what, ctx, {
    occurredAt: opts.occurredAt ?? ctx.now,
    change: { type: 'hypothesis', to: 'open', field: hypothesis.id },
    highlight: opts.highlight === true,
  });
  return {
    changes: changes().add('hypotheses', hypothesis).record(entry).build(),
    result: hypothesis,
  };
}

const CLOSE_VERBS = {
  confirmed: 'confirmed',
  'ruled-out': 'ruled out',
  abandoned: 'abandoned',
} as const;

/** The statuses an open hypothesis can move to. */
export type HypothesisOutcome = keyof typeof CLOSE_VERBS;

/**
 * Confirms, rules out or abandons an open hypothesis: the row (closed at `ctx.now`) and its
 * system entry "Hypothesis <verb>: <text>" (`{ type: 'hypothesis', field: id, from: 'open',
 * to: outcome }`), pinned for a confirmation (the cause found belongs in the post-mortem's
 * timeline). Making a confirmed hypothesis the Current understanding is the caller's second
 * command, in the same commit. Refuses (RepoError) a gone hypothesis, and one already closed
 * (field 'status').
 */
export function closeHypothesis(
  found: Hypothesis | undefined,
  outcome: HypothesisOutcome,
  ctx: CommandContext,
): Outcome<Hypothesis> {
  const h = existing(found, 'hypothesis');
  if (h.status !== 'open')
    throw new RepoError(`This hypothesis is already ${CLOSE_VERBS[h.status]}.`, 'status');
  const next: Hypothesis = { ...h, status: outcome, closedAt: ctx.now };
  const entry = makeEntry(
    h.incidentId,
    'system',
    `Hypothesis ${CLOSE_VERBS[outcome]}: ${h.text}`,
    ctx,
    {
      pinned: outcome === 'confirmed',
      change: { type: 'hypothesis', field: h.id, from: 'open', to: outcome },
    },
  );
  return { changes: changes().update('hypotheses', next).record(entry).build(), result: next };
}

/**
 * Extends an open hypothesis's timebox by `minutes` with a required reason (shared
 * `extendHypothesis`: counted from the later of the due time and now), with the system entry
 * `{ type: 'hypothesis', field: id, from: oldDueAt, to: newDueAt, reason }` (due times as ms
 * UTC, in text). Refusals (RepoError), in this order: minutes not between 1 and 1440 (field
 * 'minutes'); the hypothesis gone; no reason (field 'reason'); a closed hypothesis (field
 * 'status').
 */
export function extendHypothesisTimebox(
  found: Hypothesis | undefined,
  minutes: number,
  reason: string,
  ctx: CommandContext,
): Outcome<Hypothesis> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTEND_MINUTES)
    throw new RepoError(
      `Extend by a whole number of minutes from 1 to ${MAX_EXTEND_MINUTES} (24 hours).`,
      'minutes',
    );
  const h = existing(found, 'hypothesis');
  const result = extendHypothesis(h, minutes * 60_000, reason, ctx.now);
  if (!result.ok) throw new RepoError(result.error, h.status === 'open' ? 'reason' : 'status');
  const next: Hypothesis = { ...h, dueAt: result.dueAt, extensions: result.extensions };
  const why = reason.trim();
  const entry = makeEntry(
    h.incidentId,
    'system',
    `Hypothesis timebox extended by ${formatDuration(minutes * 60_000)}: ${h.text}. Reason: ${why}`,
    ctx,
    {
      change: {
        type: 'hypothesis',
        field: h.id,
        from: String(h.dueAt),
        to: String(result.dueAt),
        reason: why,
      },
    },
  );
  return { changes: changes().update('hypotheses', next).record(entry).build(), result: next };
}
