import type { Incident } from '../../../shared/domain/incident';
import type { TableRows } from '../../../shared/domain/tables';
import {
  SEARCHED_TABLES,
  documentsOfRow,
  keyOfSearchedRow,
  sourceOf,
  type SearchedTable,
} from '../../../shared/search/documents';
import {
  SearchIndex,
  type IncidentMeta,
  type SearchFilters,
} from '../../../shared/search/search-index';
import { snippetOf } from '../../../shared/search/snippet';
import type { FromWorker, ResultGroup, RowChanges, ToWorker } from './protocol';
import {
  JOURNAL_OVERLAP,
  countRows,
  getRows,
  lastJournalKey,
  loadSnapshot,
  openAppDb,
  openSearchDb,
  readJournal,
  saveSnapshot,
  scanRows,
} from './search-store';

/**
 * What the search worker does (search-worker.ts runs it; tests run it in-process): owns the
 * full-text index. On `start` it loads the stored index and catches up on the rows the journal
 * lists since it was stored (or builds the index from the record when there is no usable copy);
 * then it applies each committed change set's rows as the app posts them, answers queries with
 * snippets, and stores the index again a while after it changed. It reads the record's database
 * and never writes it.
 */

/** The keeper's handle: messages in; `save` and `settled` for tests and the worker's own use. */
export interface IndexKeeper {
  handle: (msg: ToWorker) => void;
  /** Stores the index now (it is otherwise stored a while after it changed). */
  save: () => Promise<void>;
  /** Resolves once the work started so far (start, rebuild) has finished. */
  settled: () => Promise<void>;
}

