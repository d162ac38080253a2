import {
  LOCAL_TABLES,
  PRIMARY_KEYS,
  TABLE_NAMES,
  type Changes,
  type TableChange,
  type TableName,
  type TableRows,
} from '../commands/change-set';

/**
 * Which Yjs document holds which row. A war room shares one document per incident
 * (`incident:<id>`: the incident row and everything keyed to it), one directory document
 * (people, services, runbooks, and action items not tied to an incident) and one room document
 * (the room's own bookkeeping, written by the sync engine, no table rows). Drafts and settings
 * belong to this seat alone and are in no document.
 */

/** The room document: which incidents the room holds (written by the sync engine). */
export const ROOM_DOC = 'room';

/** The directory document: people, services, runbooks, and action items of no incident. */
export const DIRECTORY_DOC = 'directory';

const INCIDENT_PREFIX = 'incident:';

/** The document of one incident: `incident:<id>`. */
export function incidentDocName(incidentId: string): string {
  return INCIDENT_PREFIX + incidentId;
}

/** The incident id of an incident document's name, or null for any other name. */
export function incidentIdOfDoc(name: string): string | null {
  return name.startsWith(INCIDENT_PREFIX) && name.length > INCIDENT_PREFIX.length
    ? name.slice(INCIDENT_PREFIX.length)
    : null;
}

/** Tables whose rows live in their incident's document (every row carries `incidentId`, or is the incident). */
export const INCIDENT_TABLES = [
  'incidents',
  'timelineEntries',
  'roleAssignments',
  'hypotheses',
  'commsUpdates',
  'actionItems',
  'postmortems',
] as const satisfies readonly TableName[];
export type IncidentTable = (typeof INCIDENT_TABLES)[number];

/**
 * Tables of the directory document. Message templates are `settings` rows (`template:…`,
 * shared/commands/templates.ts), so they stay on this seat with the other settings. Action items
 * of no incident (`incidentId: null`) also go in the directory document.
 */
export const DIRECTORY_TABLES = [
  'people',
  'services',
  'runbooks',
] as const satisfies readonly TableName[];
export type DirectoryTable = (typeof DIRECTORY_TABLES)[number];

/** Every table some document holds: the incident tables, then the directory ones. */
export const SYNCED_TABLES: readonly TableName[] = TABLE_NAMES.filter(
  (t) => !LOCAL_TABLES.has(t) && t !== 'settings',
);

/** True for a table whose rows never leave this seat (drafts, settings). */
export function isLocalTable(table: TableName): boolean {
  return !SYNCED_TABLES.includes(table);
}

/**
 * The document a row belongs to, or null when the row is this seat's own (drafts, settings).
 * Incident tables go to `incident:<incidentId>` (the incident row to `incident:<id>`); people,
 * services, runbooks and action items with `incidentId: null` to the directory.
 */
export function docNameOfRow<K extends TableName>(table: K, row: TableRows[K]): string | null {
  switch (table) {
    case 'incidents':
      return incidentDocName((row as TableRows['incidents']).id);
    case 'actionItems': {
      const incidentId = (row as TableRows['actionItems']).incidentId;
      return incidentId === null ? DIRECTORY_DOC : incidentDocName(incidentId);
    }
    case 'timelineEntries':
    case 'roleAssignments':
    case 'hypotheses':
    case 'commsUpdates':
    case 'postmortems':
      return incidentDocName((row as { incidentId: string }).incidentId);
    case 'people':
    case 'services':
    case 'runbooks':
      return DIRECTORY_DOC;
    default:
      return null;
  }
}

interface Bucket {
  added?: unknown[];
  updated?: unknown[];
  removed?: string[];
}

/**
 * Splits a change set into one change set per document name. Added and updated rows go to
 * {@link docNameOfRow}; local rows (drafts, settings) are left out. Removed keys carry no
 * incident, so `docOfRemoved(table, key)` names the document holding that row now (read by the
 * caller before the change); a key it cannot place (undefined) is dropped, as is a removed key of
 * a local table. `docOfRemoved` is also asked about updated rows: when the row sits in another
 * document than its new one (an action item moved to or from an incident), a removal is added
 * there. Documents with nothing to change are not in the result. O(rows).
 */
export function splitChangesByDoc(
  changes: Changes,
  docOfRemoved: (table: TableName, key: string) => string | undefined,
): Map<string, Changes> {
  const out = new Map<string, Partial<Record<TableName, Bucket>>>();
  const bucket = (doc: string, table: TableName): Bucket => {
    let d = out.get(doc);
    if (!d) out.set(doc, (d = {}));
    return (d[table] ??= {});
  };
  for (const table of TABLE_NAMES) {
    if (isLocalTable(table)) continue;
    const c = changes[table] as TableChange<TableRows[typeof table]> | undefined;
    if (!c) continue;
    for (const [kind, rows] of [
      ['added', c.added],
      ['updated', c.updated],
    ] as const) {
      for (const row of rows ?? []) {
        const doc = docNameOfRow(table, row);
        if (doc === null) continue;
        (bucket(doc, table)[kind] ??= []).push(row);
        if (kind === 'updated') {
          const key = String((row as Record<string, unknown>)[PRIMARY_KEYS[table]]);
          const was = docOfRemoved(table, key);
          if (was !== undefined && was !== doc) (bucket(was, table).removed ??= []).push(key);
        }
      }
    }
    for (const key of c.removed ?? []) {
      const doc = docOfRemoved(table, key);
      if (doc !== undefined) (bucket(doc, table).removed ??= []).push(key);
    }
  }
  return out as Map<string, Changes>;
}

/**
 * Cuts a seed (rows added, nothing updated or removed) into change sets of at most `maxRows`
 * rows each, in table order then row order, so a 50,000-entry incident is written into its
 * document a few hundred rows per task instead of in one task of seconds. Updated rows and
 * removed keys, if any, go whole into the last part. An empty seed gives one empty part.
 * Throws RangeError when `maxRows` is not a positive integer.
 */
export function chunkSeed(changes: Changes, maxRows: number): Changes[] {
  if (!Number.isInteger(maxRows) || maxRows < 1)
    throw new RangeError('maxRows must be a positive integer');
  const parts: Partial<Record<TableName, Bucket>>[] = [];
  let current: Partial<Record<TableName, Bucket>> = {};
  let count = 0;
  const rest: Partial<Record<TableName, Bucket>> = {};
  for (const table of TABLE_NAMES) {
    const c = changes[table] as TableChange<TableRows[typeof table]> | undefined;
    if (!c) continue;
    for (const row of c.added ?? []) {
      if (count === maxRows) {
        parts.push(current);
        current = {};
        count = 0;
      }
      ((current[table] ??= {}).added ??= []).push(row);
      count++;
    }
    if (c.updated?.length) (rest[table] ??= {}).updated = [...c.updated];
    if (c.removed?.length) (rest[table] ??= {}).removed = [...c.removed];
  }
  for (const table of TABLE_NAMES) {
    const r = rest[table];
    if (r) current[table] = { ...current[table], ...r };
  }
  parts.push(current);
  return parts as Changes[];
}
