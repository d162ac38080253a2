import Dexie from 'dexie';
import * as Y from 'yjs';
import {
  ChangeBuilder,
  isEmpty,
  type Changes,
  type ChangeSet,
  type TableName,
  type TableRows,
} from '../../shared/commands/change-set';
import {
  DIRECTORY_DOC,
  DIRECTORY_TABLES,
  INCIDENT_TABLES,
  incidentDocName,
  incidentIdOfDoc,
  splitChangesByDoc,
} from '../../shared/sync/doc-names';
import { applyChanges, changedKeys, entryField, readRows } from '../../shared/sync/record-doc';
import { mergeText } from '../../shared/logic/text-merge';
import { rebaseRow } from '../../shared/sync/rebase';
import { resolveIncident, settleDoc } from '../../shared/sync/conflicts';
import { clearOutbox, commit, readOutbox, subscribeChanges, thisOrigin } from '../db/commit';
import type { WarroomDb } from '../db/schema';
import { trustRows } from '../db/write-guard';
import { DocStore, LOCAL_ORIGIN, SEED_ORIGIN, SETTLE_ORIGIN } from './doc-store';
import { idle } from './idle';

/**
 * The multi-seat engine's core, on every seat whether or not it is in a war room:
 * - every change set this window commits is replayed into the record's Yjs documents (after it
 *   is on disk, outside any transaction: a Yjs change must never sit in a transaction that may
 *   abort, see ../shared/research/multi-seat-sync.md), so the documents always hold the record;
 * - every change that reaches a document from elsewhere (another seat through the relay, another
 *   window of this seat through y-dexie) is projected into the tables, as a change set committed
 *   with `fromPeer`, after the conflict rules (shared/sync/conflicts.ts) have settled it.
 */

const INCIDENT_TABLES_READ: readonly TableName[] = [
  'timelineEntries',
  'roleAssignments',
  'hypotheses',
  'commsUpdates',
  'actionItems',
];

/** What this seat's tables hold for one document: the seed of a document opened for the first time. */
export async function tablesHeldFor(db: WarroomDb, docName: string): Promise<Changes> {
  const b = new ChangeBuilder();
  if (docName === DIRECTORY_DOC) {
    const [people, services, runbooks] = await Promise.all([
      db.people.toArray(),
      db.services.toArray(),
      db.runbooks.toArray(),
    ]);
    for (const r of people) b.update('people', r);
    for (const r of services) b.update('services', r);
    for (const r of runbooks) b.update('runbooks', r);
    return b.build();
  }
  const id = incidentIdOfDoc(docName);
  if (!id) return {};
  await db.transaction(
    'r',
    [db.incidents, db.postmortems, ...INCIDENT_TABLES_READ.map((t) => db.table(t))],
    async () => {
      const incident = await db.incidents.get(id);
      if (incident) b.update('incidents', incident);
      for (const t of INCIDENT_TABLES_READ) {
        const rows = (await db
          .table(t)
          .where('incidentId')
          .equals(id)
          .toArray()) as TableRows[typeof t][];
        for (const r of rows) b.update(t, r);
      }
      const pm = await db.postmortems.get(id);
      if (pm) b.update('postmortems', pm);
    },
  );
  return b.build();
}

/** How long after its replay a change set leaves the outbox (ms): y-dexie's write has landed. */
export const OUTBOX_GRACE_MS = 1_000;

/**
 * Updates from peers arriving within this long of the last projection are gathered for this
 * long before the next one (ms): a reconnect's thousand updates become a few commits.
 */
export const BURST_WINDOW_MS = 30;

/** Per table, the keys of rows changed by one Yjs transaction. */
type Touched = Map<TableName, Set<string>>;

