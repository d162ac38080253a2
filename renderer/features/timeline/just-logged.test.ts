import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compareEntries, type TimelineEntry } from '../../../shared/domain/timeline';
import {
  createJustLogged,
  inFeed,
  SHOW_SAVING_AFTER_MS,
  stillPending,
  tailOf,
} from './just-logged';

const entry = (id: string, occurredAt: number, incidentId = 'i1'): TimelineEntry => ({
  id,
  incidentId,
  kind: 'note',
  text: id,
  occurredAt,
  loggedAt: occurredAt,
  author: 'Sam',
  pinned: false,
  deletedAt: null,
  revisions: [],
  change: null,
  audience: null,
});

// Ids sort in time order like the app's UUID v7 ids do.
const feed = [entry('a1', 100), entry('a2', 200), entry('a3', 300)];

describe('pending entries', () => {
  it('finds entries the feed already holds', () => {
    expect(inFeed(feed, feed[1]!)).toBe(true);
    expect(inFeed(feed, entry('a4', 400))).toBe(false);
    expect(inFeed([], feed[0]!)).toBe(false);
  });

  it('drops entries the feed has read back and those of other incidents', () => {
    const read = feed[2]!;
    const waiting = entry('a4', 400);
    const other = entry('b1', 400, 'i2');
    expect(stillPending(feed, [read, waiting, other], 'i1')).toEqual([waiting]);
    const same = [waiting];
    expect(stillPending(feed, same, 'i1')).toBe(same);
  });
});

describe('createJustLogged', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = () => {
    let current: readonly TimelineEntry[] = feed;
    const logged = createJustLogged();
    logged.setFeed(feed);
    const tail = () => tailOf(logged.store.getState().pending, current, 'i1');
    const saving = () => [...logged.store.getState().saving];
    const feedHas = (list: readonly TimelineEntry[]) => {
      current = list;
      logged.setFeed(list);
    };
    return { logged, writing: logged.writing, tail, saving, feedHas };
  };

  it('shows a written entry at once as logged, and drops it when the feed has it', () => {
    const { writing, tail, saving, feedHas } = setup();
    const e = entry('a4', 400);
    writing.onWriting(e);
    // A fast write: nothing shows before the commit.
    expect(tail()).toEqual([]);
    writing.onWritten(e);
    expect(tail()).toEqual([e]);
    expect(saving()).toEqual([]);
    // No "Saving…" afterwards either.
    vi.advanceTimersByTime(SHOW_SAVING_AFTER_MS * 2);
    expect(saving()).toEqual([]);
    feedHas([...feed, e]);
    expect(tail()).toEqual([]);
  });

  it('shows a slow write early as saving, then logged', () => {
    const { writing, tail, saving } = setup();
    const e = entry('a4', 400);
    writing.onWriting(e);
    vi.advanceTimersByTime(SHOW_SAVING_AFTER_MS);
    expect(tail()).toEqual([e]);
    expect(saving()).toEqual(['a4']);
    writing.onWritten(e);
    expect(tail()).toEqual([e]);
    expect(saving()).toEqual([]);
  });

  it('takes a failed write away, shown or not', () => {
    const { writing, tail, saving } = setup();
    const slow = entry('a4', 400);
    const fast = entry('a5', 500);
    writing.onWriting(slow);
    writing.onWriting(fast);
    writing.onWriteFailed(fast);
    vi.advanceTimersByTime(SHOW_SAVING_AFTER_MS);
    expect(tail()).toEqual([slow]);
    writing.onWriteFailed(slow);
    expect(tail()).toEqual([]);
    expect(saving()).toEqual([]);
  });

  it('keeps the tail in timeline order and prunes what the feed has read back', () => {
    const { logged, writing, tail, feedHas } = setup();
    const late = entry('a5', 500);
    const backdated = entry('a6', 350);
    writing.onWritten(late);
    writing.onWritten(backdated);
    expect(tail().map((e) => e.id)).toEqual(['a6', 'a5']);
    feedHas([...feed, backdated, late].sort(compareEntries));
    writing.onWritten(entry('a7', 600));
    expect(logged.store.getState().pending.map((e) => e.id)).toEqual(['a7']);
  });

  it('stops its timers when disposed', () => {
    const { logged, writing, saving } = setup();
    writing.onWriting(entry('a4', 400));
    logged.dispose();
    vi.advanceTimersByTime(SHOW_SAVING_AFTER_MS);
    expect(saving()).toEqual([]);
  });
});
