import type { Person } from '../../../shared/domain/records';
import { nameKey } from '../../../shared/domain/text';
import * as cmd from '../../../shared/commands/directory';
import { runCommand } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';

/** Longest person name (shared/domain/limits.ts). */
export const PERSON_NAME_MAX = cmd.PERSON_NAME_MAX;

/**
 * Records a person as used at `now` (ms, UTC), creating a directory row for a new name. A
 * match by `nameKey` reuses the existing row (and its spelling), so "alice" and "Alice" are
 * one person: see {@link cmd.touchPerson}. Inside another command's commit (inOneCommit) it is
 * part of that change set. Refuses nothing; storage failures as db/commit.ts.
 */
export function touchPerson(db: WarroomDb, name: string, now: number): Promise<Person> {
  return runCommand(db, ['people'], async (read) =>
    cmd.touchPerson(await personNamed(read, name), name, now),
  );
}

/**
 * The directory row of the person `name`, compared by `nameKey` (NFKC, trimmed, inner white
 * space collapsed, any case: "Ｂob  Smith" is "Bob Smith"); undefined for none or an empty name.
 * The name index answers exact case-insensitive matches only, so the directory is read and
 * filtered (one row per person).
 */
export async function personNamed(read: ReadonlyDb, name: string): Promise<Person | undefined> {
  const key = nameKey(name);
  if (!key) return undefined;
  return read.people.filter((p) => nameKey(p.name) === key).first();
}

/** The people directory, most recently used first. */
export async function listPeople(db: ReadonlyDb): Promise<Person[]> {
  return (await db.people.orderBy('lastUsedAt').reverse().toArray()).filter((p) => p.name);
}
