import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { TimelineFeed } from './timeline-feed';
import { applyFilters, type TimelineFilters } from './timeline-filter';
import type { TimeDisplay } from './entry-display';
import { TimelineRow, type RowActions } from './timeline-row';

/** Within this many pixels of the bottom counts as "at the latest entry". */
const BOTTOM_SLACK_PX = 48;

/**
 * The entry list: the virtualized rows (only those in view, plus a few, are in the DOM, each
 * measured as it renders because entries vary in height), then the entries just logged that
 * the feed has not read back yet. It follows new entries while the reader is at the bottom;
 * once they scroll up, it stays put and offers "Jump to latest".
 */
export function TimelineList({
  entries,
  feed,
  filters,
  display,
  actions,
  focusId = null,
  onFocused,
}: {
  /** An entry to scroll to and focus (opened from a search result), once it is listed. */
  focusId?: string | null;
  /** Called once that entry has focus. */
  onFocused?: () => void;
  /** The entries to list (filtered). */
  entries: readonly TimelineEntry[];
  /** The timeline feed: its tail (entries just added, after the others) is shown here. */
  feed: TimelineFeed;
  filters: TimelineFilters;
  display: TimeDisplay;
  actions: RowActions;
}) {
  const scroller = useRef<HTMLDivElement | null>(null);
  // Also held as state: the virtualized rows render inside the scroller, so their layout effects
  // run before its ref is attached; the element arriving as a prop re-renders them with it.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const attach = useCallback((el: HTMLDivElement | null) => {
    scroller.current = el;
    setScrollElement(el);
  }, []);
  const [following, setFollowing] = useState(true);
  const count = entries.length;
  // Going to an entry stops following the latest.
  const targetListed = focusId !== null && entries.some((e) => e.id === focusId);
  if (targetListed && following) setFollowing(false);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let lastTop = el.scrollTop;
    const onScroll = () => {
      const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
      // Only a move upwards is the reader leaving the bottom; growth of measured rows and our
      // own scrolls to the end never are.
      if (atBottom) setFollowing(true);
      else if (el.scrollTop < lastTop) setFollowing(false);
      lastTop = el.scrollTop;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  return (
    <div className="tl-list-wrap">
      <div
        ref={attach}
        className="tl-scroll"
        role="list"
        aria-label="Timeline entries"
        tabIndex={0}
      >
        <VirtualRows
          entries={entries}
          focusId={targetListed ? focusId : null}
          onFocused={onFocused}
          following={following}
          scrollElement={scrollElement}
          display={display}
          actions={actions}
        />
        <TailRows
          feed={feed}
          filters={filters}
          count={count}
          following={following}
          scrollElement={scrollElement}
          display={display}
          actions={actions}
        />
      </div>
      {!following && count > 0 ? (
        <button
          type="button"
          className="button button-small tl-jump"
          onClick={() => setFollowing(true)}
        >
          Jump to latest
        </button>
      ) : null}
    </div>
  );
}

/**
 * The virtualized rows. Memoised: a just-logged entry (the tail) or the field re-rendering must
 * not make the virtualizer re-derive 50,000 rows on the way from Enter to the logged row.
 */
const VirtualRows = memo(function VirtualRows({
  entries,
  focusId,
  onFocused,
  following,
  scrollElement,
  display,
  actions,
}: {
  entries: readonly TimelineEntry[];
  focusId: string | null;
  onFocused: (() => void) | undefined;
  following: boolean;
  scrollElement: HTMLDivElement | null;
  display: TimeDisplay;
  actions: RowActions;
}) {
  // The virtualizer recomputes every row's position when this function changes (a few ms on a
  // 50,000-entry timeline): it changes only with the entries, not on every render.
  const getItemKey = useMemo(() => (i: number) => entries[i]?.id ?? i, [entries]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render with its own state
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollElement,
    // One-line rows: most entries measure about this; taller ones are measured as they render.
    estimateSize: () => 30,
    overscan: 5,
    getItemKey,
  });
  const count = entries.length;
  const lastId = entries.at(-1)?.id;

  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    // Rows are measured as they render, so the bottom moves: stay on it while following.
    if (following && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [following, count, lastId, totalSize, virtualizer]);

  const [targetId, setTargetId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId || following) return;
    const index = entries.findIndex((e) => e.id === focusId);
    if (index < 0 || !scrollElement) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    setTargetId(focusId);
    // The row renders (and is measured) after the scroll: focus it once it is in the DOM.
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const row = scrollElement.querySelector<HTMLElement>(
        `[data-entry-id="${CSS.escape(focusId)}"]`,
      );
      if (row) {
        row.scrollIntoView({ block: 'center' });
        row.focus();
        onFocused?.();
      } else if (tries++ < 60) {
        if (tries % 10 === 0) virtualizer.scrollToIndex(index, { align: 'center' });
        frame = requestAnimationFrame(focus);
      }
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [focusId, following, entries, scrollElement, virtualizer, onFocused]);

  return (
    <div role="none" style={{ height: totalSize, position: 'relative' }}>
      {virtualizer.getVirtualItems().map((item) => {
        const entry = entries[item.index];
        if (!entry) return null;
        const classes = [
          'tl-row',
          entry.pinned ? 'tl-is-pinned' : '',
          entry.deletedAt !== null ? 'tl-is-deleted' : '',
          entry.id === targetId ? 'tl-is-target' : '',
        ];
        return (
          <div
            key={item.key}
            role="listitem"
            aria-setsize={count}
            aria-posinset={item.index + 1}
            data-index={item.index}
            data-entry-id={entry.id}
            tabIndex={entry.id === targetId ? -1 : undefined}
            ref={virtualizer.measureElement}
            className={classes.filter(Boolean).join(' ')}
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <TimelineRow entry={entry} display={display} actions={actions} />
          </div>
        );
      })}
    </div>
  );
});

/**
 * The feed's tail (entries just added, after every listed one), after the virtualized rows:
 * subscribed to the feed on their own, so the commit of an entry re-renders these rows and the
 * field, nothing else.
 */
const TailRows = memo(function TailRows({
  feed,
  filters,
  count,
  following,
  scrollElement,
  display,
  actions,
}: {
  feed: TimelineFeed;
  filters: TimelineFilters;
  count: number;
  following: boolean;
  scrollElement: HTMLDivElement | null;
  display: TimeDisplay;
  actions: RowActions;
}) {
  const all = useStore(feed.store, (s) => s.tail);
  const saving = useStore(feed.store, (s) => s.saving);
  const tail = useMemo(() => applyFilters(all, filters), [all, filters]);

  useEffect(() => {
    // Bring a just-logged entry into view before the next paint (in the frame callback, so the
    // row itself reaches the DOM without waiting for a layout).
    if (!following || tail.length === 0 || !scrollElement) return;
    const frame = requestAnimationFrame(() => {
      scrollElement.scrollTop = scrollElement.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [following, tail, scrollElement]);

  return tail.map((entry, i) => {
    const busy = saving.has(entry.id);
    return (
      <div
        key={entry.id}
        role="listitem"
        aria-setsize={count + tail.length}
        aria-posinset={count + i + 1}
        aria-busy={busy || undefined}
        className="tl-row tl-row-tail"
        // While focus is in a just-logged row, the feed keeps it here (folding it into the
        // virtualised list would mount it anew and close what the user opened in it).
        onFocus={() => feed.hold(true)}
        onBlur={(e) => {
          const next = e.relatedTarget;
          if (!next?.closest('.tl-row-tail')) feed.hold(false);
        }}
      >
        <TimelineRow entry={entry} saving={busy} display={display} actions={actions} />
      </div>
    );
  });
});
