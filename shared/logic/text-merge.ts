import { diff_match_patch as DiffMatchPatch } from 'diff-match-patch';

/**
 * Three-way merge of a text two people edited at once (a post-mortem section on two seats):
 * `base` is the text both started from, `mine` this person's edit of it, `theirs` what it has
 * become meanwhile elsewhere. Returns `theirs` with this person's changes applied where they
 * still fit (diff-match-patch's patch_apply, which tolerates the text having moved), so both
 * people's words are kept. A change of mine that no longer fits anywhere (its context was
 * deleted) is dropped; both edits inside the same words keep theirs and mine side by side.
 */
export function mergeText(base: string, mine: string, theirs: string): string {
  if (mine === base) return theirs;
  if (theirs === base || theirs === mine) return mine;
  const dmp = new DiffMatchPatch();
  const patches = dmp.patch_make(base, mine);
  const [merged] = dmp.patch_apply(patches, theirs);
  return merged;
}
