/**
 * Long timeline entries start folded. A scribe pastes a stack trace, a log excerpt or a whole
 * chat thread into one entry (up to `LIMITS.entryText.max`, 20,000 characters); shown whole, one
 * such entry fills the timeline and pushes every other event off a laptop screen. The timeline
 * shows its first lines and a toggle instead; the stored text is never changed.
 */

/** An entry with more lines than this starts folded (a stack trace, a pasted log). */
export const FOLD_MAX_LINES = 8;
/**
 * An entry with more characters than this starts folded (a pasted paragraph). Characters are
 * counted as a reader sees them (grapheme clusters: 🇺🇸, 👩‍💻 and e + combining accent count once).
 */
export const FOLD_MAX_CHARS = 800;
/** A cut may move back this far (characters) to end on a space instead of inside a word. */
const WORD_BACKTRACK = 60;

let graphemes: Intl.Segmenter | null = null;

/** The text's characters as a reader counts them (code points where Intl.Segmenter is missing). */
function charactersOf(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** What a folded entry shows, and how much it hides. */
export interface EntryFold {
  /** False: the entry is short enough to show whole (`preview` is then the whole text). */
  folded: boolean;
  /** The first lines (at most FOLD_MAX_LINES lines and FOLD_MAX_CHARS characters). */
  preview: string;
  /** Lines in the whole text (1 for text without a line break). */
  lines: number;
  /** Characters in the whole text, as a reader counts them (an emoji, a flag count once). */
  chars: number;
}

/**
 * How an entry's text is shown in the timeline: whole when it has at most FOLD_MAX_LINES lines
 * and FOLD_MAX_CHARS characters, otherwise a preview of its first lines, cut at a line break or
 * between words and never inside a character (a flag, an emoji sequence, a letter and its
 * accents stay whole). Pure; never throws.
 */
export function foldEntryText(text: string): EntryFold {
  const points = charactersOf(text).map((c) => (c === '\r\n' ? '\n' : c));
  const chars = points.length;
  let lines = 1;
  let cutAtLine = -1;
  for (let i = 0; i < points.length; i++) {
    if (points[i] === '\n') {
      lines++;
      if (lines === FOLD_MAX_LINES + 1) cutAtLine = i;
    }
  }
  if (lines <= FOLD_MAX_LINES && chars <= FOLD_MAX_CHARS)
    return { folded: false, preview: text, lines, chars };
  let cut = Math.min(cutAtLine === -1 ? chars : cutAtLine, FOLD_MAX_CHARS);
  if (cut === FOLD_MAX_CHARS) {
    // Cut between words when a space is close enough before the limit.
    for (let i = cut; i > cut - WORD_BACKTRACK && i > 0; i--) {
      if (/\s/.test(points[i - 1] ?? '')) {
        cut = i;
        break;
      }
    }
  }
  const preview = points.slice(0, cut).join('').trimEnd();
  return { folded: true, preview, lines, chars };
}
