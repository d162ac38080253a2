import { useLiveQuery } from 'dexie-react-hooks';
import type { Runbook, Service } from '../../../shared/domain/records';
import { nameKey } from '../../../shared/domain/text';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import {
  runbookEffectiveness,
  type RunbookEffectiveness,
} from '../../../shared/logic/runbook-effectiveness';
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
 * each of its services links to in the catalog (service names compared by `nameKey`).
 */
export function useIncidentRunbooks(services: readonly string[]): Runbook[] | undefined {
  const db = useDb();
  const key = [...new Set(services.map(nameKey).filter(Boolean))].sort().join('\n');
  return useLiveQuery(async () => {
    const names = key ? key.split('\n') : [];
    if (!names.length) return [];
    const [runbooks, catalog] = await Promise.all([db.runbooks.toArray(), db.services.toArray()]);
    const linked = new Set(
      catalog.filter((s) => names.includes(nameKey(s.name))).map((s) => s.runbookId),
    );
    return runbooks
      .filter((r) => names.includes(nameKey(r.service)) || linked.has(r.id))
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

/**
 * The runbook's effectiveness (shared/logic/runbook-effectiveness.ts), live. Two reads find the
 * incidents that used it: the entries recording its use by id (the `runbook.runbookId` index,
 * schema v4: every incident that opened it, voted on it or ticked a step, whatever services the
 * runbook or the incident name today), and the incidents on its service or on a service linking
 * to it (where step entries from before runbook ids were recorded are matched by title). Of
 * those incidents only the action entries are read, through the [incidentId+kind] index: a few
 * dozen incidents' worth, never the whole timeline. Undefined until the first read.
 */
export function useRunbookEffectiveness(
  runbook: Pick<Runbook, 'id' | 'title' | 'body' | 'service'>,
): RunbookEffectiveness | undefined {
  const db = useDb();
  const { id, title, body, service } = runbook;
  return useLiveQuery(async () => {
    const [catalog, recorded] = await Promise.all([
      db.services.toArray(),
      db.timelineEntries.where('runbook.runbookId').equals(id).toArray(),
    ]);
    const names = new Set(
      [service, ...catalog.filter((s) => s.runbookId === id).map((s) => s.name)]
        .map(nameKey)
        .filter(Boolean),
    );
    const onService = names.size
      ? (await db.incidents.toArray()).filter((i) => i.services.some((s) => names.has(nameKey(s))))
      : [];
    const known = new Set(onService.map((i) => i.id));
    const elsewhere = [...new Set(recorded.map((e) => e.incidentId))].filter((i) => !known.has(i));
    const incidents = [
      ...onService,
      ...(await db.incidents.bulkGet(elsewhere)).filter((i) => i !== undefined),
    ];
    // One equality range per incident: IndexedDB answers each with one getAll, where anyOf over
    // the same keys walks a cursor record by record (on the seeded year, with 40 incidents on
    // the runbook's service, the table showed after ~1.1 s with anyOf and ~0.17 s like this).
    const entries = (
      await Promise.all(
        incidents.map((i) =>
          db.timelineEntries.where('[incidentId+kind]').equals([i.id, 'action']).toArray(),
        ),
      )
    ).flat();
    const read = new Set(entries.map((e) => e.id));
    for (const e of recorded) if (!read.has(e.id)) entries.push(e);
    return runbookEffectiveness({ id, title, body }, incidents, entries);
  }, [db, id, title, body, service]);
}
