/**
 * Which incidents this seat dismissed the Similar incidents panel for: a personal view choice,
 * kept in this browser profile's localStorage (never in the record, never synced). Read afresh
 * on every call, so two windows of the app never write over each other's choices. At most
 * {@link MAX_DISMISSED} ids are kept, the oldest dropped first; a storage that refuses (private
 * mode, quota) keeps the choice in this window's memory instead.
 */
const KEY = 'warroom.similarIncidents.dismissed';
export const MAX_DISMISSED = 200;

/** This window's copy, used only while the storage refuses to be read or written. */
let fallback: string[] = [];
/** Set when a write was refused: the storage's copy is behind this window's until one succeeds. */
let refused = false;

function read(): string[] {
  if (refused) return fallback;
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    if (stored === null || stored === undefined) return fallback;
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return fallback;
  }
}

/** True when the panel was dismissed for this incident. */
export function isSimilarDismissed(incidentId: string): boolean {
  return read().includes(incidentId);
}

/** Records (true) or clears (false) the dismissal for this incident. */
export function setSimilarDismissed(incidentId: string, dismissed: boolean): void {
  const rest = read().filter((id) => id !== incidentId);
  const next = dismissed ? [...rest, incidentId].slice(-MAX_DISMISSED) : rest;
  fallback = next;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
    refused = false;
  } catch {
    // Kept in this window's memory; see the module comment.
    refused = true;
  }
}
