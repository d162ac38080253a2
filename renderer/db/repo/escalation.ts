import type { Incident } from '../../../shared/domain/incident';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/escalation';
import { runCommand } from '../commit';
import type { WarroomDb } from '../schema';
import { readSettings } from './settings';

export type { SuggestionRef } from '../../../shared/commands/escalation';

/**
 * Accepts an escalation suggestion in one change set: a severity change with the suggestion's
 * reason, or a pinned "Escalated to …" decision with the trigger marked handled. See
 * {@link cmd.acceptSuggestion} for the rules and refusals.
 */
export async function acceptSuggestion(
  db: WarroomDb,
  incidentId: string,
  suggestion: cmd.SuggestionRef,
  ctx: CommandContext,
): Promise<void> {
  await runCommand(db, ['incidents', 'settings'], async (read) => {
    const [incident, settings] = await Promise.all([
      read.incidents.get(incidentId),
      readSettings(db),
    ]);
    return cmd.acceptSuggestion(incident, suggestion, settings, ctx);
  });
}

/**
 * Dismisses a suggestion with a required reason (the trigger stays quiet until the situation
 * changes), recorded on the timeline, in one change set. See {@link cmd.dismissSuggestion}.
 */
export function dismissSuggestion(
  db: WarroomDb,
  incidentId: string,
  suggestion: cmd.SuggestionRef,
  reason: string,
  ctx: CommandContext,
): Promise<Incident> {
  return runCommand(db, ['incidents'], async (read) =>
    cmd.dismissSuggestion(await read.incidents.get(incidentId), suggestion, reason, ctx),
  );
}
