import {
  BACKUP_PRIMARY_KEYS,
  BACKUP_TABLES,
  BACKUP_UNIQUE_KEYS,
  MAX_REPORTED_PROBLEMS,
  type BackupProblem,
  type BackupTable,
  type BackupTables,
} from '../domain/backup';
import { importedReferenceNote, type Incident } from '../domain/incident';
import type { TimelineEntry } from '../domain/timeline';
import { nextFreeReference, uniqueSlug } from '../logic/import-references';
import type { Changes } from './change-set';
import type { CommandContext } from './context';
import { systemEntry } from './entries';

/**
 * Restoring a backup as one change set. The file has been validated whole (validateBackup in
 * shared/domain/backup.ts); {@link planImport} decides, row by row, add / replace / skip against
 * the facts read from the database, and returns every write as ONE change set (applied with
 * `{ restoring: true }`: the rows bring their own timeline), or refuses the whole file.
 */

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

export type AnyRow = Record<string, unknown>;

/**
 * What the plan needs to know of the database, read in the same transaction as the write:
 * every incident (references and slugs must stay unique), and, per other table, the rows whose
 * primary key or unique name the file uses.
 */
export interface ImportFacts {
  incidents: readonly Incident[];
  /** Per table: the database's rows whose primary key a row of the file has, by that key. */
  byKey: Partial<Record<BackupTable, ReadonlyMap<string, AnyRow>>>;
  /** Per table with a unique name (BACKUP_UNIQUE_KEYS): rows holding a name the file uses. */
  byUnique: Partial<Record<BackupTable, ReadonlyMap<string, AnyRow>>>;
}

/** The primary keys and unique names of a file's rows: what {@link ImportFacts} must hold. */
export function factKeys(tables: BackupTables): {
  keys: Record<BackupTable, string[]>;
  uniques: Partial<Record<BackupTable, string[]>>;
} {
  const keys = {} as Record<BackupTable, string[]>;
  const uniques: Partial<Record<BackupTable, string[]>> = {};
  for (const name of BACKUP_TABLES) {
    const rows = tables[name] as readonly AnyRow[];
    keys[name] = rows.map((r) => r[BACKUP_PRIMARY_KEYS[name]] as string);
    const unique = BACKUP_UNIQUE_KEYS[name];
    if (unique) uniques[name] = rows.map((r) => r[unique] as string);
  }
  return { keys, uniques };
}

/** One table's writes, collected as plain arrays (a backup can hold 200,000 rows). */
interface TableWrites {
  added: AnyRow[];
  updated: AnyRow[];
  removed: string[];
}

function emptySummary(): ImportSummary {
  return Object.fromEntries(
    BACKUP_TABLES.map((t) => [t, { added: 0, replaced: 0, skipped: 0, renumbered: 0 }]),
  ) as ImportSummary;
}

/**
 * Plans the incidents: add, replace or skip by id as the policy says; an incident whose
 * reference a different incident uses is refused, or, with `newReferences`, given the next free
 * reference of its day (counted like the declare path, over the database's references and every
 * reference the import writes) and a slug no other incident uses.
 */
