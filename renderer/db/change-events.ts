import { newId } from '../../shared/domain/ids';
import {
  tablesOf,
  TABLE_NAMES,
  type ChangeOrigin,
  type Changes,
  type ChangeSet,
  type TableName,
} from '../../shared/commands/change-set';
import type { ReadonlyDb } from './read-view';

/**
 * The typed change events of the one commit (db/commit.ts): where a change set comes from (this
 * seat, this window), and who hears of it (listeners in this window, and every other window of
 * the app through a BroadcastChannel). Listening is for everyone; announcing is the commit's.
 */

// ---------------------------------------------------------------------------------------------
// Origin

const SEAT_KEY = 'warroom:seat';

function readSeat(): string {
  try {
    const stored = globalThis.localStorage?.getItem(SEAT_KEY);
    if (stored) return stored;
    const id = newId();
    globalThis.localStorage?.setItem(SEAT_KEY, id);
    return id;
  } catch {
    // No storage for it (a locked-down profile): a seat for this session only.
    return newId();
  }
}

let origin: ChangeOrigin | undefined;

/** This seat (stable per install, kept in localStorage) and this window (one per page load). */
export function thisOrigin(): ChangeOrigin {
  return (origin ??= { seat: readSeat(), window: newId() });
}

// ---------------------------------------------------------------------------------------------
// Change events

/**
 * A change set on its way:
 * - `pending`: handed to the disk, not committed yet (this window only; shown as "Saving…" by
 *   whoever cares once it takes long);
 * - `committed`: on disk (this window, or another window of the app: `changeSet.origin` says);
 * - `failed`: refused by the storage, nothing written (this window only); `error` says why.
 */
export type ChangeEvent =
  | {
      readonly status: 'pending' | 'committed';
      readonly changeSet: ChangeSet;
      /**
       * Set on a committed change set from another window that was too large to send whole
       * (a restored backup): the tables it wrote, whose rows are left out of `changeSet`.
       * Listeners read those tables again.
       */
      readonly omitted?: readonly TableName[];
    }
  | { readonly status: 'failed'; readonly changeSet: ChangeSet; readonly error: unknown };

/**
 * A committed change set with more rows than this is announced to other windows without its
 * rows (they read again): cloning 200,000 entries into every window would hold each of them.
 */
export const BROADCAST_ROWS_MAX = 2_000;

function rowCount(changes: Changes): number {
  let n = 0;
  for (const t of TABLE_NAMES) {
    const c = changes[t];
    if (c) n += (c.added?.length ?? 0) + (c.updated?.length ?? 0) + (c.removed?.length ?? 0);
  }
  return n;
}

export type ChangeListener = (event: ChangeEvent) => void;

interface Channel {
  listeners: Set<ChangeListener>;
  broadcast: BroadcastChannel | null;
}

const channels = new Map<string, Channel>();

function channelOf(dbName: string): Channel {
  const ch = channels.get(dbName);
  if (ch) return ch;
  const created: Channel = { listeners: new Set(), broadcast: null };
  if (typeof BroadcastChannel === 'function') {
    const bc = new BroadcastChannel(`warroom-changes:${dbName}`);
    bc.onmessage = (msg: MessageEvent<unknown>) => {
      const data = msg.data as { changeSet?: ChangeSet; omitted?: TableName[] } | null;
      const cs = data?.changeSet;
      if (cs && typeof cs === 'object' && 'changes' in cs)
        dispatch(created, { status: 'committed', changeSet: cs, omitted: data.omitted });
    };
    // Never keep a Node test process alive for this.
    (bc as { unref?: () => void }).unref?.();
    created.broadcast = bc;
  }
  channels.set(dbName, created);
  return created;
}

function dispatch(ch: Channel, event: ChangeEvent): void {
  for (const l of [...ch.listeners]) {
    try {
      l(event);
    } catch (error) {
      // One listener's bug must not stop the others from hearing of the change.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/**
 * Calls `listener` with every change event of this database: this window's change sets as they
 * go to disk and commit (or fail), other windows' once committed. Returns the unsubscribe.
 */
export function subscribeChanges(
  db: Pick<ReadonlyDb, 'name'>,
  listener: ChangeListener,
): () => void {
  const ch = channelOf(db.name);
  ch.listeners.add(listener);
  return () => ch.listeners.delete(listener);
}

/**
 * Tells this window's listeners and the app's other windows about a change set. For the commit
 * (db/commit.ts) alone: anything else announcing would describe writes that did not happen.
 */
export function announce(db: Pick<ReadonlyDb, 'name'>, event: ChangeEvent): void {
  const ch = channelOf(db.name);
  dispatch(ch, event);
  const bc = ch.broadcast;
  if (event.status === 'committed' && bc) {
    const cs = event.changeSet;
    // Other windows hear of it a task later: cloning the rows is not the scribe's to wait for.
    setTimeout(() => {
      const large = rowCount(cs.changes) > BROADCAST_ROWS_MAX;
      try {
        bc.postMessage(
          large
            ? { changeSet: { ...cs, changes: {} }, omitted: tablesOf(cs.changes) }
            : { changeSet: cs },
        );
      } catch {
        // A row that cannot be cloned cannot be in IndexedDB either; nothing to tell.
      }
    }, 0);
  }
}
