import type { Incident } from '../domain/incident';
import type { Changes } from './change-set';
import { unrecordedChanges } from './change-set';
import { declareIncident } from './incident';
import { RepoError } from './refusal';

/** A fixed clock for command tests: 2026-11-22 14:00 UTC. */
export const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
export const MIN = 60_000;

/** A command context at `now` (default NOW), by Sam. */
export const ctx = (now = NOW) => ({ now, author: 'Sam' });

/** A freshly declared SEV2 incident (started 10 minutes before NOW), with `patch` applied. */
export function anIncident(patch: Partial<Incident> = {}): Incident {
  const { result } = declareIncident(
    { refsOfDay: [], slugsOfDay: [], services: [] },
    { title: 'Checkout API errors', severity: 'SEV2', startedAt: NOW - 10 * MIN },
    ctx(),
  );
  return { ...result, ...patch };
}

/** The record rule's complaints about `changes`, given the incident as it was. */
export function unrecorded(changes: Changes, before?: Incident) {
  return unrecordedChanges(changes, (t, k) =>
    t === 'incidents' && before?.id === k ? before : undefined,
  );
}

/**
 * Runs `f`, expecting it to throw a RepoError; returns that refusal's message and field.
 * Rethrows any other error; throws 'not refused' when `f` returns.
 */
export function refusal(f: () => unknown): { message: string; field?: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof RepoError) return { message: e.message, field: e.field };
    throw e;
  }
  throw new Error('not refused');
}
