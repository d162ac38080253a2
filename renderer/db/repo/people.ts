import type { Person } from '../../../shared/domain/records';
import * as cmd from '../../../shared/commands/directory';
import { runCommand } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';

/** Longest person name (shared/domain/limits.ts). */
export const PERSON_NAME_MAX = cmd.PERSON_NAME_MAX;

/**
 * Records a person as used at `now` (ms, UTC), creating a directory row for a new name. A
 * case-insensitive match reuses the existing row (and its spelling), so "alice" and "Alice" are
 * one person: see {@link cmd.touchPerson}. Inside another command's commit (inOneCommit) it is
 * part of that change set. Refuses nothing; storage failures as db/commit.ts.
 */
export function touchPerson(db: WarroomDb, name: string, now: number): Promise<Person> {
  return runCommand(db, ['people'], async (read) =>
    cmd.touchPerson(
      await read.people.where('name').equalsIgnoreCase(cmd.personName(name)).first(),
      name,
      now,
    ),
  );
}

/** The people directory, most recently used first. */
export async function listPeople(db: ReadonlyDb): Promise<Person[]> {
  return (await db.people.orderBy('lastUsedAt').reverse().toArray()).filter((p) => p.name);
}
