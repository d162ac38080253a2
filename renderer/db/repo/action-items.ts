import type { ActionItem } from '../../../shared/domain/records';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/action-items';
import { commit } from '../commit';
import type { WarroomDb } from '../schema';

export type { NewActionItem } from '../../../shared/commands/action-items';

/**
 * Creates an action item and its timeline entry (kind "action", the title as its text) in one
 * change set. The entry's `change` links it to the item: `{ type: 'action-item', field: id }`.
 * Refusals as {@link cmd.createActionItem}; storage failures as {@link commit}.
 */
export async function createActionItem(
  db: WarroomDb,
  input: cmd.NewActionItem,
  ctx: CommandContext,
): Promise<ActionItem> {
  const { changes, result } = cmd.createActionItem(input, ctx);
  await commit(db, changes);
  return result;
}
