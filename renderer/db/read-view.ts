import type { TableName } from '../../shared/commands/change-set';
import type { WarroomDb } from './schema';

/** A table's write methods: only the commit (renderer/db/commit.ts) may call them. */
type WriteMethod =
  | 'add'
  | 'bulkAdd'
  | 'put'
  | 'bulkPut'
  | 'update'
  | 'bulkUpdate'
  | 'upsert'
  | 'delete'
  | 'bulkDelete'
  | 'clear'
  | 'hook'
  | 'mapToClass'
  | 'defineClass';

/**
 * A table as components, hooks and command runners see it: every query (get, where, orderBy,
 * toArray…), no write method. Collections reached through it still carry Dexie's `modify` and
 * `delete`; the lint rule on writes outside the commit covers those.
 */
export type ReadonlyTable<N extends TableName> = Omit<WarroomDb[N], WriteMethod>;

/**
 * The database as everything but the commit sees it (typed, read-only): its tables, its name,
 * read transactions. `useDb()` returns this; writes go through `useCommand()`.
 */
export type ReadonlyDb = { readonly [N in TableName]: ReadonlyTable<N> } & Pick<
  WarroomDb,
  'name' | 'isOpen'
> & {
    /** A read transaction over some tables (a consistent snapshot for exports and reports). */
    transaction<R>(
      mode: 'r' | 'readonly',
      tables: readonly unknown[],
      scope: () => Promise<R> | R,
    ): Promise<R>;
  };
