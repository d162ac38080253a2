import { changes, type Changes } from './change-set';

/**
 * Drafts: text being typed, kept on this seat only (the drafts table never travels; see
 * LOCAL_TABLES) so a crash, reload or closed window never loses it.
 */

/** The drafts-table key of an incident's log field. */
export function timelineDraftKey(incidentId: string): string {
  return `timeline:${incidentId}`;
}

/**
 * The drafts-table key of the lines an incident's log field holds for a question (before the
 * start, which time): kept apart from the field's own text, so a reload brings them back as
 * held lines, each its own entry, never glued into one.
 */
export function timelineHeldDraftKey(incidentId: string): string {
  return `timeline-held:${incidentId}`;
}

/**
 * The drafts-table key of the ids of an incident's held lines logged lately. Written in the same
 * transaction as each held line's entry, it tells, after a window closed mid-write, which held
 * lines did get logged: their copies in the held lines' row (kept there until the write lands,
 * so a write the closing window aborted loses nothing) are then dropped instead of asked again.
 */
export function timelineHeldDoneKey(incidentId: string): string {
  return `timeline-held-done:${incidentId}`;
}

/**
 * Saves `text` as the draft under `key` (written whole, `updatedAt` = `now`, ms UTC). An empty
 * text removes the draft rather than storing a blank row. Refuses nothing.
 */
export function saveDraft(key: string, text: string, now: number): Changes {
  if (text.length === 0) return clearDraft(key);
  return changes().update('drafts', { key, text, updatedAt: now }).build();
}

/** Removes the draft under `key` (its text was committed). Nothing happens if there is none. */
export function clearDraft(key: string): Changes {
  return changes().remove('drafts', key).build();
}
