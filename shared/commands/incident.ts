import { touchServices } from './directory';
import { emptyAudienceCadence } from '../domain/audience';
import {
  declaredMilestones,
  declareInputSchema,
  isActive,
  TITLE_MAX,
  validateDeclaration,
  type DeclareInput,
  type DeclareValues,
  type Incident,
  type Milestones,
} from '../domain/incident';
import type { DataLoss } from '../domain/incident-facts';
import { newId } from '../domain/ids';
import type { Service } from '../domain/records';
import type { AppSettings } from '../domain/settings';
import { SEVERITY_MATRIX, type Severity } from '../domain/severity';
import {
  MILESTONE_LABELS,
  STATUS_LABELS,
  STATUS_MILESTONE,
  type Milestone,
  type Status,
} from '../domain/status';
import type { TimeZoneMode } from '../logic/time';
import { replanAfterSeverityChange } from '../logic/cadence';
import { checkMilestoneOrder, describeMilestoneConflict } from '../logic/milestones';
import { channelSlug, formatReference, nextCounter, seatTag, utcDateKey } from '../logic/reference';
import { formatDateTime } from '../logic/time';
import { changes } from './change-set';
import { happenedAt, type CommandContext } from './context';
import { systemEntry } from './entries';
import { existing } from './guards';
import { applyImpactPatch, checkImpactPatch } from './impact';
import { RepoError } from './refusal';
import type { Outcome } from './change-set';

/**
 * Incident-level commands: declare, change status, change severity, correct a milestone,
 * rename. Pure: the facts they need are read by the caller (renderer/db/repo/incidents.ts) and
 * passed in; each returns the change set (the incident row plus the timeline entry that records
 * the change) and the row it leaves, or throws a RepoError naming the field at fault.
 */

// ---------------------------------------------------------------------------------------------
// Declare

/**
 * Validates a declaration (shared/domain/incident.ts: `validateDeclaration`, then
 * `declareInputSchema`). Returns the parsed values; throws RepoError naming the first field at
 * fault ('title', 'severity', 'startedAt', 'detectedAt', 'acknowledgedAt', or a schema path such
 * as 'services.0').
 */
export function checkDeclaration(input: DeclareInput, now: number): DeclareValues {
  const errors = validateDeclaration(
    {
      title: input.title,
      severity: input.severity,
      startedAt: input.startedAt,
      detectedAt: input.detectedAt,
      acknowledgedAt: input.acknowledgedAt,
    },
    now,
  );
  const first = Object.entries(errors)[0];
  if (first) throw new RepoError(first[1], first[0]);
  const checked = declareInputSchema.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new RepoError(issue.message, issue.path.map(String).join('.'));
  }
  return checked.data;
}

/** The service names a declaration lists: trimmed, blanks dropped, duplicates once. */
export function declaredServiceNames(values: Pick<DeclareValues, 'services'>): string[] {
  return [...new Set(values.services.map((s) => s.trim()).filter(Boolean))];
}

/** Where a declaration's reference and slug come from: read for the day of `now`. */
export interface DeclareFacts {
  /** References of the incidents whose reference starts with `referencePrefix(now)`. */
  refsOfDay: readonly string[];
  /** Channel slugs of the incidents created (declared) on the UTC day of `now`. */
  slugsOfDay: Iterable<string>;
  /** Catalog services whose name matches a declared service name, ignoring case. */
  services: readonly Service[];
  /**
   * The declaring seat's id (the sync origin's `seat`, a UUID), which gives the reference its
   * seat tag so two seats declaring offline on one day never make the same reference. Optional:
   * without it the tag is the fixed tag of no seat (`seatTag()`), as in tests.
   */
  seat?: string;
}

/** The UTC day of `at` as [start, end) in ms since the epoch: the range `slugsOfDay` covers. */
export function utcDayRange(at: number): [number, number] {
  const start = Date.parse(`${utcDateKey(at)}T00:00:00Z`);
  return [start, start + 86_400_000];
}

