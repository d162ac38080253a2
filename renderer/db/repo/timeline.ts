import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import { FUTURE_TOLERANCE_MS } from '../../../shared/domain/incident';
import {
  ENTRY_TEXT_MAX,
  type EntryKind,
  type Revision,
  type TimelineEntry,
} from '../../../shared/domain/timeline';
import { cleanText } from '../../../shared/domain/text';
import type { WarroomDb } from '../schema';
import type { CommandContext } from './context';
import { makeEntry } from './entries';
import { RepoError } from './errors';
import { correctMilestone } from './incidents';

/** A person-written entry to add. */
export interface NewEntry {
  incidentId: string;
  kind: Exclude<EntryKind, 'system'>;
  text: string;
  /** When it happened; defaults to now (ctx.now). */
  occurredAt?: number;
  audience?: Audience | null;
  /** Marked as a highlight while logging (`!`): a key event of the post-mortem. */
  highlight?: boolean;
}

/** Every table a log-line command may touch, for a transaction wrapping several repo calls. */
export function logTables(db: WarroomDb) {
  return [
    db.incidents,
    db.timelineEntries,
    db.hypotheses,
    db.actionItems,
    db.roleAssignments,
    db.people,
    db.commsUpdates,
    db.drafts,
    db.settings,
  ];
}

/**
 * Cleans (shared/domain/text.ts: NFC, no control characters, no unpaired surrogates) and trims
 * person-written entry text, and refuses it (RepoError on field 'text') when empty or
 * longer than ENTRY_TEXT_MAX, which the timeline entry schema would reject anyway.
 */
export function checkText(text: string): string {
  // The same cleaning every text schema applies (the scribe's entries skip the write guard).
  const checked = cleanText(text);
  if (!checked.ok) throw new RepoError(`The entry ${checked.message}.`, 'text');
  const t = checked.text.trim();
  if (!t) throw new RepoError('Nothing to log: the entry is empty.', 'text');
  if (t.length > ENTRY_TEXT_MAX)
    throw new RepoError(
      `The entry is ${t.length.toLocaleString('en-US')} characters; the limit is ${ENTRY_TEXT_MAX.toLocaleString('en-US')}.`,
      'text',
    );
  return t;
}

/** Adds one entry (note, action, decision, finding, hypothesis text, comms, milestone). */
export async function addEntry(
  db: WarroomDb,
  input: NewEntry,
  ctx: CommandContext,
): Promise<TimelineEntry> {
  const entry = makeEntry(input.incidentId, input.kind, checkText(input.text), ctx, {
    occurredAt: input.occurredAt ?? ctx.now,
    audience: input.audience ?? null,
    highlight: input.highlight === true,
  });
  await db.transaction('rw', [db.timelineEntries], () => db.timelineEntries.add(entry));
  return entry;
}

async function mustGetEntry(db: WarroomDb, id: string): Promise<TimelineEntry> {
  const entry = await db.timelineEntries.get(id);
  if (!entry) throw new RepoError('This entry no longer exists.');
  return entry;
}

/**
 * Replaces an entry's text and, when `occurredAt` is given and differs, its time (epoch ms, UTC):
 * the previous text and time are kept as a revision (oldest first), and the entry moves to its
 * place in the timeline. Refusals (RepoError): empty or over-long text (field 'text'), a time in
 * the future (field 'occurredAt'), a system entry (the app's record of a change), a deleted
 * entry. Unchanged text and time is a no-op.
 */
export async function editEntry(
  db: WarroomDb,
  id: string,
  text: string,
  ctx: CommandContext,
  occurredAt?: number,
): Promise<TimelineEntry> {
  const next = checkText(text);
  if (occurredAt !== undefined) checkOccurredAt(occurredAt, ctx.now);
  return db.transaction('rw', [db.timelineEntries], async () => {
    const entry = await mustGetEntry(db, id);
    if (entry.kind === 'system')
      throw new RepoError('System entries record a change and cannot be edited.', 'text');
    if (entry.deletedAt !== null) throw new RepoError('Restore the entry before editing it.');
    const moved = occurredAt !== undefined && occurredAt !== entry.occurredAt;
    if (entry.text === next && !moved) return entry;
    const revision: Revision = { text: entry.text, editedAt: ctx.now, author: ctx.author };
    if (moved) revision.occurredAt = entry.occurredAt;
    const revisions = [...entry.revisions, revision];
    const changes = { text: next, revisions, ...(moved ? { occurredAt } : {}) };
    await db.timelineEntries.update(id, changes);
    return { ...entry, ...changes };
  });
}

