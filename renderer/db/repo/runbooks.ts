import type { Runbook } from '../../../shared/domain/records';
import {
  RUNBOOK_BODY_MAX,
  RUNBOOK_TITLE_MAX,
  parseChecklist,
  stepEntryText,
} from '../../../shared/logic/runbook';
import { newId } from '../../../shared/domain/ids';
import type { WarroomDb } from '../schema';
import type { CommandContext } from '../../../shared/commands/context';
import { makeEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';
import { touchServices } from './services';

/** What the runbook editor submits. */
export interface RunbookInput {
  title: string;
  service: string;
  body: string;
}

function clean(input: RunbookInput): RunbookInput {
  const title = input.title.trim();
  if (!title) throw new RepoError('Give the runbook a title.', 'title');
  if (title.length > RUNBOOK_TITLE_MAX)
    throw new RepoError(`Keep the title to ${RUNBOOK_TITLE_MAX} characters or fewer.`, 'title');
  if (input.body.length > RUNBOOK_BODY_MAX)
    throw new RepoError(
      `The runbook is too long (${input.body.length} characters; at most ${RUNBOOK_BODY_MAX}).`,
      'body',
    );
  return { title, service: input.service.trim(), body: input.body };
}

/**
 * Links the runbook to its service: the service joins the catalog if new, and takes this runbook
 * as its runbook when it has none yet. Call inside a transaction over services.
 */
async function linkService(db: WarroomDb, runbook: Runbook, now: number): Promise<void> {
  if (!runbook.service) return;
  await touchServices(db, [runbook.service], now);
  const service = await db.services.where('name').equalsIgnoreCase(runbook.service).first();
  if (service && service.runbookId === null)
    await db.services.update(service.id, { runbookId: runbook.id });
}

/** Creates a runbook (never tested yet) and links it to its service, in one transaction. */
export async function createRunbook(
  db: WarroomDb,
  input: RunbookInput,
  ctx: CommandContext,
): Promise<Runbook> {
  const values = clean(input);
  const runbook: Runbook = {
    id: newId(ctx.now),
    ...values,
    lastTestedAt: null,
    updatedAt: ctx.now,
  };
  await db.transaction('rw', db.runbooks, db.services, async () => {
    await db.runbooks.add(runbook);
    await linkService(db, runbook, ctx.now);
  });
  return runbook;
}

/** Saves an edited runbook; a changed service is linked like a new one. */
export async function updateRunbook(
  db: WarroomDb,
  id: string,
  input: RunbookInput,
  ctx: CommandContext,
): Promise<Runbook> {
  const values = clean(input);
  return db.transaction('rw', db.runbooks, db.services, async () => {
    const before = await db.runbooks.get(id);
    if (!before) throw new RepoError('This runbook no longer exists.');
    const after: Runbook = { ...before, ...values, updatedAt: ctx.now };
    await db.runbooks.put(after);
    if (after.service.toLowerCase() !== before.service.toLowerCase())
      await linkService(db, after, ctx.now);
    return after;
  });
}

/** Records a drill: the runbook was exercised and works, as of now. */
export async function markRunbookTested(
  db: WarroomDb,
  id: string,
  ctx: CommandContext,
): Promise<void> {
  await db.transaction('rw', db.runbooks, async () => {
    const before = await db.runbooks.get(id);
    if (!before) throw new RepoError('This runbook no longer exists.');
    await db.runbooks.update(id, { lastTestedAt: ctx.now });
  });
}

/**
 * Ticks (or unticks) a verification step during an incident: writes the action entry
 * "Runbook <title>: verified <step>" (or "unchecked") on the incident's timeline. The ticked
 * state is derived from these entries (see `verifiedSteps`), so this one write is the command.
 */
export async function setRunbookStep(
  db: WarroomDb,
  args: { incidentId: string; runbookId: string; stepIndex: number; checked: boolean },
  ctx: CommandContext,
): Promise<void> {
  await db.transaction('rw', db.runbooks, db.incidents, db.timelineEntries, async () => {
    const runbook = await db.runbooks.get(args.runbookId);
    if (!runbook) throw new RepoError('This runbook no longer exists.');
    if (!(await db.incidents.get(args.incidentId)))
      throw new RepoError('This incident no longer exists.');
    const step = parseChecklist(runbook.body)[args.stepIndex];
    if (!step) throw new RepoError('This step is no longer in the runbook.');
    const text = stepEntryText(runbook.title, step.text, args.checked);
    await db.timelineEntries.add(makeEntry(args.incidentId, 'action', text, ctx));
  });
}
