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
import { importedReferenceNote, type Incident } from '../../../shared/domain/incident';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { nextFreeReference, uniqueSlug } from '../../../shared/logic/import-references';
import type { WarroomDb } from '../schema';
import type { CommandContext } from '../../../shared/commands/context';
import { systemEntry } from '../../../shared/commands/entries';
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
  /** Incidents only: how many of the added or replaced took a new reference. */
  renumbered: number;
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
    BACKUP_TABLES.map((t) => [t, { added: 0, replaced: 0, skipped: 0, renumbered: 0 }]),
  ) as ImportSummary;
}

/** What the import will do with one table, decided before any write. */
interface TablePlan {
  put: AnyRow[];
  /** Rows of the database to delete first (same unique name, different id, when replacing). */
  remove: string[];
}

/** How an import treats what is already in the database. */
export interface ImportOptions {
  /** Rows whose key (or unique name) already exists: keep the database's, or take the file's. */
  onConflict: ConflictPolicy;
  /**
   * An incident whose reference a different incident already uses here: refused (the default,
   * nothing is written) or imported under the day's next free reference, recorded on the
   * incident (`renumberedFrom`) and on its timeline.
   */
  newReferences?: boolean;
  /** Who imports, and when (for the timeline entry of a new reference); defaults to now. */
  ctx?: CommandContext;
}

/**
 * Plans the incidents: add, replace or skip by id as the policy says; an incident whose
 * reference a different incident uses is refused, or, with `newReferences`, given the next free
 * reference of its day (counted like the declare path, over the database's references and every
 * reference the import writes) and a slug no other incident uses.
 */
async function planIncidents(
  db: WarroomDb,
  rows: Incident[],
  opts: ImportOptions,
  summary: ImportSummary,
): Promise<{ plan: TablePlan; entries: TimelineEntry[]; problems: BackupProblem[] }> {
  const plan: TablePlan = { put: [], remove: [] };
  const entries: TimelineEntry[] = [];
  const problems: BackupProblem[] = [];
  const existing = await db.incidents.bulkGet(rows.map((r) => r.id));
  const taken = new Set((await db.incidents.orderBy('ref').keys()) as string[]);
  const slugs = new Set<string>();
  await db.incidents.each((i) => void slugs.add(i.slug));
  // References the file keeps are taken too: a new one may not land on them.
  for (const row of rows) taken.add(row.ref);
  const ctx = opts.ctx ?? { now: Date.now(), author: 'Warroom' };
  for (const [i, row] of rows.entries()) {
    const same = existing[i];
    if (same && opts.onConflict === 'skip') {
      summary.incidents.skipped += 1;
      continue;
    }
    const owner = await db.incidents.where('ref').equals(row.ref).first();
    const clash = owner !== undefined && owner.id !== row.id;
    if (!clash) {
      plan.put.push(row);
      if (same) summary.incidents.replaced += 1;
      else summary.incidents.added += 1;
      continue;
    }
    if (same?.renumberedFrom?.ref === row.ref) {
      // Restored under a new reference before (the same file imported again): it keeps it.
      plan.put.push({
        ...row,
        ref: same.ref,
        slug: same.slug,
        renumberedFrom: same.renumberedFrom,
      });
      summary.incidents.replaced += 1;
      continue;
    }
    if (!opts.newReferences) {
      problems.push({
        path: `tables.incidents[${i}].ref`,
        message: `${row.ref} is already used by a different incident in this database. Choose “Import under new references” to import it under the day’s next free reference.`,
      });
      continue;
    }
    const ref = nextFreeReference(row.ref, taken);
    taken.add(ref);
    const slug = uniqueSlug(row.slug, ref, slugs);
    slugs.add(slug);
    const renumbered: Incident = {
      ...row,
      ref,
      slug,
      renumberedFrom: { ref: row.ref, importedAt: ctx.now },
    };
    plan.put.push(renumbered);
    if (same) summary.incidents.replaced += 1;
    else summary.incidents.added += 1;
    summary.incidents.renumbered += 1;
    entries.push(
      systemEntry(
        row.id,
        `${importedReferenceNote(renumbered) ?? ''}.`,
        { type: 'reference', from: row.ref, to: ref, reason: 'Imported from a backup' },
        { now: ctx.now, author: ctx.author },
      ),
    );
  }
  return { plan, entries, problems };
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
 * policy can settle (an incident reference already used by a different incident, unless
 * `newReferences`) are returned instead, so nothing is written.
 */
async function plan(
  db: WarroomDb,
  tables: BackupTables,
  opts: ImportOptions,
  summary: ImportSummary,
): Promise<{ plans: Record<BackupTable, TablePlan>; problems: BackupProblem[] }> {
  const plans = {} as Record<BackupTable, TablePlan>;
  const incidents = await planIncidents(db, tables.incidents, opts, summary);
  plans.incidents = incidents.plan;
  const problems = [...incidents.problems];
  for (const name of BACKUP_TABLES) {
    if (name === 'incidents') continue;
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
        // Same name under another id: the unique index would refuse it.
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
      } else if (opts.onConflict === 'skip') {
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
  // The record of each new reference goes on the incident's timeline, with the import.
  plans.timelineEntries.put.push(...(incidents.entries as unknown as AnyRow[]));
  return { plans, problems };
}

/**
 * Imports a backup: validates the whole file first (zod schemas, duplicates), then plans and
 * writes every table in ONE read-write transaction, so a failure anywhere (a refused row, a
 * full disk) leaves the database exactly as it was. Rows whose key already exists are skipped or
 * replaced per `onConflict`; people and services also match by their unique name. An incident
 * whose reference a different incident already uses is refused, or imported under a new
 * reference with `newReferences` (see {@link ImportOptions}).
 * Throws {@link BackupImportError} with the problems' paths when the file is refused.
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
  return db.transaction('rw', tablesOf(db), async () => {
    const summary = emptySummary();
    const { plans, problems } = await plan(db, tables, opts, summary);
    if (problems.length) throw new BackupImportError(problems.slice(0, MAX_REPORTED_PROBLEMS));
    for (const name of BACKUP_TABLES) {
      const { put, remove } = plans[name];
      if (remove.length) await tableOf(db, name).bulkDelete(remove);
      if (put.length) await tableOf(db, name).bulkPut(put);
    }
    return summary;
  });
}
