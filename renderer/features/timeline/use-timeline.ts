import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { compareEntries, type TimelineEntry } from '../../../shared/domain/timeline';
import { useDb } from '../../db/db-context';
import { readCustomRoleNames } from '../../db/repo/roles';

/**
 * Every entry of an incident (deleted ones too, for "Show deleted"), live, in timeline order;
 * undefined until the first read answers. Reads the [incidentId+occurredAt] index, so rows come
 * back almost sorted and the sort (for equal occurredAt: loggedAt, then id) is close to linear.
 */
export function useTimelineEntries(incidentId: string): TimelineEntry[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () =>
      (
        await db.timelineEntries
          .where('[incidentId+occurredAt]')
          .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
          .toArray()
      ).sort(compareEntries),
    [db, incidentId],
  );
}

const NO_NAMES: string[] = [];

/** The incident's custom role names, live, for `/role <custom role> <name>`. */
export function useCustomRoleNames(incidentId: string): string[] {
  const db = useDb();
  return useLiveQuery(() => readCustomRoleNames(db, incidentId), [db, incidentId], NO_NAMES);
}
