import Dexie from 'dexie';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChangeSet } from '../../../shared/commands/change-set';
import { compareEntries, type TimelineEntry } from '../../../shared/domain/timeline';
import { subscribeChanges, type ChangeEvent } from '../../db/commit';
import { classifyStorageError } from '../../../shared/logic/storage-errors';
import type { ReadonlyDb } from '../../db/read-view';

/** Rows read first so the newest entries paint at once, before the whole record has loaded. */
export const FIRST_PAINT_ROWS = 200;

/** A write still running after this long shows its entry early, marked "Saving…". */
export const SHOW_SAVING_AFTER_MS = 150;

/**
 * The tail is folded into the list when it grows past this many rows (it is not virtualised).
 * Not on a timer: folding moves the rows into the virtualised list, which mounts them anew, so
 * a message opened or an edit begun on a just-logged row would close under the reader.
 */
export const TAIL_MAX = 25;

/** A change set with more entries than this for one incident is read back whole. */
const REREAD_OVER = 500;

/** Resolves after the browser has had a chance to paint (a timer tick where there is no paint). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}

/** Position of `e` in a sorted array (or where it would go), by timeline order. */
export function position(list: readonly TimelineEntry[], e: TimelineEntry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(list[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What a timeline feed holds. */
export interface TimelineFeedState {
  /**
   * Every entry of the incident (deleted ones too, for "Show deleted") in timeline order, except
   * those in `tail`; undefined until the first rows answer.
   */
  entries: readonly TimelineEntry[] | undefined;
  /**
   * Entries just added that sort after every entry in `entries`, in timeline order: shown after
   * the virtualised list, so a new entry reaches the screen without the list (50,000 rows) being
   * derived again. Folded into `entries` when it grows past {@link TAIL_MAX}.
   */
  tail: readonly TimelineEntry[];
  /** Ids of tail entries this window is still writing ("Saving…"). */
  saving: ReadonlySet<string>;
  /** True once the whole record has been read (the first paint shows only the newest rows). */
  complete: boolean;
  /** Why the timeline could not be read, while it cannot; null when all is well. */
  error: string | null;
}

export interface TimelineFeed {
  store: StoreApi<TimelineFeedState>;
  /** Starts (or, after `stop`, restarts) following the timeline; does nothing if running. */
  start: () => void;
  /**
   * Says whether focus is inside a tail row: while it is, the tail is not folded into the list
   * (which would mount the row anew under the user's hands).
   */
  hold: (held: boolean) => void;
  /** Reads the whole record again (after a failed read). */
  retry: () => void;
  stop: () => void;
}

const NONE: ReadonlySet<string> = new Set();

function describeReadError(error: unknown): string {
  // The storage's own words go to the console, never to the screen (issue 12).
  console.error('Warroom: the timeline could not be read', error);
  const why =
    classifyStorageError(error) === 'closed'
      ? 'the connection to the database was lost'
      : 'the disk refused the read';
  return `The timeline could not be read from this computer's storage: ${why}. Press Read again.`;
}

/**
 * Watches one incident's timeline. It reads the [incidentId+occurredAt] index once (the newest
 * rows first, for a fast first paint), then follows the commit's change events
 * (renderer/db/commit.ts) for this window and the app's other windows: the rows arrive in the
 * event, so nothing is read back. A change set too large to patch in (a restored backup) makes
 * it read the record again. A failed read is reported in `error` (with `retry`), never
 * swallowed: the list keeps what it had.
 */
export function watchTimeline(
  db: ReadonlyDb,
  incidentId: string,
  opts: { start?: boolean } = {},
): TimelineFeed {
  const store = createStore<TimelineFeedState>(() => ({
    entries: undefined,
    tail: [],
    saving: NONE,
    complete: false,
    error: null,
  }));
  let stopped = true;
  let loaded = false;
  let unsubscribe = () => {};
  /** Bumped by every start, so reads of an earlier run are dropped. */
  let generation = 0;
  /** Events that arrived while the record was being read, applied once it is. */
  let queued: ChangeSet[] = [];
  const savingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** True while focus is inside a tail row (see `hold`): folding waits. */
  let held = false;
  const range = () =>
    db.timelineEntries
      .where('[incidentId+occurredAt]')
      .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]);

  const fold = () => {
    const s = store.getState();
    if (s.tail.length === 0 || !s.entries) return;
    // Keep the rows still being written in the tail: they carry "Saving…".
    const keep = s.tail.filter((e) => s.saving.has(e.id));
    const move = s.tail.filter((e) => !s.saving.has(e.id));
    if (move.length === 0) return;
    store.setState({ entries: [...s.entries, ...move], tail: keep });
  };

  let foldQueued = false;
  /** Folds in a task of its own: re-deriving the list must not sit between Enter and the row. */
  const scheduleFold = (tailLength: number) => {
    if (tailLength <= TAIL_MAX || held || foldQueued) return;
    foldQueued = true;
    setTimeout(() => {
      foldQueued = false;
      if (!stopped && !held && store.getState().tail.length > TAIL_MAX) fold();
    }, 0);
  };

  /**
   * Puts rows in (replacing any with the same id) and takes removed ids out. `fresh` says the
   * rows are new (added, not updated): no older copy needs finding, the common case kept cheap.
   */
  const patch = (
    rows: readonly TimelineEntry[],
    removed: readonly string[],
    opts: { saving?: string; fresh?: boolean } = {},
  ) => {
    const saving = opts.saving;
    const s = store.getState();
    const entries = s.entries ?? [];
    let tail: readonly TimelineEntry[] = s.tail;
    let list: TimelineEntry[] | null = null;
    const gone = new Set([...removed, ...rows.map((r) => r.id)]);
    // Out of the tail first (cheap), then out of the list where it is held.
    if (tail.some((e) => gone.has(e.id))) tail = tail.filter((e) => !gone.has(e.id));
    for (const r of opts.fresh ? [] : rows) {
      const old = entries[position(entries, r)];
      if (old?.id === r.id) continue;
      // An entry whose time changed sits elsewhere: find it by id (rare: an edit of the time).
      const at = entries.findIndex((e) => e.id === r.id);
      if (at >= 0) {
        list ??= entries.slice();
        list.splice(
          list.findIndex((e) => e.id === r.id),
          1,
        );
      }
    }
    for (const id of removed) {
      const src = list ?? entries;
      const at = src.findIndex((e) => e.id === id);
      if (at >= 0) {
        list ??= entries.slice();
        list.splice(
          list.findIndex((e) => e.id === id),
          1,
        );
      }
    }
    for (const r of rows) {
      if (r.incidentId !== incidentId) continue;
      const src = list ?? entries;
      const at = position(src, r);
      if (src[at]?.id === r.id) {
        list ??= entries.slice();
        list[at] = r;
        continue;
      }
      const last = src[src.length - 1];
      if (!last || compareEntries(last, r) < 0) {
        // After everything in the list: the tail, in order.
        const next = [...tail.filter((e) => e.id !== r.id), r];
        tail = next.length > 1 ? next.sort(compareEntries) : next;
      } else {
        list ??= entries.slice();
        list.splice(position(list, r), 0, r);
      }
    }
    // A tail entry must still sort after the list's last (a backdated entry moved the list on).
    if (list && tail.length) {
      const last = list[list.length - 1];
      if (last && tail.some((e) => compareEntries(e, last) < 0)) {
        list = [...list, ...tail].sort(compareEntries);
        tail = [];
      }
    }
    let savingSet = s.saving;
    if (saving !== undefined) savingSet = new Set(savingSet).add(saving);
    for (const id of gone)
      if (savingSet.has(id) && id !== saving) {
        const next = new Set(savingSet);
        next.delete(id);
        savingSet = next;
      }
    store.setState({ entries: list ?? entries, tail, saving: savingSet });
    if (tail.length) scheduleFold(tail.length);
  };

  const dropSaving = (id: string) => {
    clearTimeout(savingTimers.get(id));
    savingTimers.delete(id);
  };

  const applyCommitted = (cs: ChangeSet) => {
    const mine = (e: TimelineEntry) => e.incidentId === incidentId;
    const added = (cs.changes.timelineEntries?.added ?? []).filter(mine);
    const updated = (cs.changes.timelineEntries?.updated ?? []).filter(mine);
    const removed = cs.changes.timelineEntries?.removed ?? [];
    if (added.length + updated.length + removed.length === 0) return;
    for (const r of added) dropSaving(r.id);
    if (added.length + updated.length > REREAD_OVER) {
      void loadAll();
      return;
    }
    if (added.length) {
      // Shown early as "Saving…" already? Then it is in the tail: replace it there.
      const s = store.getState();
      const early = added.some((e) => s.tail.some((t) => t.id === e.id));
      patch(added, [], { fresh: !early });
    }
    if (updated.length || removed.length) patch(updated, removed);
  };

  const onEvent = (event: ChangeEvent) => {
    if (stopped) return;
    const cs = event.changeSet;
    if (event.status === 'pending') {
      // This window's write: show it early, as "Saving…", only if the disk is slow.
      for (const e of cs.changes.timelineEntries?.added ?? []) {
        if (e.incidentId !== incidentId) continue;
        savingTimers.set(
          e.id,
          setTimeout(() => {
            savingTimers.delete(e.id);
            if (!stopped && loaded) patch([e], [], { saving: e.id, fresh: true });
          }, SHOW_SAVING_AFTER_MS),
        );
      }
      return;
    }
    if (event.status === 'failed') {
      // Nothing was written: an entry shown early as "Saving…" goes, wherever it sits (a
      // backdated one sits in the list, not the tail).
      const ids = (cs.changes.timelineEntries?.added ?? []).map((e) => e.id);
      ids.forEach(dropSaving);
      const shown = ids.filter((id) => store.getState().saving.has(id));
      if (shown.length) patch([], shown);
      return;
    }
    if (event.omitted?.includes('timelineEntries')) {
      // Too many rows to send between windows: read the record again.
      void loadAll();
      return;
    }
    if (!loaded) {
      queued.push(cs);
      return;
    }
    // Committed: no longer saving.
    const s = store.getState();
    const ids = (cs.changes.timelineEntries?.added ?? []).map((e) => e.id);
    if (ids.some((id) => s.saving.has(id))) {
      const saving = new Set(s.saving);
      ids.forEach((id) => saving.delete(id));
      store.setState({ saving });
    }
    applyCommitted(cs);
  };

  const fail = (error: unknown) => {
    if (!stopped) store.setState({ error: describeReadError(error) });
  };

  async function loadAll(): Promise<void> {
    const gen = generation;
    try {
      const rows = (await range().toArray()).sort(compareEntries);
      if (stopped || gen !== generation) return;
      loaded = true;
      const s = store.getState();
      const saving = s.tail.filter((e) => s.saving.has(e.id) && !rows.some((r) => r.id === e.id));
      store.setState({ entries: rows, tail: saving, complete: true, error: null });
      const later = queued;
      queued = [];
      for (const cs of later) applyCommitted(cs);
    } catch (error) {
      fail(error);
    }
  }

  const start = () => {
    if (!stopped) return;
    stopped = false;
    loaded = false;
    queued = [];
    // A read begun before a stop must not land after the restart (a development double mount).
    const gen = ++generation;
    unsubscribe = subscribeChanges(db, onEvent);
    void (async () => {
      try {
        const newest = await range().reverse().limit(FIRST_PAINT_ROWS).toArray();
        if (stopped || gen !== generation) return;
        if (!loaded)
          store.setState({ entries: newest.reverse().sort(compareEntries), error: null });
        // Let the newest rows paint before the whole record is read: deserialising 50,000 rows
        // holds the main thread for a while.
        await afterNextPaint();
        if (!stopped && gen === generation) await loadAll();
      } catch (error) {
        fail(error);
      }
    })();
  };
  if (opts.start !== false) start();

  return {
    store,
    start,
    hold: (next) => {
      held = next;
      if (!held) scheduleFold(store.getState().tail.length);
    },
    retry: () => {
      store.setState({ error: null });
      void loadAll();
    },
    stop: () => {
      stopped = true;
      unsubscribe();
      savingTimers.forEach((t) => clearTimeout(t));
      savingTimers.clear();
    },
  };
}
