import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SearchFilters } from '../../../shared/search/search-index';
import {
  FIRST_GROUPS,
  searchRecord,
  startSearchIndex,
  useSearchState,
  type SearchResponse,
} from './search-client';

/** Queries shorter than this (after trimming) are left to the palette's own matching. */
export const MIN_QUERY_LENGTH = 2;

const NONE: SearchResponse = { groups: [], total: 0, more: false, tookMs: 0 };

/**
 * What a query and its filters stand for: the same text, filters, incidents listed at most, index
 * state and index version (changes sent to it), one answer.
 */
function keyOf(
  text: string,
  filters: SearchFilters,
  maxGroups: number,
  indexState: string,
  version: number,
): string {
  return JSON.stringify([text, filters, maxGroups, indexState, version]);
}

/** A query sent from the input's own change handler, before React renders the keystroke. */
let early: { key: string; answer: Promise<SearchResponse | null> } | null = null;
/**
 * The key the hook last asked the worker about. A keystroke that leaves the key as it was (a
 * trailing space) must not ask again: the worker answers only the newest query, so the hook's
 * own request would be answered with null and, its key unchanged, never asked again.
 */
let issued: string | null = null;

/**
 * Sends `query` to the worker now, from the field's change handler, so the worker searches
 * while the page renders the keystroke (the hook then takes this answer instead of asking again
 * after the render). A keystroke asks for the first {@link FIRST_GROUPS} incidents. Nothing
 * happens for a query too short for full-text search.
 */
export function searchAhead(query: string, filters: SearchFilters): void {
  const text = query.trim();
  if (text.length < MIN_QUERY_LENGTH) return;
  const { state, version } = useSearchState.getState();
  const key = keyOf(text, filters, FIRST_GROUPS, state, version);
  if (early?.key === key || issued === key) return;
  early = { key, answer: searchRecord(text, filters, FIRST_GROUPS) };
}

/**
 * Full-text results for `query` under `filters`, at most `maxGroups` incidents, from the search
 * worker: the latest answer (an answer to an older query that arrives late is dropped), and
 * whether one is on its way. Starts the worker if the app has not yet (the palette opened very
 * early).
 */
export function useFullTextSearch(
  query: string,
  filters: SearchFilters,
  skip: boolean,
  maxGroups: number = FIRST_GROUPS,
): {
  response: SearchResponse;
  /** Stands for the query and filters the response answers ('' for none). */
  answerKey: string;
  pending: boolean;
  indexState: ReturnType<typeof useSearchState.getState>['state'];
} {
  const indexState = useSearchState((s) => s.state);
  const version = useSearchState((s) => s.version);
  const [answer, setAnswer] = useState<{
    key: string;
    /** The text and filters answered, to tell whether the answer may stand in for a new one. */
    text: string;
    filters: string;
    response: SearchResponse;
  } | null>(null);
  const latest = useRef('');
  const text = query.trim();
  const active = !skip && text.length >= MIN_QUERY_LENGTH;
  const key = active ? keyOf(text, filters, maxGroups, indexState, version) : '';

  useEffect(() => {
    void startSearchIndex();
  }, []);

  useEffect(() => {
    latest.current = key;
    if (!key) return;
    let stale = false;
    const answer = early?.key === key ? early.answer : searchRecord(text, filters, maxGroups);
    early = null;
    issued = key;
    void answer.then((response) => {
      // Rendered at once, in the worker's message task: left to React's scheduler, the answer
      // waited behind a frame of the keystroke's (10–15 ms; BENCHMARKS.md run U).
      if (response && !stale && latest.current === key)
        flushSync(() => setAnswer({ key, text, filters: JSON.stringify(filters), response }));
    });
    return () => {
      stale = true;
    };
    // `key` stands for the text, the filters and the index's state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!active) {
    // A query emptied (or cut below two characters) is done with: its hits are not shown again
    // while the next query's first answer is on its way, as if they answered it.
    if (answer !== null) setAnswer(null);
    return { response: NONE, answerKey: '', pending: false, indexState };
  }
  // Until the new answer comes, the previous one stays while the person types on or deletes
  // (no flicker), or asks for more: not for other words pasted over it or other filters, which
  // it does not answer.
  const stands =
    answer !== null &&
    answer.filters === JSON.stringify(filters) &&
    (text.startsWith(answer.text) || answer.text.startsWith(text));
  return {
    response: stands ? answer.response : NONE,
    answerKey: stands ? answer.key : '',
    pending: answer?.key !== key,
    indexState,
  };
}
