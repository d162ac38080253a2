import type { WarroomDb } from '../schema';

/** The drafts-table key of an incident's log field. */
export function timelineDraftKey(incidentId: string): string {
  return `timeline:${incidentId}`;
}

/**
 * Saves text being typed so a crash, reload or closed window never loses it. An empty text
 * removes the draft rather than storing a blank row.
 */
export async function saveDraft(
  db: WarroomDb,
  key: string,
  text: string,
  now: number,
): Promise<void> {
  if (text.length === 0) await db.drafts.delete(key);
  else await db.drafts.put({ key, text, updatedAt: now });
}

/** The saved draft text for `key`, or '' when there is none. */
export async function loadDraft(db: WarroomDb, key: string): Promise<string> {
  return (await db.drafts.get(key))?.text ?? '';
}

/** Removes a draft (after its text was committed). */
export async function clearDraft(db: WarroomDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}
