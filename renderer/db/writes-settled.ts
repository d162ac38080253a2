import type { ReadonlyDb } from './read-view';

/**
 * The writes this window has issued and that have not finished yet, per database (by name, as
 * the change events are), so that whatever turns the record into text to copy or export can
 * first wait for them ({@link writesSettled}) and then read what is stored. Without it, a copy
 * pressed right after a change (an action item's status, a log line) is built from what the
 * screen's live queries last read, before the change's commit landed or its change event re-ran
 * them, and holds the old value.
 *
 * The commit (db/commit.ts) tracks every write it is asked for, and `useCommand` tracks each
 * command as a whole (so a command that reads before it commits is waited for from the moment
 * it is called). Other windows' writes are not tracked: they are theirs to wait for.
 */

type DbName = Pick<ReadonlyDb, 'name'>;

/** Per database name: a promise per write under way, each settled (never rejecting) when it is. */
const underWay = new Map<string, Set<Promise<void>>>();

const noop = (): void => undefined;

/**
 * How long {@link writesSettled} waits at most, ms: a write that hangs (another window holding
 * the database in an upgrade, a stalled disk) must not leave Copy or Export waiting for ever.
 */
export const SETTLE_WAIT_MS = 2_000;

/**
 * Notes a write issued by this window to `db` (a commit, or a whole command), until it settles,
 * whether it succeeds or fails. Returns a promise of the same result or rejection as `write`:
 * the caller's to handle, and reported as unhandled when it is not (the tracking itself never
 * handles a rejection in the caller's place).
 */
export function trackWrite<T>(db: DbName, write: Promise<T>): Promise<T> {
  let set = underWay.get(db.name);
  if (!set) {
    set = new Set();
    underWay.set(db.name, set);
  }
  const own = set;
  let settle: () => void = noop;
  const done = new Promise<void>((resolve) => {
    settle = resolve;
  });
  own.add(done);
  const forget = () => {
    own.delete(done);
    if (own.size === 0 && underWay.get(db.name) === own) underWay.delete(db.name);
    settle();
  };
  return write.then(
    (result) => {
      forget();
      return result;
    },
    (error: unknown) => {
      forget();
      throw error;
    },
  );
}

/**
 * Resolves once every write this window had issued to `db` when it was called has settled
 * (committed or failed: a failure is its caller's to report, and what is stored is then the
 * truth), or after `maxWaitMs` (default {@link SETTLE_WAIT_MS}) if one has not: true when all
 * settled, false when the wait ran out. Writes issued after the call are not waited for, so a
 * steady stream of writes never holds it back. Never rejects; resolves at once (true) when
 * nothing is under way.
 */
export function writesSettled(db: DbName, maxWaitMs = SETTLE_WAIT_MS): Promise<boolean> {
  const set = underWay.get(db.name);
  if (!set || set.size === 0) return Promise.resolve(true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), maxWaitMs);
  });
  const all = Promise.all([...set]).then(() => true);
  return Promise.race([all, timedOut]).finally(() => clearTimeout(timer));
}

/** How many writes to `db` are under way in this window (for tests and diagnostics). */
export function writesUnderWay(db: DbName): number {
  return underWay.get(db.name)?.size ?? 0;
}

/**
 * Reads after every write this window has already issued to `db` has settled: `read` runs
 * against the database only then, so it sees those writes (or, for one that failed, what is
 * stored instead). A write still under way after {@link SETTLE_WAIT_MS} is not waited for any
 * longer: `read` then sees what is stored without it. For building text to copy or export from
 * the record. Rejects as `read` does.
 */
export async function readSettled<T>(
  db: ReadonlyDb,
  read: (db: ReadonlyDb) => Promise<T>,
): Promise<T> {
  await writesSettled(db);
  return read(db);
}
