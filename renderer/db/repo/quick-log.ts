import Dexie, { RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { WarroomDb } from '../schema';
import type { CommandContext } from './context';
import { makeEntry } from './entries';
import { checkText, type NewEntry } from './timeline';

/**
 * The scribe's Enter is the hottest write in the app, so a plain entry skips Dexie's transaction
 * machinery (about a millisecond per write on a laptop, as much as the write itself) and goes
 * straight to the IndexedDB connection Dexie opened. Dexie is then told what changed, with the
 * same observability parts its own middleware records, so live queries, the timeline feed and
 * other windows see the entry exactly as if Dexie had written it. Anything more than one entry
 * and a draft goes through Dexie as usual.
 */

/** What one table had written: rows put (added or replaced) and primary keys deleted. */
export interface TableWrite {
  table: string;
  put?: readonly object[];
  deleted?: readonly IndexableType[];
}

/**
 * The observability set Dexie's middleware would record for these writes: each table's primary
 * keys (and, with no cached old values, its ":dels" part), and the key every row has in each
 * index. Its own writes are compared against this in the tests.
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

/** Builds a plain entry (trimmed, length-checked: RepoError on 'text') without writing it. */
export function preparePlainEntry(input: NewEntry, ctx: CommandContext): TimelineEntry {
  return makeEntry(input.incidentId, input.kind, checkText(input.text), ctx, {
    occurredAt: input.occurredAt ?? ctx.now,
    audience: input.audience ?? null,
    highlight: input.highlight === true,
  });
}

/**
 * Writes a prepared entry and removes the field's draft in one strict-durability transaction.
 * The requests are issued before this returns (so the caller can render while the disk works);
 * the promise settles when the transaction has committed, or rejects with nothing written.
 */
export function writePlainEntry(
  db: WarroomDb,
  entry: TimelineEntry,
  draftKey?: string,
): Promise<void> {
  const idb = db.isOpen() ? db.backendDB() : null;
  if (!idb) {
    // Closed (another window is upgrading, or it has not opened yet): Dexie reopens it.
    return db.transaction('rw', [db.timelineEntries, db.drafts], async () => {
      await db.timelineEntries.add(entry);
      if (draftKey) await db.drafts.delete(draftKey);
    });
  }
  return new Promise<void>((resolve, reject) => {
    let tx: IDBTransaction | undefined;
    try {
      const stores = draftKey ? ['timelineEntries', 'drafts'] : ['timelineEntries'];
      tx = idb.transaction(stores, 'readwrite', { durability: 'strict' });
      tx.objectStore('timelineEntries').add(entry);
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
      reject(
        error instanceof Error || error instanceof DOMException ? error : new Error(String(error)),
      );
      return;
    }
    // A failed request aborts the whole transaction (nothing is written, the draft stays).
    tx.onabort = () => reject(tx.error ?? new DOMException('The write was aborted.', 'AbortError'));
    tx.oncomplete = () => {
      resolve();
      // Tell Dexie's listeners once the caller has had its turn (the scribe's row is shown as
      // logged first); the same notification Dexie sends when its own transactions commit.
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
