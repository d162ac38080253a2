import { useLiveQuery } from 'dexie-react-hooks';
import type { Runbook, Service } from '../../../shared/domain/records';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { useDb } from '../../db/db-context';

/** All runbooks, by title; undefined until the first read. */
export function useRunbooks(): Runbook[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () =>
      (await db.runbooks.toArray()).sort((a, b) =>
        a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
      ),
    [db],
  );
}

/** The service catalog, most recently used first (for suggestions). */
export function useServiceCatalog(): Service[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.services.orderBy('lastUsedAt').reverse().toArray(), [db]);
}

/** True when a runbook's title or service contains the query (case-insensitive). */
export function matchesRunbook(
  runbook: Pick<Runbook, 'title' | 'service'>,
  query: string,
): boolean {
  const q = query.trim().toLowerCase();
  return !q || runbook.title.toLowerCase().includes(q) || runbook.service.toLowerCase().includes(q);
}

/**
 * Runbooks for an incident's services: those written for one of its services, plus the runbook
 * each of its services links to in the catalog.
 */
export function useIncidentRunbooks(services: readonly string[]): Runbook[] | undefined {
  const db = useDb();
  const key = services.map((s) => s.trim().toLowerCase()).join('\n');
  return useLiveQuery(async () => {
    const names = key ? key.split('\n') : [];
    if (!names.length) return [];
    const [runbooks, catalog] = await Promise.all([db.runbooks.toArray(), db.services.toArray()]);
    const linked = new Set(
      catalog.filter((s) => names.includes(s.name.toLowerCase())).map((s) => s.runbookId),
    );
    return runbooks
      .filter((r) => names.includes(r.service.trim().toLowerCase()) || linked.has(r.id))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [db, key]);
}

/** An incident's action entries (where runbook verification steps are recorded). */
export function useActionEntries(incidentId: string): TimelineEntry[] | undefined {
  const db = useDb();
  return useLiveQuery(
    () => db.timelineEntries.where({ incidentId, kind: 'action' }).toArray(),
    [db, incidentId],
  );
}
