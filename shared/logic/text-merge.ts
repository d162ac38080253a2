import {
  DIFF_DELETE,
  DIFF_EQUAL,
  DIFF_INSERT,
  diff_match_patch as DiffMatchPatch,
} from 'diff-match-patch';

/** One change of a text: at `at` (an offset in the base text) `removed` became `inserted`. */
interface Edit {
  at: number;
  removed: string;
  inserted: string;
}

/** The edits that turn `base` into `text`, each at its offset in `base`. */
function editsOf(dmp: InstanceType<typeof DiffMatchPatch>, base: string, text: string): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  let open: Edit | null = null;
  for (const [op, chunk] of dmp.diff_main(base, text)) {
    if (op === DIFF_EQUAL) {
      if (open) edits.push(open);
      open = null;
      at += chunk.length;
      continue;
    }
    open ??= { at, removed: '', inserted: '' };
    if (op === DIFF_DELETE) {
      open.removed += chunk;
      at += chunk.length;
    } else if (op === DIFF_INSERT) open.inserted += chunk;
  }
  if (open) edits.push(open);
  return edits;
}

/** `base` with `edits` (offsets in `base`, in order) applied. */
function applyEdits(base: string, edits: readonly Edit[]): string {
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += base.slice(from, e.at) + e.inserted;
    from = e.at + e.removed.length;
  }
  return out + base.slice(from);
}

/**
 * Three-way merge of a text two people edited at once (a post-mortem section on two seats):
 * `base` is the text both started from, `mine` this person's edit of it, `theirs` what it has
 * become meanwhile elsewhere. Returns `theirs` with this person's changes applied where they
 * still fit (diff-match-patch's patch_apply, which tolerates the text having moved), so both
 * people's words are kept. A change `theirs` already holds (the same words inserted or removed
 * at the same place: this seat's own earlier save, come back through the document, or the same
 * fix made on both seats) is not made twice; without that, a save whose `base` was read a moment
 * too early doubled the words it added (war-room.spec caught "[Dana] [Dana]"). A change of mine
 * that no longer fits anywhere (its context was deleted) is dropped; both edits inside the same
 * words keep theirs and mine side by side. Pure; never throws.
 */
export function mergeText(base: string, mine: string, theirs: string): string {
  if (mine === base) return theirs;
  if (theirs === base || theirs === mine) return mine;
  const dmp = new DiffMatchPatch();
  const ours = editsOf(dmp, base, mine);
  // Their changes that mine already holds: the same words removed at the same place, and either
  // the same words inserted or the start of what I inserted there. They become part of the base,
  // so only what they lack of mine is applied.
  const shared = editsOf(dmp, base, theirs).filter((t) =>
    ours.some((m) => m.at === t.at && m.removed === t.removed && m.inserted.startsWith(t.inserted)),
  );
  const start = shared.length ? applyEdits(base, shared) : base;
  if (start === mine) return theirs;
  const patches = dmp.patch_make(start, mine);
  const [merged] = dmp.patch_apply(patches, theirs);
  return merged;
}
