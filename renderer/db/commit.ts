import Dexie, {
  RangeSet,
  type IndexableType,
  type ObservabilitySet,
  type Transaction,
} from 'dexie';
import {
  ChangeBuilder,
  isEmpty,
  keyOf,
  rowsOf,
  tablesOf,
  TABLE_NAMES,
  unrecordedChanges,
  type Changes,
  type ChangeSet,
  type TableName,
} from '../../shared/commands/change-set';
import { RepoError } from '../../shared/commands/refusal';
import { newId } from '../../shared/domain/ids';
import { mergeUpdatesV2 } from 'yjs';
import type { ReadonlyDb } from './read-view';
import { announce, thisOrigin } from './change-events';

export {
  BROADCAST_ROWS_MAX,
  subscribeChanges,
  thisOrigin,
  type ChangeEvent,
  type ChangeListener,
} from './change-events';
import { asWritten } from './write-guard';
import type { WarroomDb } from './schema';
import { trackWrite } from './writes-settled';

export { readSettled, writesSettled } from './writes-settled';

/**
 * The one write gateway. Every write the app makes is a change set (shared/commands/
 * change-set.ts) applied here, atomically, with strict durability (WarroomDb's default), and
 * then announced as a typed change event to this window and every other window of the app.
 * Nothing else in renderer/ opens a write transaction or calls a table's write method (lint
 * enforces it: see eslint.config.js).
 */

// ---------------------------------------------------------------------------------------------
// Commit

/**
 * A write that failed before its change set was known (the transaction could not even start:
 * the connection is closed, the disk is full) is still announced as failed, with an empty
 * change set, so the storage recovery hears of it. A command's refusal is not a failure of the
 * storage and is not announced.
 */
function announceStorageFailure(db: WarroomDb, error: unknown): void {
  if (error instanceof RepoError || error instanceof UnrecordedChangeError) return;
  announce(db, { status: 'failed', changeSet: stamp({}), error });
}

/** Thrown when a change set breaks the record rule (a bug in the command that made it). */
export class UnrecordedChangeError extends Error {
  constructor(readonly problems: ReturnType<typeof unrecordedChanges>) {
    super(
      `A change without its timeline entry: ${problems
        .map((p) => `${p.table}/${p.key}.${p.field}`)
        .join(', ')}`,
    );
    this.name = 'UnrecordedChangeError';
  }
}

export interface CommitOptions {
  /** Rows restored from a backup: exempt from the record rule (their entries come with them). */
  restoring?: boolean;
  /**
   * The scribe's entry, made by `logEntry` (shared/commands/timeline-entry.ts), whose row is
   * checked as it is built: one entry and its draft's removal take the fast path on the native
   * connection. Any other change set goes through Dexie and its write guard.
   */
  scribeEntry?: boolean;
  /**
   * Rows projected from the record's Yjs documents after another seat changed them
   * (renderer/sync): exempt from the record rule (the entries travel in the same documents, and
   * may arrive in another update), announced with `peer: true` so the sync engine does not send
   * them back into the documents they came from.
   */
  fromPeer?: boolean;
}

/**
 * The change set as it was stored: each row replaced by the copy the write guard wrote (text
 * cleaned), so what is announced to this window, other windows and (later) other seats is what
 * the disk holds.
 */
function asStored(cs: ChangeSet): ChangeSet {
  const out: Record<string, unknown> = {};
  for (const t of TABLE_NAMES) {
    const c = cs.changes[t];
    if (!c) continue;
    out[t] = {
      ...c,
      ...(c.added ? { added: c.added.map((r: object) => asWritten(r)) } : {}),
      ...(c.updated ? { updated: c.updated.map((r: object) => asWritten(r)) } : {}),
    };
  }
  return { ...cs, changes: out };
}

/**
 * A change set as it is announced. `owners` (filled while it is applied) says which incident
 * each removed row of an incident's table belonged to.
 */
function stamp(changes: Changes, peer = false, owners?: Before): ChangeSet {
  return {
    id: newId(),
    at: Date.now(),
    origin: thisOrigin(),
    changes,
    ...(peer ? { peer } : {}),
    ...(owners ? { removedFrom: owners.removedFrom, previous: owners.previous } : {}),
  };
}

