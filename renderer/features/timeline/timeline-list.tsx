import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { TimeDisplay } from './entry-display';
import { TimelineRow, type RowActions } from './timeline-row';

/** Within this many pixels of the bottom counts as "at the latest entry". */
const BOTTOM_SLACK_PX = 48;

/**
 * The virtualized entry list: only the rows in view (plus a few) are in the DOM, each measured
 * as it renders because entries vary in height. It follows new entries while the reader is at
 * the bottom; once they scroll up, it stays put and offers "Jump to latest".
 */
export function TimelineList({
  entries,
  display,
  actions,
}: {
  entries: readonly TimelineEntry[];
  display: TimeDisplay;
  actions: RowActions;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render with its own state
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 5,
    getItemKey: (i) => entries[i]?.id ?? i,
  });
  const count = entries.length;
  const lastId = entries.at(-1)?.id;

  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    // Rows are measured as they render, so the bottom moves: stay on it while following.
    if (following && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [following, count, lastId, totalSize, virtualizer]);

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

  const items = virtualizer.getVirtualItems();
  return (
    <div className="tl-list-wrap">
      <div
        ref={scroller}
        className="tl-scroll"
        role="list"
        aria-label="Timeline entries"
        tabIndex={0}
      >
        <div role="none" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            const classes = [
              'tl-row',
              entry.pinned ? 'tl-is-pinned' : '',
              entry.deletedAt !== null ? 'tl-is-deleted' : '',
            ];
            return (
              <div
                key={item.key}
                role="listitem"
                aria-setsize={count}
                aria-posinset={item.index + 1}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={classes.filter(Boolean).join(' ')}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <TimelineRow entry={entry} display={display} actions={actions} />
              </div>
            );
          })}
        </div>
      </div>
      {!following && count > 0 ? (
        <button
          type="button"
          className="button button-small tl-jump"
          onClick={() => {
            setFollowing(true);
            virtualizer.scrollToIndex(count - 1, { align: 'end' });
          }}
        >
          Jump to latest
        </button>
      ) : null}
    </div>
  );
}
