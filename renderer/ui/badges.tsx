import type { Severity } from '../../shared/domain/severity';
import { SEVERITY_MATRIX } from '../../shared/domain/severity';
import { STATUS_LABELS, type Status } from '../../shared/domain/status';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span
      className={`badge sev sev-${severity.toLowerCase()}`}
      title={`${severity} — ${SEVERITY_MATRIX[severity].name}`}
    >
      {severity}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge status status-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function DrillBadge() {
  return (
    <span className="badge drill" title="Game day: counted apart from real incidents">
      Drill
    </span>
  );
}
