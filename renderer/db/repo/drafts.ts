import * as cmd from '../../../shared/commands/drafts';
import { commit } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';

export {
  timelineDraftKey,
  timelineHeldDoneKey,
  timelineHeldDraftKey,
} from '../../../shared/commands/drafts';

/**
 * Saves text being typed so a crash, reload or closed window never loses it (through the
 * commit, like every write). An empty text removes the draft rather than storing a blank row.
 * Storage failures reject as {@link commit}.
 */
export async function saveDraft(
  db: WarroomDb,
  key: string,
  text: string,
  now: number,
): Promise<void> {
  await commit(db, cmd.saveDraft(key, text, now));
}

/** The saved draft text for `key`, or '' when there is none. */
export async function loadDraft(db: ReadonlyDb, key: string): Promise<string> {
  return (await db.drafts.get(key))?.text ?? '';
}

/** Removes a draft (after its text was committed). Storage failures as {@link commit}. */
export async function clearDraft(db: WarroomDb, key: string): Promise<void> {
  await commit(db, cmd.clearDraft(key));
}
