import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import type {
  ActionItem,
  ContributingCause,
  Hypothesis,
  Person,
  Postmortem,
  Service,
} from '../../../shared/domain/records';
import type { RoleAssignment } from '../../../shared/domain/roles';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { causeSuggestions, type CauseSuggestion } from '../../../shared/logic/causes';
import { useDb } from '../../db/db-context';
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

/** The post-mortem and the record it is written from, live; undefined until the first read. */
export function usePostmortemData(incidentId: string): PostmortemData | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
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
  }, [db, incidentId]);
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

/**
 * Cause tags used in the other incidents' post-mortems, live, for the Contributing cause
 * field's suggestions (those already on this post-mortem left out); undefined until read.
 */
export function useCauseSuggestions(
  incidentId: string,
  current: readonly ContributingCause[],
): CauseSuggestion[] | undefined {
  const db = useDb();
  const others = useLiveQuery(
    () =>
      db.postmortems.filter((pm) => pm.incidentId !== incidentId && !!pm.causes?.length).toArray(),
    [db, incidentId],
  );
  return useMemo(() => (others ? causeSuggestions(others, current) : undefined), [others, current]);
}
