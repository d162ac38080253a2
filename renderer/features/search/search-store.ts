import type { SearchedTable } from '../../../shared/search/documents';

/**
 * The search index's own small IndexedDB database, apart from the record's (the app schema
 * does not change for it, and deleting it loses nothing: the index is rebuilt from the record).
 * Two stores: `snapshot` (the serialised index under the key "index", with when it was taken)
 * and `journal` (the rows each committed change set touched, appended by the app as it commits,
 * so a worker that starts later catches up on exactly those rows). Plain IndexedDB: it runs in
 * the search worker as well as in the page.
 */

export const SEARCH_DB_PREFIX = 'warroom-search';

/** The rows one change set touched: keys per table, or `rebuild` when it did not list them. */
export interface JournalEntry {
  /** When it was written, epoch ms. */
  at: number;
  keys: { [K in SearchedTable]?: string[] };
  rebuild?: boolean;
}

export interface StoredSnapshot {
  /** MiniSearch's index and its bookkeeping, as text (SearchIndex.toJSON). */
  json: string;
  /**
   * The journal's last key when it was taken: entries after it (and a few before, see
   * {@link JOURNAL_OVERLAP}) are replayed on load. A key, not a time: the page's clock and the
   * worker's need not agree.
   */
  watermark: number;
  /** When it was taken, epoch ms (for people reading it). */
  savedAt: number;
  /** The record's database version it was built against: another version rebuilds. */
  appDbVersion: number;
}

/**
 * This many journal entries before a snapshot's watermark are replayed too: a change set posted
 * to the worker while it was serialising may have been journaled before the watermark was read.
 * Re-reading a row is harmless; missing one is not.
 */
export const JOURNAL_OVERLAP = 200;

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens (creating on first use) the search database that goes with the record `appDb`. */
export function openSearchDb(appDb: string): Promise<IDBDatabase> {
  const req = indexedDB.open(`${SEARCH_DB_PREFIX}:${appDb}`, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    db.createObjectStore('snapshot');
    db.createObjectStore('journal', { autoIncrement: true });
  };
  return promised(req).then((db) => {
    // Another tab deleting or upgrading it: let go rather than block it.
    db.onversionchange = () => db.close();
    return db;
  });
}

/** Appends journal entries (the app's side, once per batch of committed change sets). */
export async function appendJournal(db: IDBDatabase, entries: JournalEntry[]): Promise<void> {
  const tx = db.transaction('journal', 'readwrite', { durability: 'relaxed' });
  const store = tx.objectStore('journal');
  for (const e of entries) store.add(e);
  await done(tx);
}

/** Journal entries after key `after`, oldest first. */
export async function readJournal(db: IDBDatabase, after: number): Promise<JournalEntry[]> {
  const range = IDBKeyRange.lowerBound(after, true);
  return promised(
    db.transaction('journal', 'readonly').objectStore('journal').getAll(range) as IDBRequest<
      JournalEntry[]
    >,
  );
}

/** The journal's last key (0 when empty). */
export async function lastJournalKey(db: IDBDatabase): Promise<number> {
  const cursor = await promised(
    db.transaction('journal', 'readonly').objectStore('journal').openKeyCursor(null, 'prev'),
  );
  return typeof cursor?.primaryKey === 'number' ? cursor.primaryKey : 0;
}

export async function loadSnapshot(db: IDBDatabase): Promise<StoredSnapshot | undefined> {
  const row = await promised(
    db.transaction('snapshot', 'readonly').objectStore('snapshot').get('index') as IDBRequest<
      StoredSnapshot | undefined
    >,
  );
  return row && typeof row.json === 'string' ? row : undefined;
}

/**
 * Stores the snapshot and drops the journal entries it makes unnecessary (up to
 * {@link JOURNAL_OVERLAP} before its watermark), in one transaction.
 */
export async function saveSnapshot(db: IDBDatabase, snapshot: StoredSnapshot): Promise<void> {
  const tx = db.transaction(['snapshot', 'journal'], 'readwrite');
  tx.objectStore('snapshot').put(snapshot, 'index');
  const upTo = snapshot.watermark - JOURNAL_OVERLAP;
  if (upTo > 0) tx.objectStore('journal').delete(IDBKeyRange.upperBound(upTo));
  await done(tx);
}

// ---------------------------------------------------------------------------------------------
// Reading the record (read-only; the worker never writes it)

/**
 * Opens the record's existing database read-only in spirit (no version: whatever it is now).
 * Refuses, without creating anything, when it does not exist yet.
 */
export function openAppDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name);
  req.onupgradeneeded = () => req.transaction?.abort();
  return promised(req).then((db) => {
    // The app upgrading its schema (a new release in another window): step aside.
    db.onversionchange = () => db.close();
    return db;
  });
}

/** The rows of `store` with these keys (missing ones: undefined), in key order of `keys`. */
export async function getRows<T>(
  db: IDBDatabase,
  store: string,
  keys: readonly string[],
): Promise<Array<T | undefined>> {
  if (keys.length === 0) return [];
  const os = db.transaction(store, 'readonly').objectStore(store);
  return Promise.all(keys.map((k) => promised(os.get(k) as IDBRequest<T | undefined>)));
}

/** Every row of `store`, read in batches of `batch` and handed to `each` batch by batch. */
export async function scanRows<T>(
  db: IDBDatabase,
  store: string,
  each: (rows: T[]) => void,
  batch = 5_000,
): Promise<void> {
  let after: IDBValidKey | null = null;
  for (;;) {
    const os = db.transaction(store, 'readonly').objectStore(store);
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const [rows, keys]: [T[], IDBValidKey[]] = await Promise.all([
      promised(os.getAll(range, batch) as IDBRequest<T[]>),
      promised(os.getAllKeys(range, batch)),
    ]);
    if (rows.length > 0) each(rows);
    if (rows.length < batch) return;
    after = keys[keys.length - 1] ?? null;
  }
}

/** How many rows `store` holds. */
export function countRows(db: IDBDatabase, store: string): Promise<number> {
  return promised(db.transaction(store, 'readonly').objectStore(store).count());
}