export class SyncEngine {
  readonly docs: DocStore;
  private stopListening: (() => void) | null = null;
  private readonly observed = new WeakSet<Y.Doc>();
  /** Docs with projection work queued, and the keys to project. */
  private readonly pending = new Map<string, { doc: Y.Doc; touched: Touched; settle: boolean }>();
  private flushScheduled = false;
  private projecting: Promise<void> = Promise.resolve();
  /** Local change sets replayed into documents since the count was last cleared. */
  private readonly localListeners = new Set<(docNames: readonly string[]) => void>();
  /** Errors of the engine (storage full while persisting a document…), for the status line. */
  private readonly errorListeners = new Set<(error: unknown) => void>();

  constructor(private readonly db: WarroomDb) {
    this.docs = new DocStore(db, (name) => tablesHeldFor(db, name));
    this.docs.onLoaded((name, doc) => this.observe(name, doc));
  }

  /**
   * Starts replaying this window's change sets into the documents: first whatever the outbox
   * still holds (change sets committed just before the last window went away), then each new
   * one as it commits. A change set leaves the outbox a moment after its replay (once y-dexie's
   * write of the document update has had time to land); replaying one twice changes nothing.
   */
  start(): void {
    if (this.stopListening) return;
    const me = thisOrigin().window;
    this.stopListening = subscribeChanges(this.db, (e) => {
      if (e.status !== 'committed') return;
      const cs = e.changeSet;
      if (cs.peer || cs.origin.window !== me) return;
      // Never on the path of the write that was just acknowledged: a task later.
      setTimeout(() => void this.replay(cs).then(() => this.replayed(cs.id)), 0);
    });
    this.outboxDone = readOutbox(this.db)
      .then(async (rows) => {
        for (const row of rows) await this.replay(row.changeSet);
        for (const row of rows) this.replayed(row.id);
      })
      .catch((error: unknown) => this.fail(error));
  }

  /** Resolves once the outbox found at start has been replayed (tests). */
  outboxDone: Promise<void> = Promise.resolve();

  private readonly done: string[] = [];
  private clearTimer: ReturnType<typeof setTimeout> | null = null;

  private replayed(id: string): void {
    this.done.push(id);
    if (this.clearTimer) return;
    this.clearTimer = setTimeout(() => {
      this.clearTimer = null;
      const ids = this.done.splice(0);
      clearOutbox(this.db, ids).catch((error: unknown) => this.fail(error));
    }, OUTBOX_GRACE_MS);
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = null;
    if (this.clearTimer) clearTimeout(this.clearTimer);
    this.clearTimer = null;
  }

  /** Called with the documents each replayed local change set touched. */
  onLocalChange(listener: (docNames: readonly string[]) => void): () => void {
    this.localListeners.add(listener);
    return () => this.localListeners.delete(listener);
  }

