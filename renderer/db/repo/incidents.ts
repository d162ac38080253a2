import { thisOrigin } from '../change-events';
import { changes } from '../../../shared/commands/change-set';
import type { DeclareInput, Incident } from '../../../shared/domain/incident';
import type { DataLoss } from '../../../shared/domain/incident-facts';
import type { Severity } from '../../../shared/domain/severity';
import type { Milestone, Status } from '../../../shared/domain/status';
import { referencePrefix } from '../../../shared/logic/reference';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/incident';
import { runCommand } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';
import { readSettings } from './settings';
import { servicesNamed } from './services';

/**
 * Incident commands: each reads its facts and commits the change set the pure command in
 * shared/commands/incident.ts returns (the incident row with the timeline entry recording the
 * change), in one transaction. Refusals are RepoErrors naming the field; storage failures
 * reject as db/commit.ts says, with nothing written.
 */

/** The facts a declaration at `now` needs: the day's references and slugs, matching services. */
async function declareFacts(
  read: ReadonlyDb,
  now: number,
  services: readonly string[],
): Promise<cmd.DeclareFacts> {
  const [start, end] = cmd.utcDayRange(now);
  const [refs, sameDay, known] = await Promise.all([
    read.incidents.where('ref').startsWith(referencePrefix(now)).keys(),
    read.incidents.where('createdAt').between(start, end, true, false).toArray(),
    servicesNamed(read, services),
  ]);
  return {
    refsOfDay: refs as string[],
    // The reference carries this seat's tag, so two seats declaring offline never share one.
    seat: thisOrigin().seat,
    slugsOfDay: sameDay.map((i) => i.slug),
    services: known,
  };
}

/**
 * Declares an incident: validates, assigns the day's next reference and a channel slug unique
 * for the day, and commits the incident, its "declared" entry and the services it names (new
 * names join the catalog) as one change set. Two windows declaring at once are serialised by
 * IndexedDB (the facts are read in the write transaction), and `ref` is a unique index besides.
 * `draftKey`: the drafts row the declaration was typed in, removed in the same change set.
 * Refusals as {@link cmd.checkDeclaration}.
 */
export async function declareIncident(
  db: WarroomDb,
  input: DeclareInput,
  ctx: CommandContext,
  draftKey?: string,
): Promise<Incident> {
  const services = cmd.declaredServiceNames(cmd.checkDeclaration(input, ctx.now));
  return runCommand(db, ['incidents', 'services'], async (read) => {
    const declared = cmd.declareIncident(await declareFacts(read, ctx.now, services), input, ctx);
    // The Declare dialog's draft goes in the same change set: a declared incident's draft can
    // never come back, and a failure to remove it cannot leave a declared incident looking
    // undeclared (and declared twice).
    if (!draftKey) return declared;
    return {
      result: declared.result,
      changes: changes().merge(declared.changes).remove('drafts', draftKey).build(),
    };
  });
}

/**
 * Moves an incident to a new status (forwards or back): see {@link cmd.changeStatus} for the
 * milestones, the resolution summary, the Data loss fact recorded with a resolution, and the
 * refusals. Milestone conflicts are described in the user's time zone (Settings).
 */
export function changeStatus(
  db: WarroomDb,
  id: string,
  status: Status,
  ctx: CommandContext,
  resolutionSummary?: string,
  facts: { dataLoss?: DataLoss } = {},
): Promise<Incident> {
  return runCommand(db, ['incidents', 'settings'], async (read) => {
    const [incident, settings] = await Promise.all([read.incidents.get(id), readSettings(db)]);
    return cmd.changeStatus(
      incident,
      { status, resolutionSummary, dataLoss: facts.dataLoss },
      ctx,
      settings.timeZone,
    );
  });
}

/**
 * Changes severity; a reason is required and recorded with old → new, with the cadence re-plan
 * while active: see {@link cmd.changeSeverity}.
 */
export function changeSeverity(
  db: WarroomDb,
  id: string,
  severity: Severity,
  reason: string,
  ctx: CommandContext,
): Promise<Incident> {
  return runCommand(db, ['incidents', 'settings'], async (read) => {
    const [incident, settings] = await Promise.all([read.incidents.get(id), readSettings(db)]);
    return cmd.changeSeverity(incident, { severity, reason }, settings, ctx);
  });
}

/**
 * Sets or corrects a milestone's time (`at` null clears it, not allowed for started/declared);
 * the correction is recorded with the old value: see {@link cmd.correctMilestone}.
 */
export function correctMilestone(
  db: WarroomDb,
  id: string,
  milestone: Milestone,
  at: number | null,
  ctx: CommandContext,
  reason = '',
): Promise<Incident> {
  return runCommand(db, ['incidents', 'settings'], async (read) => {
    const [incident, settings] = await Promise.all([read.incidents.get(id), readSettings(db)]);
    return cmd.correctMilestone(incident, { milestone, at, reason }, ctx, settings.timeZone);
  });
}

/**
 * Renames an incident, recording "Title: old → new"; the reference and slug stay. Refusals as
 * {@link cmd.renameIncident}; an unchanged title writes nothing.
 */
export function renameIncident(
  db: WarroomDb,
  id: string,
  title: string,
  ctx: CommandContext,
): Promise<Incident> {
  return runCommand(db, ['incidents'], async (read) =>
    cmd.renameIncident(await read.incidents.get(id), title, ctx),
  );
}
