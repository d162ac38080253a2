import type { Audience } from '../../../shared/domain/audience';
import type { Incident } from '../../../shared/domain/incident';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/cadence';
import * as comms from '../../../shared/commands/comms';
import { runCommand } from '../commit';
import type { WarroomDb } from '../schema';
import { readSettings } from './settings';

/**
 * Records that an update went out to `audience` at `occurredAt` (default now): restarts that
 * audience's countdown and ends any snooze (see {@link cmd.withUpdateSent}). Writes NO timeline
 * entry: callers that record what was sent compose {@link cmd.withUpdateSent} into their own
 * change set (or run this inside inOneCommit). Refuses a gone incident.
 */
export function recordUpdateSent(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  ctx: CommandContext,
  occurredAt: number = ctx.now,
): Promise<Incident> {
  return runCommand(db, ['incidents'], async (read) =>
    cmd.recordUpdateSent(await read.incidents.get(incidentId), audience, ctx, occurredAt),
  );
}

/**
 * "Mark sent": records the update like a composed one (a Sent updates row with no message, a
 * comms entry, the countdown restarted), in one change set. See {@link comms.markUpdateSent}.
 */
export function markUpdateSent(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  ctx: CommandContext,
): Promise<TimelineEntry> {
  return runCommand(db, ['incidents'], async (read) =>
    comms.markUpdateSent(await read.incidents.get(incidentId), audience, ctx),
  );
}

/**
 * Snoozes an audience's update reminder for 1 minute to 6 hours (whole minutes) with a required
 * reason, recorded on the timeline. Rules and refusals: {@link cmd.snoozeReminder}.
 */
export function snoozeReminder(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  minutes: number,
  reason: string,
  ctx: CommandContext,
): Promise<Incident> {
  return runCommand(db, ['incidents', 'settings'], async (read) => {
    const [incident, settings] = await Promise.all([
      read.incidents.get(incidentId),
      readSettings(db),
    ]);
    return cmd.snoozeReminder(incident, settings, { audience, minutes, reason }, ctx);
  });
}

/**
 * Sets when the next update to `audience` is due (`at`, epoch ms, within the next day), with a
 * required reason, recorded on the timeline. Rules and refusals: {@link cmd.setNextUpdateAt}.
 */
export function setNextUpdateAt(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  at: number,
  reason: string,
  ctx: CommandContext,
): Promise<Incident> {
  return runCommand(db, ['incidents', 'settings'], async (read) => {
    const [incident, settings] = await Promise.all([
      read.incidents.get(incidentId),
      readSettings(db),
    ]);
    return cmd.setNextUpdateAt(incident, settings, { audience, at, reason }, ctx);
  });
}
