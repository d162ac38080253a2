import type { Incident } from '../domain/incident';
import type { RoleAssignment } from '../domain/roles';
import { PRIMARY_KEYS, TABLE_NAMES, type TableName, type TableRows } from '../domain/tables';
import type { SystemChange, TimelineEntry } from '../domain/timeline';

/**
 * Change sets: what a command returns and the one commit applies (renderer/db/commit.ts). A
 * change set lists, per table, the rows added, the rows updated (the whole new row) and the
 * primary keys removed, so it can be applied as it is on this seat or, later, on another one.
 */

export { PRIMARY_KEYS, TABLE_NAMES, type TableName, type TableRows };

/**
 * Tables that belong to this seat alone (text being typed) and never travel to another seat.
 * (Which settings are this seat's own — theme, time zone, your name — is for the sync to say.)
 */
export const LOCAL_TABLES: ReadonlySet<TableName> = new Set<TableName>(['drafts']);

/** What one table gains, changes and loses. `updated` rows are whole rows, not patches. */
export interface TableChange<T> {
  readonly added?: readonly T[];
  readonly updated?: readonly T[];
  /** Primary keys of the rows removed. */
  readonly removed?: readonly string[];
}

/** A command's effect: per table, the rows added / updated / removed. */
export type Changes = { readonly [K in TableName]?: TableChange<TableRows[K]> };

/** Where a change set was made: the seat (one install) and the window on it. */
export interface ChangeOrigin {
  /** Stable for one install of the app (one browser profile): a UUID. */
  readonly seat: string;
  /** One per window (page load) of that seat. */
  readonly window: string;
}

/**
 * The unit of change and of sync: stable id (time-ordered UUID v7), when it was committed (ms
 * since the epoch, UTC), where it came from, and what it changes.
 */
export interface ChangeSet {
  readonly id: string;
  /** Commit time, ms since the epoch (UTC). */
  readonly at: number;
  readonly origin: ChangeOrigin;
  readonly changes: Changes;
  /**
   * Set when the rows came from another seat through the record's Yjs documents (this window
   * only projected them): the sync engine does not send such a change set back.
   */
  readonly peer?: boolean;
  /**
   * For each row removed from an incident's table, `table/key` → the incident it belonged to
   * (a removal names the key only; the sync engine needs the incident's document).
   */
  readonly removedFrom?: Readonly<Record<string, string>>;
  /**
   * For each row of a synced table this change set updates, `table/key` → the row as it was
   * stored before (read in the same transaction): the sync engine replays only the fields the
   * command changed.
   */
  readonly previous?: Readonly<Record<string, unknown>>;
}

/** A command's change set and what it leaves for the caller to show (the row it made…). */
export interface Outcome<T> {
  changes: Changes;
  result: T;
}

/** The rows of a table a change set touches, added then updated. */
export function rowsOf<K extends TableName>(changes: Changes, table: K): readonly TableRows[K][] {
  const c = changes[table];
  if (!c) return [];
  if (!c.updated?.length) return c.added ?? [];
  if (!c.added?.length) return c.updated;
  return [...c.added, ...c.updated];
}

/** The primary key of a row of `table`. */
export function keyOf<K extends TableName>(table: K, row: TableRows[K]): string {
  return String(row[PRIMARY_KEYS[table]]);
}

/** The tables a change set writes to. */
export function tablesOf(changes: Changes): TableName[] {
  return TABLE_NAMES.filter((t) => {
    const c = changes[t];
    return !!c && !!(c.added?.length || c.updated?.length || c.removed?.length);
  });
}

/** True when the change set changes nothing. */
export function isEmpty(changes: Changes): boolean {
  return tablesOf(changes).length === 0;
}

interface Slot {
  added: Map<string, unknown>;
  updated: Map<string, unknown>;
  removed: Set<string>;
}

/**
 * Collects a command's rows. Adding, updating or removing the same key twice keeps the last
 * word for that key (an add then an update is still an add, with the newer row). Each call is
 * O(1): a restored backup of 200,000 entries builds in linear time.
 */
export class ChangeBuilder {
  private readonly tables = new Map<TableName, Slot>();

  private slot(table: TableName): Slot {
    let s = this.tables.get(table);
    if (!s) {
      s = { added: new Map(), updated: new Map(), removed: new Set() };
      this.tables.set(table, s);
    }
    return s;
  }

  /** A new row (the commit refuses it if the key is already used). */
  add<K extends TableName>(table: K, row: TableRows[K]): this {
    const s = this.slot(table);
    const key = keyOf(table, row);
    s.removed.delete(key);
    s.updated.delete(key);
    s.added.set(key, row);
    return this;
  }

  /** The whole new version of an existing row (written as it is: put). */
  update<K extends TableName>(table: K, row: TableRows[K]): this {
    const s = this.slot(table);
    const key = keyOf(table, row);
    if (s.added.has(key)) s.added.set(key, row);
    else {
      s.removed.delete(key);
      s.updated.set(key, row);
    }
    return this;
  }

