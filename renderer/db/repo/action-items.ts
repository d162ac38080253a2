import type { ActionItem, Priority } from '../../../shared/domain/records';
import { DEFAULT_PRIORITY, defaultDueDate } from '../../../shared/logic/action-items';
import { newId } from '../../../shared/domain/ids';
import type { WarroomDb } from '../schema';
import type { CommandContext } from '../../../shared/commands/context';
import { makeEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';

/** What creating an action item needs; priority defaults to P2, the due date to the priority's. */
export interface NewActionItem {
  incidentId: string;
  title: string;
  owner: string;
  priority?: Priority;
  /** ISO calendar date (YYYY-MM-DD); defaults from the priority (P0 7 days … P3 56 days). */
  dueDate?: string;
  /** When the timeline entry says it happened (a backdated `todo:`); defaults to now. */
  occurredAt?: number;
}

/**
 * Creates an action item and its timeline entry (kind "action", the title as its text) in one
 * transaction. The entry's `change` links it to the item: `{ type: 'action-item', field: id }`.
 */
export async function createActionItem(
  db: WarroomDb,
  input: NewActionItem,
  ctx: CommandContext,
): Promise<ActionItem> {
  const title = input.title.trim();
  if (!title) throw new RepoError('Say what needs to be done.', 'title');
  const priority = input.priority ?? DEFAULT_PRIORITY;
  const dueDate = input.dueDate ?? defaultDueDate(priority, ctx.now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate))
    throw new RepoError('Give the due date as YYYY-MM-DD.', 'dueDate');
  const item: ActionItem = {
    id: newId(),
    incidentId: input.incidentId,
    title,
    owner: input.owner.trim(),
    priority,
    dueDate,
    status: 'not-started',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    completedAt: null,
  };
  return db.transaction('rw', [db.actionItems, db.timelineEntries], async () => {
    await db.actionItems.add(item);
    await db.timelineEntries.add(
      makeEntry(input.incidentId, 'action', title, ctx, {
        occurredAt: input.occurredAt ?? ctx.now,
        change: { type: 'action-item', field: item.id, to: priority },
      }),
    );
    return item;
  });
}
