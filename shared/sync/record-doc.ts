import * as Y from 'yjs';
import {
  PRIMARY_KEYS,
  TABLE_NAMES,
  type Changes,
  type TableChange,
  type TableName,
  type TableRows,
} from '../commands/change-set';
import { TABLE_SCHEMAS } from '../domain/tables';
import type { ContributingCause } from '../domain/records';
import { nameKey } from '../domain/text';
import { normaliseCauseTag } from '../logic/causes';
import { isLocalTable, SYNCED_TABLES } from './doc-names';

/**
 * The layout of a record document (an incident's, or the directory) and the mapping between it
 * and table rows. Pure: yjs only.
 *
 * - One top-level Y.Map per table (`doc.getMap(table)`), keyed by the row's primary key; each
 *   row is a Y.Map of its top-level fields, so two seats editing different fields of one row both
 *   keep their edit (field-level merge). Values are JSON (arrays are replaced whole).
 * - The incident row's nested objects (impact, milestones, cadence and each audience's cadence,
 *   dismissedSuggestions, detection) are nested Y.Maps, so their fields merge independently too.
 *   A post-mortem's `timelineChoices` likewise, and its contributing causes, kept as a map keyed
 *   by normalised tag (see causesToMap) so causes added on two seats at once both stay.
 * - Post-mortem section texts are top-level `doc.getText('postmortem.section.<name>')` (named
 *   top-level types merge by name; a Y.Text created under a map key by two seats would lose one),
 *   edited by a minimal diff so two people editing one section merge by character. The row's
 *   `sections` field holds a Y.Map of section name → true (so an empty section exists too).
 * - Directory: people and services are keyed by their normalised name ({@link directoryKey}), not
 *   by id, so the same name entered on two seats becomes one entry rather than two rows clashing
 *   on the projection's unique `&name` index. When both seats create the entry at once, Yjs keeps
 *   one of the two whole rows (its last-writer-wins on the map key: the winner is the same on every
 *   seat but follows Yjs client ids, not the clock); later writes to an existing entry merge field
 *   by field, the id included. A second map `<table>#ids` (id → name key) remembers every id
 *   written, so a row whose id lost can be reported as gone ({@link changedKeys}).
 *
 * - Timeline entries, the bulk of an incident's document, are packed ({@link packEntry}): a new
 *   entry's row map holds one field `r`, the row as created in a compact form (short names for
 *   the five fields every entry has, no id, no incident id, no field at its default value). A
 *   later change to a field writes that field under its own name beside `r`, and it wins over
 *   `r`; so two seats changing different fields of one entry still both keep their change. A
 *   10,000-entry document is about 2.4× smaller, and about 4.6× smaller in memory once loaded
 *   (BENCHMARKS.md run O). Rows written before the packing (every field under its own name, no
 *   `r`) are read and updated as they are.
 *
 * Caveat shared by every nested Y.Map: if two seats create the same row (or nested map) at once,
 * one creation wins whole. Rows are created once (ids are UUIDs), except the post-mortem row
 * (keyed by incident) and directory entries (by name), where the loss is the other seat's
 * non-text fields; section texts are top-level and never lost.
 */

/** Prefix of the top-level Y.Text holding one post-mortem section. */
export const SECTION_TEXT_PREFIX = 'postmortem.section.';

/** The top-level Y.Text name of post-mortem section `name`. */
export function sectionTextName(name: string): string {
  return SECTION_TEXT_PREFIX + name;
}

/** Tables of the directory keyed by normalised name instead of id. */
const NAME_KEYED: ReadonlySet<TableName> = new Set<TableName>(['people', 'services']);

/** The top-level map remembering id → name key for a name-keyed table. */
function idsMapName(table: TableName): string {
  return `${table}#ids`;
}

/**
 * The key of a person or service in the directory document: its `nameKey` (shared/domain/text.ts:
 * Unicode NFKC, zero-width spaces, word joiners, BOMs and soft hyphens removed, trimmed, inner
 * white space made one space, lower-cased; "  Ｂob  Smith" → "bob smith").
 */
