import { useLiveQuery } from 'dexie-react-hooks';
import type { Incident } from '../../../shared/domain/incident';
import { compareIncidents } from '../../../shared/logic/incident-order';
import { useDb } from '../../db/db-context';

/** Every incident in list order, live; undefined until the first read answers. */
export function useIncidents(): Incident[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.incidents.toArray()).sort(compareIncidents), [db]);
}

/** One incident, live: undefined while loading, null when it does not exist. */
export function useIncident(id: string): Incident | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.incidents.get(id)) ?? null, [db, id]);
}
