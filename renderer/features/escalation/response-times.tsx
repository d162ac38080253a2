import type { Incident } from '../../../shared/domain/incident';
import { SEVERITY_MATRIX } from '../../../shared/domain/severity';
import {
  responseTimeStatus,
  type EscalationEntry,
  type ResponseMeasure,
} from '../../../shared/logic/escalation';
import { formatDuration } from '../../../shared/logic/time';

function line(label: string, m: ResponseMeasure, target: string): string {
  return `${label} in ${formatDuration(m.metMs)} (target ${target}) ${m.met ? '✓' : '✗ missed'}`;
}

/**
 * Time from detection to acknowledgement and to declaration, against the matrix's target for
 * the severity in force at declaration (read from the timeline's declared and severity entries).
 */
export function ResponseTimes({
  incident,
  entries,
}: {
  incident: Pick<Incident, 'severity' | 'milestones'>;
  entries: readonly EscalationEntry[];
}) {
  const { severity, acknowledge, declare } = responseTimeStatus(incident, entries);
  const target =
    SEVERITY_MATRIX[severity].responseTime +
    (severity === incident.severity ? '' : `, ${severity} at declaration`);
  if (!acknowledge && !declare) return null;
  return (
    <ul className="response-times" aria-label="Response-time targets">
      {acknowledge ? (
        <li className={acknowledge.met ? 'met' : 'missed'}>
          {line('Acknowledged', acknowledge, target)}
        </li>
      ) : null}
      {declare ? (
        <li className={declare.met ? 'met' : 'missed'}>{line('Declared', declare, target)}</li>
      ) : null}
    </ul>
  );
}