function planIncidents(
  rows: readonly Incident[],
  facts: ImportFacts,
  opts: ImportOptions,
  ctx: CommandContext,
  summary: ImportSummary,
): { writes: TableWrites; entries: TimelineEntry[]; problems: BackupProblem[] } {
  const writes: TableWrites = { added: [], updated: [], removed: [] };
  const entries: TimelineEntry[] = [];
  const problems: BackupProblem[] = [];
  const byId = new Map(facts.incidents.map((i) => [i.id, i]));
  const byRef = new Map(facts.incidents.map((i) => [i.ref, i]));
  const taken = new Set(byRef.keys());
  const slugs = new Set(facts.incidents.map((i) => i.slug));
  // References the file keeps are taken too: a new one may not land on them.
  for (const row of rows) taken.add(row.ref);
  const put = (row: Incident, same: Incident | undefined) => {
    if (same) {
      writes.updated.push(row);
      summary.incidents.replaced += 1;
    } else {
      writes.added.push(row);
      summary.incidents.added += 1;
    }
  };
  for (const [i, row] of rows.entries()) {
    const same = byId.get(row.id);
    if (same && opts.onConflict === 'skip') {
      summary.incidents.skipped += 1;
      continue;
    }
    const owner = byRef.get(row.ref);
    if (owner === undefined || owner.id === row.id) {
      put(row, same);
      continue;
    }
    if (same?.renumberedFrom?.ref === row.ref) {
      // Restored under a new reference before (the same file imported again): it keeps it.
      put({ ...row, ref: same.ref, slug: same.slug, renumberedFrom: same.renumberedFrom }, same);
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
    put(renumbered, same);
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
  return { writes, entries, problems };
}

/** What one row of each table with a unique name is called in a conflict message. */
const ROW_NOUNS: Readonly<Partial<Record<BackupTable, string>>> = {
  incidents: 'incident',
  people: 'person',
  services: 'service',
};

/**
 * A row replacing the database row with its id, whose unique name is held by a different row
 * there: the unique index would refuse the write with a raw ConstraintError, so it is reported
 * by path in plain words instead (issue 12), e.g. `tables.services[3]: id svc-1 is service
 * 'payments' here, but its name 'search' belongs to another service`. Null when the name is
 * free or already this row's.
 */
function uniqueConflict(
  name: BackupTable,
  row: AnyRow,
  index: number,
  existing: AnyRow,
  holders: ReadonlyMap<string, AnyRow> | undefined,
): BackupProblem | null {
  const unique = BACKUP_UNIQUE_KEYS[name];
  const pk = BACKUP_PRIMARY_KEYS[name];
  if (!unique || existing[unique] === row[unique]) return null;
  const holder = holders?.get(row[unique] as string);
  if (!holder || holder[pk] === row[pk]) return null;
  const noun = ROW_NOUNS[name] ?? 'row';
  const field = unique === 'ref' ? 'reference' : unique;
  return {
    path: `tables.${name}[${index}]`,
    message: `id ${String(row[pk])} is ${noun} '${String(existing[unique])}' here, but its ${field} '${String(row[unique])}' belongs to another ${noun} (id ${String(holder[pk])}). Nothing was imported: rename one of them, or import with Skip.`,
  };
}

/**
 * Plans a validated backup's restore against `facts` (see {@link ImportFacts}): every row is
 * added, replaced or skipped per `opts.onConflict` (people and services also match by their
 * unique name: replacing one under another id removes the database's row first); an incident
 * whose reference a different incident uses is refused, or renumbered with `newReferences`
 * (recorded on the incident and, as a 'reference' system entry at `ctx.now`, on its timeline).
 * Returns the one change set to commit with `{ restoring: true }` and the per-table summary.
 * Throws {@link BackupImportError} (at most MAX_REPORTED_PROBLEMS problems, with paths) when no
 * policy can settle a row: nothing may then be written.
 */
export function planImport(
  tables: BackupTables,
  facts: ImportFacts,
  opts: ImportOptions & { ctx: CommandContext },
): { changes: Changes; summary: ImportSummary } {
  const summary = emptySummary();
  const incidents = planIncidents(tables.incidents, facts, opts, opts.ctx, summary);
  const problems = [...incidents.problems];
  const writes = { incidents: incidents.writes } as Record<BackupTable, TableWrites>;
  for (const name of BACKUP_TABLES) {
    if (name === 'incidents') continue;
    const pk = BACKUP_PRIMARY_KEYS[name];
    const unique = BACKUP_UNIQUE_KEYS[name];
    const byKey = facts.byKey[name];
    const byUnique = facts.byUnique[name];
    const w: TableWrites = { added: [], updated: [], removed: [] };
    for (const [i, row] of (tables[name] as readonly AnyRow[]).entries()) {
      const same = byKey?.get(row[pk] as string);
      // Same name under another id: the unique index would refuse it.
      const other = !same && unique ? byUnique?.get(row[unique] as string) : undefined;
      if (!same && !other) {
        w.added.push(row);
        summary[name].added += 1;
      } else if (opts.onConflict === 'skip') {
        summary[name].skipped += 1;
      } else if (other) {
        w.removed.push(other[pk] as string);
        w.added.push(row);
        summary[name].replaced += 1;
      } else {
        const conflict = uniqueConflict(name, row, i, same!, byUnique);
        if (conflict) problems.push(conflict);
        else {
          w.updated.push(row);
          summary[name].replaced += 1;
        }
      }
    }
    writes[name] = w;
  }
  if (problems.length) throw new BackupImportError(problems.slice(0, MAX_REPORTED_PROBLEMS));
  // The record of each new reference goes on the incident's timeline, with the import.
  writes.timelineEntries.added.push(...(incidents.entries as unknown as AnyRow[]));
  const out: Record<string, Partial<TableWrites>> = {};
  for (const name of BACKUP_TABLES) {
    const { added, updated, removed } = writes[name];
    const c: Partial<TableWrites> = {};
    if (added.length) c.added = added;
    if (updated.length) c.updated = updated;
    if (removed.length) c.removed = removed;
    if (Object.keys(c).length) out[name] = c;
  }
  return { changes: out, summary };
}
