/** Test-only: a plain in-memory copy of the tables, and two-seat plumbing for Yjs documents. */
import * as Y from 'yjs';
import { keyOf, TABLE_NAMES, type Changes, type TableName } from '../../commands/change-set';
import type { AllRows } from '../record-doc';

/** Tables as maps key → row, changed by applying change sets (what the Dexie tables do). */
export class Store {
  readonly tables = new Map<TableName, Map<string, unknown>>();

  apply(changes: Changes): this {
    for (const t of TABLE_NAMES) {
      const c = changes[t];
      if (!c) continue;
      let m = this.tables.get(t);
      if (!m) this.tables.set(t, (m = new Map<string, unknown>()));
      for (const r of [...(c.added ?? []), ...(c.updated ?? [])])
        m.set(keyOf(t, r as never), structuredClone(r));
      for (const k of c.removed ?? []) m.delete(k);
    }
    return this;
  }

  /** The rows of `tables`, each table sorted by key (tables with no rows left out). */
  rows(tables: readonly TableName[]): AllRows {
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const m = this.tables.get(t);
      if (m?.size) out[t] = [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
    }
    return out;
  }
}

/** `rows` with every table sorted by its primary key, for comparing two reads. */
export function sorted(rows: AllRows): AllRows {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLE_NAMES) {
    const list = rows[t];
    if (!list?.length) continue;
    out[t] = [...list].sort((a, b) => {
      const ka = keyOf(t, a as never);
      const kb = keyOf(t, b as never);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }
  return out;
}

/** Brings `to` up to date with `from` (a state-vector diff, as a relay would). */
export function syncInto(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Two documents brought to the same state both ways. */
export function syncBoth(a: Y.Doc, b: Y.Doc): void {
  syncInto(a, b);
  syncInto(b, a);
}
