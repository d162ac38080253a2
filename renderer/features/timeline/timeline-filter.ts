import type { EntryKind, TimelineEntry } from '../../../shared/domain/timeline';

/** What the timeline's filter bar can narrow the list to. */
export interface TimelineFilters {
  kind: EntryKind | 'all';
  /** An author's name, or 'all'. */
  author: string;
  pinnedOnly: boolean;
  showDeleted: boolean;
  search: string;
}

export const NO_FILTERS: TimelineFilters = {
  kind: 'all',
  author: 'all',
  pinnedOnly: false,
  showDeleted: false,
  search: '',
};

/** True when any filter narrows the list (beyond hiding deleted entries). */
export function isFiltering(f: TimelineFilters): boolean {
  return f.kind !== 'all' || f.author !== 'all' || f.pinnedOnly || f.search.trim() !== '';
}

/**
 * The entries the list shows, in timeline order. O(n): callers memoise it on the entries and
 * the filters, so the per-render cost of the list stays proportional to the visible rows.
 */
export function applyFilters(
  entries: readonly TimelineEntry[],
  f: TimelineFilters,
): readonly TimelineEntry[] {
  const q = f.search.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (f.showDeleted || e.deletedAt === null) &&
      (f.kind === 'all' || e.kind === f.kind) &&
      (f.author === 'all' || e.author === f.author) &&
      (!f.pinnedOnly || e.pinned) &&
      (q === '' || e.text.toLowerCase().includes(q)),
  );
}

/** Distinct authors, alphabetically, for the Author filter. */
export function authorsOf(entries: readonly TimelineEntry[]): string[] {
  const seen = new Set<string>();
  for (const e of entries) seen.add(e.author);
  return [...seen].sort((a, b) => a.localeCompare(b));
}
