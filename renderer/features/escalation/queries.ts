import { useLiveQuery } from 'dexie-react-hooks';
import type { EscalationEntry } from '../../../shared/logic/escalation';
import { useDb } from '../../db/db-context';

/**
 * What the escalation triggers read: impact/severity history (with the declared entry, which
 * holds the severity at declaration) and whether a cause was confirmed.
 */
export interface EscalationFacts {
  entries: EscalationEntry[];
  confirmedHypothesis: boolean;
}

/** Live escalation facts for an incident; undefined until the first read. */
export function useEscalationFacts(incidentId: string): EscalationFacts | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    // Only system rows carry impact/severity changes and the declaration: read those through the [incidentId+kind]
    // index, so a note logged on a 50,000-entry timeline neither scans it nor re-runs this query.
    const entries = await db.timelineEntries
      .where('[incidentId+kind]')
      .equals([incidentId, 'system'])
      .filter(
        (e) =>
          e.deletedAt === null &&
          (e.change?.type === 'impact' ||
            e.change?.type === 'severity' ||
            e.change?.type === 'declared'),
      )
      .toArray();
    const confirmed = await db.hypotheses
      .where('[incidentId+status]')
      .equals([incidentId, 'confirmed'])
      .count();
    return {
      entries: entries.map((e) => ({ kind: e.kind, change: e.change, occurredAt: e.occurredAt })),
      confirmedHypothesis: confirmed > 0,
    };
  }, [db, incidentId]);
}
