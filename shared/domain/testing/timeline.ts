/** Test-only factory for timeline entries. */
import type { TimelineEntry } from '../timeline';

/**
 * A live, unpinned, unrevised note by Sam with no system change and no audience, logged and
 * occurring at epoch 0 (ms) on incident 'i', id 'e1' and text 'text' — with `over` applied on top.
 */
export function timelineEntry(over: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: 'e1',
    incidentId: 'i',
    kind: 'note',
    text: 'text',
    occurredAt: 0,
    loggedAt: 0,
    author: 'Sam',
    pinned: false,
    deletedAt: null,
    revisions: [],
    change: null,
    audience: null,
    ...over,
  };
}
