import { useCallback } from 'react';
import { useLocation, useSearch } from 'wouter';

/** The query parameter naming the timeline entry a console opens at: `?entry=<entry id>`. */
export const ENTRY_PARAM = 'entry';

/** The route of an incident's console opened at one of its timeline entries. */
export function entryHref(incidentId: string, entryId: string): string {
  return `/incidents/${incidentId}?${ENTRY_PARAM}=${encodeURIComponent(entryId)}`;
}

/**
 * The entry the console was asked to open at (from `?entry=`), and a function that drops the
 * request from the address once the entry has been shown (so a later navigation does not carry
 * it along, and opening the same entry again asks anew).
 */
export function useEntryTarget(): { entryId: string | null; done: () => void } {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const entryId = new URLSearchParams(search).get(ENTRY_PARAM);
  // wouter's hash navigation puts the query in the page's own search part: an empty one clears it.
  const done = useCallback(() => navigate(`${location}?`, { replace: true }), [location, navigate]);
  return { entryId: entryId || null, done };
}
