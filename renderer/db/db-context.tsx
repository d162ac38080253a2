import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { StorageRecovery, type RecoveryState } from './recovery';
import type { ReadonlyDb } from './read-view';
import type { WarroomDb } from './schema';
import { readSettled, trackWrite } from './writes-settled';

const DbContext = createContext<WarroomDb | null>(null);
const RecoveryContext = createContext<StorageRecovery | null>(null);

/**
 * Provides the open database to the tree (tests pass their own fresh one), with the recovery
 * that reopens it after a storage failure (db/recovery.ts).
 */
export function DbProvider({ db, children }: { db: WarroomDb; children: ReactNode }) {
  const recovery = useMemo(() => new StorageRecovery(db), [db]);
  useEffect(() => {
    recovery.start();
    return () => recovery.dispose();
  }, [recovery]);
  return (
    <DbContext.Provider value={db}>
      <RecoveryContext.Provider value={recovery}>{children}</RecoveryContext.Provider>
    </DbContext.Provider>
  );
}

/**
 * The open database, to read (typed, read-only: no table write methods). Writes go through
 * {@link useCommand}.
 */
export function useDb(): ReadonlyDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb must be used inside <DbProvider>');
  return db;
}

/** A command runner: calls a repo command with the open database and the given arguments. */
export type RunCommand = <A extends unknown[], R>(
  command: (db: WarroomDb, ...args: A) => Promise<R>,
  ...args: A
) => Promise<R>;

/**
 * How components act: `const run = useCommand(); await run(changeStatus, id, 'mitigated', ctx)`.
 * Every repo command reads its facts and commits one change set (db/commit.ts); its refusals
 * (RepoError naming the field) and storage failures reject the promise. Each command is
 * tracked from the moment it is called until it settles (db/writes-settled.ts), so a copy or
 * export read with {@link useSettledRead} sees it. Stable for the database's life, so it can
 * sit in dependency lists.
 */
export function useCommand(): RunCommand {
  const db = useContext(DbContext);
  if (!db) throw new Error('useCommand must be used inside <DbProvider>');
  return useMemo<RunCommand>(
    () =>
      (command, ...args) =>
        trackWrite(db, command(db, ...args)),
    [db],
  );
}

/** Reads the record once this window's writes already issued have settled. */
export type SettledRead = <T>(read: (db: ReadonlyDb) => Promise<T>) => Promise<T>;

/**
 * How text to copy or export is read: `const fresh = await settledRead((db) => readX(db, id))`
 * runs `read` only after every write (command or commit) this window had issued when it was
 * called has committed or failed, so the text holds a change made a moment before the button
 * was pressed, even while the screen's live queries still show the value before it. Rejects as
 * `read` does. Stable for the database's life.
 */
export function useSettledRead(): SettledRead {
  const db = useContext(DbContext);
  if (!db) throw new Error('useSettledRead must be used inside <DbProvider>');
  return useMemo<SettledRead>(() => (read) => readSettled(db, read), [db]);
}

const OK: RecoveryState = { status: 'ok' };
const noop = () => () => undefined;

/**
 * The storage's state and a Retry that reopens the database and proves a write now; `retry`
 * resolves true when writes work again (always true before the recovery has started).
 */
export function useStorageRecovery(): { state: RecoveryState; retry: () => Promise<boolean> } {
  const recovery = useContext(RecoveryContext);
  const state = useSyncExternalStore(
    recovery ? (l) => recovery.subscribe(l) : noop,
    () => recovery?.current ?? OK,
  );
  return { state, retry: () => recovery?.retryNow() ?? Promise.resolve(true) };
}
