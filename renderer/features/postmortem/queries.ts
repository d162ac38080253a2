import { useLiveQuery } from 'dexie-react-hooks';
import type { Incident } from '../../../shared/domain/incident';
import type {
  ActionItem,
  Hypothesis,
  Person,
  Postmortem,
  Service,
} from '../../../shared/domain/records';
import type { RoleAssignment } from '../../../shared/domain/roles';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { useDb } from '../../db/db-context';
import type { ReadonlyDb } from '../../db/read-view';
import { listAssignments } from '../../db/repo/roles';

/** Everything the post-mortem editor reads for one incident. */
export interface PostmortemData {
  postmortem: Postmortem | null;
  entries: TimelineEntry[];
  assignments: RoleAssignment[];
  actionItems: ActionItem[];
  hypotheses: Hypothesis[];
  people: Person[];
  services: Service[];
}

/**
 * The post-mortem and the record it is written from, read once (action items oldest first; the
 * post-mortem null when it has not been created yet). The live query below and the copy and
 * export (read after this window's writes have settled) read the same way.
 */
export async function readPostmortemData(
  db: ReadonlyDb,
  incidentId: string,
): Promise<PostmortemData> {
  const [postmortem, entries, assignments, actionItems, hypotheses, people, services] =
    await Promise.all([
      db.postmortems.get(incidentId),
      db.timelineEntries.where('incidentId').equals(incidentId).toArray(),
      listAssignments(db, incidentId),
      db.actionItems.where('incidentId').equals(incidentId).toArray(),
      db.hypotheses.where('incidentId').equals(incidentId).toArray(),
      db.people.toArray(),
      db.services.toArray(),
    ]);
  return {
    postmortem: postmortem ?? null,
    entries,
    assignments,
    actionItems: actionItems.sort((a, b) => a.createdAt - b.createdAt),
    hypotheses,
    people,
    services,
  };
}

/** The post-mortem and the record it is written from, live; undefined until the first read. */
export function usePostmortemData(incidentId: string): PostmortemData | undefined {
  const db = useDb();
  return useLiveQuery(() => readPostmortemData(db, incidentId), [db, incidentId]);
}

/** Resolved incidents with their post-mortem status, live (for the overdue list). */
export function useResolvedWithPostmortems():
  { incident: Incident; status: Postmortem['status'] | null }[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const resolved = await db.incidents.where('status').equals('resolved').toArray();
    const pms = await db.postmortems.bulkGet(resolved.map((i) => i.id));
    return resolved.map((incident, i) => ({ incident, status: pms[i]?.status ?? null }));
  }, [db]);
}
