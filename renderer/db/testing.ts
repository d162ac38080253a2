/**
 * Test-only fixtures shared by the database tests: the fixed clock, the author context and a fresh
 * database with one declared incident (the setup most repo tests start from).
 */
import type { CommandContext } from '../../shared/commands/context';
import type { DeclareInput, Incident } from '../../shared/domain/incident';
import { declareIncident } from './repo/incidents';
import type { WarroomDb } from './schema';
import { freshDb } from './test-db';

/** The tests' "now": 2026-11-22 14:00:00 UTC, in epoch milliseconds. */
export const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
/** One minute in milliseconds. */
export const MIN = 60_000;

/** A command context at `now` (epoch ms, default NOW) by `author` (default 'Alice'). */
export const ctx = (now = NOW, author = 'Alice'): CommandContext => ({ now, author });

/**
 * Opens a fresh database (test-db `freshDb`) and declares one incident in it through the repo,
 * with context `c` (default `ctx()`). Returns the open database, the declared incident and its
 * id; the caller closes the database. Rejects with the declaration's RepoError if `input` is refused.
 */
export async function dbWithIncident(
  input: DeclareInput,
  c: CommandContext = ctx(),
): Promise<{ db: WarroomDb; incident: Incident; incidentId: string }> {
  const db = await freshDb();
  const incident = await declareIncident(db, input, c);
  return { db, incident, incidentId: incident.id };
}
