import { z } from 'zod';

/**
 * The one rule for text a person types or a file brings in, used by every text schema
 * (records, form inputs, imports) and by the repo layer's write guard:
 *
 * - line breaks are normalised to `\n` (a pasted `\r\n` or lone `\r` becomes `\n`);
 * - NUL and the other C0 control characters (except tab and line feed), DEL and the C1 controls
 *   are removed: they are invisible, break exports and terminals, and no keyboard types them;
 * - the text is put in Unicode Normalization Form C (NFC), so "é" typed two ways compares equal;
 * - an unpaired UTF-16 surrogate (half of an emoji, from a bad paste or a damaged file) is
 *   refused with a message: it is not a character, and guessing what it stood for would change
 *   the record.
 *
 * Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are kept: they are legitimate in
 * right-to-left text. Display isolates user text (`<bdi>`, `unicode-bidi: isolate`) and exports
 * neutralise them with {@link neutraliseBidi}.
 */
export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

// C0 controls except \t (09) and \n (0A); \r is turned into \n first. DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Cleans text per the rule above. Returns the cleaned text, or a refusal naming the position
 * (1-based, in UTF-16 code units) of the first unpaired surrogate. Pure, never throws.
 */
export function cleanText(input: string): TextCheck {
  const bad = LONE_SURROGATE.exec(input);
  if (bad)
    return {
      ok: false,
      message: `contains a broken character at position ${bad.index + 1} (half of an emoji or symbol, U+${bad[0].charCodeAt(0).toString(16).toUpperCase()}); delete it and type it again`,
    };
  const text = input.replace(/\r\n?/g, '\n').replace(CONTROLS, '').normalize('NFC');
  return { ok: true, text };
}

/**
 * Invisible characters that chat apps and documents slip into pasted names: zero-width space,
 * word joiner, byte-order mark, soft hyphen. Zero-width (non-)joiners are kept: they change how
 * some scripts and emoji read.
 */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;

/**
 * Characters that show nothing (Unicode's Default_Ignorable_Code_Point: zero-width spaces and
 * joiners, direction marks, Hangul fillers, variation selectors, the Mongolian vowel separator…)
 * and the blank Braille pattern. Text made only of these and white space looks empty on screen
 * and in exports, so it counts as empty; inside visible text they are left alone.
 */
const SHOWS_NOTHING = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * True when `text` shows nothing: empty, white space, or only characters that render as nothing
 * ({@link SHOWS_NOTHING}). A title of three zero-width characters is blank.
 */
export function isBlankText(text: string): boolean {
  return text.replace(SHOWS_NOTHING, '').trim().length === 0;
}

/** Bidirectional embedding, override and isolate controls (Unicode TR #9). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text for an export (Markdown, plain text, HTML, a message to paste elsewhere): bidirectional
 * controls are removed, so a U+202E (right-to-left override) in a title cannot reverse the
 * reading of whatever follows it in the document it is pasted into. Display in the app isolates
 * user text instead of changing it.
 */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Text for a place that cannot hold markup (an `<option>`, a window title, an accessible name):
 * when it holds bidirectional controls, it is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE (U+2068 … U+2069), which ends any override inside it, so it cannot reverse the text
 * around it. Text without such controls is returned unchanged.
 */
export function isolateBidi(text: string): string {
  return hasBidiControls(text) ? `\u2068${text}\u2069` : text;
}

/** True when the text holds a bidirectional override or embedding control. */
export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source).test(text);
}

/**
 * "1,234": a count in the app's one number format (en-US grouping), for every figure in a
 * message, a limit or an export. Whole numbers are grouped by hand: the first
 * `toLocaleString` of a page sets up ICU's number formatting (13–35 ms measured on the start
 * path, BENCHMARKS.md run F), which a count shown at start-up should not pay. Fractions fall back
 * to `toLocaleString('en-US')` (up to 3 decimals).
 */
export function formatCount(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

const count = formatCount;

/** The message for text over its limit: "The impact summary is 1,000,001 characters; the limit is 5,000." */
export function tooLongMessage(label: string, length: number, max: number): string {
  return `${label} is ${count(length)} characters; the limit is ${count(max)}.`;
}

/**
 * A zod schema for one free-text field: cleaned by {@link cleanText} (refused with a message
 * naming `label` when it holds an unpaired surrogate), then at most `max` characters (UTF-16
 * code units, as `String.length` and the fields' counters count). `min` 1 makes it required.
 * Used by the stored record schemas, so forms (through the repo write guard) and imports share
 * one limit per field.
 */
export function textSchema(label: string, max: number, opts: { min?: number } = {}) {
  return z.string().transform((value, ctx) => {
    // Cleaning never grows text more than threefold (NFC), so far longer input is refused
    // before any work is spent on it (an imported 30 MB summary).
    if (value.length > max * 3) {
      ctx.addIssue({ code: 'custom', message: tooLongMessage(label, value.length, max) });
      return z.NEVER;
    }
    const checked = cleanText(value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: `${label} ${checked.message}.` });
      return z.NEVER;
    }
    const text = checked.text;
    if (text.length > max) {
      ctx.addIssue({ code: 'custom', message: tooLongMessage(label, text.length, max) });
      return z.NEVER;
    }
    // Characters that show nothing alone (a pasted zero-width space or joiner) are no text.
    if (opts.min && (isBlankText(text) || text.trim().length < opts.min)) {
      ctx.addIssue({ code: 'custom', message: `${label} is empty.` });
      return z.NEVER;
    }
    return text;
  });
}

/**
 * The comparable form of a person's or a service's name: Unicode NFKC, invisible characters
 * (zero-width space, word joiner, BOM, soft hyphen) removed, trimmed, inner white space of any
 * kind made one space, lower-cased ("  Ｂob  Smith" → "bob smith", "Bob\u200B Smith" → "bob
 * smith"). Two names with the same key are the same person or service (the directory document,
 * similar incidents, metrics).
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