/**
 * Refuses (RepoError on field 'occurredAt') a corrected entry time that is not a time or lies in
 * the future beyond the clock-skew tolerance.
 */
export function checkOccurredAt(at: number, now: number): void {
  if (!Number.isFinite(at))
    throw new RepoError('Enter when it happened, as a date and time.', 'occurredAt');
  if (at > now + FUTURE_TOLERANCE_MS)
    throw new RepoError(
      'That time is in the future: an entry records what already happened.',
      'occurredAt',
    );
}

/** Soft-deletes an entry (reversible with restoreEntry). System entries cannot be deleted. */
export async function deleteEntry(db: WarroomDb, id: string, ctx: CommandContext): Promise<void> {
  await db.transaction('rw', [db.timelineEntries], async () => {
    const entry = await mustGetEntry(db, id);
    if (entry.kind === 'system')
      throw new RepoError('System entries record a change and cannot be deleted.');
    if (entry.deletedAt === null) await db.timelineEntries.update(id, { deletedAt: ctx.now });
  });
}

/** Undoes a soft delete. */
export async function restoreEntry(db: WarroomDb, id: string): Promise<void> {
  await db.transaction('rw', [db.timelineEntries], async () => {
    await mustGetEntry(db, id);
    await db.timelineEntries.update(id, { deletedAt: null });
  });
}

/** Pins or unpins an entry (pinned entries and milestones make the post-mortem's timeline). */
export async function setPinned(db: WarroomDb, id: string, pinned: boolean): Promise<void> {
  await db.transaction('rw', [db.timelineEntries], async () => {
    await mustGetEntry(db, id);
    await db.timelineEntries.update(id, { pinned });
  });
}

/**
 * `/pin`: pins the entry logged last (by loggedAt, not occurredAt, so a just-logged backdated
 * entry is the one pinned). Returns it, or throws when the incident has no entry to pin.
 */
export async function pinLatestEntry(db: WarroomDb, incidentId: string): Promise<TimelineEntry> {
  return db.transaction('rw', [db.timelineEntries], async () => {
    const latest = await db.timelineEntries
      .orderBy('loggedAt')
      .reverse()
      .filter((e) => e.incidentId === incidentId && e.deletedAt === null)
      .first();
    if (!latest) throw new RepoError('There is no entry to pin yet.');
    await db.timelineEntries.update(latest.id, { pinned: true });
    return { ...latest, pinned: true };
  });
}

/**
 * `/comms <audience> [summary]`: records that an update went out, as a comms entry with its
 * audience, and restarts that audience's countdown (cadence.lastSentAt = occurredAt) in the same
 * transaction. Sending also ends any snooze, which only postponed the update just sent. A
 * backdated comms entry older than the last recorded update does not move the countdown back.
 */
export async function logComms(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  summary: string,
  ctx: CommandContext,
  occurredAt: number = ctx.now,
): Promise<TimelineEntry> {
  const what = summary.trim();
  const text = `${AUDIENCE_LABELS[audience]} update sent${what ? `: ${what}` : ''}`;
  return db.transaction('rw', [db.incidents, db.timelineEntries], async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) throw new RepoError('This incident no longer exists.');
    const book = incident.cadence[audience];
    const last = book?.lastSentAt ?? null;
    await db.incidents.update(incidentId, {
      cadence: {
        ...incident.cadence,
        [audience]: {
          lastSentAt: last === null ? occurredAt : Math.max(last, occurredAt),
          snoozedUntil: null,
          snoozeReason: null,
        },
      },
      updatedAt: ctx.now,
    });
    const entry = makeEntry(incidentId, 'comms', checkText(text), ctx, { occurredAt, audience });
    await db.timelineEntries.add(entry);
    return entry;
  });
}

/**
 * Moves the incident's started milestone back to `at` (recorded as a milestone correction) and
 * runs `write` (the entry that prompted it) in the same transaction: both or neither.
 */
export async function moveStartAndLog<T>(
  db: WarroomDb,
  incidentId: string,
  at: number,
  ctx: CommandContext,
  write: () => Promise<T>,
): Promise<T> {
  return db.transaction('rw', logTables(db), async () => {
    await correctMilestone(
      db,
      incidentId,
      'started',
      at,
      ctx,
      'A backdated entry happened earlier',
    );
    return write();
  });
}
