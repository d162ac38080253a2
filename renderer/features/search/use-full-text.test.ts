import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as SearchClientModule from './search-client';
import type { SearchResponse } from './search-client';

type SearchClient = typeof SearchClientModule;

/**
 * A worker that answers one query at a time: while one is in flight only the newest waiting one
 * is kept, and the one it replaced resolves with null (as search-client's searchRecord does).
 */
const worker = vi.hoisted(() => {
  type Pending = { query: string; resolve: (r: SearchResponse | null) => void };
  const state = {
    inFlight: null as Pending | null,
    next: null as Pending | null,
    asked: [] as string[],
  };
  const answer = (query: string): SearchResponse => ({
    groups: [],
    total: query.length,
    more: false,
    tookMs: 1,
  });
  return {
    state,
    searchRecord(query: string): Promise<SearchResponse | null> {
      state.asked.push(query);
      return new Promise((resolve) => {
        const p = { query, resolve };
        if (!state.inFlight) state.inFlight = p;
        else {
          state.next?.resolve(null);
          state.next = p;
        }
      });
    },
    /** The worker finishes the query in flight and takes the waiting one. */
    finish(): void {
      const done = state.inFlight;
      state.inFlight = state.next;
      state.next = null;
      done?.resolve(answer(done.query));
    },
  };
});

vi.mock('./search-client', async (importOriginal) => {
  const { create } = await import('zustand');
  return {
    ...(await importOriginal<SearchClient>()),
    searchRecord: (query: string) => worker.searchRecord(query),
    startSearchIndex: () => Promise.resolve(),
    useSearchState: create(() => ({ state: 'ready' as const, size: 0, version: 0 })),
  };
});

const { searchAhead, useFullTextSearch } = await import('./use-full-text');
const { useSearchState } = await import('./search-client');

describe('useFullTextSearch with searchAhead', () => {
  it('answers "disk" when a trailing space is typed while "disk" waits behind "dis"', async () => {
    const { result, rerender } = renderHook(({ q }) => useFullTextSearch(q, {}, false), {
      initialProps: { q: 'dis' },
    });
    for (const q of ['disk', 'disk ']) {
      searchAhead(q, {});
      rerender({ q });
    }
    // "disk " stands for the same search as "disk": asked once.
    expect(worker.state.asked).toEqual(['dis', 'disk']);
    act(() => worker.finish()); // "dis" answered (too late to show), "disk" taken
    act(() => worker.finish()); // "disk" answered
    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(result.current.response.total).toBe(4);
  });

  it('asks again when a change reaches the index after the answer (it may be out of date)', async () => {
    worker.state.asked = [];
    const { result } = renderHook(() => useFullTextSearch('promotion', {}, false));
    act(() => worker.finish());
    await waitFor(() => expect(result.current.pending).toBe(false));
    // An edit committed a moment later reaches the worker: the same words are asked again.
    act(() => useSearchState.setState((s) => ({ version: s.version + 1 })));
    expect(result.current.pending).toBe(true);
    expect(worker.state.asked).toEqual(['promotion', 'promotion']);
    act(() => worker.finish());
    await waitFor(() => expect(result.current.pending).toBe(false));
  });

  it("does not show an emptied query's hits while the next query's first answer is on its way", async () => {
    worker.state.asked = [];
    const { result, rerender } = renderHook(({ q }) => useFullTextSearch(q, {}, false), {
      initialProps: { q: 'disk' },
    });
    act(() => worker.finish());
    await waitFor(() => expect(result.current.response.total).toBe(4));
    rerender({ q: '' });
    rerender({ q: 'dns pod' });
    // Waiting for "dns pod": nothing shown rather than the hits for "disk".
    expect(result.current.pending).toBe(true);
    expect(result.current.response.total).toBe(0);
    act(() => worker.finish());
    await waitFor(() => expect(result.current.response.total).toBe(7));
    // While typing on, the previous answer stays until the next arrives (no flicker).
    rerender({ q: 'dns pods' });
    expect(result.current.pending).toBe(true);
    expect(result.current.response.total).toBe(7);
    act(() => worker.finish());
    await waitFor(() => expect(result.current.response.total).toBe(8));
  });

  it('asks again, keeping the answer on screen, when more incidents are wanted', async () => {
    worker.state.asked = [];
    const { result, rerender } = renderHook(
      ({ groups }) => useFullTextSearch('latency', {}, false, groups),
      { initialProps: { groups: 10 } },
    );
    act(() => worker.finish());
    await waitFor(() => expect(result.current.pending).toBe(false));
    rerender({ groups: 30 });
    expect(result.current.pending).toBe(true);
    expect(result.current.response.total).toBe(7);
    expect(worker.state.asked).toEqual(['latency', 'latency']);
    act(() => worker.finish());
    await waitFor(() => expect(result.current.pending).toBe(false));
  });

  it('does not show the hits of other words pasted over the query, or of other filters, while their answer is on its way', async () => {
    worker.state.asked = [];
    const { result, rerender } = renderHook(
      ({ q, filters }) => useFullTextSearch(q, filters, false),
      { initialProps: { q: 'replica', filters: {} } },
    );
    act(() => worker.finish());
    await waitFor(() => expect(result.current.response.total).toBe(7));
    rerender({ q: 'certificate', filters: {} });
    expect(result.current.pending).toBe(true);
    expect(result.current.response.total).toBe(0);
    act(() => worker.finish());
    await waitFor(() => expect(result.current.response.total).toBe(11));
    rerender({ q: 'certificate', filters: { severities: ['SEV1'] } });
    expect(result.current.pending).toBe(true);
    expect(result.current.response.total).toBe(0);
    act(() => worker.finish());
    await waitFor(() => expect(result.current.pending).toBe(false));
  });
});
