import type { Table } from 'dexie';
import {
  BACKUP_FORMAT,
  BACKUP_PRIMARY_KEYS,
  BACKUP_SCHEMA_VERSION,
  BACKUP_TABLES,
  BACKUP_UNIQUE_KEYS,
  validateBackup,
  type Backup,
  type BackupTables,
} from '../../../shared/domain/backup';
import {
  BackupImportError,
  factKeys,
  planImport,
  type AnyRow,
  type ImportFacts,
  type ImportOptions,
  type ImportSummary,
} from '../../../shared/commands/backup-import';
import { existing } from '../../../shared/commands/guards';
import { runCommand } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';
import { trustRows } from '../write-guard';
import { customRolesSettingKey } from './roles';

export {
  BackupImportError,
  type ConflictPolicy,
  type ImportOptions,
  type ImportSummary,
  type TableSummary,
} from '../../../shared/commands/backup-import';

/** Who exports and when: passed in so exports are testable with a fixed clock. */
export interface ExportMeta {
  appVersion: string;
  now: number;
}

/** The tables a backup holds, for a read transaction over all of them. */
function tablesOf(db: ReadonlyDb): unknown[] {
  return BACKUP_TABLES.map((t) => db[t]);
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
export async function exportAll(db: ReadonlyDb, meta: ExportMeta): Promise<Backup> {
  const tables = await db.transaction('r', tablesOf(db), async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of BACKUP_TABLES) out[t] = await db[t].toArray();
    return out as BackupTables;
  });
  return envelope(tables, 'all', meta);
}

/**
 * One incident with everything that belongs to it: timeline, roles, hypotheses, updates, action
 * items, post-mortem and its custom roles setting. Shared catalogs (people, services, runbooks)
 * and app settings are left out: they are not the incident's, and importing them elsewhere
 * would overwrite that install's own. Refuses (RepoError) "This incident no longer exists."
 */
export async function exportIncident(
  db: ReadonlyDb,
  incidentId: string,
  meta: ExportMeta,
): Promise<Backup> {
  const tables = await db.transaction('r', tablesOf(db), async () => {
    const incident = existing(await db.incidents.get(incidentId), 'incident');
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

/**
 * The facts the import plan needs (see {@link ImportFacts}): every incident, and per other
 * table the rows whose primary key or unique name the file uses.
 */
async function readFacts(read: ReadonlyDb, tables: BackupTables): Promise<ImportFacts> {
  const { keys, uniques } = factKeys(tables);
  const facts: ImportFacts = { incidents: await read.incidents.toArray(), byKey: {}, byUnique: {} };
  for (const name of BACKUP_TABLES) {
    if (name === 'incidents') continue;
    const table = read[name] as unknown as Table<AnyRow, string>;
    const pk = BACKUP_PRIMARY_KEYS[name];
    const found = await table.bulkGet(keys[name]);
    facts.byKey[name] = new Map(
      found.filter((r): r is AnyRow => r !== undefined).map((r) => [r[pk] as string, r]),
    );
    const unique = BACKUP_UNIQUE_KEYS[name];
    const names = uniques[name];
    if (unique && names?.length) {
      const holders = await table.where(unique).anyOf(names).toArray();
      facts.byUnique[name] = new Map(holders.map((r) => [r[unique] as string, r]));
    }
  }
  return facts;
}

/**
 * Imports a backup: validates the whole file first (zod schemas, duplicates), then reads the
 * facts and commits ONE change set (planned by {@link planImport}, applied with
 * `{ restoring: true }` in the same transaction as the reads), so a failure anywhere (a refused
 * row, a full disk) leaves the database exactly as it was. Rows whose key already exists are
 * skipped or replaced per `onConflict`; people and services also match by their unique name. An
 * incident whose reference a different incident already uses is refused, or imported under a
 * new reference with `newReferences` (see {@link ImportOptions}).
 * Throws {@link BackupImportError} with the problems' paths when the file is refused; storage
 * failures as {@link commit}.
 */
export async function importBackup(
  db: WarroomDb,
  data: unknown,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const checked = validateBackup(data);
  if (!checked.ok) throw new BackupImportError(checked.problems);
  const { tables } = checked.backup;
  // Every row was just parsed by the table schemas: the write guard need not parse it again.
  for (const t of BACKUP_TABLES) trustRows(tables[t]);
  const ctx = opts.ctx ?? { now: Date.now(), author: 'Warroom' };
  return runCommand(
    db,
    BACKUP_TABLES,
    async (read) => {
      const { changes, summary } = planImport(tables, await readFacts(read, tables), {
        ...opts,
        ctx,
      });
      return { changes, result: summary };
    },
    { restoring: true },
  );
}