/** True for a change set the scribe's Enter makes: one entry added, maybe its draft removed. */
function isQuickEntry(cs: Changes): boolean {
  const tables = tablesOf(cs);
  const entries = cs.timelineEntries;
  if (!entries || entries.added?.length !== 1 || entries.updated?.length || entries.removed?.length)
    return false;
  if (tables.length === 1) return true;
  const drafts = cs.drafts;
  return (
    tables.length === 2 &&
    !!drafts &&
    !drafts.added?.length &&
    !drafts.updated?.length &&
    (drafts.removed?.length ?? 0) <= 1
  );
}

/**
 * Applies a change set's rows inside the caller's Dexie write transaction: adds (refused with
 * ConstraintError if the key exists), puts for updates, deletes for removals, table by table.
 */
/** Tables whose rows belong to one incident (their `incidentId`), so to its Yjs document. */
const INCIDENT_OWNED: readonly TableName[] = [
  'timelineEntries',
  'roleAssignments',
  'hypotheses',
  'commsUpdates',
  'actionItems',
  'postmortems',
];

/**
 * Reads, before they are deleted, which incident each removed row of an incident's table belonged
 * to (a change set names removed rows by key only): `table/key` → incident id, into `owners`.
 */
async function ownersOfRemoved(db: WarroomDb, cs: Changes, before: Before): Promise<void> {
  const owners = before.removedFrom;
  for (const t of INCIDENT_OWNED) {
    const keys = cs[t]?.removed;
    if (!keys?.length) continue;
    const rows = (await db.table(t).bulkGet([...keys])) as ({ incidentId?: string } | undefined)[];
    keys.forEach((k, i) => {
      const id = rows[i]?.incidentId;
      if (id) owners[`${t}/${k}`] = id;
    });
  }
  for (const k of cs.incidents?.removed ?? []) owners[`incidents/${k}`] = k;
}

/** Tables whose rows travel to other seats (the record's documents). */
const SYNCED: readonly TableName[] = [
  'incidents',
  ...INCIDENT_OWNED,
  'people',
  'services',
  'runbooks',
];

/**
 * Reads, before they are overwritten, the stored versions of the rows a change set updates in
 * the synced tables (`table/key` → row): the sync engine replays only what the command changed
 * (the fields that differ), so a peer's change to another field is not put back. A row already
 * read for this change set keeps its first version (the one before every command in it).
 */
async function previousOfUpdated(db: WarroomDb, cs: Changes, before: Before): Promise<void> {
  for (const t of SYNCED) {
    const rows = cs[t]?.updated;
    if (!rows?.length) continue;
    const keys = rows.map((r) => keyOf(t, r as never));
    const stored = (await db.table(t).bulkGet(keys)) as unknown[];
    keys.forEach((k, i) => {
      // Several commands in one change set (inOneCommit: `/status identified <what>` sets the
      // status, then the understanding): the row as it was before the first of them is the
      // one to diff against, or the first command's fields would not be replayed.
      const at = `${t}/${k}`;
      if (stored[i] !== undefined && !(at in before.previous)) before.previous[at] = stored[i];
    });
  }
}

/**
 * Keeps the change set in `syncOutbox`, in the commit's own transaction, until the sync engine
 * has replayed it into the documents (renderer/sync): a window that goes away in between still
 * gets the change to the other seats on its next start. Not for rows projected from peers
 * (already in the documents) nor for restored backups (replayed from the change event only).
 */
async function keepForSync(db: WarroomDb, cs: ChangeSet, opts: CommitOptions): Promise<void> {
  if (opts.fromPeer || opts.restoring) return;
  if (!tablesOf(cs.changes).some((t) => SYNCED.includes(t))) return;
  await db.syncOutbox.put({ id: cs.id, changeSet: asStored(cs) });
}

/** The change sets kept for the sync engine (oldest first). */
export function readOutbox(db: WarroomDb): Promise<{ id: string; changeSet: ChangeSet }[]> {
  return db.syncOutbox.orderBy('id').toArray();
}

/** Forgets change sets the sync engine has replayed into the documents. */
export async function clearOutbox(db: WarroomDb, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.syncOutbox.bulkDelete([...ids]);
}

