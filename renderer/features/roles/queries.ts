import { useLiveQuery } from 'dexie-react-hooks';
import type { RoleAssignment } from '../../../shared/domain/roles';
import { suggestNames } from '../../../shared/logic/roles';
import { useDb } from '../../db/db-context';
import { listPeople } from '../../db/repo/people';
import { listAssignments, readCustomRoleNames } from '../../db/repo/roles';

/** Every tenure of an incident, oldest first, live; undefined until the first read answers. */
export function useAssignments(incidentId: string): RoleAssignment[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listAssignments(db, incidentId), [db, incidentId]);
}

/** Custom role names of an incident (added or assigned), live. */
export function useCustomRoleNames(incidentId: string): string[] {
  const db = useDb();
  return useLiveQuery(() => readCustomRoleNames(db, incidentId), [db, incidentId], []);
}

/** Names from the people directory, most recently used first, live. */
export function usePeopleNames(): string[] {
  const db = useDb();
  return useLiveQuery(async () => suggestNames(await listPeople(db)), [db], []);
}