export function directoryKey(name: string): string {
  return nameKey(name);
}

/** Nested-map depth of each field, per table (0 or absent: a plain JSON value). */
const NESTED: Partial<Record<TableName, Readonly<Record<string, number>>>> = {
  incidents: { impact: 1, milestones: 1, cadence: 2, dismissedSuggestions: 1, detection: 1 },
  postmortems: { timelineChoices: 1, causes: 1 },
};

type Json = unknown;
// Yjs types its shared types by their event type, which is `any` in its own declarations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YType = Y.AbstractType<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type YEventAny = Y.YEvent<any>;
type Depth = (field: string) => number;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Deep equality of JSON values; an object key holding undefined counts as absent. */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameJson(v, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
  }
  return false;
}

/** A JSON copy without undefined object fields (Yjs stores values by reference locally). */
function cleanJson(v: Json): Json {
  if (Array.isArray(v)) return v.map(cleanJson);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = cleanJson(x);
    return out;
  }
  return v;
}

/** A Y.Map's content as plain JSON (nested Y.Maps become objects). */
function toPlain(v: unknown): Json {
  if (v instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.entries()) out[k] = toPlain(x);
    return out;
  }
  if (v instanceof Y.AbstractType) return v.toJSON();
  return v;
}

/**
 * Writes `obj` into `ymap`: fields whose value changed are set (nested maps recursed into by
 * `depth`), fields absent from `obj` (or undefined) are deleted, unchanged ones are not touched.
 */
function writeFields(
  ymap: Y.Map<unknown>,
  obj: Record<string, unknown>,
  depth: Depth,
  keep?: string,
): void {
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const cur = ymap.get(k);
    const d = depth(k);
    if (d > 0 && isPlainObject(v)) {
      let nested = cur;
      if (!(nested instanceof Y.Map)) {
        nested = new Y.Map<unknown>();
        ymap.set(k, nested);
      }
      writeFields(nested as Y.Map<unknown>, v, () => d - 1);
    } else if (cur instanceof Y.AbstractType || !sameJson(cur, v)) {
      ymap.set(k, cleanJson(v));
    }
  }
  for (const k of [...ymap.keys()]) if (obj[k] === undefined && k !== keep) ymap.delete(k);
}

/** The row Y.Map under `key` of `table`'s map, created when missing. */
function rowMap(doc: Y.Doc, table: TableName, key: string): Y.Map<unknown> {
  const map = doc.getMap<unknown>(table);
  const cur = map.get(key);
  if (cur instanceof Y.Map) return cur as Y.Map<unknown>;
  const created = new Y.Map<unknown>();
  map.set(key, created);
  return created;
}

/** The field of a packed timeline entry's row map holding the row as created. */
const ENTRY_BASE = 'r';
/** Short names in a packed entry for the fields every entry has. */
const ENTRY_SHORT: Readonly<Record<string, string>> = {
  kind: 'k',
  text: 't',
  occurredAt: 'o',
  loggedAt: 'l',
  author: 'a',
};
const ENTRY_LONG: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ENTRY_SHORT).map(([long, short]) => [short, long]),
);
/** Field values a packed entry leaves out (TABLE_SCHEMAS.timelineEntries: all required). */
const ENTRY_DEFAULTS: Readonly<Record<string, unknown>> = {
  pinned: false,
  deletedAt: null,
  revisions: [],
  change: null,
  audience: null,
};
/**
 * The top-level map of an incident document's own facts (`incidentId`, set by the first packed
 * entry written). Relies on every entry of a document belonging to its incident, which
 * shared/sync/doc-names.ts guarantees (entries go to `incident:<their incidentId>`); a packed
 * entry of another incident would keep its `incidentId` in `r`.
 */
const META_MAP = 'meta';

/** The incident id of an incident document: from its `meta` map, else its one incident row. */
function docIncidentId(doc: Y.Doc): string | undefined {
  const id = doc.getMap<unknown>(META_MAP).get('incidentId');
  if (typeof id === 'string') return id;
  const incidents = doc.share.has('incidents') ? doc.getMap('incidents') : null;
  if (incidents && incidents.size === 1) return [...incidents.keys()][0];
  return undefined;
}

