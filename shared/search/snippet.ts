/**
 * Highlighted snippets for search results: a window of the document's text around the first
 * word that matched, split into plain and marked pieces (rendered as text and `<mark>`, never
 * as HTML, so any user text is safe).
 */

/** One piece of a snippet: text, marked when it is a word the search matched. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Words are split where MiniSearch's default tokenizer splits them: spaces and punctuation. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * The snippet of `text` for the index terms that matched (`terms`, lower-case, as the index
 * holds them): about `width` characters around the first matching word, with every matching
 * word in the window marked; "…" where the text was cut. A word matches when its lower-case
 * form is one of the terms. No match: the start of the text, unmarked. Newlines become spaces.
 */
export function snippetOf(text: string, terms: readonly string[], width = 140): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  const words: Array<{ start: number; end: number; hit: boolean }> = [];
  for (const m of flat.matchAll(WORD)) {
    const start = m.index;
    words.push({ start, end: start + m[0].length, hit: wanted.has(m[0].toLowerCase()) });
  }
  const first = words.find((w) => w.hit);
  let from = 0;
  if (first && first.end > width) {
    // Put the first hit about a third of the way in, starting on a word boundary.
    const target = Math.max(0, first.start - Math.floor(width / 3));
    from = words.find((w) => w.start >= target)?.start ?? first.start;
  }
  let to = Math.min(flat.length, from + width);
  if (to < flat.length) {
    // End on a word boundary when one is near.
    const last = words.filter((w) => w.end <= to && w.start >= from).at(-1);
    if (last && last.end > from + width / 2) to = last.end;
  }
  const parts: SnippetPart[] = [];
  const push = (t: string, mark: boolean) => {
    if (t === '') return;
    const prev = parts.at(-1);
    if (prev && prev.mark === mark && !mark) prev.text += t;
    else parts.push({ text: t, mark });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const w of words) {
    if (!w.hit || w.start < from || w.end > to) continue;
    push(flat.slice(at, w.start), false);
    push(flat.slice(w.start, w.end), true);
    at = w.end;
  }
  push(flat.slice(at, to), false);
  if (to < flat.length) push('…', false);
  return parts;
}
