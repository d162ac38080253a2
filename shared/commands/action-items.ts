import { formatCount } from '../domain/text';
import { newId } from '../domain/ids';
import {
  ACTION_LINK_MAX,
  ACTION_STATUS_LABELS,
  PRIORITIES,
  type ActionItem,
  type ActionStatus,
  type Priority,
} from '../domain/records';
import { DEFAULT_PRIORITY, defaultDueDate } from '../logic/action-items';
import { changes, type Changes } from './change-set';
import type { CommandContext } from './context';
import { makeEntry, systemEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import type { Outcome } from './change-set';

/**
 * Action item commands: creating, editing and deleting an item, and the one set of rules every
 * editor of action items follows (the Action items page and the post-mortem's table).
 */

/** What creating an action item needs; priority defaults to P2, the due date to the priority's. */
export interface NewActionItem {
  incidentId: string;
  title: string;
  owner: string;
  priority?: Priority;
  /** ISO calendar date (YYYY-MM-DD); defaults from the priority (P0 7 days … P3 56 days). */
  dueDate?: string;
  /** When the timeline entry says it happened (a backdated `todo:`, ms UTC); defaults to now. */
  occurredAt?: number;
}

/** A new item from the Action items page: the incident is optional, the status may be set. */
export type NewAnyActionItem = Omit<NewActionItem, 'incidentId'> & {
  incidentId: string | null;
  status?: ActionStatus;
};

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

export const TITLE_REFUSAL = 'Say what needs to be done.';
export const DUE_DATE_REFUSAL = 'Give the due date as a real date (YYYY-MM-DD).';
/** What an editor says when its date field is emptied (a date input holding no full date). */
export const DUE_DATE_MISSING = 'Enter a complete date (YYYY-MM-DD).';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The rules of an edit, the same for every editor: the title is trimmed and may not be empty
 * (RepoError on 'title'), the owner trimmed, the link's white space collapsed and held to
 * ACTION_LINK_MAX characters ('link'), the priority one of P0–P3 ('priority'), the due date a
 * real YYYY-MM-DD date ('dueDate'). Returns the cleaned patch.
 */
export function checkActionItemPatch(patch: ActionItemPatch): ActionItemPatch {
  const out: ActionItemPatch = { ...patch };
  if (patch.title !== undefined) {
    out.title = patch.title.trim();
    if (!out.title) throw new RepoError(TITLE_REFUSAL, 'title');
  }
  if (patch.owner !== undefined) out.owner = patch.owner.trim();
  if (patch.link !== undefined) {
    out.link = patch.link.replace(/\s+/g, ' ').trim();
    if (out.link.length > ACTION_LINK_MAX)
      throw new RepoError(
        `Keep the link or ticket reference to ${formatCount(ACTION_LINK_MAX)} characters.`,
        'link',
      );
  }
  if (patch.priority !== undefined && !PRIORITIES.includes(patch.priority))
    throw new RepoError('Choose a priority from P0 to P3.', 'priority');
  if (patch.dueDate !== undefined && !isCalendarDate(patch.dueDate))
    throw new RepoError(DUE_DATE_REFUSAL, 'dueDate');
  return out;
}

/** The changes between two versions of an item, as the timeline entry words them. */
function describeChanges(before: ActionItem, after: ActionItem): string[] {
  const out: string[] = [];
  if (before.title !== after.title) out.push(`renamed from "${before.title}"`);
  if (before.owner !== after.owner)
    out.push(`owner ${before.owner || 'none'} → ${after.owner || 'none'}`);
  if (before.priority !== after.priority)
    out.push(`priority ${before.priority} → ${after.priority}`);
  if (before.dueDate !== after.dueDate) out.push(`due ${before.dueDate} → ${after.dueDate}`);
  if (before.status !== after.status)
    out.push(`${ACTION_STATUS_LABELS[before.status]} → ${ACTION_STATUS_LABELS[after.status]}`);
  if ((before.link ?? '') !== (after.link ?? ''))
    out.push(after.link ? `link ${after.link}` : 'link removed');
  return out;
}

/**
 * Creates an action item (status Not Started) and its timeline entry (kind "action", the title
 * as its text, `change: { type: 'action-item', field: <id>, to: <priority> }`), at
 * `input.occurredAt` (ms UTC) or now. Refusals (RepoError): an empty title ('title'); a due date
 * not written YYYY-MM-DD ('dueDate', "Give the due date as YYYY-MM-DD.").
 */
export function createActionItem(input: NewActionItem, ctx: CommandContext): Outcome<ActionItem> {
  const title = input.title.trim();
  if (!title) throw new RepoError(TITLE_REFUSAL, 'title');
  const priority = input.priority ?? DEFAULT_PRIORITY;
  const dueDate = input.dueDate ?? defaultDueDate(priority, ctx.now);
  if (!DATE.test(dueDate)) throw new RepoError('Give the due date as YYYY-MM-DD.', 'dueDate');
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
  const entry = makeEntry(input.incidentId, 'action', title, ctx, {
    occurredAt: input.occurredAt ?? ctx.now,
    change: { type: 'action-item', field: item.id, to: priority },
  });
  return { changes: changes().add('actionItems', item).record(entry).build(), result: item };
}

/**
 * Applies an edit to `found` (the item as stored): Done stamps `completedAt` (ms UTC), leaving
 * Done clears it; an item linked to an incident gets a system entry on its timeline wording
 * every change (`Action item "<title>": …`). A patch that changes nothing changes nothing.
 * Refusals: those of {@link checkActionItemPatch}; "This action item no longer exists."
 */
export function updateActionItem(
  found: ActionItem | undefined,
  patch: ActionItemPatch,
  ctx: CommandContext,
): Outcome<ActionItem> {
  const clean = checkActionItemPatch(patch);
  const before = existing(found, 'action item');
  const after: ActionItem = { ...before, ...clean };
  if (after.status !== before.status) after.completedAt = after.status === 'done' ? ctx.now : null;
  const described = describeChanges(before, after);
  if (described.length === 0) return { changes: {}, result: before };
  after.updatedAt = ctx.now;
  const set = changes().update('actionItems', after);
  if (after.incidentId !== null)
    set.record(
      systemEntry(
        after.incidentId,
        `Action item "${after.title}": ${described.join('; ')}`,
        { type: 'action-item', field: after.id, from: before.status, to: after.status },
        ctx,
      ),
    );
  return { changes: set.build(), result: after };
}

/**
 * Deletes an action item and, for one linked to an incident, records it on the timeline
 * (`Action item deleted: "<title>"`). An item already gone changes nothing.
 */
export function deleteActionItem(found: ActionItem | undefined, ctx: CommandContext): Changes {
  if (!found) return {};
  const set = changes().remove('actionItems', found.id);
  if (found.incidentId !== null)
    set.record(
      systemEntry(
        found.incidentId,
        `Action item deleted: "${found.title}"`,
        { type: 'action-item', field: found.id, from: found.status, to: null },
        ctx,
      ),
    );
  return set.build();
}

/**
 * Creates an item linked to an incident with a starting status (the post-mortem's table adds
 * one already in progress or done): {@link createActionItem} and, when the status is not Not
 * Started, the status change with its own entry, in one change set. Refusals: a due date that
 * is not a real date ('dueDate', checked first), then those of createActionItem.
 */
export function addActionItem(
  input: NewActionItem & { status?: ActionStatus },
  ctx: CommandContext,
): Outcome<ActionItem> {
  if (input.dueDate !== undefined && !isCalendarDate(input.dueDate))
    throw new RepoError(DUE_DATE_REFUSAL, 'dueDate');
  const created = createActionItem(input, ctx);
  if (!input.status || input.status === created.result.status) return created;
  const moved = updateActionItem(created.result, { status: input.status }, ctx);
  return {
    changes: changes().merge(created.changes).merge(moved.changes).build(),
    result: moved.result,
  };
}

/**
 * Creates an item from the Action items page. Linked to an incident it is
 * {@link addActionItem}; without one there is no timeline to record it on, so the change set
 * holds the row alone (Done from the start stamps `completedAt`). Refusals: an empty title
 * ('title'); a due date that is not a real date ('dueDate').
 */
export function addAnyActionItem(
  input: NewAnyActionItem,
  ctx: CommandContext,
): Outcome<ActionItem> {
  const { incidentId } = input;
  if (incidentId !== null) return addActionItem({ ...input, incidentId }, ctx);
  const title = input.title.trim();
  if (!title) throw new RepoError(TITLE_REFUSAL, 'title');
  const priority = input.priority ?? DEFAULT_PRIORITY;
  const dueDate = input.dueDate ?? defaultDueDate(priority, ctx.now);
  if (!isCalendarDate(dueDate)) throw new RepoError(DUE_DATE_REFUSAL, 'dueDate');
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
  return { changes: changes().add('actionItems', item).build(), result: item };
}