/**
 * A timeline entry row in its packed form (the `r` field): `kind`, `text`, `occurredAt`,
 * `loggedAt` and `author` as `k`, `t`, `o`, `l`, `a`; `l` left out when it equals `o` (not
 * backdated); `id` left out (it is the map key), `incidentId` when it is the document's; fields at
 * their default (not pinned, not deleted, no revisions, no change, no audience) and undefined
 * ones left out. Other fields keep their names. Pure; the row is not changed.
 */
export function packEntry(
  row: Record<string, unknown>,
  incidentId?: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(row)) {
    if (v === undefined || f === 'id') continue;
    if (f === 'incidentId' && v === incidentId) continue;
    if (f === 'loggedAt' && v === row.occurredAt) continue;
    if (Object.hasOwn(ENTRY_DEFAULTS, f) && sameJson(v, ENTRY_DEFAULTS[f])) continue;
    out[ENTRY_SHORT[f] ?? f] = cleanJson(v);
  }
  return out;
}

/** The row back from {@link packEntry}'s form (a fresh object; defaults filled in). */
export function unpackEntry(packed: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...ENTRY_DEFAULTS, revisions: [] };
  for (const [f, v] of Object.entries(packed)) out[ENTRY_LONG[f] ?? f] = cleanJson(v);
  if (out.loggedAt === undefined && out.occurredAt !== undefined) out.loggedAt = out.occurredAt;
  return out;
}

/**
 * The plain row of a timeline entry's row map: a packed one is its `r` unpacked with the fields
 * written since laid over it (a field written as null whose default is not null means the field
 * was taken away); a row from before the packing is its fields as they are. `id` is the map key;
 * a missing `incidentId` is the document's.
 */
function plainEntry(doc: Y.Doc, key: string, entry: Y.Map<unknown>): Record<string, unknown> {
  const base = entry.get(ENTRY_BASE);
  if (!isPlainObject(base)) return toPlain(entry) as Record<string, unknown>;
  const row = unpackEntry(base);
  for (const [f, v] of entry.entries()) {
    if (f === ENTRY_BASE) continue;
    if (v === null && ENTRY_DEFAULTS[f] !== null) delete row[f];
    else row[f] = toPlain(v);
  }
  row.id = key;
  if (row.incidentId === undefined) {
    const incidentId = docIncidentId(doc);
    if (incidentId !== undefined) row.incidentId = incidentId;
  }
  return row;
}

/**
 * One field of a timeline entry's row map, packed or not, without reading the rest (for picking
 * entries by kind or change before they are read whole): undefined when absent. Not for `id` or
 * `incidentId` (the map key and the document's); a row from before the packing answers only the
 * fields it holds.
 */
export function entryField(entry: Y.Map<unknown>, field: string): unknown {
  if (entry.has(field)) {
    const v = entry.get(field);
    return v === null && ENTRY_DEFAULTS[field] !== null ? undefined : v;
  }
  const base = entry.get(ENTRY_BASE);
  if (!isPlainObject(base)) return undefined;
  const v = base[ENTRY_SHORT[field] ?? field];
  if (v !== undefined) return v;
  if (field === 'loggedAt') return base[ENTRY_SHORT.occurredAt ?? ''];
  // A copy: the defaults are shared.
  return cleanJson(ENTRY_DEFAULTS[field]);
}

/**
 * Writes a timeline entry: a new one packed into `r` (and the document's incident id noted in
 * its `meta` map, once); an existing packed one by writing, under its own name, each field whose
 * value differs from what the row reads as now (a field taken away: its key beside `r` deleted,
 * or null written when `r` holds it); one from before the packing field by field as before.
 */
