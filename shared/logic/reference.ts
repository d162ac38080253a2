import { hash128 } from '../sync/hash';

/** Zero-padded calendar date of an instant, in UTC: "2026-11-22". */
export function utcDateKey(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The reference prefix for a day: "INC-2026-11-22-". */
export function referencePrefix(at: number): string {
  return `INC-${utcDateKey(at)}-`;
}

/**
 * Crockford's base32 alphabet (no I, L, O, U): seat tags read aloud or typed without confusion.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of a seat tag. */
export const SEAT_TAG_LENGTH = 4;

/** A seat tag: four Crockford base32 characters. */
export const SEAT_TAG_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * An incident reference: INC-YYYY-MM-DD-NNN (before multi-seat) or INC-YYYY-MM-DD-NNN-XXXX,
 * where XXXX is the declaring seat's tag. Both stay valid; a reference is never rewritten.
 */
export const REFERENCE_PATTERN =
  /^INC-(\d{4})-(\d{2})-(\d{2})-(\d{3,})(?:-([0-9A-HJKMNP-TV-Z]{4}))?$/;

/**
 * The 4-character tag of a seat (Crockford base32 of 20 bits of the seat id's {@link hash128}):
 * the same for one seat on every run, and different between two seats but for a
 * one-in-a-million chance. No seat (tests, callers that do not say) gives the tag of the empty
 * id, fixed.
 */
export function seatTag(seat = ''): string {
  const h = hash128(seat)[0];
  let tag = '';
  for (let i = 0; i < SEAT_TAG_LENGTH; i++) tag += CROCKFORD[(h >>> (5 * i)) & 31];
  return tag;
}

/**
 * Builds INC-YYYY-MM-DD-NNN-XXXX from the day (UTC) of `at` (ms since the epoch), that seat's
 * 1-based counter for the day (NNN, at least 3 digits) and the seat `tag` ({@link seatTag});
 * without a tag, the older INC-YYYY-MM-DD-NNN. Throws a RangeError for a counter that is not a
 * positive integer or a tag that is not 4 Crockford base32 characters.
 */
export function formatReference(at: number, counter: number, tag?: string): string {
  if (!Number.isInteger(counter) || counter < 1)
    throw new RangeError('counter must be a positive integer');
  if (tag !== undefined && !SEAT_TAG_PATTERN.test(tag))
    throw new RangeError('tag must be 4 Crockford base32 characters');
  const base = `${referencePrefix(at)}${String(counter).padStart(3, '0')}`;
  return tag === undefined ? base : `${base}-${tag}`;
}

/** The parts of a reference. */
export interface ReferenceParts {
  /** The UTC day, "2026-11-22". */
  day: string;
  /** The day's counter (of the seat, for a tagged reference). */
  counter: number;
  /** The seat tag, or null for a reference from before seat tags. */
  tag: string | null;
}

/** The day, counter and seat tag of a reference; null when it is not a reference. */
export function parseReference(ref: string): ReferenceParts | null {
  const m = REFERENCE_PATTERN.exec(ref);
  if (!m) return null;
  return { day: `${m[1]}-${m[2]}-${m[3]}`, counter: Number(m[4]), tag: m[5] ?? null };
}

/** The counter part of a reference (tagged or not), or null when it is not a reference. */
export function referenceCounter(ref: string): number | null {
  return parseReference(ref)?.counter ?? null;
}

/**
 * Next counter for a day given the references that already exist for it: the highest counter
 * plus one. With a seat `tag`, only that seat's references and untagged ones (from before seat
 * tags) count, so each seat numbers its own incidents without asking the others; without a tag,
 * every reference counts.
 */
export function nextCounter(existingRefsForDay: readonly string[], tag?: string): number {
  let max = 0;
  for (const ref of existingRefsForDay) {
    const parts = parseReference(ref);
    if (!parts) continue;
    if (tag !== undefined && parts.tag !== null && parts.tag !== tag) continue;
    max = Math.max(max, parts.counter);
  }
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
 * `counter` is the 1-based counter of the incident's reference (INC-…-NNN[-XXXX]). The result always
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
