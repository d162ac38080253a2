import { newId } from '../domain/ids';
import { LIMITS } from '../domain/limits';
import type { Person, Runbook, Service } from '../domain/records';
import { nameKey } from '../domain/text';
import { formatPercentTarget, parseSloTargetPercent, parseSloWindowDays } from '../logic/slo';
import { changes, type Changes } from './change-set';
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
 * `name` by `nameKey` (the caller looks it up with {@link rowNamed}), or undefined: then a
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

/**
 * The row among `known` (catalog services or directory people) named `name`, compared by
 * `nameKey` (NFKC, trimmed, inner white space collapsed, any case: "Checkout  API" and
 * "Ｃheckout API" are "checkout api"); the first such row when several are. Undefined for none.
 */
export function rowNamed<T extends { name: string }>(
  known: readonly T[],
  name: string,
): T | undefined {
  const key = nameKey(name);
  return key ? known.find((s) => nameKey(s.name) === key) : undefined;
}

/** The catalog row of `name` among `known`, compared by `nameKey` (see {@link rowNamed}). */
export function serviceNamed(known: readonly Service[], name: string): Service | undefined {
  return rowNamed(known, name);
}

/** A new catalog row for a service first named at `now` (no owner, no SLO, 30-day window). */
/** A new catalog row for a service first named at `now` (ms, UTC): no owner, no SLO. */
export function newService(name: string, now: number): Service {
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
 * Records services as used at `now` (ms, UTC): each name found in `known` (by `nameKey`)
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
