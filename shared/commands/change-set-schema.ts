import { z } from 'zod';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '../domain/tables';
import { timestampSchema } from '../domain/timestamp';
import type { ChangeSet } from './change-set';

/**
 * The wire shape of a change set, for one that arrives from elsewhere (another seat, later):
 * every row is held to its table's schema (shared/domain/tables.ts), removed keys are strings,
 * unknown tables are refused. A change set made on this seat by a command needs no parsing.
 */

const keySchema = z.string().min(1).max(200);

function tableChangeSchema(table: TableName) {
  const row = TABLE_SCHEMAS[table];
  return z
    .object({
      added: z.array(row).optional(),
      updated: z.array(row).optional(),
      removed: z.array(keySchema).optional(),
    })
    .strict();
}

const changesSchema = z
  .object(
    Object.fromEntries(
      TABLE_NAMES.map((t) => [t, tableChangeSchema(t).optional()]),
    ) as unknown as Record<TableName, ReturnType<typeof tableChangeSchema>>,
  )
  .strict();

export const changeSetSchema = z
  .object({
    id: keySchema,
    at: timestampSchema,
    origin: z.object({ seat: keySchema, window: keySchema }).strict(),
    changes: changesSchema,
  })
  .strict();

/**
 * Checks a change set received from outside this window. Returns it (rows as parsed: text
 * cleaned by the schemas) or the first problem, naming its path ("changes.incidents.added.0.title:
 * …"). Never throws.
 */
export function parseChangeSet(
  value: unknown,
): { ok: true; changeSet: ChangeSet } | { ok: false; problem: string } {
  const parsed = changeSetSchema.safeParse(value);
  if (parsed.success) return { ok: true, changeSet: parsed.data as unknown as ChangeSet };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  return {
    ok: false,
    problem: `${where ? `${where}: ` : ''}${issue?.message ?? 'not a change set'}`,
  };
}