function writeEntry(doc: Y.Doc, row: TableRows['timelineEntries']): void {
  const map = doc.getMap<unknown>('timelineEntries');
  const cur = map.get(row.id);
  const fields = row as unknown as Record<string, unknown>;
  if (!(cur instanceof Y.Map)) {
    const meta = doc.getMap<unknown>(META_MAP);
    if (meta.get('incidentId') === undefined) meta.set('incidentId', row.incidentId);
    const created = new Y.Map<unknown>();
    map.set(row.id, created);
    created.set(ENTRY_BASE, packEntry(fields, meta.get('incidentId') as string));
    return;
  }
  const entry = cur as Y.Map<unknown>;
  if (!entry.has(ENTRY_BASE)) return writeFields(entry, fields, () => 0);
  const have = plainEntry(doc, row.id, entry);
  const base = entry.get(ENTRY_BASE) as Record<string, unknown>;
  for (const f of new Set([...Object.keys(fields), ...Object.keys(have)])) {
    if (f === 'id') continue;
    const next = fields[f];
    if (sameJson(next, have[f])) continue;
    if (next !== undefined) entry.set(f, cleanJson(next));
    // A field taken away: deleting what was written beside `r` is enough when `r` lacks it (and,
    // as before the packing, a value another seat sets at the same moment then stays).
    else if (base[ENTRY_SHORT[f] ?? f] === undefined) entry.delete(f);
    else entry.set(f, null);
  }
}

/**
 * Replaces the text of `ytext` by `next` with one delete and one insert between the common
 * prefix and suffix, never splitting a UTF-16 surrogate pair. Unchanged text: no operation.
 */
