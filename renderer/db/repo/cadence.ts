import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import type { Incident } from '../../../shared/domain/incident';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import {
  audienceDue,
  cadenceMsFor,
  isSnoozeMinutes,
  MAX_SNOOZE_MINUTES,
  snooze,
  snoozeLabel,
  spanInWords,
} from '../../../shared/logic/cadence';
import { FUTURE_TOLERANCE_MS } from '../../../shared/domain/incident';
import { formatDuration, formatEventTime, spansDays } from '../../../shared/logic/time';
import type { WarroomDb } from '../schema';
import type { CommandContext } from '../../../shared/commands/context';
import { makeEntry, systemEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';
import { readSettings } from './settings';

async function mustGet(db: WarroomDb, id: string): Promise<Incident> {
  const incident = await db.incidents.get(id);
  if (!incident) throw new RepoError('This incident no longer exists.');
  return incident;
}

/**
 * Records that an update went out to `audience` at `occurredAt` (default now): restarts that
 * audience's countdown (`cadence[audience].lastSentAt`) and ends any snooze, which only
 * postponed the update just sent. An update older than the last recorded one never moves the
 * countdown back.
 *
 * It writes NO timeline entry: the caller records what was sent (a comms entry, a CommsUpdate
 * row). Call it inside your own `db.transaction('rw', [db.incidents, …], …)` so the reset and
 * your record are atomic (Dexie nests it in yours); called alone it runs its own transaction.
 */
export async function recordUpdateSent(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  ctx: CommandContext,
  occurredAt: number = ctx.now,
): Promise<Incident> {
  return db.transaction('rw', [db.incidents], async () => {
    const incident = await mustGet(db, incidentId);
    const last = incident.cadence[audience]?.lastSentAt ?? null;
    const next: Incident = {
      ...incident,
      cadence: {
        ...incident.cadence,
        [audience]: {
          lastSentAt: last === null ? occurredAt : Math.max(last, occurredAt),
          snoozedUntil: null,
          snoozeReason: null,
        },
      },
      updatedAt: ctx.now,
    };
    await db.incidents.put(next);
    return next;
  });
}

/**
 * "Mark sent": an update went out by other means (said on a call, posted by hand), so log a
 * comms entry for the audience and restart its countdown, in one transaction.
 */
export async function markUpdateSent(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  ctx: CommandContext,
): Promise<TimelineEntry> {
  return db.transaction('rw', [db.incidents, db.timelineEntries], async () => {
    const incident = await recordUpdateSent(db, incidentId, audience, ctx);
    const resolved = incident.status === 'resolved' ? 'Resolved message' : 'Update';
    const entry = makeEntry(
      incidentId,
      'comms',
      `${resolved} sent to ${AUDIENCE_LABELS[audience]} (marked as sent)`,
      ctx,
      { audience },
    );
    await db.timelineEntries.add(entry);
    return entry;
  });
}

/**
 * Snoozes an audience's update reminder for 1 minute to 6 hours (whole minutes) with a required
 * reason,
 * recorded on the timeline (`change: { type: 'snooze', field: audience, to: snoozedUntil }`).
 * The snooze counts from the due time, or from now when already due (see shared `snooze`).
 */
export async function snoozeReminder(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  minutes: number,
  reason: string,
  ctx: CommandContext,
): Promise<Incident> {
  const why = reason.trim();
  if (!isSnoozeMinutes(minutes))
    throw new RepoError(
      `Snooze for whole minutes, from 1 minute to ${snoozeLabel(MAX_SNOOZE_MINUTES)}.`,
      'minutes',
    );
  if (!why) throw new RepoError('Say why the update can wait: it goes on the record.', 'reason');
  return db.transaction('rw', [db.incidents, db.timelineEntries, db.settings], async () => {
    const incident = await mustGet(db, incidentId);
    const settings = await readSettings(db);
    const due = audienceDue(incident, audience, ctx.now, cadenceMsFor(incident.severity, settings));
    if (!due) throw new RepoError('This incident has no customer updates to snooze.', 'audience');
    if (due.state === 'stopped')
      throw new RepoError('The incident is resolved: its update timers have stopped.', 'audience');
    const { snoozedUntil } = snooze(due, minutes, ctx.now);
    const book = incident.cadence[audience];
    const next: Incident = {
      ...incident,
      cadence: {
        ...incident.cadence,
        [audience]: {
          ...book,
          lastSentAt: book?.lastSentAt ?? null,
          snoozedUntil,
          snoozeReason: why,
        },
      },
      updatedAt: ctx.now,
    };
    await db.incidents.put(next);
    const zone = settings.timeZone;
    const until = formatEventTime(snoozedUntil, zone, spansDays(ctx.now, snoozedUntil, zone));
    await db.timelineEntries.add(
      systemEntry(
        incidentId,
        `${AUDIENCE_LABELS[audience]} update reminder snoozed for ${formatDuration(minutes * 60_000)} (until ${until}). Reason: ${why}`,
        { type: 'snooze', field: audience, to: String(snoozedUntil), reason: why },
        ctx,
      ),
    );
    return next;
  });
}

/**
 * Sets when the next update to `audience` is due ("next update at 16:30"), with a required
 * reason, recorded on the timeline (`change: { type: 'cadence', field: audience, to: at }`).
 * The countdown runs to `at` instead of the cadence until the next update is sent, and any
 * snooze ends (the new time replaces it). `at` is epoch ms and must be in the future, within a
 * day (the UI reads "HH:MM" as its next occurrence, see shared `nextTimeOfDay`).
 */
export async function setNextUpdateAt(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  at: number,
  reason: string,
  ctx: CommandContext,
): Promise<Incident> {
  const why = reason.trim();
  if (!(at > ctx.now) || at > ctx.now + 24 * 60 * 60_000 + FUTURE_TOLERANCE_MS)
    throw new RepoError('Give a time within the next 24 hours.', 'at');
  if (!why)
    throw new RepoError('Say why the next update comes then: it goes on the record.', 'reason');
  return db.transaction('rw', [db.incidents, db.timelineEntries, db.settings], async () => {
    const incident = await mustGet(db, incidentId);
    const settings = await readSettings(db);
    const due = audienceDue(incident, audience, ctx.now, cadenceMsFor(incident.severity, settings));
    if (!due) throw new RepoError('This incident has no customer updates to plan.', 'audience');
    if (due.state === 'stopped')
      throw new RepoError('The incident is resolved: its update timers have stopped.', 'audience');
    const book = incident.cadence[audience];
    const next: Incident = {
      ...incident,
      cadence: {
        ...incident.cadence,
        [audience]: {
          lastSentAt: book?.lastSentAt ?? null,
          snoozedUntil: null,
          snoozeReason: null,
          nextUpdateAt: at,
          nextUpdateReason: why,
        },
      },
      updatedAt: ctx.now,
    };
    await db.incidents.put(next);
    const zone = settings.timeZone;
    const when = formatEventTime(at, zone, spansDays(ctx.now, at, zone));
    await db.timelineEntries.add(
      systemEntry(
        incidentId,
        `Next ${AUDIENCE_LABELS[audience]} update set for ${when} (in ${spanInWords(at - ctx.now)}). Reason: ${why}`,
        { type: 'cadence', field: audience, to: String(at), reason: why },
        ctx,
      ),
    );
    return next;
  });
}
