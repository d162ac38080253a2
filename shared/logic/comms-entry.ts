/**
 * How a comms timeline entry reads: one line (what was sent, to whom, its subject), with the
 * full message kept apart. Entries written since issue 11 §5 are one line and point to their
 * `commsUpdates` row; older ones hold "line, blank line, full message" in their text.
 */
import type { TimelineEntry } from '../domain/timeline';

/** An entry split into the line the timeline shows and the message behind it. */
export interface CommsEntryParts {
  /** The one line: "Status update sent to Executives (copied as rich text): [SEV1 UPDATE] …". */
  line: string;
  /** The full message held in the entry's own text (older entries), else null. */
  message: string | null;
}

/**
 * Splits a comms entry's text into its first line and the rest (the message older entries
 * carried). Any other kind of entry, or a one-line comms entry, comes back whole with no message.
 */
export function commsEntryParts(entry: Pick<TimelineEntry, 'kind' | 'text'>): CommsEntryParts {
  if (entry.kind !== 'comms') return { line: entry.text, message: null };
  const text = entry.text.trim();
  const cut = text.search(/\r?\n/);
  if (cut < 0) return { line: text, message: null };
  const message = text.slice(cut).trim();
  return { line: text.slice(0, cut).trim(), message: message || null };
}
