import { LIMITS } from '../../../shared/domain/limits';
import type { Person } from '../../../shared/domain/records';
import { newId } from '../../../shared/domain/ids';
import type { WarroomDb } from '../schema';

/** Longest person name accepted (a name or a handle, not a sentence). */
/** Longest person name (shared/domain/limits.ts). */
export const PERSON_NAME_MAX = LIMITS.name.max;

/**
 * Records a person as used now, creating a directory row for a new name. A case-insensitive
 * match reuses the existing row (and its spelling), so "alice" and "Alice" are one person.
 * Call inside a transaction that includes `db.people`.
 */
export async function touchPerson(db: WarroomDb, name: string, now: number): Promise<Person> {
  const clean = name.trim().replace(/\s+/g, ' ');
  const existing = await db.people.where('name').equalsIgnoreCase(clean).first();
  if (existing) {
    const next = { ...existing, lastUsedAt: Math.max(existing.lastUsedAt, now) };
    await db.people.put(next);
    return next;
  }
  const person: Person = { id: newId(), name: clean, handle: '', team: '', lastUsedAt: now };
  await db.people.add(person);
  return person;
}

/** The people directory, most recently used first. */
export async function listPeople(db: WarroomDb): Promise<Person[]> {
  return (await db.people.orderBy('lastUsedAt').reverse().toArray()).filter((p) => p.name);
}
