import { useLiveQuery } from 'dexie-react-hooks';
import type { CommsUpdate } from '../../../shared/domain/records';
import { useDb } from '../../db/db-context';
import type { ReadonlyDb } from '../../db/read-view';
import { listCommsUpdates } from '../../db/repo/comms';
import { readCustomTemplates, type CustomTemplates } from '../../db/repo/templates';
import type { ComposeData } from './comms-context';

/** The facts the composer fills a message from, read once (the live query below reads the same). */
export async function readComposeData(db: ReadonlyDb, incidentId: string): Promise<ComposeData> {
  const [entries, hypotheses, actionItems, people, services] = await Promise.all([
    // Only findings, actions, decisions and system changes feed a message: read them by
    // index, not the whole timeline.
    db.timelineEntries
      .where('[incidentId+kind]')
      .anyOf([
        [incidentId, 'finding'],
        [incidentId, 'action'],
        [incidentId, 'decision'],
        [incidentId, 'system'],
      ])
      .toArray(),
    db.hypotheses.where('incidentId').equals(incidentId).toArray(),
    db.actionItems.where('incidentId').equals(incidentId).toArray(),
    db.people.toArray(),
    db.services.toArray(),
  ]);
  return { entries, hypotheses, actionItems, people, services };
}

/** The facts the composer fills a message from, live; undefined until the first read. */
export function useComposeData(incidentId: string): ComposeData | undefined {
  const db = useDb();
  return useLiveQuery(() => readComposeData(db, incidentId), [db, incidentId]);
}

/** Saved custom templates, live ({} until read or when none). */
export function useCustomTemplates(): CustomTemplates {
  const db = useDb();
  return useLiveQuery(() => readCustomTemplates(db), [db], {});
}

/** An incident's sent updates, newest first, live. */
export function useCommsHistory(incidentId: string): CommsUpdate[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listCommsUpdates(db, incidentId), [db, incidentId]);
}
