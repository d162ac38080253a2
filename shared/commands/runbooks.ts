import type { Incident } from '../domain/incident';
import { newId } from '../domain/ids';
import type { Runbook, Service } from '../domain/records';
import { nameKey } from '../domain/text';
import {
  RUNBOOK_BODY_MAX,
  RUNBOOK_TITLE_MAX,
  latestVotes,
  openedEntryText,
  parseChecklist,
  responderKey,
  stepEntryText,
  voteEntryText,
  wasOpened,
  type RunbookUseEntry,
} from '../logic/runbook';
import { changes, type Changes, type Outcome } from './change-set';
import type { CommandContext } from './context';
import { newService } from './directory';
import { makeEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';

// ---------------------------------------------------------------------------------------------
// Runbooks

/** What the runbook editor submits. */
export interface RunbookInput {
  title: string;
  service: string;
  body: string;
}

/**
 * The runbook's fields as stored: title and service trimmed, body as typed. Refuses (RepoError)
 * an empty title or one over RUNBOOK_TITLE_MAX characters (field 'title'), and a body over
 * RUNBOOK_BODY_MAX characters (field 'body').
 */
export function checkRunbookInput(input: RunbookInput): RunbookInput {
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
 * Links a runbook to its service: the service is marked used at `now` (joining the catalog if
 * new) and takes this runbook as its runbook when it has none yet. `service` is the catalog row
 * named like the runbook's service, if any. Nothing for a runbook without a service.
 */
function linkService(service: Service | undefined, runbook: Runbook, now: number): Changes {
  if (!runbook.service) return {};
  const row = service ? { ...service, lastUsedAt: now } : newService(runbook.service, now);
  if (row.runbookId === null) row.runbookId = runbook.id;
  return service
    ? changes().update('services', row).build()
    : changes().add('services', row).build();
}

/**
 * Creates a runbook (never tested yet, id ordered by `ctx.now`) and links it to its service
 * (see {@link checkRunbookInput} for the refusals). `service` is the catalog row named like
 * `input.service` (case-insensitively), if any.
 */
export function createRunbook(
  input: RunbookInput,
  service: Service | undefined,
  ctx: CommandContext,
): Outcome<Runbook> {
  const values = checkRunbookInput(input);
  const runbook: Runbook = {
    id: newId(ctx.now),
    ...values,
    lastTestedAt: null,
    updatedAt: ctx.now,
  };
  const set = changes()
    .add('runbooks', runbook)
    .merge(linkService(service, runbook, ctx.now));
  return { changes: set.build(), result: runbook };
}

/**
 * Saves an edited runbook: `input` holds the fields the user changed (the others keep their
 * stored values); a changed service is linked like a new one. `service` is the catalog row named
 * like the resulting service, if any. Refusals: "This runbook no longer exists.", then as
 * {@link checkRunbookInput}.
 */
export function updateRunbook(
  found: Runbook | undefined,
  input: Partial<RunbookInput>,
  service: Service | undefined,
  ctx: CommandContext,
): Outcome<Runbook> {
  const before = existing(found, 'runbook');
  // Fields the user did not change are taken from the row as stored now (another window may
  // have changed them since the form opened).
  const values = checkRunbookInput({
    title: before.title,
    service: before.service,
    body: before.body,
    ...input,
  });
  const after: Runbook = { ...before, ...values, updatedAt: ctx.now };
  const set = changes().update('runbooks', after);
  if (nameKey(after.service) !== nameKey(before.service))
    set.merge(linkService(service, after, ctx.now));
  return { changes: set.build(), result: after };
}

/** Records a drill: the runbook was exercised and works, as of `ctx.now`. Refuses a gone runbook. */
export function markRunbookTested(found: Runbook | undefined, ctx: CommandContext): Changes {
  const runbook = existing(found, 'runbook');
  return changes()
    .update('runbooks', { ...runbook, lastTestedAt: ctx.now })
    .build();
}

/**
 * Ticks (or unticks) verification step `stepIndex` (0-based, among the body's checklist steps)
 * during an incident: the action entry "Runbook <title>: verified <step>" (or "unchecked"),
 * carrying the step as data (runbook id, wording, checklist length) so the runbook's history
 * survives a rename. The ticked state is derived from these entries, so the entry is the whole
 * change. Refusals (RepoError), in this order: the runbook gone, the incident gone, the step no
 * longer in the runbook.
 */
export function setRunbookStep(
  foundRunbook: Runbook | undefined,
  foundIncident: Incident | undefined,
  args: { stepIndex: number; checked: boolean },
  ctx: CommandContext,
): Changes {
  const runbook = existing(foundRunbook, 'runbook');
  const incident = existing(foundIncident, 'incident');
  const steps = parseChecklist(runbook.body);
  const step = steps[args.stepIndex];
  if (!step) throw new RepoError('This step is no longer in the runbook.');
  const text = stepEntryText(runbook.title, step.text, args.checked);
  return changes()
    .record(
      makeEntry(incident.id, 'action', text, ctx, {
        runbook: {
          runbookId: runbook.id,
          action: 'step',
          step: step.text,
          checked: args.checked,
          of: steps.length,
        },
      }),
    )
    .build();
}

/**
 * Records that a runbook was opened in an incident: the action entry "Opened runbook <title>"
 * (with the runbook's id as data), once per incident and runbook. Nothing (an empty change set)
 * when `entries` (the incident's timeline entries; only the live ones count) already record the
 * opening, or when the incident is resolved: reading a runbook from a closed incident is not
 * using it. Refusals (RepoError): the runbook gone, then the incident gone.
 */
export function openRunbook(
  foundRunbook: Runbook | undefined,
  foundIncident: Incident | undefined,
  entries: readonly RunbookUseEntry[],
  ctx: CommandContext,
): Changes {
  const runbook = existing(foundRunbook, 'runbook');
  const incident = existing(foundIncident, 'incident');
  if (incident.status === 'resolved' || wasOpened(entries, runbook)) return {};
  return changes()
    .record(
      makeEntry(incident.id, 'action', openedEntryText(runbook.title), ctx, {
        runbook: { runbookId: runbook.id, action: 'opened' },
      }),
    )
    .build();
}

/**
 * Answers "Was this runbook helpful?" for `ctx.author` in an incident: `helpful` true or false,
 * or null to withdraw the vote. Each responder's latest vote counts ({@link latestVotes} over
 * `entries`, the incident's timeline entries), so this records an action entry ("Runbook
 * <title>: marked helpful", "… marked not helpful", "… helpful vote withdrawn") only when it
 * changes the author's vote; otherwise an empty change set. Refusals (RepoError): the runbook
 * gone, then the incident gone.
 */
export function voteRunbook(
  foundRunbook: Runbook | undefined,
  foundIncident: Incident | undefined,
  entries: readonly RunbookUseEntry[],
  helpful: boolean | null,
  ctx: CommandContext,
): Changes {
  const runbook = existing(foundRunbook, 'runbook');
  const incident = existing(foundIncident, 'incident');
  const current = latestVotes(entries, runbook).get(responderKey(ctx.author)) ?? null;
  if (current === helpful) return {};
  return changes()
    .record(
      makeEntry(incident.id, 'action', voteEntryText(runbook.title, helpful), ctx, {
        runbook: { runbookId: runbook.id, action: 'vote', helpful },
      }),
    )
    .build();
}