function hasSyncedUpdates(cs: Changes): boolean {
  return SYNCED.some((t) => cs[t]?.updated?.length);
}

/** What a change set replaced, read in its transaction before it is applied. */
interface Before {
  removedFrom: Record<string, string>;
  previous: Record<string, unknown>;
}

function newBefore(): Before {
  return { removedFrom: {}, previous: {} };
}

function hasRemovals(cs: Changes): boolean {
  return !!cs.incidents?.removed?.length || INCIDENT_OWNED.some((t) => cs[t]?.removed?.length);
}

/** Removed-row owners gathered for each change set being built by {@link inOneCommit}. */
const batchOwners = new WeakMap<ChangeBuilder, Before>();

async function applyIn(
  db: WarroomDb,
  cs: Changes,
  opts: CommitOptions,
  owners?: Before,
): Promise<void> {
  // Only awaited when there is something to look up: an await of a promise that is not
  // Dexie's own would let an otherwise idle transaction commit early (PrematureCommitError).
  if (owners && !opts.restoring && hasRemovals(cs)) await ownersOfRemoved(db, cs, owners);
  if (owners && !opts.restoring && !opts.fromPeer && hasSyncedUpdates(cs))
    await previousOfUpdated(db, cs, owners);
  const incidentKeys = rowsOf(cs, 'incidents').map((r) => r.id);
  const roleKeys = cs.roleAssignments?.removed ?? [];
  if (
    !opts.restoring &&
    !opts.fromPeer &&
    (incidentKeys.length || roleKeys.length || cs.roleAssignments)
  ) {
    const [incidents, roles] = await Promise.all([
      db.incidents.bulkGet(incidentKeys),
      db.roleAssignments.bulkGet([...roleKeys]),
    ]);
    const before = new Map<string, unknown>();
    incidentKeys.forEach((k, i) => before.set(`incidents/${k}`, incidents[i]));
    roleKeys.forEach((k, i) => before.set(`roleAssignments/${k}`, roles[i]));
    const problems = unrecordedChanges(cs, (t, k) => before.get(`${t}/${k}`));
    if (problems.length) throw new UnrecordedChangeError(problems);
  }
  for (const t of TABLE_NAMES) {
    const c = cs[t];
    if (!c) continue;
    const table = db.table(t);
    if (c.removed?.length) await table.bulkDelete([...c.removed]);
    if (c.added?.length) await table.bulkAdd([...c.added]);
    if (c.updated?.length) await table.bulkPut([...c.updated]);
  }
}

/** The tables a Dexie write transaction for this change set must hold. */
function txTables(db: WarroomDb, cs: Changes, extra: readonly TableName[] = []) {
  const names = new Set<TableName>([...tablesOf(cs), ...extra]);
  if (cs.incidents || cs.roleAssignments) {
    names.add('incidents');
    names.add('roleAssignments');
  }
  return [...names].map((n) => db.table(n));
}

/**
 * Writes a change set atomically and announces it. Resolves with the stamped change set once
 * it is on disk; rejects with nothing written when the storage refuses it (QuotaExceededError,
 * a closed connection, ConstraintError for a key already used: classify with
 * repo/errors.ts) or with {@link UnrecordedChangeError} when it breaks the record rule. An
 * empty change set writes nothing and announces nothing.
 */
export function commit(
  db: WarroomDb,
  changes: Changes,
  opts: CommitOptions = {},
): Promise<ChangeSet> {
  const owners = newBefore();
  const cs = stamp(changes, !!opts.fromPeer, owners);
  if (isEmpty(changes)) return Promise.resolve(cs);
  const outer = openBatch();
  if (outer)
    return applyIn(db, changes, opts, batchOwners.get(outer)).then(
      () => (outer.merge(changes), cs),
    );
  if (opts.scribeEntry && isQuickEntry(changes) && db.isOpen())
    return trackWrite(db, commitQuick(db, cs));
  announce(db, { status: 'pending', changeSet: cs });
  const written = db
    .transaction('rw', [...txTables(db, changes), db.syncOutbox], async () => {
      await applyIn(db, changes, opts, owners);
      await keepForSync(db, cs, opts);
    })
    .then(
      () => {
        const stored = asStored(cs);
        announce(db, { status: 'committed', changeSet: stored });
        return stored;
      },
      (error: unknown) => {
        announce(db, { status: 'failed', changeSet: cs, error });
        throw error;
      },
    );
  return trackWrite(db, written);
}

