import { create } from 'zustand';
import { formatCount } from '../../../shared/domain/text';
import {
  rowsOf,
  tablesOf,
  type ChangeSet,
  type TableName,
} from '../../../shared/commands/change-set';
import { SEARCHED_TABLES, type SearchedTable } from '../../../shared/search/tables';
import type { SearchFilters } from '../../../shared/search/search-index';
import {
  BROADCAST_ROWS_MAX,
  subscribeChanges,
  thisOrigin,
  type ChangeEvent,
} from '../../db/change-events';
import type { FromWorker, IndexState, ResultGroup, RowChanges, ToWorker } from './protocol';
import { appendJournal, openSearchDb, type JournalEntry } from './search-store';

/**
 * The app's side of full-text search. From start-up it follows the commit's change events: each
 * change set this window commits (its own, and those it projects from other seats) is noted in
 * the search database's journal, so an index stored earlier can catch up on exactly those rows;
 * once the search worker runs, every committed change set (from any window or seat) is posted
 * to it as rows. The worker starts after the app is ready and idle ({@link startSearchIndex}),
 * never on the way to the first screen.
 */

/** Where the search index stands, for the palette ("Preparing search…"). */
export const useSearchState = create<{
  state: IndexState | 'off';
  size: number;
  /**
   * Counts the change sets sent to the worker: an answer given before the latest one may be
   * out of date (an entry edited a moment before the query, its commit still on the disk when
   * the query went), so the palette asks again when it moves.
   */
  version: number;
}>()(() => ({
  state: 'off',
  size: 0,
  version: 0,
}));

let worker: Worker | null = null;
let dbName = '';
let journalDb: Promise<IDBDatabase> | null = null;
let journalQueue: JournalEntry[] = [];
let journalFlush: Promise<void> | null = null;
let nextQueryId = 1;
const waiting = new Map<number, (r: SearchResponse) => void>();

/** What a query answers: groups of hits by incident, how many documents matched, worker ms. */
export interface SearchResponse {
  groups: ResultGroup[];
  total: number;
  /** More matches may exist than `total` counted (the index stopped looking: see SearchIndex). */
  more: boolean;
  tookMs: number;
}

/**
 * The palette's count line: "0 full-text matches", "1 full-text match", "1,376+ full-text
 * matches" when the search stopped looking before the end (en-US grouping, as the app's figures);
 * nothing found before it stopped: "No full-text match in the likeliest places: add a word or a
 * filter".
 */
export function matchCountLabel({ total, more }: Pick<SearchResponse, 'total' | 'more'>): string {
  if (total === 0 && more)
    return 'No full-text match in the likeliest places: add a word or a filter';
  const n = `${formatCount(total)}${more ? '+' : ''}`;
  return `${n} full-text ${total === 1 && !more ? 'match' : 'matches'}`;
}

const isSearched = (t: TableName): t is SearchedTable =>
  (SEARCHED_TABLES as readonly TableName[]).includes(t);

/** The searched tables' rows a committed change set put and the keys it removed. */
export function rowChangesOf(cs: ChangeSet): RowChanges {
  const out: Record<string, { put?: unknown[]; removed?: string[] }> = {};
  for (const table of tablesOf(cs.changes)) {
    if (!isSearched(table)) continue;
    const put = rowsOf(cs.changes, table);
    const removed = cs.changes[table]?.removed ?? [];
    out[table] = {
      ...(put.length ? { put: [...put] } : {}),
      ...(removed.length ? { removed: [...removed] } : {}),
    };
  }
  return out;
}

/** Searched rows a change set puts or removes. */
function searchedRowCount(changes: RowChanges): number {
  let n = 0;
  for (const c of Object.values(changes)) n += (c.put?.length ?? 0) + (c.removed?.length ?? 0);
  return n;
}

/**
 * True when the index is better rebuilt than fed this change set: it came without its rows (a
 * restored backup in another window), or it is as large (a restore here): posting 200,000 rows
 * to the worker and journaling 200,000 keys would cost more than reading them afresh.
 */
export function needsRebuild(event: ChangeEvent, changes: RowChanges): boolean {
  if (event.status === 'committed' && (event.omitted ?? []).some((t) => isSearched(t))) return true;
  return searchedRowCount(changes) > BROADCAST_ROWS_MAX;
}

/** The journal entry of a committed change set: the keys of the searched rows it touched. */
export function journalEntryOf(event: ChangeEvent, at: number): JournalEntry | null {
  const changes = rowChangesOf(event.changeSet);
  if (needsRebuild(event, changes)) return { at, keys: {}, rebuild: true };
  const keys: JournalEntry['keys'] = {};
  let any = false;
  for (const table of SEARCHED_TABLES) {
    const c = changes[table];
    if (!c) continue;
    const ks = [
      ...(c.put ?? []).map((r) =>
        table === 'postmortems'
          ? (r as { incidentId: string }).incidentId
          : (r as { id: string }).id,
      ),
      ...(c.removed ?? []),
    ];
    if (ks.length) {
      keys[table] = ks;
      any = true;
    }
  }
  return any ? { at, keys } : null;
}

