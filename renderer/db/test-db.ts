import { WarroomDb } from './schema';

let seq = 0;

/** A fresh, uniquely named database for one test (fake-indexeddb in jsdom). */
export async function freshDb(): Promise<WarroomDb> {
  const db = new WarroomDb(`warroom-test-${Date.now()}-${++seq}`);
  await db.open();
  return db;
}

/**
 * Makes every write (add, put, delete) to one object store fail with `error`, at the IndexedDB
 * level, so it fails whichever path the commit takes (Dexie's or the fast path), the way a full
 * disk would. Returns the function that undoes it. For tests only.
 */
export function failWritesTo(table: string, error: Error | DOMException): () => void {
  const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
  const methods = ['add', 'put', 'delete'] as const;
  const saved = new Map(methods.map((m) => [m, proto[m]]));
  for (const m of methods) {
    const original = saved.get(m) as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
    proto[m] = function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name === table) throw error;
      return original.apply(this, args);
    };
  }
  return () => {
    for (const m of methods) proto[m] = saved.get(m);
  };
}
