import { createStore, type StoreApi } from 'zustand/vanilla';
import { compareEntries, type TimelineEntry } from '../../../shared/domain/timeline';
import type { WritingCallbacks } from './log-field';
import { position } from './timeline-feed';

/**
 * Entries the log field has just written, shown after the virtualized list until the timeline
 * feed has read them back (a task or two later). Kept out of the list on purpose: on a
 * 50,000-entry timeline re-deriving the list costs milliseconds, and that should not stand
 * between Enter and the logged row. The state lives in a small store of its own, so that a
 * commit re-renders the field and these rows, nothing else. A write that has not committed
 * after {@link SHOW_SAVING_AFTER_MS} (a slow or busy disk) shows its entry early, as saving.
 */

/** A write still running after this long shows its entry early, marked "Saving…". */
export const SHOW_SAVING_AFTER_MS = 150;

export interface JustLoggedState {
  pending: readonly TimelineEntry[];
  /** Ids of pending entries whose write has not committed yet. */
  saving: ReadonlySet<string>;
}

export interface JustLogged {
  store: StoreApi<JustLoggedState>;
  /** For the log field. */
  writing: WritingCallbacks;
  /** Tells it the feed's current entries (to drop the ones read back). */
  setFeed: (feed: readonly TimelineEntry[]) => void;
  /**
   * Drops an entry that was changed after it was logged (its time corrected, say): the feed
   * holds the changed row, and the copy kept here would show it twice.
   */
  forget: (id: string) => void;
  /** Stops the "Saving…" timers (the panel is going away). */
  dispose: () => void;
}

const NONE: ReadonlySet<string> = new Set();

/** True when the feed (sorted in timeline order) already holds this entry. */
export function inFeed(feed: readonly TimelineEntry[], entry: TimelineEntry): boolean {
  return feed[position(feed, entry)]?.id === entry.id;
}

/**
 * The entries the scribe just logged (this incident's) that the feed does not hold yet; the
 * same array when that is all of them, so memoised consumers keep their results.
 */
export function stillPending(
  feed: readonly TimelineEntry[],
  pending: readonly TimelineEntry[],
  incidentId: string,
): readonly TimelineEntry[] {
  const left = pending.filter((e) => e.incidentId === incidentId && !inFeed(feed, e));
  return left.length === pending.length ? pending : left;
}

/** What to show after the list: the entries still pending, in timeline order. */
export function tailOf(
  pending: readonly TimelineEntry[],
  feed: readonly TimelineEntry[],
  incidentId: string,
): readonly TimelineEntry[] {
  const left = stillPending(feed, pending, incidentId);
  return left.length < 2 ? left : [...left].sort(compareEntries);
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}

/** A just-logged store for one timeline panel. */
export function createJustLogged(): JustLogged {
  let feed: readonly TimelineEntry[] = [];
  const store = createStore<JustLoggedState>(() => ({ pending: [], saving: NONE }));
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Entries the feed has read back are dropped whenever one is added, so the list stays short.
  const add = (entry: TimelineEntry, saving: boolean) =>
    store.setState((s) => ({
      pending: s.pending.some((e) => e.id === entry.id)
        ? s.pending
        : [...stillPending(feed, s.pending, entry.incidentId), entry],
      saving: saving ? new Set(s.saving).add(entry.id) : without(s.saving, entry.id),
    }));
  const stopTimer = (id: string) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
  };
  return {
    store,
    writing: {
      onWriting: (entry) => {
        timers.set(
          entry.id,
          setTimeout(() => {
            timers.delete(entry.id);
            add(entry, true);
          }, SHOW_SAVING_AFTER_MS),
        );
      },
      onWritten: (entry) => {
        stopTimer(entry.id);
        add(entry, false);
      },
      onWriteFailed: (entry) => {
        stopTimer(entry.id);
        store.setState((s) => ({
          pending: s.pending.filter((e) => e.id !== entry.id),
          saving: without(s.saving, entry.id),
        }));
      },
    },
    setFeed: (next) => {
      feed = next;
    },
    forget: (id) => {
      stopTimer(id);
      store.setState((s) =>
        s.pending.some((e) => e.id === id)
          ? { pending: s.pending.filter((e) => e.id !== id), saving: without(s.saving, id) }
          : s,
      );
    },
    dispose: () => {
      timers.forEach((t) => clearTimeout(t));
      timers.clear();
    },
  };
}
