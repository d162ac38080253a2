import { emptyAudienceCadence } from '../../../shared/domain/audience';
import {
  declaredMilestones,
  declareInputSchema,
  isActive,
  TITLE_MAX,
  validateDeclaration,
  type DeclareInput,
  type Incident,
  type Milestones,
} from '../../../shared/domain/incident';
import { SEVERITY_MATRIX, type Severity } from '../../../shared/domain/severity';
import {
  MILESTONE_LABELS,
  STATUS_LABELS,
  STATUS_MILESTONE,
  type Milestone,
  type Status,
} from '../../../shared/domain/status';
import {
  channelSlug,
  formatReference,
  nextCounter,
  referencePrefix,
  utcDateKey,
} from '../../../shared/logic/reference';
import { replanAfterSeverityChange } from '../../../shared/logic/cadence';
import { checkMilestoneOrder, describeMilestoneConflict } from '../../../shared/logic/milestones';
import { formatDateTime } from '../../../shared/logic/time';
import { newId } from '../../../shared/domain/ids';
import type { WarroomDb } from '../schema';
import { happenedAt, type CommandContext } from '../../../shared/commands/context';
import { systemEntry } from '../../../shared/commands/entries';
import { applyImpactPatch, checkImpactPatch } from './impact';
import type { DataLoss } from '../../../shared/domain/incident-facts';
import { RepoError } from './errors';
import { readSettings } from './settings';
import { touchServices } from './services';

/**
 * Channel slugs that can clash with one declared at `at`: a slug carries the UTC day its incident
 * was declared (created), so these are the slugs of the incidents created that day. Read inside
 * the declaring transaction, through the createdAt index.
 */
async function slugsOfDay(db: WarroomDb, at: number): Promise<Set<string>> {
  const start = Date.parse(`${utcDateKey(at)}T00:00:00Z`);
  const sameDay = await db.incidents
    .where('createdAt')
    .between(start, start + 86_400_000, true, false)
    .toArray();
  return new Set(sameDay.map((i) => i.slug));
}

/**
 * Declares an incident: validates, assigns the day's next reference and a channel slug unique
 * for the day, writes the incident and its "declared" timeline entry in one transaction. Two
 * windows declaring at once are serialised by IndexedDB (same object store, readwrite), and
 * `ref` is a unique index besides.
 */
