import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ContributingCause } from '../../../shared/domain/records';
import { causeSuggestions, type CauseSuggestion } from '../../../shared/logic/causes';
import { useDb } from '../../db/db-context';

/**
 * Cause tags used in the other incidents' post-mortems, live, for the Contributing cause
 * field's suggestions (those already on this post-mortem left out); undefined until read.
 * Its own module (not queries.ts, which the start-up bundle holds) so it loads with the editor.
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