  /** Removes the row with this primary key (nothing happens if it does not exist). */
  remove(table: TableName, key: string): this {
    const s = this.slot(table);
    s.added.delete(key);
    s.updated.delete(key);
    s.removed.add(key);
    return this;
  }

  /** Adds a timeline entry (the record of a change, or a person's entry). */
  record(entry: TimelineEntry): this {
    return this.add('timelineEntries', entry);
  }

  /** Takes every row of another change set into this one. */
  merge(other: Changes): this {
    for (const t of TABLE_NAMES) {
      const c = other[t] as TableChange<TableRows[typeof t]> | undefined;
      if (!c) continue;
      for (const r of c.added ?? []) this.add(t, r);
      for (const r of c.updated ?? []) this.update(t, r);
      for (const k of c.removed ?? []) this.remove(t, k);
    }
    return this;
  }

  /** The change set's rows, in the order they were first given, with empty tables left out. */
  build(): Changes {
    const out: Record<string, TableChange<unknown>> = {};
    for (const t of TABLE_NAMES) {
      const s = this.tables.get(t);
      if (!s) continue;
      const c: { added?: unknown[]; updated?: unknown[]; removed?: string[] } = {};
      if (s.added.size) c.added = [...s.added.values()];
      if (s.updated.size) c.updated = [...s.updated.values()];
      if (s.removed.size) c.removed = [...s.removed];
      if (Object.keys(c).length) out[t] = c;
    }
    return out;
  }
}

/** Starts a change set. */
export function changes(): ChangeBuilder {
  return new ChangeBuilder();
}

// ---------------------------------------------------------------------------------------------
// The record rule: a change of severity, status, title, a milestone or a role holder is never
// "just a field". It travels with the timeline entry that records it, in the same change set,
// so the post-mortem can be rebuilt from the timeline (ARCHITECTURE.md, data flow).

/** Fields of an incident whose change must be recorded, and the entry change types that do. */
const RECORDED_FIELDS: readonly {
  field: string;
  read: (i: Incident) => unknown;
  types: readonly SystemChange['type'][];
}[] = [
  { field: 'severity', read: (i) => i.severity, types: ['severity', 'declared'] },
  { field: 'status', read: (i) => i.status, types: ['status', 'declared'] },
  { field: 'title', read: (i) => i.title, types: ['title', 'declared'] },
  {
    field: 'milestones',
    read: (i) =>
      // Key order is not meaning: compare the milestones set, name by name.
      JSON.stringify(
        Object.entries(i.milestones)
          .filter(([, at]) => at !== undefined && at !== null)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    types: ['milestone', 'status', 'declared', 'reference'],
  },
];

/** One change the record rule refuses: what changed without its entry. */
export interface UnrecordedChange {
  table: 'incidents' | 'roleAssignments';
  key: string;
  field: string;
}

/**
 * The changes in `changes` that lack the timeline entry recording them, given the rows as
 * they were before (`before(table, key)`; undefined for a new row). Empty when the change set
 * keeps the rule. An incident added with no `declared` entry, a severity, status, title or
 * milestone changed without a system entry of that type for the same incident, and a role
 * assignment added, updated or removed without a `role` entry for its incident are all listed.
 * Rows restored from a backup are exempt by passing `{ restoring: true }` (their entries come
 * with them).
 */
export function unrecordedChanges(
  cs: Changes,
  before: (table: 'incidents' | 'roleAssignments', key: string) => unknown,
  opts: { restoring?: boolean } = {},
): UnrecordedChange[] {
  if (opts.restoring) return [];
  const entries = rowsOf(cs, 'timelineEntries');
  const recorded = (incidentId: string, types: readonly SystemChange['type'][]) =>
    entries.some(
      (e) => e.incidentId === incidentId && e.change !== null && types.includes(e.change.type),
    );
  const out: UnrecordedChange[] = [];
  for (const next of rowsOf(cs, 'incidents')) {
    const prev = before('incidents', next.id) as Incident | undefined;
    for (const f of RECORDED_FIELDS) {
      const changed = prev === undefined || f.read(prev) !== f.read(next);
      if (changed && !recorded(next.id, prev === undefined ? ['declared', 'reference'] : f.types))
        out.push({ table: 'incidents', key: next.id, field: f.field });
    }
  }
  const roleIncidents = new Map<string, string>();
  for (const a of rowsOf(cs, 'roleAssignments')) roleIncidents.set(a.id, a.incidentId);
  for (const key of cs.roleAssignments?.removed ?? []) {
    const prev = before('roleAssignments', key) as RoleAssignment | undefined;
    if (prev) roleIncidents.set(key, prev.incidentId);
  }
  for (const [key, incidentId] of roleIncidents)
    if (!recorded(incidentId, ['role', 'declared']))
      out.push({ table: 'roleAssignments', key, field: 'holder' });
  return out;
}
