import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/impact';
import { runCommand } from '../commit';
import type { WarroomDb } from '../schema';

export type { ImpactPatch, UnderstandingSource } from '../../../shared/commands/impact';
export { applyImpactPatch, checkImpactPatch } from '../../../shared/commands/impact';

/**
 * Updates the incident's impact facts in one change set with one system entry per field that
 * changed; returns the entries written (none when nothing changed). Refusals as
 * {@link cmd.updateImpact} (RepoError naming the field); storage failures as runCommand.
 */
export async function updateImpact(
  db: WarroomDb,
  incidentId: string,
  patch: cmd.ImpactPatch,
  ctx: CommandContext,
): Promise<TimelineEntry[]> {
  cmd.checkImpactPatch(patch);
  return runCommand(db, ['incidents'], async (read) =>
    cmd.updateImpact(await read.incidents.get(incidentId), patch, ctx),
  );
}

/**
 * Sets the incident's Current understanding ('' clears it) with its system entry, in one change
 * set (part of the caller's when run inside inOneCommit). Returns the entry, or null when the
 * text is unchanged. Refusals as {@link cmd.setUnderstanding}.
 */
export function setUnderstanding(
  db: WarroomDb,
  incidentId: string,
  text: string,
  ctx: CommandContext,
  source: cmd.UnderstandingSource = 'edited',
): Promise<TimelineEntry | null> {
  return runCommand(db, ['incidents'], async (read) =>
    cmd.setUnderstanding(await read.incidents.get(incidentId), text, ctx, source),
  );
}