/**
 * Runs a command inside one write transaction: `plan` reads the facts it needs through the
 * read-only view (consistent with the write that follows), then returns the change set and
 * a result for the caller; the change set is applied in the same transaction and announced
 * once committed. `tables` names every table `plan` reads; those the change set writes are
 * added. Errors `plan` throws (a RepoError refusal naming the field) reject with nothing
 * written; storage failures as {@link commit}.
 */
export function runCommand<R>(
  db: WarroomDb,
  tables: readonly TableName[],
  plan: (read: ReadonlyDb) => Promise<{ changes: Changes; result: R }>,
  opts: CommitOptions = {},
): Promise<R> {
  // Inside an enclosing inOneCommit, that one is the write being tracked.
  if (openBatch()) return runPlanned(db, tables, plan, opts);
  return trackWrite(db, runPlanned(db, tables, plan, opts));
}

/** {@link runCommand}'s work, untracked. */
async function runPlanned<R>(
  db: WarroomDb,
  tables: readonly TableName[],
  plan: (read: ReadonlyDb) => Promise<{ changes: Changes; result: R }>,
  opts: CommitOptions,
): Promise<R> {
  const outer = openBatch();
  if (outer) {
    // Part of a larger command (see {@link inOneCommit}): its transaction holds every table.
    const inner = await plan(db);
    await applyIn(db, inner.changes, opts, batchOwners.get(outer));
    outer.merge(inner.changes);
    return inner.result;
  }
  let planned: { changes: Changes; result: R } | undefined;
  let cs: ChangeSet | undefined;
  const owners = newBefore();
  // The tables the change set will write are not known until plan has run, and Dexie needs
  // them up front: take every table the command might touch (cheap: IndexedDB locks by store,
  // and write transactions queue behind each other anyway).
  const scope = [...new Set<TableName>([...tables, ...TABLE_NAMES])].map((n) => db.table(n));
  try {
    await db.transaction('rw', [...scope, db.syncOutbox], async () => {
      planned = await plan(db);
      cs = stamp(planned.changes, false, owners);
      if (isEmpty(planned.changes)) return;
      announce(db, { status: 'pending', changeSet: cs });
      await applyIn(db, planned.changes, opts, owners);
      await keepForSync(db, cs, opts);
    });
  } catch (error) {
    if (cs && planned && !isEmpty(planned.changes))
      announce(db, { status: 'failed', changeSet: cs, error });
    else announceStorageFailure(db, error);
    throw error;
  }
  if (cs && planned && !isEmpty(planned.changes))
    announce(db, { status: 'committed', changeSet: cs });
  return planned!.result;
}

// ---------------------------------------------------------------------------------------------
// Several commands as one

const batches = new WeakMap<Transaction, ChangeBuilder>();

/** The change set being gathered by an enclosing {@link inOneCommit}, if this code runs in it. */
function openBatch(): ChangeBuilder | undefined {
  for (let t: Transaction | undefined = Dexie.currentTransaction ?? undefined; t; t = t.parent) {
    const b = batches.get(t);
    if (b) return b;
  }
  return undefined;
}

/**
 * Runs several commands as one change set: every {@link runCommand} and {@link commit} called
 * inside `scope` (awaited, in its async flow) is applied in one write transaction over every
 * table, and the whole is announced once, as one change set, when it has committed. A log line
 * that sets the status and the current understanding is one change, on this seat and others.
 * Rejects with nothing written if any part throws.
 */
export function inOneCommit<R>(db: WarroomDb, scope: () => Promise<R>): Promise<R> {
  if (openBatch()) return scope();
  return trackWrite(db, commitGathered(db, scope));
}

