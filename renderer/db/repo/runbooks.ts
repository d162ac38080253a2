import type { Runbook, Service } from '../../../shared/domain/records';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/runbooks';
import { runCommand } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';
import { servicesNamed } from './services';

export type { RunbookInput } from '../../../shared/commands/runbooks';

/** The catalog row named `name` (by `nameKey`), if any; none for an empty name. */
async function serviceNamed(read: ReadonlyDb, name: string): Promise<Service | undefined> {
  return (await servicesNamed(read, [name]))[0];
}

/**
 * Creates a runbook (never tested yet) and links it to its service, as one change set: see
 * {@link cmd.createRunbook} for the refusals (RepoError on 'title' or 'body').
 */
export function createRunbook(
  db: WarroomDb,
  input: cmd.RunbookInput,
  ctx: CommandContext,
): Promise<Runbook> {
  return runCommand(db, ['runbooks', 'services'], async (read) =>
    cmd.createRunbook(input, await serviceNamed(read, input.service), ctx),
  );
}

/** Saves an edited runbook; a changed service is linked like a new one: see {@link cmd.updateRunbook}. */
export function updateRunbook(
  db: WarroomDb,
  id: string,
  input: Partial<cmd.RunbookInput>,
  ctx: CommandContext,
): Promise<Runbook> {
  return runCommand(db, ['runbooks', 'services'], async (read) => {
    const runbook = await read.runbooks.get(id);
    const service = await serviceNamed(read, input.service ?? runbook?.service ?? '');
    return cmd.updateRunbook(runbook, input, service, ctx);
  });
}

/** Records a drill: the runbook was exercised and works, as of now. Refuses a gone runbook. */
export function markRunbookTested(db: WarroomDb, id: string, ctx: CommandContext): Promise<void> {
  return runCommand(db, ['runbooks'], async (read) => ({
    changes: cmd.markRunbookTested(await read.runbooks.get(id), ctx),
    result: undefined,
  }));
}

/**
 * Ticks (or unticks) a verification step during an incident: the action entry "Runbook
 * <title>: verified <step>" (or "unchecked") on the incident's timeline. See
 * {@link cmd.setRunbookStep} for the refusals.
 */
export function setRunbookStep(
  db: WarroomDb,
  args: { incidentId: string; runbookId: string; stepIndex: number; checked: boolean },
  ctx: CommandContext,
): Promise<void> {
  return runCommand(db, ['runbooks', 'incidents'], async (read) => {
    const [runbook, incident] = await Promise.all([
      read.runbooks.get(args.runbookId),
      read.incidents.get(args.incidentId),
    ]);
    return { changes: cmd.setRunbookStep(runbook, incident, args, ctx), result: undefined };
  });
}

/** The incident's action entries, where every runbook use is recorded (index [incidentId+kind]). */
function actionEntries(read: ReadonlyDb, incidentId: string) {
  return read.timelineEntries.where({ incidentId, kind: 'action' }).toArray();
}

/**
 * Records that a runbook was opened in an incident, once per incident and runbook (the check
 * and the write are one transaction, so two windows opening it at once record it once). See
 * {@link cmd.openRunbook} for when nothing is recorded and the refusals.
 */
export function openRunbook(
  db: WarroomDb,
  args: { incidentId: string; runbookId: string },
  ctx: CommandContext,
): Promise<void> {
  return runCommand(db, ['runbooks', 'incidents', 'timelineEntries'], async (read) => {
    const [runbook, incident, entries] = await Promise.all([
      read.runbooks.get(args.runbookId),
      read.incidents.get(args.incidentId),
      actionEntries(read, args.incidentId),
    ]);
    return { changes: cmd.openRunbook(runbook, incident, entries, ctx), result: undefined };
  });
}

/**
 * Answers "Was this runbook helpful?" for the current author in an incident (`helpful` null
 * withdraws the vote): see {@link cmd.voteRunbook}.
 */
export function voteRunbook(
  db: WarroomDb,
  args: { incidentId: string; runbookId: string; helpful: boolean | null },
  ctx: CommandContext,
): Promise<void> {
  return runCommand(db, ['runbooks', 'incidents', 'timelineEntries'], async (read) => {
    const [runbook, incident, entries] = await Promise.all([
      read.runbooks.get(args.runbookId),
      read.incidents.get(args.incidentId),
      actionEntries(read, args.incidentId),
    ]);
    return {
      changes: cmd.voteRunbook(runbook, incident, entries, args.helpful, ctx),
      result: undefined,
    };
  });
}
