import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { inFeed, SHOW_SAVING_AFTER_MS, stillPending, useJustLogged } from './use-just-logged';

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

describe('useJustLogged', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = () =>
    renderHook(({ list }) => useJustLogged(list, 'i1'), {
      initialProps: { list: feed },
    });

  it('shows a written entry at once as logged, and drops it when the feed has it', () => {
    const hook = setup();
    const e = entry('a4', 400);
    act(() => {
      hook.result.current.writing.onWriting(e);
    });
    // A fast write: nothing shows before the commit.
    expect(hook.result.current.tail).toEqual([]);
    act(() => {
      hook.result.current.writing.onWritten(e);
    });
    expect(hook.result.current.tail).toEqual([e]);
    expect(hook.result.current.saving.size).toBe(0);
    // No "Saving…" afterwards either.
    act(() => {
      vi.advanceTimersByTime(SHOW_SAVING_AFTER_MS * 2);
    });
    expect(hook.result.current.saving.size).toBe(0);
    hook.rerender({ list: [...feed, e] });
    expect(hook.result.current.tail).toEqual([]);
  });

  it('shows a slow write early as saving, then logged', () => {
    const hook = setup();
    const e = entry('a4', 400);
    act(() => {
      hook.result.current.writing.onWriting(e);
    });
    act(() => {
      vi.advanceTimersByTime(SHOW_SAVING_AFTER_MS);
    });
    expect(hook.result.current.tail).toEqual([e]);
    expect([...hook.result.current.saving]).toEqual(['a4']);
    act(() => {
      hook.result.current.writing.onWritten(e);
    });
    expect(hook.result.current.tail).toEqual([e]);
    expect(hook.result.current.saving.size).toBe(0);
  });

  it('takes a failed write away, shown or not', () => {
    const hook = setup();
    const slow = entry('a4', 400);
    const fast = entry('a5', 500);
    act(() => {
      hook.result.current.writing.onWriting(slow);
      hook.result.current.writing.onWriting(fast);
    });
    act(() => {
      hook.result.current.writing.onWriteFailed(fast);
    });
    act(() => {
      vi.advanceTimersByTime(SHOW_SAVING_AFTER_MS);
    });
    expect(hook.result.current.tail).toEqual([slow]);
    act(() => {
      hook.result.current.writing.onWriteFailed(slow);
    });
    expect(hook.result.current.tail).toEqual([]);
    expect(hook.result.current.saving.size).toBe(0);
  });

  it('keeps the tail in timeline order (a backdated entry before a later one)', () => {
    const hook = setup();
    const late = entry('a5', 500);
    const backdated = entry('a6', 350);
    act(() => {
      hook.result.current.writing.onWritten(late);
      hook.result.current.writing.onWritten(backdated);
    });
    expect(hook.result.current.tail.map((e) => e.id)).toEqual(['a6', 'a5']);
  });
});
