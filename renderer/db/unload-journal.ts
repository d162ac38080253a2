import type { PostmortemPatch } from '../../shared/commands/postmortem';
import { RepoError } from '../../shared/commands/refusal';
import { saveDraft } from './repo/drafts';
import { savePostmortem } from './repo/postmortems';
import type { WarroomDb } from './schema';

/**
 * The unload journal: text typed in the last moments before a reload or a closed window.
 *
 * Save-as-you-type writes go to IndexedDB after a short pause (use-draft.ts). When the page goes
 * away inside that pause, the flush started from `pagehide` opens a transaction that the browser
 * aborts with the document, and the last words were lost (a new user's test: text typed up to
 * half a second before a reload was gone). `localStorage` is written synchronously, so a
 * `pagehide` handler's write is kept; it holds only what was not yet confirmed on disk, and the
 * next start replays it through the same commands (the one commit) before the first screen
 * reads anything, then removes it.
 */

/** One unsaved value, with what it takes to write it (`at`: when it was journaled, ms UTC). */
export type UnloadJournalEntry =
  | { kind: 'draft'; key: string; text: string; at: number }
  | {
      kind: 'postmortem';
      incidentId: string;
      patch: PostmortemPatch;
      /** The name the post-mortem's timeline entries are recorded under. */
      author: string;
      at: number;
    };

const PREFIX = 'warroom:unsaved:';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Keeps `entry` under `id` (one entry per id: a later one replaces it). Synchronous, for
 * `pagehide`. Returns false when it could not be kept (no storage, quota): nothing is thrown.
 */
export function writeUnloadJournal(id: string, entry: UnloadJournalEntry): boolean {
  try {
    storage()?.setItem(PREFIX + id, JSON.stringify(entry));
    return storage() !== null;
  } catch {
    return false;
  }
}

/** Drops the entry under `id` (its value reached the database). Never throws. */
export function clearUnloadJournal(id: string): void {
  try {
    storage()?.removeItem(PREFIX + id);
  } catch {
    // Nothing kept to clear.
  }
}

function parse(raw: string | null): UnloadJournalEntry | null {
  if (!raw) return null;
  try {
    const e = JSON.parse(raw) as Partial<UnloadJournalEntry> | null;
    if (!e || typeof e.at !== 'number') return null;
    if (e.kind === 'draft' && typeof e.key === 'string' && typeof e.text === 'string')
      return e as UnloadJournalEntry;
    if (
      e.kind === 'postmortem' &&
      typeof e.incidentId === 'string' &&
      typeof e.author === 'string' &&
      e.patch !== null &&
      typeof e.patch === 'object'
    )
      return e as UnloadJournalEntry;
    return null;
  } catch {
    return null;
  }
}

/**
 * Writes every journaled value into the database through its command, oldest first, and removes
 * each entry once written (an unreadable entry is removed too; one refused by its command, such
 * as a post-mortem of an incident deleted meanwhile, is dropped with a console warning). An entry
 * whose write fails for storage reasons is kept for the next start. Resolves with the number
 * written; never rejects.
 */
export async function replayUnloadJournal(db: WarroomDb): Promise<number> {
  const store = storage();
  if (!store || store.length === 0) return 0;
  const found: Array<{ id: string; entry: UnloadJournalEntry | null }> = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k?.startsWith(PREFIX))
        found.push({ id: k.slice(PREFIX.length), entry: parse(store.getItem(k)) });
    }
  } catch {
    return 0;
  }
  found.sort((a, b) => (a.entry?.at ?? 0) - (b.entry?.at ?? 0));
  let written = 0;
  for (const { id, entry } of found) {
    if (!entry) {
      clearUnloadJournal(id);
      continue;
    }
    try {
      if (entry.kind === 'draft') await saveDraft(db, entry.key, entry.text, entry.at);
      else
        await savePostmortem(db, entry.incidentId, entry.patch, {
          now: entry.at,
          author: entry.author,
        });
      written += 1;
      clearUnloadJournal(id);
    } catch (error) {
      const refused = error instanceof RepoError;
      console.warn('Warroom: text typed before the last reload was not written', error);
      if (refused) clearUnloadJournal(id);
    }
  }
  return written;
}