export function diffIntoText(ytext: Y.Text, next: string): void {
  const cur = ytext.toJSON();
  if (cur === next) return;
  let start = 0;
  const max = Math.min(cur.length, next.length);
  while (start < max && cur.charCodeAt(start) === next.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(cur.charCodeAt(start - 1))) start--;
  let end = 0;
  while (
    end < max - start &&
    cur.charCodeAt(cur.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  )
    end++;
  if (end > 0 && isLowSurrogate(cur.charCodeAt(cur.length - end))) end--;
  const removed = cur.length - start - end;
  if (removed > 0) ytext.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) ytext.insert(start, inserted);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function writePostmortem(doc: Y.Doc, row: TableRows['postmortems']): void {
  const { sections, causes, ...rest } = row;
  const ymap = rowMap(doc, 'postmortems', row.incidentId);
  const fields =
    causes === undefined ? rest : { ...rest, causes: causesToMap(causes, ymap.get('causes')) };
  writeFields(ymap, fields, (f) => NESTED.postmortems?.[f] ?? 0, 'sections');
  let names = ymap.get('sections');
  if (!(names instanceof Y.Map)) {
    names = new Y.Map<unknown>();
    ymap.set('sections', names);
  }
  const marks = names as Y.Map<unknown>;
  for (const [name, text] of Object.entries(sections)) {
    if (marks.get(name) !== true) marks.set(name, true);
    diffIntoText(doc.getText(sectionTextName(name)), text);
  }
  for (const name of [...marks.keys()]) {
    if (Object.hasOwn(sections, name)) continue;
    marks.delete(name);
    const t = doc.getText(sectionTextName(name));
    if (t.length) t.delete(0, t.length);
  }
}

function writeNamed(doc: Y.Doc, table: 'people' | 'services', row: { id: string; name: string }) {
  const key = directoryKey(row.name);
  const ids = doc.getMap<string>(idsMapName(table));
  const was = ids.get(row.id);
  if (was !== undefined && was !== key) {
    // Renamed: the entry moves to its new name key.
    const old = doc.getMap<unknown>(table).get(was);
    if (old instanceof Y.Map && old.get('id') === row.id) doc.getMap(table).delete(was);
  }
  if (was !== key) ids.set(row.id, key);
  writeFields(rowMap(doc, table, key), row, () => 0);
}

function removeNamed(doc: Y.Doc, table: TableName, id: string): void {
  const ids = doc.getMap<string>(idsMapName(table));
  const map = doc.getMap<unknown>(table);
  let key = ids.get(id);
  if (key === undefined)
    for (const [k, v] of map.entries()) if (v instanceof Y.Map && v.get('id') === id) key = k;
  if (ids.has(id)) ids.delete(id);
  if (key === undefined) return;
  const entry = map.get(key);
  if (entry instanceof Y.Map && entry.get('id') === id) map.delete(key);
}

function writeRow<K extends TableName>(doc: Y.Doc, table: K, row: TableRows[K]): void {
  if (table === 'postmortems') return writePostmortem(doc, row as TableRows['postmortems']);
  if (table === 'people' || table === 'services')
    return writeNamed(doc, table, row as TableRows['people']);
  if (table === 'timelineEntries') return writeEntry(doc, row as TableRows['timelineEntries']);
  const key = String(row[PRIMARY_KEYS[table]]);
  const depth = NESTED[table];
  writeFields(rowMap(doc, table, key), row, depth ? (f) => depth[f] ?? 0 : () => 0);
}

function removeRow(doc: Y.Doc, table: TableName, key: string): void {
  if (NAME_KEYED.has(table)) return removeNamed(doc, table, key);
  const map = doc.getMap<unknown>(table);
  if (map.has(key)) map.delete(key);
  if (table === 'postmortems')
    for (const name of [...doc.share.keys()]) {
      if (!name.startsWith(SECTION_TEXT_PREFIX)) continue;
      const text = doc.getText(name);
      if (text.length) text.delete(0, text.length);
    }
}

/**
 * Applies `changes` to `doc` in one `doc.transact(…, origin)`: added and updated rows are
 * written field by field (only fields whose value changed; fields absent from the row deleted),
 * removed keys deleted. Rows of local tables (drafts, settings) are skipped. The caller passes
 * the part of a change set meant for this document ({@link splitChangesByDoc}); the rows are
 * expected to be valid (TABLE_SCHEMAS): this function does not check them. Throws nothing of
 * its own.
 */
export function applyChanges(doc: Y.Doc, changes: Changes, origin?: unknown): void {
  doc.transact(() => {
    for (const table of TABLE_NAMES) {
      if (isLocalTable(table)) continue;
      const c = changes[table] as TableChange<TableRows[typeof table]> | undefined;
      if (!c) continue;
      for (const row of c.added ?? []) writeRow(doc, table, row);
      for (const row of c.updated ?? []) writeRow(doc, table, row);
      for (const key of c.removed ?? []) removeRow(doc, table, key);
    }
  }, origin);
}

/** Names of the post-mortem sections present in `doc`: marked ones and any non-empty text. */
function sectionNames(doc: Y.Doc, marks: unknown): Set<string> {
  const names = new Set<string>(marks instanceof Y.Map ? [...marks.keys()] : []);
  for (const [name] of doc.share) {
    if (!name.startsWith(SECTION_TEXT_PREFIX)) continue;
    const section = name.slice(SECTION_TEXT_PREFIX.length);
    if (!names.has(section) && doc.getText(name).length > 0) names.add(section);
  }
  return names;
}

/** The plain row held by `entry` of `table` (before schema validation). */
/**
 * A post-mortem's contributing causes as the document keeps them: a map keyed by the normalised
 * tag ({@link normaliseCauseTag}), each value the cause and its place (`order`). Two seats
 * adding different causes at once set different keys and both stay (a list would be one value,
 * the last write winning); the same cause added on both is one key. A cause already in the
 * document keeps its place, so removing one never rewrites the others (a concurrent write to a
 * key would beat the other seat's removal of it); a new cause goes after the last.
 */
function causesToMap(
  causes: readonly ContributingCause[],
  current: unknown,
): Record<string, unknown> {
  const held = current instanceof Y.Map ? (current as Y.Map<unknown>) : null;
  const placeOf = (key: string): number | null => {
    const v = held?.get(key);
    return isPlainObject(v) && typeof v.order === 'number' ? v.order : null;
  };
  let next = 0;
  for (const v of held?.values() ?? [])
    if (isPlainObject(v) && typeof v.order === 'number') next = Math.max(next, v.order + 1);
  const out: Record<string, unknown> = {};
  causes.forEach((c, i) => {
    const key = normaliseCauseTag(c.tag) || `#${i}`;
    if (Object.hasOwn(out, key)) return;
    out[key] = { tag: c.tag, category: c.category, order: placeOf(key) ?? next++ };
  });
  return out;
}

/** The list back from {@link causesToMap}'s map: by place, then key (a list kept as is). */
function causesFromMap(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  return Object.entries(value)
    .map(([key, v]) => ({ key, v: v as { tag?: unknown; category?: unknown; order?: unknown } }))
    .sort(
      (a, b) =>
        (typeof a.v.order === 'number' ? a.v.order : 0) -
          (typeof b.v.order === 'number' ? b.v.order : 0) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .map(({ v }) => ({ tag: v.tag, category: v.category }));
}

function plainRow(
  doc: Y.Doc,
  table: TableName,
  key: string,
  entry: Y.Map<unknown>,
): Record<string, unknown> {
  if (table === 'timelineEntries') return plainEntry(doc, key, entry);
  const row = toPlain(entry) as Record<string, unknown>;
  if (table === 'postmortems') {
    if (row.causes !== undefined) row.causes = causesFromMap(row.causes);
    const sections: Record<string, string> = {};
    for (const name of [...sectionNames(doc, entry.get('sections'))].sort())
      sections[name] = doc.getText(sectionTextName(name)).toJSON();
    row.sections = sections;
  }
  return row;
}

/** What {@link readRows} calls for a row that fails its table's schema (then left out). */
export type InvalidRow = (table: TableName, key: string, error: unknown) => void;

function readEntry<K extends TableName>(
  doc: Y.Doc,
  table: K,
  key: string,
  entry: unknown,
  onInvalid: InvalidRow | undefined,
): TableRows[K] | undefined {
  if (!(entry instanceof Y.Map)) return undefined;
  const parsed = TABLE_SCHEMAS[table].safeParse(plainRow(doc, table, key, entry as Y.Map<unknown>));
  if (parsed.success) return parsed.data;
  onInvalid?.(table, key, parsed.error);
  return undefined;
}

/** The map key under which the row with primary key `key` sits (name key for people/services). */
function entryOf(doc: Y.Doc, table: TableName, key: string): unknown {
  const map = doc.getMap<unknown>(table);
  if (!NAME_KEYED.has(table)) return map.get(key);
  const nameKey = doc.getMap<string>(idsMapName(table)).get(key);
  const entry = nameKey === undefined ? undefined : map.get(nameKey);
  return entry instanceof Y.Map && entry.get('id') === key ? entry : undefined;
}

/**
 * The rows of `table` held in `doc`, as plain objects checked against TABLE_SCHEMAS (a fresh
 * copy: mutating them does not touch the document). Without `keys`: every row, in map order.
 * With `keys` (primary keys; ids for people and services): one slot per key, undefined where
 * the document holds no such row (removed, or a directory entry whose id lost to another
 * seat's). A row failing its schema (a peer's bad write, or merged text over its limit) counts as
 * absent and is reported to `onInvalid`.
 */
export function readRows<K extends TableName>(
  doc: Y.Doc,
  table: K,
  keys: readonly string[],
  onInvalid?: InvalidRow,
): (TableRows[K] | undefined)[];
export function readRows<K extends TableName>(
  doc: Y.Doc,
  table: K,
  keys?: undefined,
  onInvalid?: InvalidRow,
): TableRows[K][];
export function readRows<K extends TableName>(
  doc: Y.Doc,
  table: K,
  keys?: readonly string[],
  onInvalid?: InvalidRow,
): (TableRows[K] | undefined)[] {
  if (keys) return keys.map((k) => readEntry(doc, table, k, entryOf(doc, table, k), onInvalid));
  const out: TableRows[K][] = [];
  for (const [k, entry] of doc.getMap<unknown>(table).entries()) {
    const row = readEntry(doc, table, k, entry, onInvalid);
    if (row) out.push(row);
  }
  return out;
}

/** Every row of a document, per table. */
export type AllRows = { [K in TableName]?: TableRows[K][] };

/** Every row `doc` holds, per synced table (tables with no rows left out). See {@link readRows}. */
export function readAllRows(doc: Y.Doc, onInvalid?: InvalidRow): AllRows {
  const out: Record<string, unknown[]> = {};
  for (const table of SYNCED_TABLES) {
    if (!doc.share.has(table)) continue;
    const rows = readRows(doc, table, undefined, onInvalid);
    if (rows.length) out[table] = rows;
  }
  return out;
}

/** Rows changed by a transaction, per table: primary keys (ids for people and services). */
export type ChangedKeys = Map<TableName, Set<string>>;

function rootName(doc: Y.Doc, type: YType): string | undefined {
  for (const [name, t] of doc.share) if (t === type) return name;
  return undefined;
}

/**
 * Which rows a Yjs transaction changed, to re-project only those: pass the transaction (from
 * `doc.on('afterTransaction')`) or the events of `observeDeep` on the table maps. Reported per
 * table, by primary key: rows added, changed at any depth or removed; a post-mortem section text
 * reports its post-mortem row; for people and services, every id that was or is at a changed
 * name entry (so an id that lost to another seat's is reported, and then reads as undefined).
 * Must be called while the transaction's observers run (Yjs drops the change list after).
 */
export function changedKeys(source: Y.Transaction | readonly YEventAny[]): ChangedKeys {
  const out: ChangedKeys = new Map();
  const add = (table: TableName, key: string) => {
    let s = out.get(table);
    if (!s) out.set(table, (s = new Set()));
    s.add(key);
  };
  const pairs: [YType, Iterable<string | null>][] = [];
  if (source instanceof Y.Transaction)
    for (const [type, keys] of source.changed) pairs.push([type, keys]);
  else
    for (const e of source)
      pairs.push([
        e.target as YType,
        e instanceof Y.YMapEvent ? (e.keysChanged as Set<string>) : [null],
      ]);
  const reverse = new Map<string, Map<string, string[]>>();
  const idsAt = (doc: Y.Doc, table: TableName, nameKey: string): string[] => {
    let r = reverse.get(table);
    if (!r) {
      r = new Map();
      for (const [id, k] of doc.getMap<string>(idsMapName(table)).entries()) {
        const list = r.get(k);
        if (list) list.push(id);
        else r.set(k, [id]);
      }
      reverse.set(table, r);
    }
    const ids = [...(r.get(nameKey) ?? [])];
    const entry = doc.getMap<unknown>(table).get(nameKey);
    const current: unknown =
      entry instanceof Y.Map ? (entry as Y.Map<unknown>).get('id') : undefined;
    if (typeof current === 'string') ids.push(current);
    return ids;
  };
  const report = (doc: Y.Doc, table: TableName, mapKey: string) => {
    if (NAME_KEYED.has(table)) for (const id of idsAt(doc, table, mapKey)) add(table, id);
    else add(table, mapKey);
  };
  for (const [type, keys] of pairs) {
    const doc = type.doc;
    if (!doc) continue;
    // Walk up to the top-level type, remembering the map key just below it (the row key).
    let t: YType = type;
    let rowKey: string | null = null;
    while (t._item !== null) {
      const parent = t._item.parent;
      if (!(parent instanceof Y.AbstractType)) break;
      rowKey = t._item.parentSub;
      t = parent as YType;
    }
    const name = rootName(doc, t);
    if (name === undefined) continue;
    if (name.startsWith(SECTION_TEXT_PREFIX)) {
      for (const k of doc.getMap('postmortems').keys()) add('postmortems', k);
      continue;
    }
    const idsOf = SYNCED_TABLES.find((table) => idsMapName(table) === name);
    if (idsOf) {
      if (t === type) for (const k of keys) if (k !== null) add(idsOf, k);
      continue;
    }
    const table = SYNCED_TABLES.find((x) => x === name);
    if (!table) continue;
    if (t === type) {
      for (const k of keys) if (k !== null) report(doc, table, k);
    } else if (rowKey !== null) report(doc, table, rowKey);
  }
  return out;
}
