import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import { compareEntries, type TimelineEntry } from '../../../shared/domain/timeline';
import type { WarroomDb } from '../../db/schema';

/** Rows read first so the newest entries paint at once, before the whole record has loaded. */
export const FIRST_PAINT_ROWS = 200;

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

/**
 * Watches one incident's timeline and calls `onChange` with every entry (deleted ones too) in
 * timeline order. It reads the [incidentId+occurredAt] index once (the newest rows first, for
 * a fast first paint), then patches the list from Dexie's `storagemutated` notifications, which
 * carry the primary keys each committed transaction touched, in this window and in others. A
 * requery of 50,000 rows takes seconds; fetching the few changed rows takes milliseconds. Any
 * change it cannot pin to keys (a bulk write, a range delete) triggers a full reread.
 */
export function watchTimeline(
  db: WarroomDb,
  incidentId: string,
  onChange: (entries: readonly TimelineEntry[], complete: boolean) => void,
): { stop: () => void } {
  let entries: TimelineEntry[] = [];
  const byId = new Map<string, TimelineEntry>();
  let stopped = false;
  let loaded = false;
  let reread = false;
  const keys = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  const pkPart = `idb://${db.name}/timelineEntries/`;
  const delsPart = `${pkPart}:dels`;
  const range = () =>
    db.timelineEntries
      .where('[incidentId+occurredAt]')
      .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]);

  const publish = (complete: boolean) => {
    if (!stopped) onChange(entries, complete);
  };

  const loadAll = async () => {
    const rows = (await range().toArray()).sort(compareEntries);
    entries = rows;
    byId.clear();
    for (const e of rows) byId.set(e.id, e);
    loaded = true;
    publish(true);
  };

  const apply = async () => {
    if (stopped || !loaded) return;
    if (reread) {
      reread = false;
      keys.clear();
      await loadAll();
      return;
    }
    if (keys.size === 0) return;
    const ids = [...keys];
    keys.clear();
    const rows = await db.timelineEntries.bulkGet(ids);
    const next = entries.slice();
    ids.forEach((id, i) => {
      const old = byId.get(id);
      if (old) {
        next.splice(position(next, old), 1);
        byId.delete(id);
      }
      const row = rows[i];
      if (row && row.incidentId === incidentId) {
        next.splice(position(next, row), 0, row);
        byId.set(id, row);
      }
    });
    entries = next;
    publish(true);
  };

  const schedule = () => {
    chain = chain.then(apply).catch(() => {
      reread = true;
    });
  };

  const onMutated = (parts: ObservabilitySet) => {
    let touched = false;
    for (const part of [pkPart, delsPart]) {
      const tree = parts[part];
      if (!tree) continue;
      for (const node of RangeSet(tree)) {
        touched = true;
        if (node.from === node.to && typeof node.from === 'string') keys.add(node.from);
        else reread = true;
      }
    }
    if (touched) schedule();
  };

  Dexie.on('storagemutated', onMutated);
  chain = (async () => {
    const newest = await range().reverse().limit(FIRST_PAINT_ROWS).toArray();
    if (stopped) return;
    entries = newest.reverse().sort(compareEntries);
    publish(false);
    // Let the newest rows paint before the whole record is read: deserialising 50,000 rows
    // holds the main thread for a while.
    await afterNextPaint();
    await loadAll();
  })()
    .then(apply)
    .catch(() => {
      reread = true;
    });

  return {
    stop: () => {
      stopped = true;
      Dexie.on.storagemutated.unsubscribe(onMutated);
    },
  };
}
