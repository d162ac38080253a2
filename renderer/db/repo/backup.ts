import type { Table } from 'dexie';
import {
  BACKUP_FORMAT,
  BACKUP_PRIMARY_KEYS,
  BACKUP_SCHEMA_VERSION,
  BACKUP_TABLES,
  BACKUP_UNIQUE_KEYS,
  MAX_REPORTED_PROBLEMS,
  validateBackup,
  type Backup,
  type BackupProblem,
  type BackupTable,
  type BackupTables,
} from '../../../shared/domain/backup';
import type { WarroomDb } from '../schema';
import { trustRows } from '../write-guard';
import { RepoError } from './errors';
import { customRolesSettingKey } from './roles';

/** Who exports and when: passed in so exports are testable with a fixed clock. */
export interface ExportMeta {
  appVersion: string;
  now: number;
}

/** What to do with a row whose key already exists in the database. */
export type ConflictPolicy = 'skip' | 'replace';

export interface TableSummary {
  added: number;
  replaced: number;
  skipped: number;
}
export type ImportSummary = Record<BackupTable, TableSummary>;

/** An import refused before anything was written; `problems` say where, with paths. */
export class BackupImportError extends Error {
  constructor(readonly problems: BackupProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n'));
    this.name = 'BackupImportError';
  }
}

type AnyRow = Record<string, unknown>;

function tableOf(db: WarroomDb, name: BackupTable): Table<AnyRow, string> {
  return db.table<AnyRow, string>(name);
}

function tablesOf(db: WarroomDb): Table[] {
  return BACKUP_TABLES.map((t) => db.table(t));
}

function envelope(tables: BackupTables, scope: Backup['scope'], meta: ExportMeta): Backup {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    appVersion: meta.appVersion,
    exportedAt: new Date(meta.now).toISOString(),
    scope,
    tables,
  };
}

/** Everything in the database (drafts excepted), read in one transaction so it is consistent. */
export async function exportAll(db: WarroomDb, meta: ExportMeta): Promise<Backup> {
  const tables = await db.transaction('r', tablesOf(db), async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of BACKUP_TABLES) out[t] = await db.table(t).toArray();
    return out as BackupTables;
  });
  return envelope(tables, 'all', meta);
}

/**
 * One incident with everything that belongs to it: timeline, roles, hypotheses, updates, action
 * items, post-mortem and its custom roles setting. Shared catalogs (people, services, runbooks)
 * and app settings are left out: they are not the incident's, and importing them elsewhere
 * would overwrite that install's own.
 */
export async function exportIncident(
  db: WarroomDb,
  incidentId: string,
  meta: ExportMeta,
): Promise<Backup> {
  const tables = await db.transaction('r', tablesOf(db), async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) throw new RepoError('This incident no longer exists.');
    const postmortem = await db.postmortems.get(incidentId);
    const customRoles = await db.settings.get(customRolesSettingKey(incidentId));
    const out: BackupTables = {
      incidents: [incident],
      timelineEntries: await db.timelineEntries.where('incidentId').equals(incidentId).toArray(),
      roleAssignments: await db.roleAssignments.where('incidentId').equals(incidentId).toArray(),
      hypotheses: await db.hypotheses.where('incidentId').equals(incidentId).toArray(),
      commsUpdates: await db.commsUpdates.where('incidentId').equals(incidentId).toArray(),
      actionItems: await db.actionItems.where('incidentId').equals(incidentId).toArray(),
      postmortems: postmortem ? [postmortem] : [],
      people: [],
      services: [],
      runbooks: [],
      settings: customRoles ? [customRoles] : [],
    };
    return out;
  });
  return envelope(tables, { incidentId }, meta);
}

function emptySummary(): ImportSummary {
  return Object.fromEntries(
    BACKUP_TABLES.map((t) => [t, { added: 0, replaced: 0, skipped: 0 }]),
  ) as ImportSummary;
}

/** What the import will do with one table, decided before any write. */
interface TablePlan {
  put: AnyRow[];
  /** Rows of the database to delete first (same unique name, different id, when replacing). */
  remove: string[];
}

/** What one row of each table with a unique name is called in a conflict message. */
const ROW_NOUNS: Readonly<Partial<Record<BackupTable, string>>> = {
  incidents: 'incident',
  people: 'person',
  services: 'service',
};

/**
 * A row replacing the database row with its id, whose unique name (or incident reference) is
 * held by a different row there: the unique index would refuse the write with a raw
 * ConstraintError, so it is reported by path in plain words instead (issue 12), e.g.
 * `tables.services[3]: id svc-1 is service 'payments' here, but its name 'search' belongs to
 * another service`. Null when the name is free or already this row's.
 */
