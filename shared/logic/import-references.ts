/**
 * New references for incidents restored from a backup whose references are already used here
 * (a restore onto a machine that declared its own INC-2026-11-30-001 the same day).
 */
import {
  formatReference,
  nextCounter,
  parseReference,
  referenceCounter,
  referencePrefix,
} from './reference';

/** Slack's limit on a channel name (the slug without its "#"). */
const SLUG_MAX = 80;

/** The UTC day of a reference, as an instant at its midnight; null when it is not a reference. */
export function referenceDay(ref: string): number | null {
  const parts = parseReference(ref);
  if (!parts) return null;
  const [y, m, d] = parts.day.split('-').map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d);
  return Number.isNaN(at) ? null : at;
}

/**
 * The next free reference on the same UTC day as `ref`, counted as the declare path counts
 * (`nextCounter`: the highest counter of that day plus one), over every reference in `taken`
 * (those in the database and those the import keeps or has already given out). A tagged
 * reference (INC-…-NNN-XXXX) keeps its seat tag and counts that seat's and untagged references.
 * Throws a RangeError when `ref` is not a reference.
 */
export function nextFreeReference(ref: string, taken: Iterable<string>): string {
  const day = referenceDay(ref);
  const parts = parseReference(ref);
  if (day === null || parts === null) throw new RangeError(`${ref} is not an incident reference`);
  const prefix = referencePrefix(day);
  const sameDay = [...taken].filter((r) => r.startsWith(prefix));
  // A tagged reference keeps its seat's tag, counted among that seat's (and untagged) ones.
  const tag = parts.tag ?? undefined;
  return formatReference(day, nextCounter(sameDay, tag), tag);
}

/**
 * A slug no other incident uses: `slug` itself when free, else the slug with the new
 * reference's counter appended ("#inc-2026-11-30-db-outage-4"), whole words kept within the
 * 80-character channel limit, and a further "-2", "-3"… in the unlikely case that is taken too.
 */
export function uniqueSlug(slug: string, ref: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  const counter = String(referenceCounter(ref) ?? 1);
  const base = slug.replace(/^#/, '');
  const fit = (tail: string): string => {
    let head = base;
    while (head.length + tail.length + 1 > SLUG_MAX && head.includes('-'))
      head = head.slice(0, head.lastIndexOf('-'));
    return `#${head.slice(0, SLUG_MAX - tail.length - 1)}-${tail}`;
  };
  let candidate = fit(counter);
  for (let n = 2; taken.has(candidate); n += 1) candidate = fit(`${counter}-${n}`);
  return candidate;
}
