import { useLiveQuery } from 'dexie-react-hooks';
import type { Hypothesis } from '../../../shared/domain/records';
import { useDb } from '../../db/db-context';

/** Open hypotheses first (soonest due first), then closed ones, latest closed first. */
export function compareHypotheses(a: Hypothesis, b: Hypothesis): number {
  const open = Number(b.status === 'open') - Number(a.status === 'open');
  if (open) return open;
  if (a.status === 'open') return a.dueAt - b.dueAt;
  return (b.closedAt ?? 0) - (a.closedAt ?? 0);
}

/** An incident's hypotheses, live, in display order; undefined until the first read. */
export function useHypotheses(incidentId: string): Hypothesis[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () =>
      (await db.hypotheses.where('incidentId').equals(incidentId).toArray()).sort(
        compareHypotheses,
      ),
    [db, incidentId],
  );
}