/** ". Detected 2026-11-22 13:55 UTC, acknowledged …" for the times given at declaration. */
function givenMilestonesText(values: { detectedAt?: number; acknowledgedAt?: number }): string {
  const given: string[] = [];
  if (values.detectedAt !== undefined)
    given.push(`detected ${formatDateTime(values.detectedAt, 'utc')}`);
  if (values.acknowledgedAt !== undefined)
    given.push(`acknowledged ${formatDateTime(values.acknowledgedAt, 'utc')}`);
  const text = given.join(', ');
  return text ? `. ${text.charAt(0).toUpperCase()}${text.slice(1)}` : '';
}

/**
 * Declares an incident: the seat's next reference of the day, INC-YYYY-MM-DD-NNN-XXXX (NNN counts
 * this seat's incidents of the UTC day, and the untagged ones from before seat tags; XXXX is the
 * seat tag of `facts.seat`), a channel slug unique for the day, status Investigating, the declared milestones, its pinned "declared" entry, and the
 * services it lists marked as used (new names added to the catalog). Refusals as
 * {@link checkDeclaration}. Two windows declaring at once are serialised by the commit, and
 * `ref` is a unique index besides (ConstraintError).
 */
export function declareIncident(
  facts: DeclareFacts,
  input: DeclareInput,
  ctx: CommandContext,
): Outcome<Incident> {
  const values = checkDeclaration(input, ctx.now);
  const services = declaredServiceNames(values);
  const tag = seatTag(facts.seat);
  const counter = nextCounter(facts.refsOfDay, tag);
  const incident: Incident = {
    id: newId(),
    ref: formatReference(ctx.now, counter, tag),
    slug: channelSlug(ctx.now, values.title, counter, facts.slugsOfDay),
    title: values.title,
    severity: values.severity,
    status: 'investigating',
    impact: {
      summary: values.impactSummary.trim(),
      usersAffected: null,
      customerFacing: values.customerFacing,
      payingAccounts: false,
      dataIntegrity: false,
      revenueImpact: '',
      supportTickets: null,
    },
    services,
    detection: { source: values.detectionSource, alertName: values.alertName.trim() },
    drill: values.drill,
    milestones: declaredMilestones(values, ctx.now),
    cadence: emptyAudienceCadence(),
    resolutionSummary: null,
    dismissedSuggestions: {},
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const level = SEVERITY_MATRIX[incident.severity];
  const set = changes()
    .add('incidents', incident)
    .record(
      systemEntry(
        incident.id,
        `Declared ${incident.severity} (${level.name})${incident.drill ? ' drill' : ''}: ${incident.title}` +
          givenMilestonesText(values),
        { type: 'declared', to: incident.severity },
        ctx,
      ),
    );
  set.merge(touchServices(facts.services, services, ctx.now));
  return { changes: set.build(), result: incident };
}

// ---------------------------------------------------------------------------------------------
// Status, severity, milestones, title

/**
 * Refuses a milestone set that breaks the ordering rule (shared/logic/milestones), naming the
 * milestone `changed` conflicts with, in `zone`. `field` says which input to show it next to.
 */
function assertMilestoneOrder(
  milestones: Milestones,
  changed: Milestone,
  field: string,
  zone: TimeZoneMode,
): void {
  const conflict = checkMilestoneOrder(milestones, changed);
  if (conflict) throw new RepoError(describeMilestoneConflict(conflict, milestones, zone), field);
}

/**
 * Moves an incident to a new status (forwards or back). Reaching a status for the first time
 * stamps its milestone at `happenedAt(ctx)`; resolving requires a one-line summary; reopening
 * clears "resolved". `facts.dataLoss` (given when resolving) records the Data loss fact in the
 * same change set, its impact entry 1 ms after the status entry (so it lists after it).
 * Refusals (RepoError): a bad Data loss fact (its field); the incident is gone; already at that
 * status ('status'); resolving without a summary ('resolutionSummary'); a milestone out of order
 * ('status', the message naming the conflict in `timeZone`).
 */
export function changeStatus(
  found: Incident | undefined,
  input: { status: Status; resolutionSummary?: string; dataLoss?: DataLoss },
  ctx: CommandContext,
  timeZone: TimeZoneMode = 'utc',
): Outcome<Incident> {
  const { status, dataLoss } = input;
  if (dataLoss) checkImpactPatch({ dataLoss });
  const incident = existing(found, 'incident');
  if (incident.status === status)
    throw new RepoError(`The incident is already ${STATUS_LABELS[status]}.`, 'status');
  const summary = input.resolutionSummary?.trim() ?? '';
  if (status === 'resolved' && !summary)
    throw new RepoError('Say in one line how it was resolved.', 'resolutionSummary');
  const milestones = { ...incident.milestones };
  const milestone = STATUS_MILESTONE[status];
  if (incident.status === 'resolved') delete milestones.resolved;
  if (milestone && milestones[milestone] === undefined) {
    milestones[milestone] = happenedAt(ctx);
    // A backdated "/status monitoring" before Identified, or a resolution before the
    // post-mortem's completion, would put the record out of order: refuse it.
    assertMilestoneOrder(milestones, milestone, 'status', timeZone);
  }
  const changed: Incident = {
    ...incident,
    status,
    milestones,
    resolutionSummary: status === 'resolved' ? summary : incident.resolutionSummary,
    updatedAt: ctx.now,
  };
  const withFacts = dataLoss
    ? applyImpactPatch(changed, { dataLoss }, { ...ctx, now: ctx.now + 1 })
    : { next: changed, entries: [] };
  const next = withFacts.next;
  const text =
    `Status: ${STATUS_LABELS[incident.status]} → ${STATUS_LABELS[status]}` +
    (status === 'resolved' ? `. Resolution: ${summary}` : '');
  const set = changes()
    .update('incidents', next)
    .record(
      systemEntry(
        incident.id,
        text,
        { type: 'status', from: incident.status, to: status, reason: summary || null },
        ctx,
      ),
    );
  for (const e of withFacts.entries) set.record(e);
  return { changes: set.build(), result: next };
}

/**
 * Changes severity; a reason is required and recorded with old → new (a pinned severity entry).
 * While the incident is active, a cadence entry 1 ms later says how the update countdowns
 * follow the new severity (shared/logic/cadence `replanAfterSeverityChange`, with `settings`).
 * Refusals (RepoError): no reason ('reason'); the incident is gone; already at that severity
 * ('severity').
 */
export function changeSeverity(
  found: Incident | undefined,
  input: { severity: Severity; reason: string },
  settings: AppSettings,
  ctx: CommandContext,
): Outcome<Incident> {
  const { severity } = input;
  const why = input.reason.trim();
  if (!why)
    throw new RepoError('Give a reason for the severity change: it goes on the record.', 'reason');
  const incident = existing(found, 'incident');
  if (incident.severity === severity)
    throw new RepoError(`The incident is already ${severity}.`, 'severity');
  const next: Incident = { ...incident, severity, updatedAt: ctx.now };
  const set = changes()
    .update('incidents', next)
    .record(
      systemEntry(
        incident.id,
        `Severity: ${incident.severity} → ${severity}. Reason: ${why}`,
        { type: 'severity', from: incident.severity, to: severity, reason: why },
        ctx,
      ),
    );
  // The update countdowns follow the new cadence from the last update: say so on the record.
  if (isActive(incident)) {
    const plan = replanAfterSeverityChange(
      incident,
      severity,
      ctx.now,
      settings,
      settings.timeZone,
    );
    set.record(
      systemEntry(
        incident.id,
        plan.text,
        { type: 'cadence', from: incident.severity, to: String(plan.cadenceMs) },
        // 1 ms later, so the timeline (ordered by time, then random id) shows it after the change.
        { ...ctx, now: ctx.now + 1, occurredAt: happenedAt(ctx) + 1 },
      ),
    );
  }
  return { changes: set.build(), result: next };
}

/**
 * Sets or corrects a milestone's time (`at`, ms UTC; null clears it), recording the correction
 * with the old value and the optional reason. Returns the incident with the new milestones.
 * Refusals (RepoError, field 'milestone'): a time more than a minute in the future; clearing
 * Started or Declared; Post-mortem completed (set by the post-mortem's status); the incident is
 * gone (no field); Resolved on an unresolved incident; a milestone out of order (the message
 * naming the conflict in `timeZone`).
 */
export function correctMilestone(
  found: Incident | undefined,
  input: { milestone: Milestone; at: number | null; reason?: string },
  ctx: CommandContext,
  timeZone: TimeZoneMode = 'utc',
): Outcome<Incident> {
  const { milestone, at } = input;
  if (at !== null && at > ctx.now + 60_000)
    throw new RepoError('A milestone cannot be in the future.', 'milestone');
  if (at === null && (milestone === 'started' || milestone === 'declared'))
    throw new RepoError(`${MILESTONE_LABELS[milestone]} cannot be cleared.`, 'milestone');
  if (milestone === 'postmortemCompleted')
    throw new RepoError(
      'The post-mortem is completed by setting its status to Final.',
      'milestone',
    );
  const incident = existing(found, 'incident');
  if (milestone === 'resolved' && at !== null && incident.status !== 'resolved')
    throw new RepoError('Resolve the incident with the Status control first.', 'milestone');
  const before = incident.milestones[milestone];
  const milestones = { ...incident.milestones };
  if (at === null) delete milestones[milestone];
  else {
    milestones[milestone] = at;
    assertMilestoneOrder(milestones, milestone, 'milestone', timeZone);
  }
  const show = (t: number | undefined) => (t === undefined ? 'not set' : formatDateTime(t, 'utc'));
  const verb = before === undefined ? 'set' : 'corrected';
  const why = (input.reason ?? '').trim();
  const set = changes()
    .update('incidents', { ...incident, milestones, updatedAt: ctx.now })
    .record(
      systemEntry(
        incident.id,
        `Milestone ${MILESTONE_LABELS[milestone]} ${verb}: ${show(before)} → ${show(at ?? undefined)}` +
          (why ? `. Reason: ${why}` : ''),
        {
          type: 'milestone',
          field: milestone,
          from: before === undefined ? null : String(before),
          to: at === null ? null : String(at),
          reason: why || null,
        },
        ctx,
      ),
    );
  // As before the change sets: the result carries the new milestones, not the new updatedAt.
  return { changes: set.build(), result: { ...incident, milestones } };
}

/**
 * Renames an incident (a title typed in haste at 3 AM), recording "Title: old → new". The
 * reference and the channel slug stay as they were: people have already pasted them into chats
 * and tickets. Refusals (RepoError): an empty title or one over TITLE_MAX characters ('title');
 * the incident is gone. An unchanged title changes nothing.
 */
export function renameIncident(
  found: Incident | undefined,
  title: string,
  ctx: CommandContext,
): Outcome<Incident> {
  const next = title.trim();
  if (!next) throw new RepoError('Give the incident a title.', 'title');
  if (next.length > TITLE_MAX)
    throw new RepoError(
      `Keep the title to ${TITLE_MAX} characters or fewer (it has ${next.length}).`,
      'title',
    );
  const incident = existing(found, 'incident');
  if (incident.title === next) return { changes: {}, result: incident };
  const renamed: Incident = { ...incident, title: next, updatedAt: ctx.now };
  return {
    changes: changes()
      .update('incidents', renamed)
      .record(
        systemEntry(
          incident.id,
          `Title: ${incident.title} → ${next}`,
          { type: 'title', from: incident.title, to: next },
          ctx,
        ),
      )
      .build(),
    result: renamed,
  };
}
