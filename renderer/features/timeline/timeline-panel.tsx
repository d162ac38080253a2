import { useLiveQuery } from 'dexie-react-hooks';
import { compareEntries } from '../../../shared/domain/timeline';
import { formatEventTime } from '../../../shared/logic/time';
import { useDb } from '../../db/db-context';
import type { ConsoleSlotProps } from '../incidents/console-slot';

/** Read-only timeline until the scribe's timeline lands. */
export function TimelinePanel({ incident, settings }: ConsoleSlotProps) {
  const db = useDb();
  const entries = useLiveQuery(
    async () =>
      (await db.timelineEntries.where('incidentId').equals(incident.id).toArray()).sort(
        compareEntries,
      ),
    [db, incident.id],
  );
  return (
    <section className="panel" aria-label="Timeline">
      <h2>Timeline</h2>
      <ul aria-label="Timeline entries" className="timeline-simple">
        {(entries ?? []).map((e) => (
          <li key={e.id}>
            <time dateTime={new Date(e.occurredAt).toISOString()}>
              {formatEventTime(e.occurredAt, settings.timeZone, false)}
            </time>{' '}
            {e.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
