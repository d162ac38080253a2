/**
 * Which incidents this seat dismissed the Similar incidents panel for: a personal view choice,
 * kept in this browser profile's localStorage (never in the record, never synced). At most
 * {@link MAX_DISMISSED} ids are kept, the oldest dropped first; a storage that refuses (private
 * mode, quota) makes the choice last until the window closes instead.
 */
const KEY = 'warroom.similarIncidents.dismissed';
export const MAX_DISMISSED = 200;

let memory: string[] | null = null;

function read(): string[] {
  if (memory) return memory;
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    memory = Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    memory = [];
  }
  return memory;
}

/** True when the panel was dismissed for this incident. */
export function isSimilarDismissed(incidentId: string): boolean {
  return read().includes(incidentId);
}

/** Records (true) or clears (false) the dismissal for this incident. */
export function setSimilarDismissed(incidentId: string, dismissed: boolean): void {
  const rest = read().filter((id) => id !== incidentId);
  memory = dismissed ? [...rest, incidentId].slice(-MAX_DISMISSED) : rest;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(memory));
  } catch {
    // Kept in memory for this window; see the module comment.
  }
}
