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

/**
 * Channel-style slug: "#inc-2026-11-22-checkout-api-errors". Accents are folded, anything that
 * is not a letter or digit becomes a dash, and the title part is capped so the whole slug stays
 * within Slack's 80-character channel-name limit.
 */
export function channelSlug(at: number, title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = `inc-${utcDateKey(at)}`;
  const room = 80 - base.length - 1;
  const part = words.slice(0, room).replace(/-+$/g, '');
  return `#${part ? `${base}-${part}` : base}`;
}
