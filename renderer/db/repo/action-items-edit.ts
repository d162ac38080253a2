import type { ActionItem, ActionStatus, Priority } from '../../../shared/domain/records';
import { ACTION_LINK_MAX, ACTION_STATUS_LABELS, PRIORITIES } from '../../../shared/domain/records';
import type { WarroomDb } from '../schema';
import { createActionItem, type NewActionItem } from './action-items';
import type { CommandContext } from '../../../shared/commands/context';
import { systemEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';

/** What can change on an action item. */
export interface ActionItemPatch {
  title?: string;
  owner?: string;
  priority?: Priority;
  /** ISO calendar date (YYYY-MM-DD). */
  dueDate?: string;
  status?: ActionStatus;
  /** A link or ticket reference (URL, "OPS-123"); '' removes it. */
  link?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Checks a patch; throws a RepoError naming the field at fault. */
function cleanPatch(patch: ActionItemPatch): ActionItemPatch {
  const out: ActionItemPatch = { ...patch };
  if (patch.title !== undefined) {
    out.title = patch.title.trim();
    if (!out.title) throw new RepoError('Say what needs to be done.', 'title');
  }
  if (patch.owner !== undefined) out.owner = patch.owner.trim();
  if (patch.link !== undefined) {
    out.link = patch.link.replace(/\s+/g, ' ').trim();
    if (out.link.length > ACTION_LINK_MAX)
      throw new RepoError(
        `Keep the link or ticket reference to ${ACTION_LINK_MAX.toLocaleString('en-US')} characters.`,
        'link',
      );
  }
  if (patch.priority !== undefined && !PRIORITIES.includes(patch.priority))
    throw new RepoError('Choose a priority from P0 to P3.', 'priority');
  if (patch.dueDate !== undefined && !validDate(patch.dueDate))
    throw new RepoError('Give the due date as a real date (YYYY-MM-DD).', 'dueDate');
  return out;
}

function describeChanges(before: ActionItem, after: ActionItem): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`renamed from "${before.title}"`);
  if (before.owner !== after.owner)
    changes.push(`owner ${before.owner || 'none'} → ${after.owner || 'none'}`);
  if (before.priority !== after.priority)
    changes.push(`priority ${before.priority} → ${after.priority}`);
  if (before.dueDate !== after.dueDate) changes.push(`due ${before.dueDate} → ${after.dueDate}`);
  if (before.status !== after.status)
    changes.push(`${ACTION_STATUS_LABELS[before.status]} → ${ACTION_STATUS_LABELS[after.status]}`);
  if ((before.link ?? '') !== (after.link ?? ''))
    changes.push(after.link ? `link ${after.link}` : 'link removed');
  return changes;
}

/**
 * Edits an action item and, for one linked to an incident, records the change on that incident's
 * timeline, in one transaction. Done stamps `completedAt`; leaving Done clears it. A patch that
 * changes nothing writes nothing.
 */
export async function updateActionItem(
  db: WarroomDb,
  id: string,
  patch: ActionItemPatch,
  ctx: CommandContext,
): Promise<ActionItem> {
  const clean = cleanPatch(patch);
  return db.transaction('rw', [db.actionItems, db.timelineEntries], async () => {
    const before = await db.actionItems.get(id);
    if (!before) throw new RepoError('This action item no longer exists.');
    const after: ActionItem = { ...before, ...clean };
    if (after.status !== before.status)
      after.completedAt = after.status === 'done' ? ctx.now : null;
    const changes = describeChanges(before, after);
    if (changes.length === 0) return before;
    after.updatedAt = ctx.now;
    await db.actionItems.put(after);
    if (after.incidentId !== null) {
      await db.timelineEntries.add(
        systemEntry(
          after.incidentId,
          `Action item "${after.title}": ${changes.join('; ')}`,
          {
            type: 'action-item',
            field: id,
            from: before.status,
            to: after.status,
          },
          ctx,
        ),
      );
    }
    return after;
  });
}

/** Deletes an action item, recording it on its incident's timeline, in one transaction. */
export async function deleteActionItem(
  db: WarroomDb,
  id: string,
  ctx: CommandContext,
): Promise<void> {
  await db.transaction('rw', [db.actionItems, db.timelineEntries], async () => {
    const item = await db.actionItems.get(id);
    if (!item) return;
    await db.actionItems.delete(id);
    if (item.incidentId !== null)
      await db.timelineEntries.add(
        systemEntry(
          item.incidentId,
          `Action item deleted: "${item.title}"`,
          { type: 'action-item', field: id, from: item.status, to: null },
          ctx,
        ),
      );
  });
}

/**
 * Creates an action item with a starting status (the post-mortem's table lets you add one that
 * is already in progress or done) in one transaction: `createActionItem` and, when the status is
 * not "Not Started", the status change, nested in the same transaction.
 */
export async function addActionItem(
  db: WarroomDb,
  input: NewActionItem & { status?: ActionStatus },
  ctx: CommandContext,
): Promise<ActionItem> {
  if (input.dueDate !== undefined && !validDate(input.dueDate))
    throw new RepoError('Give the due date as a real date (YYYY-MM-DD).', 'dueDate');
  return db.transaction('rw', [db.actionItems, db.timelineEntries], async () => {
    const item = await createActionItem(db, input, ctx);
    if (!input.status || input.status === item.status) return item;
    return updateActionItem(db, item.id, { status: input.status }, ctx);
  });
}

// --- Appended by the Action items page: items that need not belong to an incident. ---
// (Imports are hoisted; they sit here so the code above stays exactly as its author wrote it.)
import { DEFAULT_PRIORITY, defaultDueDate } from '../../../shared/logic/action-items';
import { newId } from '../../../shared/domain/ids';

/** What the Action items page's "Add action item" form submits: the incident is optional. */
export type NewAnyActionItem = Omit<NewActionItem, 'incidentId'> & {
  incidentId: string | null;
  status?: ActionStatus;
};

/**
 * Creates an action item from the Action items page. Linked to an incident, it goes through
 * `addActionItem` (row and timeline entry in one transaction); without one there is no timeline
 * to record it on, so only the row is written.
 */
export async function addAnyActionItem(
  db: WarroomDb,
  input: NewAnyActionItem,
  ctx: CommandContext,
): Promise<ActionItem> {
  const { incidentId } = input;
  if (incidentId !== null) return addActionItem(db, { ...input, incidentId }, ctx);
  const title = input.title.trim();
  if (!title) throw new RepoError('Say what needs to be done.', 'title');
  const priority = input.priority ?? DEFAULT_PRIORITY;
  const dueDate = input.dueDate ?? defaultDueDate(priority, ctx.now);
  if (!validDate(dueDate))
    throw new RepoError('Give the due date as a real date (YYYY-MM-DD).', 'dueDate');
  const status = input.status ?? 'not-started';
  const item: ActionItem = {
    id: newId(),
    incidentId: null,
    title,
    owner: input.owner.trim(),
    priority,
    dueDate,
    status,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    completedAt: status === 'done' ? ctx.now : null,
  };
  await db.transaction('rw', [db.actionItems], () => db.actionItems.add(item));
  return item;
}