async function uniqueConflict(
  table: Table<AnyRow, string>,
  name: BackupTable,
  row: AnyRow,
  index: number,
  existing: AnyRow,
): Promise<BackupProblem | null> {
  const unique = BACKUP_UNIQUE_KEYS[name];
  const pk = BACKUP_PRIMARY_KEYS[name];
  if (!unique || existing[unique] === row[unique]) return null;
  const holder = await table
    .where(unique)
    .equals(row[unique] as string)
    .first();
  if (!holder || holder[pk] === row[pk]) return null;
  const noun = ROW_NOUNS[name] ?? 'row';
  const field = unique === 'ref' ? 'reference' : unique;
  return {
    path: `tables.${name}[${index}]`,
    message: `id ${String(row[pk])} is ${noun} '${String(existing[unique])}' here, but its ${field} '${String(row[unique])}' belongs to another ${noun} (id ${String(holder[pk])}). Nothing was imported: rename one of them, or import with Skip.`,
  };
}

/**
 * Decides, for every row, add / replace / skip, reading the database only. Problems that no
 * policy can settle (an incident reference already used by a different incident) are returned
 * instead, so nothing is written.
 */
async function plan(
  db: WarroomDb,
  tables: BackupTables,
  onConflict: ConflictPolicy,
  summary: ImportSummary,
): Promise<{ plans: Record<BackupTable, TablePlan>; problems: BackupProblem[] }> {
  const plans = {} as Record<BackupTable, TablePlan>;
  const problems: BackupProblem[] = [];
  for (const name of BACKUP_TABLES) {
    const table = tableOf(db, name);
    const pk = BACKUP_PRIMARY_KEYS[name];
    const unique = BACKUP_UNIQUE_KEYS[name];
    const rows = tables[name] as AnyRow[];
    const existing = await table.bulkGet(rows.map((r) => r[pk] as string));
    const p: TablePlan = { put: [], remove: [] };
    for (const [i, row] of rows.entries()) {
      let clash = existing[i];
      let clashKey: string | undefined;
      if (!clash && unique) {
        // Same name (or incident reference) under another id: the unique index would refuse it.
        const other = await table
          .where(unique)
          .equals(row[unique] as string)
          .first();
        if (other) {
          clash = other;
          clashKey = other[pk] as string;
        }
      }
      if (!clash) {
        p.put.push(row);
        summary[name].added += 1;
      } else if (clashKey !== undefined && name === 'incidents') {
        problems.push({
          path: `tables.incidents[${i}].ref`,
          message: `${String(row.ref)} is already used by a different incident in this database.`,
        });
      } else if (onConflict === 'skip') {
        summary[name].skipped += 1;
      } else {
        const conflict =
          clashKey === undefined ? await uniqueConflict(table, name, row, i, clash) : null;
        if (conflict) problems.push(conflict);
        else {
          if (clashKey !== undefined) p.remove.push(clashKey);
          p.put.push(row);
          summary[name].replaced += 1;
        }
      }
    }
    plans[name] = p;
  }
  return { plans, problems };
}

/**
 * Imports a backup: validates the whole file first (zod schemas, duplicates), then plans and
 * writes every table in ONE read-write transaction, so a failure anywhere (a refused row, a
 * full disk) leaves the database exactly as it was. Rows whose key already exists are skipped or
 * replaced per `onConflict`; people and services also match by their unique name.
 * Throws {@link BackupImportError} with the problems' paths when the file is refused.
 */
export async function importBackup(
  db: WarroomDb,
  data: unknown,
  opts: { onConflict: ConflictPolicy },
): Promise<ImportSummary> {
  const checked = validateBackup(data);
  if (!checked.ok) throw new BackupImportError(checked.problems);
  const { tables } = checked.backup;
  // Every row was just parsed by the table schemas: the write guard need not parse it again.
  for (const t of BACKUP_TABLES) trustRows(tables[t]);
  return db.transaction('rw', tablesOf(db), async () => {
    const summary = emptySummary();
    const { plans, problems } = await plan(db, tables, opts.onConflict, summary);
    if (problems.length) throw new BackupImportError(problems.slice(0, MAX_REPORTED_PROBLEMS));
    for (const name of BACKUP_TABLES) {
      const { put, remove } = plans[name];
      if (remove.length) await tableOf(db, name).bulkDelete(remove);
      if (put.length) await tableOf(db, name).bulkPut(put);
    }
    return summary;
  });
}
