import type { Incident } from '../../../shared/domain/incident';
import { SEVERITY_MATRIX } from '../../../shared/domain/severity';
import { responseTimeStatus, type ResponseMeasure } from '../../../shared/logic/escalation';
import { formatDuration } from '../../../shared/logic/time';

function line(label: string, m: ResponseMeasure, target: string): string {
  return `${label} in ${formatDuration(m.metMs)} (target ${target}) ${m.met ? '✓' : '✗ missed'}`;
}

/** Time from detection to acknowledgement and to declaration, against the matrix's target. */
export function ResponseTimes({
  incident,
}: {
  incident: Pick<Incident, 'severity' | 'milestones'>;
}) {
  const { acknowledge, declare } = responseTimeStatus(incident);
  const target = SEVERITY_MATRIX[incident.severity].responseTime;
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
