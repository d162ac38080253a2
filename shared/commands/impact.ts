import {
  DETECTION_SOURCE_LABELS,
  formatUsersAffected,
  usersAffectedSchema,
  type DetectionSource,
  type Impact,
  type Incident,
  type UsersAffected,
} from '../domain/incident';
import {
  DATA_LOSS_LABELS,
  PUBLIC_SUMMARY_MAX,
  UNDERSTANDING_MAX,
  dataLossOf,
  dataLossProblem,
  describeDataLoss,
  normaliseDataLoss,
  sameDataLoss,
  understandingOf,
  type DataLoss,
} from '../domain/incident-facts';
import type { TimelineEntry } from '../domain/timeline';
import { usersAffectedProblem } from '../logic/number-input';
import { changes } from './change-set';
import type { CommandContext } from './context';
import { systemEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import { tooLongMessage } from '../domain/text';
import type { Outcome } from './change-set';

/**
 * Impact commands: the facts the escalation triggers read (users affected, flags, detection
 * source, data loss, public summary) and the Current understanding. Pure: the incident is read
 * by the caller (renderer/db/repo/impact.ts); each change carries one system entry per field.
 */

/** The impact facts the escalation triggers read, and the IC can change during the incident. */
export interface ImpactPatch {
  usersAffected?: UsersAffected | null;
  customerFacing?: boolean;
  payingAccounts?: boolean;
  dataIntegrity?: boolean;
  detectionSource?: DetectionSource;
  /** The Data loss fact (Unknown / None / Some, with what and when). */
  dataLoss?: DataLoss;
  /** The impact in words for customers ('' clears it). */
  publicSummary?: string;
}

const FLAG_LABELS = {
  customerFacing: 'Customer-facing',
  payingAccounts: 'Paying accounts affected',
  dataIntegrity: 'Data-integrity concern',
} as const;

function describeUsers(u: UsersAffected | null): string {
  return formatUsersAffected(u, 'not set');
}

function sameUsers(a: UsersAffected | null, b: UsersAffected | null): boolean {
  return a === b || (a !== null && b !== null && a.value === b.value && a.unit === b.unit);
}

/** Refuses a patch that cannot be stored, naming the field (RepoError), before any write. */
export function checkImpactPatch(patch: ImpactPatch): void {
  if (patch.usersAffected && !usersAffectedSchema.safeParse(patch.usersAffected).success)
    throw new RepoError('Users affected must be a number, zero or more.', 'usersAffected');
  // Whole head counts up to 10 billion, shares 0–100 (shared/logic/number-input.ts).
  const problem = patch.usersAffected ? usersAffectedProblem(patch.usersAffected) : null;
  if (problem) throw new RepoError(problem, 'usersAffected');
  if (patch.dataLoss) {
    const problem = dataLossProblem(patch.dataLoss);
    if (problem) throw new RepoError(problem.message, problem.field);
  }
  if (patch.publicSummary !== undefined && patch.publicSummary.trim().length > PUBLIC_SUMMARY_MAX)
    throw new RepoError(
      tooLongMessage('The public summary', patch.publicSummary.trim().length, PUBLIC_SUMMARY_MAX),
      'publicSummary',
    );
}

const quote = (text: string): string => (text ? `"${text}"` : 'not written');

/**
 * Applies an impact patch to an incident (pure: no writes). Returns the changed incident and one
 * system entry per field that changed: `{ type: 'impact', field, from, to }`. For
 * `usersAffected`, from/to are the JSON of UsersAffected (or null), which is the history
 * `usersAffectedBaseline` in shared/logic/escalation.ts reads to spot a doubling; flags are
 * 'true'/'false', the detection source its id, `dataLoss` the JSON of the fact and
 * `publicSummary` the text. Call `checkImpactPatch` first.
 */
export function applyImpactPatch(
  incident: Incident,
  patch: ImpactPatch,
  ctx: CommandContext,
): { next: Incident; entries: TimelineEntry[] } {
  const incidentId = incident.id;
  const impact: Impact = { ...incident.impact };
  const detection = { ...incident.detection };
  const entries: TimelineEntry[] = [];
  const record = (text: string, field: string, from: string | null, to: string | null) =>
    entries.push(systemEntry(incidentId, text, { type: 'impact', field, from, to }, ctx));

  if (patch.usersAffected !== undefined && !sameUsers(impact.usersAffected, patch.usersAffected)) {
    const from = impact.usersAffected;
    impact.usersAffected = patch.usersAffected;
    record(
      `Users affected: ${describeUsers(from)} → ${describeUsers(patch.usersAffected)}`,
      'usersAffected',
      from ? JSON.stringify(from) : null,
      patch.usersAffected ? JSON.stringify(patch.usersAffected) : null,
    );
  }
  for (const key of ['customerFacing', 'payingAccounts', 'dataIntegrity'] as const) {
    const value = patch[key];
    if (value === undefined || value === impact[key]) continue;
    record(`${FLAG_LABELS[key]}: ${value ? 'yes' : 'no'}`, key, String(impact[key]), String(value));
    impact[key] = value;
  }
  if (patch.detectionSource !== undefined && patch.detectionSource !== detection.source) {
    record(
      `Detection source: ${DETECTION_SOURCE_LABELS[detection.source]} → ${DETECTION_SOURCE_LABELS[patch.detectionSource]}`,
      'detectionSource',
      detection.source,
      patch.detectionSource,
    );
    detection.source = patch.detectionSource;
  }
  if (patch.dataLoss !== undefined) {
    const from = dataLossOf(incident);
    const to = normaliseDataLoss(patch.dataLoss);
    if (!sameDataLoss(from, to)) {
      impact.dataLoss = to;
      const was = from.state === to.state ? '' : `${DATA_LOSS_LABELS[from.state]} → `;
      record(
        `Data loss: ${was}${describeDataLoss(to)}`,
        'dataLoss',
        JSON.stringify(from),
        JSON.stringify(to),
      );
    }
  }
  if (patch.publicSummary !== undefined) {
    const from = (impact.publicSummary ?? '').trim();
    const to = patch.publicSummary.trim();
    if (from !== to) {
      impact.publicSummary = to;
      record(`Public summary: ${quote(to)}`, 'publicSummary', from || null, to || null);
    }
  }
  return { next: { ...incident, impact, detection, updatedAt: ctx.now }, entries };
}

/**
 * Updates the incident's impact facts with one system entry per field that changed (see
 * {@link applyImpactPatch}); returns the entries. Unchanged fields change nothing. Refusals
 * (RepoError naming the field, checked first): users affected below 0 or above 100 %, "Some
 * data lost" without saying what, texts over their limits; then the incident is gone.
 */
export function updateImpact(
  found: Incident | undefined,
  patch: ImpactPatch,
  ctx: CommandContext,
): Outcome<TimelineEntry[]> {
  checkImpactPatch(patch);
  const incident = existing(found, 'incident');
  const { next, entries } = applyImpactPatch(incident, patch, ctx);
  if (entries.length === 0) return { changes: {}, result: entries };
  const set = changes().update('incidents', next);
  for (const e of entries) set.record(e);
  return { changes: set.build(), result: entries };
}

/** Where a Current understanding came from, for its timeline entry. */
export type UnderstandingSource = 'edited' | 'status' | 'hypothesis';

const SOURCE_WORDS: Readonly<Record<UnderstandingSource, string>> = {
  edited: '',
  status: ' (with the status change)',
  hypothesis: ' (from the confirmed hypothesis)',
};

/**
 * Sets the incident's Current understanding (the cause as the team understands it; '' clears
 * it) with its system entry `{ type: 'understanding', from, to, reason: source }`. The result is
 * that entry, or null when the text is unchanged (and nothing changes). Refusals (RepoError):
 * text over UNDERSTANDING_MAX characters ('understanding'); then the incident is gone.
 */
export function setUnderstanding(
  found: Incident | undefined,
  text: string,
  ctx: CommandContext,
  source: UnderstandingSource = 'edited',
): Outcome<TimelineEntry | null> {
  const to = text.trim();
  if (to.length > UNDERSTANDING_MAX)
    throw new RepoError(
      `Keep the current understanding to ${UNDERSTANDING_MAX} characters (it has ${to.length}).`,
      'understanding',
    );
  const incident = existing(found, 'incident');
  const from = understandingOf(incident);
  if (from === to) return { changes: {}, result: null };
  const entry = systemEntry(
    incident.id,
    to ? `Current understanding${SOURCE_WORDS[source]}: ${to}` : 'Current understanding cleared',
    { type: 'understanding', from: from || null, to: to || null, reason: source },
    ctx,
  );
  return {
    changes: changes()
      .update('incidents', { ...incident, understanding: to, updatedAt: ctx.now })
      .record(entry)
      .build(),
    result: entry,
  };
}
