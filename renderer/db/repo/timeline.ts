import type { Audience } from '../../../shared/domain/audience';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/timeline-entry';
import * as comms from '../../../shared/commands/comms';
import { commit, inOneCommit, runCommand } from '../commit';
import type { WarroomDb } from '../schema';
import { correctMilestone } from './incidents';

export type { NewEntry } from '../../../shared/commands/timeline-entry';
export { checkOccurredAt } from '../../../shared/commands/timeline-entry';

/** See {@link cmd.checkEntryText}. */
export const checkText = cmd.checkEntryText;

/**
 * Adds one person-written entry (note, action, decision, finding, hypothesis text, comms,
 * milestone). Refusals as {@link cmd.checkEntryText}; storage failures as {@link commit}.
 */
export async function addEntry(
  db: WarroomDb,
  input: cmd.NewEntry,
  ctx: CommandContext,
): Promise<TimelineEntry> {
  const changes = cmd.logEntry(input, ctx);
  await commit(db, changes);
  return changes.timelineEntries!.added![0]!;
}

/** Edits an entry's text and time: see {@link cmd.editEntry} for the rules and refusals. */
export function editEntry(
  db: WarroomDb,
  id: string,
  text: string,
  ctx: CommandContext,
  occurredAt?: number,
): Promise<TimelineEntry> {
  return runCommand(db, ['timelineEntries'], async (read) =>
    cmd.editEntry(await read.timelineEntries.get(id), { text, occurredAt }, ctx),
  );
}

/** Soft-deletes an entry (reversible with restoreEntry): see {@link cmd.deleteEntry}. */
export function deleteEntry(db: WarroomDb, id: string, ctx: CommandContext): Promise<void> {
  return runCommand(db, ['timelineEntries'], async (read) => ({
    changes: cmd.deleteEntry(await read.timelineEntries.get(id), ctx),
    result: undefined,
  }));
}

/** Undoes a soft delete: see {@link cmd.restoreEntry}. */
export function restoreEntry(db: WarroomDb, id: string): Promise<void> {
  return runCommand(db, ['timelineEntries'], async (read) => ({
    changes: cmd.restoreEntry(await read.timelineEntries.get(id)),
    result: undefined,
  }));
}

/** Pins or unpins an entry: see {@link cmd.setPinned}. */
export function setPinned(db: WarroomDb, id: string, pinned: boolean): Promise<void> {
  return runCommand(db, ['timelineEntries'], async (read) => ({
    changes: cmd.setPinned(await read.timelineEntries.get(id), pinned),
    result: undefined,
  }));
}

/**
 * `/pin`: pins the entry logged last (by loggedAt, not occurredAt, so a just-logged backdated
 * entry is the one pinned). Returns it; refuses when the incident has no entry to pin.
 */
export function pinLatestEntry(db: WarroomDb, incidentId: string): Promise<TimelineEntry> {
  return runCommand(db, ['timelineEntries'], async (read) =>
    cmd.pinLatest(
      await read.timelineEntries
        .orderBy('loggedAt')
        .reverse()
        .filter((e) => e.incidentId === incidentId && e.deletedAt === null)
        .first(),
    ),
  );
}

/** `/comms <audience> [summary]`: recorded like a composed update; see {@link comms.logComms}. */
export function logComms(
  db: WarroomDb,
  incidentId: string,
  audience: Audience,
  summary: string,
  ctx: CommandContext,
  occurredAt: number = ctx.now,
): Promise<TimelineEntry> {
  return runCommand(db, ['incidents', 'timelineEntries'], async (read) =>
    comms.logComms(await read.incidents.get(incidentId), { audience, summary, occurredAt }, ctx),
  );
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
  return inOneCommit(db, async () => {
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
