import { AUDIENCE_LABELS } from '../../../shared/domain/audience';
import type { Incident } from '../../../shared/domain/incident';
import { incidentDues } from '../../../shared/logic/cadence';
import { useNow } from '../../store/ui-store';
import { useSettings } from '../settings/use-settings';
import { TimerValue } from '../timers/timer-value';

/**
 * Per-incident update countdowns on the list, with the same names as in the console (tests and
 * screen-reader users scope them to the list item). Resolved incidents show none.
 */
export function IncidentListExtras({ incident }: { incident: Incident }) {
  // Not following the clock at all for a resolved incident.
  return incident.status === 'resolved' ? null : <ListTimers incident={incident} />;
}

function ListTimers({ incident }: { incident: Incident }) {
  const now = useNow();
  const settings = useSettings();
  const dues = incidentDues(incident, now, settings);
  return (
    <span className="list-timers">
      {dues.map((due) => (
        <span key={due.audience} className="list-timer">
          <span className="muted">{AUDIENCE_LABELS[due.audience]}</span> <TimerValue due={due} />
        </span>
      ))}
    </span>
  );
}
