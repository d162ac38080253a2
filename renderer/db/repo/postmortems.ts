import type {
  ContributingCause,
  Postmortem,
  PostmortemStatus,
} from '../../../shared/domain/records';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/postmortem';
import { runCommand } from '../commit';
import type { WarroomDb } from '../schema';

export {
  emptyPostmortem,
  mergeIntoEmpty,
  POSTMORTEM_STATUS_LABELS,
  type PostmortemPatch,
} from '../../../shared/commands/postmortem';

/**
 * Opens an incident's post-mortem, creating it on first open with `prefill` (from
 * `prefillPostmortem`) merged into its empty sections: see {@link cmd.openPostmortem}.
 */
export function openPostmortem(
  db: WarroomDb,
  incidentId: string,
  prefill: Readonly<Partial<Record<string, string>>>,
  ctx: CommandContext,
): Promise<Postmortem> {
  return runCommand(db, ['incidents', 'postmortems'], async (read) =>
    cmd.openPostmortem(
      await read.incidents.get(incidentId),
      await read.postmortems.get(incidentId),
      prefill,
      ctx,
    ),
  );
}

/**
 * Saves what the user typed (only the sections named in the patch change; creates the
 * post-mortem if it does not exist yet): see {@link cmd.savePostmortem} for the refusals.
 */
export function savePostmortem(
  db: WarroomDb,
  incidentId: string,
  patch: cmd.PostmortemPatch,
  ctx: CommandContext,
): Promise<Postmortem> {
  return runCommand(db, ['incidents', 'postmortems'], async (read) =>
    cmd.savePostmortem(
      await read.incidents.get(incidentId),
      await read.postmortems.get(incidentId),
      patch,
      ctx,
    ),
  );
}

/**
 * Moves the post-mortem to Draft, Review or Final with its timeline entry (Final stamps the
 * "Post-mortem completed" milestone): see {@link cmd.setPostmortemStatus}.
 */
export function setPostmortemStatus(
  db: WarroomDb,
  incidentId: string,
  status: PostmortemStatus,
  ctx: CommandContext,
): Promise<Postmortem> {
  return runCommand(db, ['incidents', 'postmortems', 'timelineEntries'], async (read) =>
    cmd.setPostmortemStatus(
      await read.incidents.get(incidentId),
      await read.postmortems.get(incidentId),
      status,
      ctx,
    ),
  );
}

/**
 * Adds a contributing cause (tag and fishbone category) to the post-mortem: see
 * {@link cmd.addPostmortemCause} for the refusals (on 'causeTag' and 'causeCategory').
 */
export function addPostmortemCause(
  db: WarroomDb,
  incidentId: string,
  cause: ContributingCause,
  ctx: CommandContext,
): Promise<Postmortem> {
  return runCommand(db, ['incidents', 'postmortems'], async (read) =>
    cmd.addPostmortemCause(
      await read.incidents.get(incidentId),
      await read.postmortems.get(incidentId),
      cause,
      ctx,
    ),
  );
}

/** Removes the contributing cause with this tag: see {@link cmd.removePostmortemCause}. */
export function removePostmortemCause(
  db: WarroomDb,
  incidentId: string,
  tag: string,
  ctx: CommandContext,
): Promise<Postmortem> {
  return runCommand(db, ['incidents', 'postmortems'], async (read) =>
    cmd.removePostmortemCause(
      await read.incidents.get(incidentId),
      await read.postmortems.get(incidentId),
      tag,
      ctx,
    ),
  );
}