export async function declareIncident(
  db: WarroomDb,
  input: DeclareInput,
  ctx: CommandContext,
): Promise<Incident> {
  const errors = validateDeclaration(
    {
      title: input.title,
      severity: input.severity,
      startedAt: input.startedAt,
      detectedAt: input.detectedAt,
      acknowledgedAt: input.acknowledgedAt,
    },
    ctx.now,
  );
  const first = Object.entries(errors)[0];
  if (first) throw new RepoError(first[1], first[0]);
  const checked = declareInputSchema.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new RepoError(issue.message, issue.path.map(String).join('.'));
  }
  const values = checked.data;
  const services = [...new Set(values.services.map((s) => s.trim()).filter(Boolean))];

  return db.transaction('rw', [db.incidents, db.timelineEntries, db.services], async () => {
    const prefix = referencePrefix(ctx.now);
    const existing = (await db.incidents.where('ref').startsWith(prefix).keys()) as string[];
    const counter = nextCounter(existing);
    const ref = formatReference(ctx.now, counter);
    const incident: Incident = {
      id: newId(),
      ref,
      slug: channelSlug(ctx.now, values.title, counter, await slugsOfDay(db, ctx.now)),
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
    await db.incidents.add(incident);
    const level = SEVERITY_MATRIX[incident.severity];
    await db.timelineEntries.add(
      systemEntry(
        incident.id,
        `Declared ${incident.severity} (${level.name})${incident.drill ? ' drill' : ''}: ${incident.title}` +
          givenMilestonesText(values),
        { type: 'declared', to: incident.severity },
        ctx,
      ),
    );
    await touchServices(db, services, ctx.now);
    return incident;
  });
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
 * Refuses a milestone set that breaks the ordering rule (shared/logic/milestones), naming the
 * milestone `changed` conflicts with, in the user's time zone. `field` says which input to show
 * the message next to.
 */
async function assertMilestoneOrder(
  db: WarroomDb,
  milestones: Milestones,
  changed: Milestone,
  field: string,
): Promise<void> {
  const conflict = checkMilestoneOrder(milestones, changed);
  if (!conflict) return;
  const { timeZone } = await readSettings(db);
  throw new RepoError(describeMilestoneConflict(conflict, milestones, timeZone), field);
}

async function mustGet(db: WarroomDb, id: string): Promise<Incident> {
  const incident = await db.incidents.get(id);
  if (!incident) throw new RepoError('This incident no longer exists.');
  return incident;
}

/**
 * Moves an incident to a new status (forwards or back). Reaching a status for the first time
 * stamps its milestone; resolving requires a one-line summary; reopening clears "resolved".
 * `facts.dataLoss` (given when resolving) records the Data loss fact in the same transaction,
 * with its own impact entry after the status entry.
 */
export async function changeStatus(
  db: WarroomDb,
  id: string,
  status: Status,
  ctx: CommandContext,
  resolutionSummary?: string,
  facts: { dataLoss?: DataLoss } = {},
): Promise<Incident> {
  if (facts.dataLoss) checkImpactPatch({ dataLoss: facts.dataLoss });
  return db.transaction('rw', [db.incidents, db.timelineEntries, db.settings], async () => {
    const incident = await mustGet(db, id);
    if (incident.status === status)
      throw new RepoError(`The incident is already ${STATUS_LABELS[status]}.`, 'status');
    const summary = resolutionSummary?.trim() ?? '';
    if (status === 'resolved' && !summary)
      throw new RepoError('Say in one line how it was resolved.', 'resolutionSummary');
    const milestones = { ...incident.milestones };
    const milestone = STATUS_MILESTONE[status];
    if (incident.status === 'resolved') delete milestones.resolved;
    if (milestone && milestones[milestone] === undefined) {
      milestones[milestone] = happenedAt(ctx);
      // A backdated "/status monitoring" before Identified, or a resolution before the
      // post-mortem's completion, would put the record out of order: refuse it.
      await assertMilestoneOrder(db, milestones, milestone, 'status');
    }
    const changed: Incident = {
      ...incident,
      status,
      milestones,
      resolutionSummary: status === 'resolved' ? summary : incident.resolutionSummary,
      updatedAt: ctx.now,
    };
    const withFacts = facts.dataLoss
      ? applyImpactPatch(changed, { dataLoss: facts.dataLoss }, { ...ctx, now: ctx.now + 1 })
      : { next: changed, entries: [] };
    const next = withFacts.next;
    await db.incidents.put(next);
    const text =
      `Status: ${STATUS_LABELS[incident.status]} → ${STATUS_LABELS[status]}` +
      (status === 'resolved' ? `. Resolution: ${summary}` : '');
    await db.timelineEntries.add(
      systemEntry(
        id,
        text,
        { type: 'status', from: incident.status, to: status, reason: summary || null },
        ctx,
      ),
    );
    // 1 ms later (as for the cadence entry of a severity change), so it lists after the status.
    if (withFacts.entries.length > 0) await db.timelineEntries.bulkAdd(withFacts.entries);
    return next;
  });
}

/** Changes severity; a reason is required and recorded with old → new. */
export async function changeSeverity(
  db: WarroomDb,
  id: string,
  severity: Severity,
  reason: string,
  ctx: CommandContext,
): Promise<Incident> {
  const why = reason.trim();
  if (!why)
    throw new RepoError('Give a reason for the severity change: it goes on the record.', 'reason');
  return db.transaction('rw', [db.incidents, db.timelineEntries, db.settings], async () => {
    const incident = await mustGet(db, id);
    if (incident.severity === severity)
      throw new RepoError(`The incident is already ${severity}.`, 'severity');
    const next: Incident = { ...incident, severity, updatedAt: ctx.now };
    await db.incidents.put(next);
    await db.timelineEntries.add(
      systemEntry(
        id,
        `Severity: ${incident.severity} → ${severity}. Reason: ${why}`,
        { type: 'severity', from: incident.severity, to: severity, reason: why },
        ctx,
      ),
    );
    // The update countdowns follow the new cadence from the last update: say so on the record.
    if (isActive(incident)) {
      const settings = await readSettings(db);
      const plan = replanAfterSeverityChange(
        incident,
        severity,
        ctx.now,
        settings,
        settings.timeZone,
      );
      await db.timelineEntries.add(
        systemEntry(
          id,
          plan.text,
          { type: 'cadence', from: incident.severity, to: String(plan.cadenceMs) },
          // 1 ms later, so the timeline (ordered by time, then random id) shows it after the change.
          { ...ctx, now: ctx.now + 1, occurredAt: happenedAt(ctx) + 1 },
        ),
      );
    }
    return next;
  });
}

/**
 * Sets or corrects a milestone's time; the correction itself is recorded with the old value.
 * `at` null clears it (not allowed for started/declared).
 */
export async function correctMilestone(
  db: WarroomDb,
  id: string,
  milestone: Milestone,
  at: number | null,
  ctx: CommandContext,
  reason = '',
): Promise<Incident> {
  if (at !== null && at > ctx.now + 60_000)
    throw new RepoError('A milestone cannot be in the future.', 'milestone');
  if (at === null && (milestone === 'started' || milestone === 'declared'))
    throw new RepoError(`${MILESTONE_LABELS[milestone]} cannot be cleared.`, 'milestone');
  if (milestone === 'postmortemCompleted')
    throw new RepoError(
      'The post-mortem is completed by setting its status to Final.',
      'milestone',
    );
  return db.transaction('rw', [db.incidents, db.timelineEntries, db.settings], async () => {
    const incident = await mustGet(db, id);
    if (milestone === 'resolved' && at !== null && incident.status !== 'resolved')
      throw new RepoError('Resolve the incident with the Status control first.', 'milestone');
    const before = incident.milestones[milestone];
    const milestones = { ...incident.milestones };
    if (at === null) delete milestones[milestone];
    else {
      milestones[milestone] = at;
      await assertMilestoneOrder(db, milestones, milestone, 'milestone');
    }
    await db.incidents.put({ ...incident, milestones, updatedAt: ctx.now });
    const show = (t: number | undefined) =>
      t === undefined ? 'not set' : formatDateTime(t, 'utc');
    const verb = before === undefined ? 'set' : 'corrected';
    const why = reason.trim();
    await db.timelineEntries.add(
      systemEntry(
        id,
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
    return { ...incident, milestones };
  });
}

/**
 * Renames an incident (a title typed in haste at 3 AM), recording "Title: old → new" on the
 * timeline in the same transaction. The reference and the channel slug stay as they were: people
 * have already pasted them into chats and tickets. Refusals (RepoError on field 'title'): an
 * empty title or one over TITLE_MAX characters. An unchanged title is a no-op.
 */
export async function renameIncident(
  db: WarroomDb,
  id: string,
  title: string,
  ctx: CommandContext,
): Promise<Incident> {
  const next = title.trim();
  if (!next) throw new RepoError('Give the incident a title.', 'title');
  if (next.length > TITLE_MAX)
    throw new RepoError(
      `Keep the title to ${TITLE_MAX} characters or fewer (it has ${next.length}).`,
      'title',
    );
  return db.transaction('rw', [db.incidents, db.timelineEntries], async () => {
    const incident = await mustGet(db, id);
    if (incident.title === next) return incident;
    const renamed: Incident = { ...incident, title: next, updatedAt: ctx.now };
    await db.incidents.put(renamed);
    await db.timelineEntries.add(
      systemEntry(
        id,
        `Title: ${incident.title} → ${next}`,
        { type: 'title', from: incident.title, to: next },
        ctx,
      ),
    );
    return renamed;
  });
}