/** {@link inOneCommit}'s work outside any enclosing one, untracked. */
async function commitGathered<R>(db: WarroomDb, scope: () => Promise<R>): Promise<R> {
  const gathered = new ChangeBuilder();
  const owners = newBefore();
  batchOwners.set(gathered, owners);
  let cs: ChangeSet | undefined;
  let result: R;
  try {
    result = await db.transaction(
      'rw',
      [...TABLE_NAMES.map((n) => db.table(n)), db.syncOutbox],
      async (tx) => {
        batches.set(tx, gathered);
        const r = await scope();
        cs = stamp(gathered.build(), false, owners);
        if (!isEmpty(cs.changes)) {
          announce(db, { status: 'pending', changeSet: cs });
          await keepForSync(db, cs, {});
        }
        return r;
      },
    );
  } catch (error) {
    if (cs && !isEmpty(cs.changes)) announce(db, { status: 'failed', changeSet: cs, error });
    else announceStorageFailure(db, error);
    throw error;
  }
  if (cs && !isEmpty(cs.changes)) announce(db, { status: 'committed', changeSet: asStored(cs) });
  return result;
}

// ---------------------------------------------------------------------------------------------
// The scribe's fast path

/** What one table had written: rows put (added or replaced) and primary keys deleted. */
interface TableWrite {
  table: string;
  put?: readonly object[];
  deleted?: readonly IndexableType[];
}

/**
 * The observability set Dexie's middleware would record for these writes: each table's primary
 * keys (and, with no cached old values, its ":dels" part), and the key every row has in each
 * index, so live queries re-run exactly as if Dexie had written the rows.
 */
export function observedParts(db: WarroomDb, writes: readonly TableWrite[]): ObservabilitySet {
  const parts: Record<string, RangeSet> = {};
  const dbName = db.core.schema.name;
  for (const w of writes) {
    const schema = db.core.table(w.table).schema;
    const set = (index: string): RangeSet => {
      const name = `idb://${dbName}/${w.table}/${index}`;
      return (parts[name] ??= new RangeSet());
    };
    const rows = w.put ?? [];
    const keys = [
      ...rows.map((r) => schema.primaryKey.extractKey?.(r) as IndexableType),
      ...(w.deleted ?? []),
    ];
    if (keys.length === 0) continue;
    set('').addKeys(keys);
    set(':dels').addKeys(keys);
    for (const index of schema.indexes) {
      // Virtual indexes (compound-index prefixes Dexie answers queries with) are not recorded.
      if (index.lowLevelIndex && index.lowLevelIndex.name !== index.name) continue;
      const range = set(index.name ?? '');
      for (const row of rows) {
        const key: unknown = index.extractKey?.(row);
        if (key == null) continue;
        if (index.multiEntry && Array.isArray(key))
          for (const k of key as IndexableType[]) range.addKey(k);
        else range.addKey(key as IndexableType);
      }
    }
  }
  return parts satisfies ObservabilitySet;
}

/**
 * The scribe's Enter is the hottest write in the app, so a change set of one entry (and its
 * draft's removal) skips Dexie's transaction machinery (about a millisecond per write on a
 * laptop, as much as the write itself) and goes straight to the IndexedDB connection Dexie
 * opened, strict durability, committed as soon as the requests are issued. Dexie's live queries
 * are then told what changed with the same notice its own writes send (Dexie has no other way
 * to hear of a write it did not make). Only the scribe's own command asks for it
 * ({@link CommitOptions.scribeEntry}): its row is checked as it is built (text cleaned and held
 * to the limits, times from the parser), so the write guard's parse is not repeated here.
 */
