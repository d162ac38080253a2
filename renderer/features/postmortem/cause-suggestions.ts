import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { ContributingCause, Postmortem } from '../../../shared/domain/records';
import { causeSuggestions, type CauseSuggestion } from '../../../shared/logic/causes';
import { useDb } from '../../db/db-context';

/**
 * Cause tags used in the other incidents' post-mortems, live, for the Contributing cause
 * field's suggestions (those already on this post-mortem left out); undefined until read.
 * Its own module (not queries.ts, which the start-up bundle holds) so it loads with the editor.
 *
 * The others are read by their keys (the table's keys, then `bulkGet` of all but this one), so
 * Dexie's live-query tracking watches exactly those rows plus additions and deletions: the
 * editor's autosave of this post-mortem (every 400 ms while the author types) does not re-read
 * the other post-mortems; a change to another one does. (A `where().notEqual()` range would not
 * do: Dexie reads it with one cursor over the whole key range and tracks that whole range.)
 */
export function useCauseSuggestions(
  incidentId: string,
  current: readonly ContributingCause[],
): CauseSuggestion[] | undefined {
  const db = useDb();
  const others = useLiveQuery(async () => {
    const ids = (await db.postmortems.toCollection().primaryKeys()).filter(
      (id) => id !== incidentId,
    );
    return (await db.postmortems.bulkGet(ids)).filter(
      (pm): pm is Postmortem => !!pm?.causes?.length,
    );
  }, [db, incidentId]);
  return useMemo(() => (others ? causeSuggestions(others, current) : undefined), [others, current]);
}