/** A keeper that answers through `post` (the worker's postMessage). */
export function createIndexKeeper(post: (msg: FromWorker) => void): IndexKeeper {
  /** Store the index at most this often while changes keep coming (ms). */
  const SAVE_EVERY_MS = 30_000;
  /** …and this long after the last change (ms). */
  const SAVE_QUIET_MS = 5_000;

  /** Work under way (start, rebuilds, queries, stores), for `settled`. */
  const work = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    work.add(p);
    void p.finally(() => work.delete(p)).catch(() => undefined);
    return p;
  };
  let appDbName = '';
  let searchDb: IDBDatabase | null = null;
  let appDb: IDBDatabase | null = null;
  let index: SearchIndex | null = null;
  /** Changes that arrived before the index was there, or while a rebuild reads the record. */
  let queued: Array<Extract<ToWorker, { type: 'changes' }>> = [];
  let rebuilding = false;
  /** Set once `start` has settled on an index (loaded or built). */
  let started = false;
  /** A rebuild asked for before then. */
  let rebuildAfterStart = false;
  let dirtySince: number | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** Changes are folded into the outline this long after they arrive (ms): a burst once. */
  const FLUSH_AFTER_MS = 100;

  async function app(): Promise<IDBDatabase> {
    if (appDb) return appDb;
    const db = await openAppDb(appDbName);
    db.onversionchange = () => {
      db.close();
      appDb = null;
    };
    db.onclose = () => {
      appDb = null;
    };
    appDb = db;
    return db;
  }

  function metaOf(i: Incident): IncidentMeta {
    return {
      id: i.id,
      ref: i.ref,
      title: i.title,
      severity: i.severity,
      services: i.services,
      drill: i.drill,
      createdAt: i.createdAt,
    };
  }

  function putRow<T extends SearchedTable>(target: SearchIndex, table: T, row: TableRows[T]): void {
    if (table === 'incidents') target.setIncident(metaOf(row as Incident));
    target.replaceRow(sourceOf(table, keyOfSearchedRow(table, row)), documentsOfRow(table, row));
  }

  function applyChanges(target: SearchIndex, changes: RowChanges): void {
    for (const table of SEARCHED_TABLES) {
      const c = changes[table];
      if (!c) continue;
      for (const row of c.put ?? []) putRow(target, table, row);
      for (const key of c.removed ?? []) target.removeRow(sourceOf(table, key));
    }
  }

  /** Re-reads these rows from the record and indexes them as they are now (gone: removed). */
  async function refreshRows(
    target: SearchIndex,
    keys: { [K in SearchedTable]?: Iterable<string> },
  ): Promise<number> {
    const db = await app();
    let n = 0;
    for (const table of SEARCHED_TABLES) {
      const wanted = [...(keys[table] ?? [])];
      const rows = await getRows<TableRows[typeof table]>(db, table, wanted);
      rows.forEach((row, i) => {
        n += 1;
        if (row) putRow(target, table, row);
        else target.removeRow(sourceOf(table, wanted[i] ?? ''));
      });
    }
    return n;
  }

  /** A new index read from the whole record (incidents first, so their facts are there). */
  async function buildFromRecord(): Promise<SearchIndex> {
    const db = await app();
    const fresh = SearchIndex.create();
    for (const table of SEARCHED_TABLES) {
      await scanRows<TableRows[typeof table]>(db, table, (rows) => {
        for (const row of rows) putRow(fresh, table, row);
      });
    }
    fresh.flush();
    return fresh;
  }

  /** True when the index holds as many rows of each table as the record. */
  async function countsMatch(target: SearchIndex): Promise<boolean> {
    const db = await app();
    const counts = target.rowCounts();
    for (const table of SEARCHED_TABLES) {
      if ((await countRows(db, table)) !== counts[table]) return false;
    }
    return true;
  }

  function drainQueue(target: SearchIndex): void {
    const pending = queued;
    queued = [];
    for (const msg of pending) if (!msg.rebuild) applyChanges(target, msg.changes);
  }

  /** Builds from scratch; the old index (if any) keeps answering until the new one is ready. */
  async function rebuild(): Promise<void> {
    if (rebuilding) return;
    rebuilding = true;
    const t0 = performance.now();
    if (!index) post({ type: 'state', state: 'building', size: 0 });
    try {
      const fresh = await buildFromRecord();
      drainQueue(fresh);
      index = fresh;
      post({
        type: 'state',
        state: 'ready',
        size: fresh.size,
        how: 'built',
        ms: Math.round(performance.now() - t0),
      });
      await save();
    } finally {
      rebuilding = false;
    }
  }

  async function start(name: string): Promise<void> {
    appDbName = name;
    const t0 = performance.now();
    searchDb = await openSearchDb(name);
    const db = await app();
    const stored = await loadSnapshot(searchDb).catch(() => undefined);
    let loaded: SearchIndex | null = null;
    if (stored && stored.appDbVersion === db.version) {
      try {
        loaded = SearchIndex.load(stored.json);
      } catch {
        loaded = null; // Not a snapshot this version reads: build instead.
      }
    }
    if (!stored || !loaded) {
      await rebuild();
      started = true;
      return;
    }
    // Catch up on the rows changed since the copy was stored (and a little before: re-reading a
    // row is harmless, missing one is not).
    const journal = await readJournal(searchDb, stored.watermark - JOURNAL_OVERLAP);
    const keys: { [K in SearchedTable]?: Set<string> } = {};
    let needsRebuild = rebuildAfterStart || journal.some((e) => e.rebuild);
    for (const e of journal)
      for (const table of SEARCHED_TABLES)
        for (const k of e.keys[table] ?? []) (keys[table] ??= new Set()).add(k);
    const caughtUp = await refreshRows(loaded, keys);
    drainQueue(loaded);
    loaded.flush();
    index = loaded;
    // Rows written behind the journal's back (a migration, a bulk import, data seeded straight
    // into IndexedDB) show up as counts that differ: rebuild then, answering meanwhile.
    if (!needsRebuild) needsRebuild = !(await countsMatch(loaded));
    post({
      type: 'state',
      state: 'ready',
      size: loaded.size,
      how: 'loaded',
      ms: Math.round(performance.now() - t0),
      caughtUp,
    });
    started = true;
    if (needsRebuild || rebuildAfterStart) await rebuild();
  }

  async function save(): Promise<void> {
    if (!index || !searchDb) return;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    dirtySince = null;
    const db = await app();
    // Read before serialising: every entry up to it is in the index (or within the overlap).
    const watermark = await lastJournalKey(searchDb);
    const json = index.toJSON();
    await saveSnapshot(searchDb, {
      json,
      watermark,
      savedAt: Date.now(),
      appDbVersion: db.version,
    });
  }

  /** Brings the outline up to date shortly after changes, so the next query need not. */
  function scheduleFlush(): void {
    if (flushTimer) return;
    flushTimer = setTimeout(() => {
      flushTimer = null;
      index?.flush();
    }, FLUSH_AFTER_MS);
  }

  function scheduleSave(): void {
    const now = Date.now();
    dirtySince ??= now;
    if (saveTimer) clearTimeout(saveTimer);
    const wait = Math.max(0, Math.min(SAVE_QUIET_MS, dirtySince + SAVE_EVERY_MS - now));
    saveTimer = setTimeout(() => void track(save()).catch(() => undefined), wait);
  }

  function query(id: number, text: string, filters: SearchFilters, maxGroups: number): void {
    const t0 = performance.now();
    if (!index) {
      post({ type: 'results', id, groups: [], total: 0, more: false, tookMs: 0 });
      return;
    }
    const { groups, total, more } = index.search(text, filters, { maxGroups });
    const out: ResultGroup[] = groups.map((g) => ({
      incidentId: g.incidentId,
      ref: g.incident?.ref ?? '',
      title: g.incident?.title ?? 'Runbooks and follow-ups',
      severity: g.incident?.severity ?? null,
      drill: g.incident?.drill ?? false,
      hits: g.hits.map((h) => {
        const key = h.id.slice(h.id.indexOf('/') + 1);
        return {
          id: h.id,
          kind: h.kind,
          label: h.label,
          entryId: h.kind === 'entry' ? key : null,
          runbookId: h.kind === 'runbook' ? key : null,
          occurredAt: h.occurredAt,
          deleted: h.deleted,
          snippet: snippetOf(index?.textOf(h.id) ?? '', h.terms),
        };
      }),
    }));
    post({ type: 'results', id, groups: out, total, more, tookMs: performance.now() - t0 });
  }

  function handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'start':
        void track(start(msg.appDb)).catch((error: unknown) => {
          post({ type: 'state', state: 'failed', size: 0, error: String(error) });
        });
        return;
      case 'changes':
        if (msg.rebuild) {
          if (started) void track(rebuild()).catch(() => undefined);
          else rebuildAfterStart = true;
          return;
        }
        if (!index || rebuilding) queued.push(msg);
        if (index) {
          applyChanges(index, msg.changes);
          scheduleFlush();
          scheduleSave();
        }
        return;
      case 'query':
        try {
          query(msg.id, msg.query, msg.filters, msg.maxGroups);
        } catch (error: unknown) {
          // Answered with nothing rather than never; said where a developer will look.
          console.warn('Warroom: a full-text query failed', error);
          post({ type: 'results', id: msg.id, groups: [], total: 0, more: false, tookMs: 0 });
        }
        return;
    }
  }

  return {
    handle,
    save,
    settled: async () => {
      while (work.size) await Promise.allSettled([...work]);
    },
  };
}
