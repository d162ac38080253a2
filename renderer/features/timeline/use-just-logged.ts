import { useEffect, useMemo, useRef, useState } from 'react';
import { compareEntries, type TimelineEntry } from '../../../shared/domain/timeline';
import type { WritingCallbacks } from './log-field';
import { position } from './timeline-feed';

/** A write still running after this long shows its entry early, marked "Saving…". */
export const SHOW_SAVING_AFTER_MS = 150;

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

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}

/**
 * Entries the log field has just written, shown after the list until the timeline feed has
 * read them back (a task or two later). Kept out of the virtualized list on purpose: on a
 * 50,000-entry timeline re-deriving the list costs milliseconds, and that should not stand
 * between Enter and the logged row. A write that has not committed after
 * {@link SHOW_SAVING_AFTER_MS} (a slow or busy disk) shows its entry early, in `saving`.
 */
export function useJustLogged(
  feed: readonly TimelineEntry[],
  incidentId: string,
): {
  /** In timeline order. */
  tail: readonly TimelineEntry[];
  /** Ids in the tail whose write has not committed yet. */
  saving: ReadonlySet<string>;
  /** For the log field. */
  writing: WritingCallbacks;
} {
  const [pending, setPending] = useState<readonly TimelineEntry[]>([]);
  const [saving, setSaving] = useState<ReadonlySet<string>>(NONE);
  const latestFeed = useRef(feed);
  const timers = useRef(new Map<string, number>());
  useEffect(() => {
    latestFeed.current = feed;
  }, [feed]);
  useEffect(() => {
    const running = timers.current;
    return () => running.forEach((t) => window.clearTimeout(t));
  }, []);

  const writing = useMemo<WritingCallbacks>(() => {
    // Entries the feed has read back are dropped whenever one is added, so the tail stays short.
    const add = (entry: TimelineEntry) =>
      setPending((p) =>
        p.some((e) => e.id === entry.id)
          ? p
          : [...stillPending(latestFeed.current, p, entry.incidentId), entry],
      );
    const stopTimer = (id: string) => {
      window.clearTimeout(timers.current.get(id));
      timers.current.delete(id);
    };
    return {
      onWriting: (entry) => {
        const timer = window.setTimeout(() => {
          timers.current.delete(entry.id);
          add(entry);
          setSaving((s) => new Set(s).add(entry.id));
        }, SHOW_SAVING_AFTER_MS);
        timers.current.set(entry.id, timer);
      },
      onWritten: (entry) => {
        stopTimer(entry.id);
        add(entry);
        setSaving((s) => without(s, entry.id));
      },
      onWriteFailed: (entry) => {
        stopTimer(entry.id);
        setPending((p) => p.filter((e) => e.id !== entry.id));
        setSaving((s) => without(s, entry.id));
      },
    };
  }, []);

  const tail = useMemo(() => {
    const left = stillPending(feed, pending, incidentId);
    return left.length < 2 ? left : [...left].sort(compareEntries);
  }, [feed, pending, incidentId]);
  return { tail, saving, writing };
}
