import { emptyAudienceCadence } from '../../../shared/domain/audience';
import {
  declareInputSchema,
  isActive,
  validateDeclaration,
  type DeclareInput,
  type Incident,
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
} from '../../../shared/logic/reference';
import { replanAfterSeverityChange } from '../../../shared/logic/cadence';
import { formatDateTime } from '../../../shared/logic/time';
import { newId } from '../ids';
import type { WarroomDb } from '../schema';
import { happenedAt, type CommandContext } from './context';
import { systemEntry } from './entries';
import { RepoError } from './errors';
import { readSettings } from './settings';
import { touchServices } from './services';

/**
 * Declares an incident: validates, assigns the day's next reference, writes the incident and
 * its "declared" timeline entry in one transaction. Two windows declaring at once are
 * serialised by IndexedDB (same object store, readwrite), and `ref` is a unique index besides.
 */
export async function declareIncident(
  db: WarroomDb,
  input: DeclareInput,
  ctx: CommandContext,
): Promise<Incident> {
  const errors = validateDeclaration(
    { title: input.title, severity: input.severity, startedAt: input.startedAt },
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
    const ref = formatReference(ctx.now, nextCounter(existing));
    const incident: Incident = {
      id: newId(),
      ref,
      slug: channelSlug(ctx.now, values.title),
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
      milestones: {
        started: Math.min(values.startedAt, ctx.now),
        detected: ctx.now,
        declared: ctx.now,
      },
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
        `Declared ${incident.severity} (${level.name})${incident.drill ? ' drill' : ''}: ${incident.title}`,
        { type: 'declared', to: incident.severity },
        ctx,
      ),
    );
    await touchServices(db, services, ctx.now);
    return incident;
  });
}

async function mustGet(db: WarroomDb, id: string): Promise<Incident> {
  const incident = await db.incidents.get(id);
  if (!incident) throw new RepoError('This incident no longer exists.');
  return incident;
}

/**
 * Moves an incident to a new status (forwards or back). Reaching a status for the first time
 * stamps its milestone; resolving requires a one-line summary; reopening clears "resolved".
 */
export async function changeStatus(
  db: WarroomDb,
  id: string,
  status: Status,
  ctx: CommandContext,
  resolutionSummary?: string,
): Promise<Incident> {
  return db.transaction('rw', [db.incidents, db.timelineEntries], async () => {
    const incident = await mustGet(db, id);
    if (incident.status === status)
      throw new RepoError(`The incident is already ${STATUS_LABELS[status]}.`, 'status');
    const summary = resolutionSummary?.trim() ?? '';
    if (status === 'resolved' && !summary)
      throw new RepoError('Say in one line how it was resolved.', 'resolutionSummary');
    const milestones = { ...incident.milestones };
    const milestone = STATUS_MILESTONE[status];
    if (milestone && milestones[milestone] === undefined) milestones[milestone] = happenedAt(ctx);
    if (incident.status === 'resolved') delete milestones.resolved;
    const next: Incident = {
      ...incident,
      status,
      milestones,
      resolutionSummary: status === 'resolved' ? summary : incident.resolutionSummary,
      updatedAt: ctx.now,
    };
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
  return db.transaction('rw', [db.incidents, db.timelineEntries], async () => {
    const incident = await mustGet(db, id);
    if (milestone === 'resolved' && at !== null && incident.status !== 'resolved')
      throw new RepoError('Resolve the incident with the Status control first.', 'milestone');
    const started = incident.milestones.started;
    if (at !== null && milestone !== 'started' && started !== undefined && at < started)
      throw new RepoError(
        `${MILESTONE_LABELS[milestone]} cannot be before the start (${formatDateTime(started, 'utc')}); correct Started first.`,
        'milestone',
      );
    const before = incident.milestones[milestone];
    const milestones = { ...incident.milestones };
    if (at === null) delete milestones[milestone];
    else milestones[milestone] = at;
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
