import type { ActionItem } from '../../../shared/domain/records';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/action-items';
import { commit, runCommand } from '../commit';
import type { WarroomDb } from '../schema';

export type { ActionItemPatch, NewAnyActionItem } from '../../../shared/commands/action-items';

/**
 * Edits an action item and, for one linked to an incident, records the change on that
 * incident's timeline, in one change set: see {@link cmd.updateActionItem} for the rules and
 * refusals. A patch that changes nothing writes nothing.
 */
export function updateActionItem(
  db: WarroomDb,
  id: string,
  patch: cmd.ActionItemPatch,
  ctx: CommandContext,
): Promise<ActionItem> {
  return runCommand(db, ['actionItems'], async (read) =>
    cmd.updateActionItem(await read.actionItems.get(id), patch, ctx),
  );
}

/** Deletes an action item, recording it on its incident's timeline: {@link cmd.deleteActionItem}. */
export function deleteActionItem(db: WarroomDb, id: string, ctx: CommandContext): Promise<void> {
  return runCommand(db, ['actionItems'], async (read) => ({
    changes: cmd.deleteActionItem(await read.actionItems.get(id), ctx),
    result: undefined,
  }));
}

/**
 * Creates an action item with a starting status (the post-mortem's table), in one change set:
 * see {@link cmd.addActionItem}.
 */
export async function addActionItem(
  db: WarroomDb,
  input: cmd.NewActionItem & { status?: cmd.NewAnyActionItem['status'] },
  ctx: CommandContext,
): Promise<ActionItem> {
  const { changes, result } = cmd.addActionItem(input, ctx);
  await commit(db, changes);
  return result;
}

/**
 * Creates an action item from the Action items page, linked to an incident or not: see
 * {@link cmd.addAnyActionItem}.
 */
export async function addAnyActionItem(
  db: WarroomDb,
  input: cmd.NewAnyActionItem,
  ctx: CommandContext,
): Promise<ActionItem> {
  const { changes, result } = cmd.addAnyActionItem(input, ctx);
  await commit(db, changes);
  return result;
}