function commitQuick(db: WarroomDb, asked: ChangeSet): Promise<ChangeSet> {
  const cs = asked;
  const entry = cs.changes.timelineEntries!.added![0]!;
  const draftKey = cs.changes.drafts?.removed?.[0];
  const idb = db.backendDB();
  announce(db, { status: 'pending', changeSet: cs });
  return new Promise<ChangeSet>((resolve, reject) => {
    const fail = (error: Error | DOMException) => {
      announce(db, { status: 'failed', changeSet: cs, error });
      reject(error);
    };
    let tx: IDBTransaction | undefined;
    try {
      const stores = draftKey
        ? ['timelineEntries', 'drafts', 'syncOutbox']
        : ['timelineEntries', 'syncOutbox'];
      tx = idb.transaction(stores, 'readwrite', { durability: 'strict' });
      tx.objectStore('timelineEntries').add(entry);
      // Kept for the sync engine in the same transaction (see keepForSync).
      tx.objectStore('syncOutbox').put({ id: cs.id, changeSet: cs });
      if (draftKey) tx.objectStore('drafts').delete(draftKey);
      // Nothing else will be asked of it: commit as soon as the disk is done, without waiting
      // for this (possibly busy) thread to see the requests' success events first.
      if (typeof tx.commit === 'function') tx.commit();
    } catch (error) {
      // Whatever was already asked must not land once the caller has been told it failed.
      try {
        tx?.abort();
      } catch {
        // Already finished or never started: nothing to undo.
      }
      fail(
        error instanceof Error || error instanceof DOMException ? error : new Error(String(error)),
      );
      return;
    }
    // A failed request aborts the whole transaction (nothing is written, the draft stays).
    tx.onabort = () => fail(tx.error ?? new DOMException('The write was aborted.', 'AbortError'));
    tx.oncomplete = () => {
      announce(db, { status: 'committed', changeSet: cs });
      resolve(cs);
      // Dexie's live queries hear of it once the caller has had its turn (the scribe's row is
      // shown first); the same notice Dexie sends when its own transactions commit, which also
      // reaches Dexie in other windows.
      setTimeout(() => {
        Dexie.on.storagemutated.fire(
          observedParts(db, [
            { table: 'timelineEntries', put: [entry] },
            { table: 'drafts', deleted: draftKey ? [draftKey] : [] },
          ]),
        );
      });
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The record's Yjs documents (renderer/sync)

/**
 * Makes sure each named Yjs document has its row in `syncDocs` (y-dexie destroys a document
 * whose row is missing), leaving existing rows as they are. Never called inside another
 * transaction: y-dexie's own update writes must not join a transaction that may abort.
 */
export async function ensureDocRows(db: WarroomDb, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db.transaction('rw', db.syncDocs, async () => {
    const found = await db.syncDocs.bulkGet([...names]);
    const missing = names.filter((_, i) => !found[i]);
    if (missing.length) await db.syncDocs.bulkPut(missing.map((name) => ({ name }) as never));
  });
}

/** Records that a document now holds what this seat's tables held (see SyncDocRow.seededAt). */
export async function markDocSeeded(db: WarroomDb, name: string, at: number): Promise<void> {
  await db.syncDocs.update(name, { seededAt: at });
}

/** Rows one {@link mergeRecentUpdates} reads at most, and bytes it merges per document at most. */
export const MERGE_MAX_ROWS = 1_000;
const MERGE_MAX_BYTES = 1_000_000;

/** y-dexie's name for the updates table of `syncDocs.doc`. */
const UPDATES_TABLE = '$syncDocs.doc_updates';

/** A row of y-dexie's updates table: `i` auto-incremented, `k` the document, `u` a V2 update,
 * `f` 1 on updates made on this seat. Row 0 is y-dexie's compaction marker (`lastCompressed`). */
interface UpdateRow {
  i: number;
  k: string;
  u: Uint8Array;
  f?: number;
}

/**
 * The newest rows of `rows` (oldest first) whose updates hold at most `maxBytes` together, oldest
 * first: merging only a newest run keeps every merged update at or after its old place.
 */
function newestWithin(rows: UpdateRow[], maxBytes: number): UpdateRow[] {
  let bytes = 0;
  let start = rows.length;
  while (start > 0) {
    bytes += (rows[start - 1] as UpdateRow).u.byteLength;
    if (bytes > maxBytes) break;
    start -= 1;
  }
  return rows.slice(start);
}

/**
 * Merges, per document, the updates y-dexie stored since its last compaction into one row (at
 * the newest one's place), so the table stays short between y-dexie's own compactions (every
 * 5 minutes). renderer/sync/doc-store.ts calls it every MERGE_EVERY_UPDATES stored updates.
 *
 * Why: y-dexie keeps each loaded document current with a live query over the updates stored
 * after a mark, filtered by document in JavaScript. Unpatched, the mark was the document's own
 * last update, so a document nobody writes to re-read every update the others stored since, on
 * every write (BENCHMARKS.md runs H2 and O); patches/y-dexie+4.4.0.patch removed that cause (run
 * P). The merge stays: each live query still re-reads the rows stored after its mark, a long
 * merged-away tail is fewer rows for that and for y-dexie's own compaction, and a seat on an
 * unpatched install still gets the bound it gave.
 *
 * The merge is `Y.mergeUpdatesV2`, which holds exactly what the merged updates held. A
 * document's oldest row is never merged: it is y-dexie's base when it compacts, and had it moved
 * to the newest place, a compaction running at that moment would write everything back at an
 * older place than the newest update, where a window whose live query had already read past it
 * would never see it. It runs in one transaction, so y-dexie's own writes are serialised around
 * it; a document whose query already read some of the merged updates reads the merged row again
 * and Yjs ignores what it holds. Reads the newest {@link MERGE_MAX_ROWS} rows at most, and merges
 * a document's newest rows up to {@link MERGE_MAX_BYTES} of updates (the older rest of a bigger
 * batch, such as a seeded big incident, is left to y-dexie's own compaction), so one merge's work
 * stays bounded.
 * Resolves with the number of rows removed; rejects with Dexie's error when the table cannot be
 * written.
 */
export async function mergeRecentUpdates(db: WarroomDb): Promise<number> {
  return db.transaction('rw', UPDATES_TABLE, async () => {
    const table = db.table<UpdateRow | { i: 0; lastCompressed?: number }, number>(UPDATES_TABLE);
    const marker = (await table.get(0)) as { lastCompressed?: number } | undefined;
    const from = marker?.lastCompressed ?? 0;
    // Numbers only: syncer rows have string keys, which sort after every number. The newest
    // rows, oldest first: a burst of writes is what the live queries keep re-reading, and the
    // rows of a big incident seeded at start (over MERGE_MAX_BYTES) must not stall the merge.
    const rows = (
      (await table
        .where('i')
        .between(from, Infinity, false, false)
        .reverse()
        .limit(MERGE_MAX_ROWS)
        .toArray()) as UpdateRow[]
    ).reverse();
    const byDoc = new Map<string, UpdateRow[]>();
    for (const row of rows) {
      if (typeof row.k !== 'string' || !ArrayBuffer.isView(row.u)) continue;
      const list = byDoc.get(row.k);
      if (list) list.push(row);
      else byDoc.set(row.k, [row]);
    }
    let removed = 0;
    for (const [k, found] of byDoc) {
      // A document's oldest row is y-dexie's base when it compacts (`where({k}).first()`): merged
      // away, the compaction would write everything at an older place than the newest update,
      // and a window whose live query had read past that place would never see it. Left alone.
      const oldest = (await table.where('k').equals(k).first()) as UpdateRow | undefined;
      const after = found[0]?.i === oldest?.i ? found.slice(1) : found;
      const list = newestWithin(after, MERGE_MAX_BYTES);
      if (list.length < 2) continue;
      const last = list[list.length - 1] as UpdateRow;
      const merged: UpdateRow = { i: last.i, k, u: mergeUpdatesV2(list.map((r) => r.u)) };
      if (list.some((r) => r.f)) merged.f = 1;
      await table.put(merged);
      await table.bulkDelete(list.slice(0, -1).map((r) => r.i));
      removed += list.length - 1;
    }
    return removed;
  });
}

// ---------------------------------------------------------------------------------------------
// Proving the disk

/** The key of the probe row written (and removed in the same transaction) to test the disk. */
export const PROBE_KEY = '__warroom-probe__';

/**
 * Proves that a write can succeed (db/recovery.ts): a strict-durability transaction that writes
 * and removes one drafts row, announced to nobody (nothing changed). Rejects with the storage's
 * error when the disk is full or the connection is gone.
 */
export async function probeWrite(db: WarroomDb): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    await db.drafts.put({ key: PROBE_KEY, text: '', updatedAt: Date.now() });
    await db.drafts.delete(PROBE_KEY);
  });
}

/** The key of a row of `table` (re-exported for listeners patching their own lists). */
export { keyOf };
