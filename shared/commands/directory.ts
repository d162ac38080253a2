import type { Audience } from '../domain/audience';
import type { Incident } from '../domain/incident';
import { newId } from '../domain/ids';
import { LIMITS } from '../domain/limits';
import type { MessageType, Person, Runbook, Service } from '../domain/records';
import type { MessageTemplate } from '../logic/comms-templates';
import { validateTemplate } from '../logic/placeholders';
import {
  RUNBOOK_BODY_MAX,
  RUNBOOK_TITLE_MAX,
  parseChecklist,
  stepEntryText,
} from '../logic/runbook';
import { formatPercentTarget, parseSloTargetPercent, parseSloWindowDays } from '../logic/slo';
import { changes, type Changes } from './change-set';
import type { CommandContext } from './context';
import { makeEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import type { Outcome } from './change-set';

/**
 * Commands on the shared directory: people, services, runbooks and message templates. Pure:
 * each takes the rows it needs (read by the caller) and returns a change set, or throws a
 * RepoError naming the field at fault. The directory is not an incident's record, so these
 * write no timeline entry (except a runbook step ticked during an incident, which is one).
 */

// ---------------------------------------------------------------------------------------------
// People

/** Longest person name (shared/domain/limits.ts). */
export const PERSON_NAME_MAX = LIMITS.name.max;

/** A typed person name as stored: trimmed, inner runs of white space made one space. */
export function personName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * Records a person as used at `now` (ms, UTC). `found` is the directory row whose name matches
 * `name` case-insensitively (the caller looks it up by {@link personName}), or undefined: then a
 * new row is added with the cleaned name. An existing row keeps its spelling, and its
 * `lastUsedAt` never moves back. Refuses nothing (callers check the name first).
 */
export function touchPerson(found: Person | undefined, name: string, now: number): Outcome<Person> {
  if (found) {
    const next = { ...found, lastUsedAt: Math.max(found.lastUsedAt, now) };
    return { changes: changes().update('people', next).build(), result: next };
  }
  const person: Person = {
    id: newId(),
    name: personName(name),
    handle: '',
    team: '',
    lastUsedAt: now,
  };
  return { changes: changes().add('people', person).build(), result: person };
}

// ---------------------------------------------------------------------------------------------
// Services

/** The catalog row of `name`, matched case-insensitively, among `known`. */
export function serviceNamed(known: readonly Service[], name: string): Service | undefined {
  const lower = name.toLowerCase();
  return known.find((s) => s.name.toLowerCase() === lower);
}

/** A new catalog row for a service first named at `now` (no owner, no SLO, 30-day window). */
function newService(name: string, now: number): Service {
  return {
    id: newId(),
    name,
    ownerTeam: '',
    sloTarget: null,
    sloWindowDays: 30,
    runbookId: null,
    lastUsedAt: now,
  };
}

/**
 * Records services as used at `now` (ms, UTC): each name found in `known` (case-insensitively)
 * has its `lastUsedAt` set to `now`; a new name joins the catalog. `known` must hold at least
 * the catalog rows of these names. A name given twice is one service. Refuses nothing.
 */
export function touchServices(
  known: readonly Service[],
  names: readonly string[],
  now: number,
): Changes {
  const set = changes();
  const seen: Service[] = [...known];
  for (const name of names) {
    const found = serviceNamed(seen, name);
    if (found) {
      const row = { ...found, lastUsedAt: now };
      set.update('services', row);
      seen[seen.indexOf(found)] = row;
    } else {
      const row = newService(name, now);
      set.add('services', row);
      seen.push(row);
    }
  }
  return set.build();
}

/**
 * A service's editable fields as the editor shows them (the target as percentage text), so an
 * edit that names only the fields the user changed is completed from the row as stored now,
 * never from the copy the form opened with.
 */
export function serviceEditFields(s: Service): ServiceEditInput {
  return {
    ownerTeam: s.ownerTeam,
    sloTargetPercent: s.sloTarget === null ? '' : formatPercentTarget(s.sloTarget),
    sloWindowDays: String(s.sloWindowDays),
    runbookId: s.runbookId,
  };
}

/** What the service editor submits, as typed: the target as a percentage text ("99.95"). */
export interface ServiceEditInput {
  ownerTeam: string;
  /** Empty for "no SLO". */
  sloTargetPercent: string;
  sloWindowDays: string;
  runbookId: string | null;
}

/**
 * Saves a service's owner, SLO and runbook. `found` is the service row, `runbook` the row of
 * `input.runbookId` (ignored when that is null). Refusals (RepoError), in this order: a target
 * that is not a percentage between 0 and 100 (field 'sloTarget'), a window that is not a whole
 * number of days (field 'sloWindowDays'), the service gone, the runbook gone (field
 * 'runbookId'). `lastUsedAt` (suggestion order) is untouched; an owner team over the name limit
 * is refused by the commit's row check (field 'ownerTeam').
 */
export function updateService(
  found: Service | undefined,
  runbook: Runbook | undefined,
  input: ServiceEditInput,
): Outcome<Service> {
  let sloTarget: number | null = null;
  if (input.sloTargetPercent.trim()) {
    const parsed = parseSloTargetPercent(input.sloTargetPercent);
    if (!parsed.ok) throw new RepoError(parsed.error, 'sloTarget');
    sloTarget = parsed.value;
  }
  const window = parseSloWindowDays(input.sloWindowDays);
  if (!window.ok) throw new RepoError(window.error, 'sloWindowDays');
  const before = existing(found, 'service');
  if (input.runbookId !== null) existing(runbook, 'runbook', 'runbookId');
  const after: Service = {
    ...before,
    ownerTeam: input.ownerTeam.trim(),
    sloTarget,
    sloWindowDays: window.value,
    runbookId: input.runbookId,
  };
  return { changes: changes().update('services', after).build(), result: after };
}

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
  if (after.service.toLowerCase() !== before.service.toLowerCase())
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
 * during an incident: the action entry "Runbook <title>: verified <step>" (or "unchecked").
 * The ticked state is derived from these entries, so the entry is the whole change. Refusals
 * (RepoError), in this order: the runbook gone, the incident gone, the step no longer in the
 * runbook.
 */
export function setRunbookStep(
  foundRunbook: Runbook | undefined,
  foundIncident: Incident | undefined,
  args: { stepIndex: number; checked: boolean },
  ctx: CommandContext,
): Changes {
  const runbook = existing(foundRunbook, 'runbook');
  const incident = existing(foundIncident, 'incident');
  const step = parseChecklist(runbook.body)[args.stepIndex];
  if (!step) throw new RepoError('This step is no longer in the runbook.');
  const text = stepEntryText(runbook.title, step.text, args.checked);
  return changes()
    .record(makeEntry(incident.id, 'action', text, ctx))
    .build();
}

// ---------------------------------------------------------------------------------------------
// Message templates

/** The settings-table key of a custom template: `template:<audience>:<type>`. */
export function templateKey(audience: Audience, type: MessageType): string {
  return `template:${audience}:${type}`;
}

/**
 * First validation message per field, or undefined when the field is valid: an empty subject
 * or body, an unknown placeholder, an unclosed `{{`.
 */
export function templateErrors(template: MessageTemplate): {
  subject?: string;
  body?: string;
} {
  const check = (text: string, empty: string): string | undefined => {
    if (!text.trim()) return empty;
    const errors = validateTemplate(text);
    return errors.length ? errors.map((e) => e.message).join(' ') : undefined;
  };
  const subject = check(template.subject, 'A template needs a subject line.');
  const body = check(template.body, 'A template needs a body.');
  return { ...(subject ? { subject } : {}), ...(body ? { body } : {}) };
}

/**
 * Saves a custom template for audience × type (a settings row, {@link templateKey}). Refuses
 * (RepoError) as {@link templateErrors}: field 'subject' first, then 'body'.
 */
export function saveTemplate(
  audience: Audience,
  type: MessageType,
  template: MessageTemplate,
): Changes {
  const errors = templateErrors(template);
  if (errors.subject) throw new RepoError(errors.subject, 'subject');
  if (errors.body) throw new RepoError(errors.body, 'body');
  return changes()
    .update('settings', {
      key: templateKey(audience, type),
      value: { subject: template.subject, body: template.body },
    })
    .build();
}

/** Removes a custom template, so the default applies again. Refuses nothing. */
export function resetTemplate(audience: Audience, type: MessageType): Changes {
  return changes().remove('settings', templateKey(audience, type)).build();
}
