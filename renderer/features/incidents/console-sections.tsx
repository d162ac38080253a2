import { useLiveQuery } from 'dexie-react-hooks';
import type { Incident } from '../../../shared/domain/incident';
import type { AppSettings } from '../../../shared/domain/settings';
import { compareEntries } from '../../../shared/domain/timeline';
import { formatEventTime } from '../../../shared/logic/time';
import { useDb } from '../../db/db-context';

/**
 * The console's working areas. A minimal read-only timeline until the scribe's timeline,
 * role board and timers are composed here.
 */
export function ConsoleSections({
  incident,
  settings,
}: {
  incident: Incident;
  settings: AppSettings;
}) {
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