function flushJournal(): Promise<void> {
  journalFlush ??= new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(async () => {
      const batch = journalQueue;
      journalQueue = [];
      journalFlush = null;
      if (batch.length === 0) return;
      journalDb ??= openSearchDb(dbName);
      await appendJournal(await journalDb, batch);
    })
    .catch((error: unknown) => {
      // The index then catches up through its row counts, or is rebuilt: search is never
      // worth failing a write for.
      console.warn('Warroom: the search journal could not be written', error);
    });
  return journalFlush;
}

function onChange(event: ChangeEvent): void {
  if (event.status !== 'committed') return;
  const own = event.changeSet.origin.window === thisOrigin().window;
  if (own) {
    const entry = journalEntryOf(event, Date.now());
    if (entry) {
      journalQueue.push(entry);
      void flushJournal();
    }
  }
  if (worker) {
    const changes = rowChangesOf(event.changeSet);
    if (needsRebuild(event, changes)) post({ type: 'changes', changes: {}, rebuild: true });
    else if (Object.keys(changes).length) post({ type: 'changes', changes });
    else return;
    useSearchState.setState((s) => ({ version: s.version + 1 }));
  }
}

function post(msg: ToWorker): void {
  worker?.postMessage(msg);
}

let unsubscribe: (() => void) | null = null;

/**
 * Starts following the change events of the record `db` for search (call once, as soon as the
 * database is open). Cheap: it writes one small journal row per committed change set.
 */
export function startSearchJournal(db: { name: string }): void {
  if (unsubscribe) return;
  dbName = db.name;
  unsubscribe = subscribeChanges(db, onChange);
}

/**
 * Starts the search worker (once): it loads the stored index, or builds one, off the main
 * thread. Call after the app is ready. Does nothing where Web Workers do not exist (tests).
 */
export async function startSearchIndex(): Promise<void> {
  if (worker || typeof Worker !== 'function' || !dbName) return;
  // Everything committed so far is in the journal before the worker reads it.
  await flushJournal();
  if (worker) return;
  useSearchState.setState({ state: 'starting' });
  worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
    type: 'module',
    name: 'warroom-search',
  });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    if (msg.type === 'state') {
      useSearchState.setState({ state: msg.state, size: msg.size });
      if (msg.how) {
        // For the benchmark and whoever wonders how long the index took.
        (globalThis as { __warroomSearch?: unknown }).__warroomSearch = msg;
      }
    } else {
      const resolve = waiting.get(msg.id);
      waiting.delete(msg.id);
      // For the benchmark: the worker's share of the last query's time (ms).
      (globalThis as { __warroomSearchQueryMs?: number }).__warroomSearchQueryMs = msg.tookMs;
      resolve?.({ groups: msg.groups, total: msg.total, more: msg.more, tookMs: msg.tookMs });
    }
  };
  worker.onerror = () => {
    useSearchState.setState({ state: 'failed' });
    // Nothing more will come from it: answer whoever waits.
    for (const resolve of waiting.values())
      resolve({ groups: [], total: 0, more: false, tookMs: 0 });
    waiting.clear();
    inFlight = false;
  };
  post({ type: 'start', appDb: dbName });
}

/** Runs `run` once `<html data-app-state="ready">` is set (now, if it already is). */
export function whenAppReady(run: () => void): void {
  const html = document.documentElement;
  if (html.dataset.appState === 'ready') {
    run();
    return;
  }
  const observer = new MutationObserver(() => {
    if (html.dataset.appState !== 'ready') return;
    observer.disconnect();
    run();
  });
  observer.observe(html, { attributes: true, attributeFilter: ['data-app-state'] });
}

interface Pending {
  query: string;
  filters: SearchFilters;
  maxGroups: number;
  resolve: (r: SearchResponse | null) => void;
}
let inFlight = false;
let next: Pending | null = null;

/** Sends the newest waiting query once the worker has answered the one before. */
function pump(): void {
  if (inFlight || !next || !worker) return;
  const q = next;
  next = null;
  inFlight = true;
  const id = nextQueryId++;
  waiting.set(id, (r) => {
    inFlight = false;
    q.resolve(r);
    pump();
  });
  post({ type: 'query', id, query: q.query, filters: q.filters, maxGroups: q.maxGroups });
}

/**
 * Incidents a query lists first. A palette option lists more ({@link MORE_GROUPS} at a time, up
 * to {@link MAX_GROUPS}). Ten incidents with up to three hits each fill the palette's list about
 * five times over; listing twenty doubled the worker's time and the rendering of each answer
 * (BENCHMARKS.md run U).
 */
export const FIRST_GROUPS = 10;
/** Incidents added each time the person asks for more matches. */
export const MORE_GROUPS = 20;
/** Incidents listed at most: past that, a word or a filter narrows better than scrolling. */
export const MAX_GROUPS = 50;

/**
 * Runs a full-text query in the worker, one at a time: while one is being answered, only the
 * newest of the queries asked meanwhile waits (a query typed over resolves with null, so a fast
 * typist never waits for the answers to every keystroke). `maxGroups`: incidents listed at most.
 * Resolves with no groups when search is not running.
 */
export function searchRecord(
  query: string,
  filters: SearchFilters,
  maxGroups: number = FIRST_GROUPS,
): Promise<SearchResponse | null> {
  if (!worker) return Promise.resolve({ groups: [], total: 0, more: false, tookMs: 0 });
  return new Promise((resolve) => {
    next?.resolve(null);
    next = { query, filters, maxGroups, resolve };
    pump();
  });
}
