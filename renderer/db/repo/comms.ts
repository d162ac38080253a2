import type { CommsUpdate } from '../../../shared/domain/records';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/comms';
import { runCommand } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';

export type { SendFormat, SendUpdateInput } from '../../../shared/commands/comms';
export { commsEntryText } from '../../../shared/commands/comms';

/**
 * Records a sent stakeholder update in ONE change set: the `commsUpdates` row, its one-line
 * comms entry, and the restart of the audience's countdown. If any part fails, nothing is
 * written. Refusals as {@link cmd.sendUpdate}; storage failures as runCommand.
 */
export function sendUpdate(
  db: WarroomDb,
  input: cmd.SendUpdateInput,
  ctx: CommandContext,
): Promise<CommsUpdate> {
  return runCommand(db, ['incidents'], async (read) =>
    cmd.sendUpdate(await read.incidents.get(input.incidentId), input, ctx),
  );
}

/** An incident's sent updates, newest first. */
export async function listCommsUpdates(db: ReadonlyDb, incidentId: string): Promise<CommsUpdate[]> {
  const rows = await db.commsUpdates.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => b.sentAt - a.sentAt || (a.id < b.id ? 1 : -1));
}