  onError(listener: (error: unknown) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  private fail(error: unknown): void {
    for (const l of [...this.errorListeners]) l(error);
    if (this.errorListeners.size === 0) console.error('Warroom sync:', error);
  }

  /** Replays one committed local change set into the documents it touches, in commit order. */
  replay(cs: ChangeSet): Promise<void> {
    const owners = cs.removedFrom ?? {};
    const byDoc = splitChangesByDoc(cs.changes, (table, key) => {
      const incident = owners[`${table}/${key}`];
      return incident ? incidentDocName(incident) : undefined;
    });
    const names = [...byDoc.keys()];
    if (names.length === 0) return Promise.resolve();
    const done = names.map((name) =>
      this.docs.open(name).then((doc) => {
        const changes = this.rebase(doc, byDoc.get(name)!, cs.previous ?? {});
        Dexie.ignoreTransaction(() => applyChanges(doc, changes, LOCAL_ORIGIN));
      }),
    );
    for (const l of [...this.localListeners]) l(names);
    return Promise.all(done).then(
      () => undefined,
      (error: unknown) => this.fail(error),
    );
  }

  /**
   * A change set carries whole rows as this seat read them; meanwhile the document may hold a
   * peer's change to the same rows (a pin, a deletion, another sentence in a post-mortem
   * section) that this seat has not seen yet. Each updated row is therefore rebased onto the
   * document's current row: only the fields the command changed (stored row before → row
   * written) are replayed, and a changed post-mortem section is merged three ways, so both
   * people's words are kept. Returns the rebased change set.
   */
  private rebase(
    doc: Y.Doc,
    changes: Changes,
    previous: Readonly<Record<string, unknown>>,
  ): Changes {
    const out: Record<string, unknown> = { ...changes };
    const textMerge =
      (t: TableName) => (path: readonly string[], b: string, a: string, cur: string) =>
        t === 'postmortems' && path[0] === 'sections' ? mergeText(b, a, cur) : a;
    for (const t of Object.keys(changes) as TableName[]) {
      const c = changes[t];
      if (!c) continue;
      const next: Record<string, unknown> = { ...c };
      if (c.updated?.length) {
        const keys = c.updated.map((r) => keyOfRow(t, r));
        if (keys.some((k) => previous[`${t}/${k}`] !== undefined)) {
          const current = readRows(doc, t, keys);
          next.updated = c.updated.map((row, i) => {
            const before = previous[`${t}/${keys[i]}`];
            const now = current[i];
            if (!before || !now) return row;
            return rebaseRow(before, row as object, now as object, textMerge(t));
          });
        }
      }
      // A post-mortem created on two seats at once: this seat's sections are merged into the
      // other's instead of replacing them.
      if (t === 'postmortems' && c.added?.length) {
        const rows = c.added as TableRows['postmortems'][];
        const current = readRows(
          doc,
          'postmortems',
          rows.map((r) => r.incidentId),
        );
        next.added = rows.map((row, i) => {
          const now = current[i];
          return now ? rebaseRow({ ...now, sections: {} }, row, now, textMerge(t)) : row;
        });
      }
      out[t] = next;
    }
    return out;
  }

  private observe(name: string, doc: Y.Doc): void {
    if (this.observed.has(doc)) return;
    this.observed.add(doc);
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      // This window's own replays are projected too: a peer's projection may have overwritten
      // the rows in the tables before the replay put this window's change in the document.
      if (tr.origin === SEED_ORIGIN) return;
      const touched = changedKeys(tr);
      if (touched.size === 0) return;
      this.queue(name, doc, touched, tr.origin !== SETTLE_ORIGIN);
    });
  }

  private queue(name: string, doc: Y.Doc, touched: Touched, settle: boolean): void {
    let p = this.pending.get(name);
    if (!p) {
      p = { doc, touched: new Map(), settle: false };
      this.pending.set(name, p);
    }
    for (const [t, keys] of touched) {
      let set = p.touched.get(t);
      if (!set) p.touched.set(t, (set = new Set()));
      for (const k of keys) set.add(k);
    }
    p.settle ||= settle;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // One update on its own is projected a task later. Many arriving back to back (a seat
      // catching up after a reconnect sends them one message each) are gathered for a moment
      // and projected as one change set per document instead of one commit per update.
      const now = Date.now();
      const burst = now - this.lastFlushAt < BURST_WINDOW_MS;
      setTimeout(
        () => {
          this.flushScheduled = false;
          this.lastFlushAt = Date.now();
          const batch = [...this.pending.entries()];
          this.pending.clear();
          this.projecting = this.projecting
            .then(() => this.projectAll(batch))
            .catch((error: unknown) => this.fail(error));
        },
        burst ? BURST_WINDOW_MS : 0,
      );
    }
  }

  private lastFlushAt = 0;

  /** Resolves once every projection queued so far is in the tables (tests, benchmarks). */
  async settled(): Promise<void> {
    for (;;) {
      const before = this.projecting;
      await new Promise((r) => setTimeout(r, 0));
      await before;
      if (before === this.projecting && !this.flushScheduled && this.pending.size === 0) return;
    }
  }

  private async projectAll(
    batch: [string, { doc: Y.Doc; touched: Touched; settle: boolean }][],
  ): Promise<void> {
    for (const [name, { doc, touched, settle }] of batch) {
      if (settle && incidentIdOfDoc(name)) {
        const fix = settleDoc(doc, Date.now());
        // Applied as a change of its own (projected in the next round); every seat that sees
        // the same conflict writes the same rows, so Yjs keeps one of each.
        if (!isEmpty(fix)) Dexie.ignoreTransaction(() => applyChanges(doc, fix, SETTLE_ORIGIN));
      }
      const changes = await projectionOf(this.db, doc, name, touched);
      if (!isEmpty(changes)) await commit(this.db, changes, { fromPeer: true });
    }
  }

  /**
   * The first start after the upgrade to multi-seat: every incident (and the directory) gets
   * its document, seeded from the tables, a few at a time in idle moments so the console never
   * waits on it. Documents already seeded are skipped, so it is cheap on every later start.
   * Resolves with the number of documents seeded.
   */
  async migrate(): Promise<number> {
    const ids = await this.db.incidents.toCollection().primaryKeys();
    const names = [DIRECTORY_DOC, ...ids.map(incidentDocName)];
    return this.docs.seedAll(names, idle);
  }

  /**
   * Rebuilds this document's rows in the tables from the document: every row the document
   * holds is written where the tables differ, every row the tables hold for it that the document
   * does not is removed. (After a crash between a peer's update reaching disk and its
   * projection; and the test that the projection can always be rebuilt.)
   */
  async rebuild(name: string): Promise<void> {
    const doc = await this.docs.open(name);
    const touched: Touched = new Map();
    // Rows the tables hold that the document lacks are removed (incident tables: same keys).
    const held = incidentIdOfDoc(name) ? await tablesHeldFor(this.db, name) : {};
    for (const t of Object.keys(held) as TableName[]) {
      const c = held[t];
      const keys = new Set<string>();
      for (const r of [...(c?.added ?? []), ...(c?.updated ?? [])]) keys.add(keyOfRow(t, r));
      touched.set(t, keys);
    }
    for (const [t, keys] of allKeys(doc, name)) {
      const set = touched.get(t) ?? new Set<string>();
      for (const k of keys) set.add(k);
      touched.set(t, set);
    }
    const changes = await projectionOf(this.db, doc, name, touched);
    if (!isEmpty(changes)) await commit(this.db, changes, { fromPeer: true });
  }
}

