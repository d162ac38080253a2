import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { ZodType } from 'zod';
import { TABLE_SCHEMAS as SCHEMAS } from '../../shared/domain/tables';
import { RepoError } from '../../shared/commands/refusal';

/** The zod schema every row of each table is held to (shared/domain/tables.ts), by table name. */
export const TABLE_SCHEMAS: Readonly<Record<string, ZodType>> = SCHEMAS;

type Row = Record<string, unknown>;
type PathKey = PropertyKey;

function valueAt(row: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = row;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The parsed (cleaned) values laid over the original row: what the schema knows comes from the
 * parse, any field it does not know (at any depth) is kept as written, so a field added to a row
 * but not yet to its schema is never dropped by this guard.
 */
export function overlay(original: unknown, parsed: unknown): unknown {
  if (isPlain(original) && isPlain(parsed)) {
    const out: Record<string, unknown> = { ...original };
    for (const [k, v] of Object.entries(parsed)) out[k] = overlay(original[k], v);
    return out;
  }
  if (Array.isArray(original) && Array.isArray(parsed) && original.length === parsed.length)
    return parsed.map((v, i): unknown => overlay(original[i], v));
  return parsed;
}

/** Rows already held to the schemas (a validated backup): written as they are, not parsed twice. */
const trusted = new WeakSet<object>();

/** Marks rows that were just parsed by the table schemas (import), so the guard passes them. */
export function trustRows(rows: readonly object[]): void {
  for (const r of rows) trusted.add(r);
}

/**
 * Checks and cleans one row before it is written: parsed by its table's schema (text cleaned by
 * shared/domain/text.ts, every free-text field held to shared/domain/limits.ts). Fields the
 * schema does not know are kept as they are ({@link overlay}). A row refused only for values it already had in
 * the database (written before a limit existed) is written unchanged, so an old oversized
 * summary never blocks a status change; anything new that breaks a rule is refused with a
 * RepoError whose `field` is the dotted path (`impact.summary`).
 */
function checkRow(schema: ZodType, row: Row, old: Row | undefined): Row {
  const parsed = schema.safeParse(row);
  if (parsed.success) return overlay(row, parsed.data) as Row;
  const fresh = parsed.error.issues.filter(
    (issue) => old === undefined || valueAt(old, issue.path) !== valueAt(row, issue.path),
  );
  const first = fresh[0];
  if (!first) return row;
  throw new RepoError(first.message, first.path.map(String).join('.'));
}

/** Each row the guard changed (cleaned text), mapped to the row it wrote instead. */
const writtenAs = new WeakMap<object, object>();

/**
 * The row as the guard wrote it: `row` itself, or its cleaned copy when the guard changed it
 * (text normalised, control characters removed). The commit announces these, so other windows
 * and seats hear what is stored, not what was asked for.
 */
export function asWritten<T extends object>(row: T): T {
  return (writtenAs.get(row) as T | undefined) ?? row;
}

function guardTable(table: DBCoreTable): DBCoreTable {
  const schema = TABLE_SCHEMAS[table.name];
  if (!schema) return table;
  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const rows = req.values as Row[];
      const out: Row[] = new Array<Row>(rows.length);
      let failed: number[] | null = null;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (trusted.delete(row)) {
          // Trusted for this one write: an object edited in place and written again is checked.
          out[i] = row;
          continue;
        }
        const parsed = schema.safeParse(row);
        if (parsed.success) {
          out[i] = overlay(row, parsed.data) as Row;
          writtenAs.set(row, out[i]!);
        } else (failed ??= []).push(i);
      }
      if (failed) {
        // Only now read what is stored: a refusal may be of a value the row already had.
        const key = table.schema.primaryKey.extractKey;
        const keys: unknown[] = failed.map((i): unknown => (key ? key(rows[i]) : req.keys?.[i]));
        const olds =
          req.type === 'put'
            ? ((await table.getMany({ trans: req.trans, keys })) as (Row | undefined)[])
            : [];
        failed.forEach((i, n) => {
          out[i] = checkRow(schema, rows[i]!, olds[n]);
          if (out[i] !== rows[i]) writtenAs.set(rows[i]!, out[i]);
        });
      }
      return table.mutate({ ...req, values: out });
    },
  };
}

/**
 * Dexie middleware holding every row written through Dexie to its table's zod schema: forms,
 * commands and imports all meet the same limits and the same Unicode rule. (The scribe's plain
 * entries take the commit's fast path to the native connection; the command that made them,
 * shared/commands/timeline-entry.ts, checks their text, and its row is built already checked.) A refused write throws before anything reaches
 * IndexedDB, so the transaction aborts with nothing written.
 */
export const writeGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'warroom-write-guard',
  create: (down: DBCore) => ({
    ...down,
    table: (name: string) => guardTable(down.table(name)),
  }),
};
