/** Zero-padded calendar date of an instant, in UTC: "2026-11-22". */
export function utcDateKey(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The reference prefix for a day: "INC-2026-11-22-". */
export function referencePrefix(at: number): string {
  return `INC-${utcDateKey(at)}-`;
}

/** Builds INC-YYYY-MM-DD-NNN from the day (UTC) and that day's 1-based counter. */
export function formatReference(at: number, counter: number): string {
  if (!Number.isInteger(counter) || counter < 1)
    throw new RangeError('counter must be a positive integer');
  return `${referencePrefix(at)}${String(counter).padStart(3, '0')}`;
}

/** The counter part of a reference, or null when it is not a reference. */
export function referenceCounter(ref: string): number | null {
  const m = /^INC-\d{4}-\d{2}-\d{2}-(\d{3,})$/.exec(ref);
  return m ? Number(m[1]) : null;
}

/** Next counter for a day given the references that already exist for it. */
export function nextCounter(existingRefsForDay: readonly string[]): number {
  let max = 0;
  for (const ref of existingRefsForDay) max = Math.max(max, referenceCounter(ref) ?? 0);
  return max + 1;
}

/** Slack's limit on a channel name (without the `#`), in characters. */
export const CHANNEL_NAME_MAX = 80;

/**
 * Latin letters that Unicode does not decompose into a base letter plus accents, spelled as
 * their usual ASCII forms (ß → ss, Æ → ae, Ø → o, …). Everything else Latin is folded by NFKD.
 */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * The words of a title that can be written in a channel name: lower-case ASCII letters and
 * digits. Compatibility forms are unfolded and accents stripped (NFKD, then combining marks
 * dropped: "Café ＡＰＩ" → cafe, api); scripts that have no ASCII spelling without a
 * transliteration table (Chinese, Japanese, Cyrillic, Arabic, emoji, …) yield no words.
 */
export function slugWords(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LATIN_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Whole words joined by dashes, as many as fit in `room` characters; none cut part-way. */
function fitWords(words: readonly string[], room: number): string {
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > room) break;
    out = next;
  }
  return out;
}

/**
 * Channel-style slug, unique among `taken`: "#inc-2026-11-22-checkout-api-errors".
 *
 * - The date is the UTC day of `at`; the words come from `slugWords(title)`, and only whole
 *   words are kept, as many as fit in Slack's 80-character channel-name limit.
 * - A title with no usable words (Chinese, emoji only, punctuation only, or a first word longer
 *   than the limit) falls back to the day's counter: "#inc-2026-11-30-001".
 * - A slug already in `taken` (the same title twice on one day) gets the day's counter appended
 *   ("#inc-2026-11-30-checkout-api-errors-002"), words dropped from the end to make room; should
 *   that be taken too, "-2", "-3", … follow.
 *
 * `counter` is the 1-based counter of the incident's reference (INC-…-NNN). The result always
 * matches `#inc-YYYY-MM-DD(-[a-z0-9]+)*` and is at most 81 characters with the `#`.
 */
export function channelSlug(
  at: number,
  title: string,
  counter: number,
  taken: Iterable<string> = [],
): string {
  const used = new Set(taken);
  const base = `inc-${utcDateKey(at)}`;
  const room = CHANNEL_NAME_MAX - base.length - 1;
  const words = slugWords(title);
  const number = String(counter).padStart(3, '0');
  const build = (suffix: string): string => {
    const part = fitWords(words, room - (suffix ? suffix.length + 1 : 0));
    return `#${[base, part, suffix].filter(Boolean).join('-')}`;
  };
  const plain = build('');
  if (plain !== `#${base}` && !used.has(plain)) return plain;
  for (let n = 1; ; n++) {
    const slug = build(n === 1 ? number : `${number}-${n}`);
    if (!used.has(slug)) return slug;
  }
}