/**
 * The system entries of an incident document (the conflict rules need only those): picked by
 * kind before they are read and checked, so a 50,000-entry timeline is not parsed whole for
 * every change a peer makes.
 */
function systemEntries(doc: Y.Doc): TableRows['timelineEntries'][] {
  const keys: string[] = [];
  for (const [key, row] of doc.getMap('timelineEntries').entries())
    if (row instanceof Y.Map && entryField(row as Y.Map<unknown>, 'kind') === 'system')
      keys.push(key);
  return readRows(doc, 'timelineEntries', keys).filter(
    (r): r is TableRows['timelineEntries'] => !!r,
  );
}

function keyOfRow(table: TableName, row: unknown): string {
  const r = row as Record<string, unknown>;
  return String(table === 'postmortems' ? r.incidentId : r.id);
}

/** Every key of every table map in a document. */
function allKeys(doc: Y.Doc, name: string): Touched {
  const out: Touched = new Map();
  const tables = incidentIdOfDoc(name) ? INCIDENT_TABLES : DIRECTORY_TABLES;
  for (const t of tables) out.set(t, new Set(doc.getMap(t).keys()));
  return out;
}

/** Equal as data, whatever the order of their fields. */
function sameRow(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/**
 * From this many rows of one table on, the projection first asks which of them the tables hold
 * at all (one request for the incident's keys) and reads only those: a reconnect brings a
 * peer's 1,000 new entries, and one get request per entry, each answered for nothing, kept the
 * browser's IndexedDB busy for about 150 ms on a two-core machine (BENCHMARKS.md run V).
 */
export const KEY_SCAN_FROM = 64;

/**
 * The rows the tables hold under `keys` (undefined where none), in the same order. Rows of an
 * incident's own tables, when there are many, are looked up among the incident's keys first.
 */
async function heldRows(
  db: WarroomDb,
  table: TableName,
  incidentId: string | null,
  keys: readonly string[],
): Promise<unknown[]> {
  const t = db.table(table);
  if (!incidentId || keys.length < KEY_SCAN_FROM || !INCIDENT_OWNED_TABLES.has(table))
    return (await t.bulkGet([...keys])) as unknown[];
  const held = new Set(
    (await t.where('incidentId').equals(incidentId).primaryKeys()) as unknown as string[],
  );
  const present = keys.filter((k) => held.has(k));
  if (present.length === 0) return keys.map(() => undefined);
  const rows = (await t.bulkGet(present)) as unknown[];
  const byKey = new Map(present.map((k, i) => [k, rows[i]]));
  return keys.map((k) => byKey.get(k));
}

/** Tables whose rows belong to one incident, indexed by `incidentId`, keyed by `id`. */
const INCIDENT_OWNED_TABLES: ReadonlySet<TableName> = new Set(INCIDENT_TABLES_READ);

/**
 * The change set that makes the tables agree with the document for the touched rows: rows the
 * document holds are put (incident rows resolved by the conflict rules), rows it no longer holds
 * are removed; rows already equal are left alone. People and services keep one row per name: a
 * row of the same name under another id (entered on another seat) gives way.
 */
async function projectionOf(
  db: WarroomDb,
  doc: Y.Doc,
  name: string,
  touched: Touched,
): Promise<Changes> {
  const b = new ChangeBuilder();
  const incidentId = incidentIdOfDoc(name);
  if (incidentId && !touched.has('incidents')) {
    // A severity or status entry changes what the incident's current values are.
    const entries = touched.get('timelineEntries');
    if (entries?.size) touched.set('incidents', new Set([incidentId]));
  }
  for (const [table, keySet] of touched) {
    const docKeys = [...keySet];
    if (docKeys.length === 0) continue;
    // Directory rows are keyed by name in the document, by id in the tables.
    const byName = table === 'people' || table === 'services';
    const fromDoc = readRows(doc, table, docKeys) as unknown[];
    // readRows returns each row as its table's schema parsed it, the same check the write
    // guard makes: the guard need not parse them again (a peer's 1,000 entries: about 100 ms of
    // a 350 ms bulkPut, BENCHMARKS.md run Q). Rows changed below (an incident resolved from its
    // entries) are new objects, and the guard checks those.
    trustRows(fromDoc.filter((r): r is object => typeof r === 'object' && r !== null));
    const tableKeys = docKeys.map((k, i) => (fromDoc[i] ? keyOfRow(table, fromDoc[i]) : k));
    const fromTables = await heldRows(db, table, incidentId, tableKeys);
    for (let i = 0; i < docKeys.length; i++) {
      let row = fromDoc[i];
      if (row && table === 'incidents') {
        const entries = systemEntries(doc);
        row = resolveIncident(row as TableRows['incidents'], entries);
      }
      const held = fromTables[i];
      if (!row) {
        // Peers never delete whole incidents or directory entries here; an incident's rows can go.
        if (held && table !== 'incidents' && !byName) b.remove(table, tableKeys[i]!);
        continue;
      }
      if (held && sameRow(held, row)) continue;
      if (byName) {
        const r = row as { id: string; name: string };
        const clash = (await db.table(table).where('name').equals(r.name).toArray()) as {
          id: string;
        }[];
        for (const c of clash) if (c.id !== r.id) b.remove(table, c.id);
      }
      b.update(table, row as never);
    }
  }
  return b.build();
}
