import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import { formatElapsed } from '../../../shared/logic/time';
import { useNow, useUiStore } from '../../store/ui-store';
import { DrillBadge, SeverityBadge, StatusBadge } from '../../ui/badges';
import { OverduePostmortems } from '../postmortem/overdue-list';
import { IncidentListExtras } from './list-extras';
import { useIncidents } from './queries';

/** The incident list: active first by severity and age, resolved below. */
export function IncidentListPage() {
  const incidents = useIncidents();
  const setOpenDialog = useUiStore((s) => s.setOpenDialog);
  if (!incidents) return null;
  const active = incidents.filter((i) => i.status !== 'resolved');
  const resolved = incidents.filter((i) => i.status === 'resolved');
  return (
    <div className="page">
      <header className="page-header">
        <h1>Incidents</h1>
      </header>
      <OverduePostmortems />
      {incidents.length === 0 ? (
        <div className="empty">
          <p>
            No incidents yet. When something breaks, declare it first and sort out the details
            after.
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setOpenDialog('declare')}
          >
            Declare the first incident
          </button>
        </div>
      ) : null}
      {active.length ? (
        <section aria-labelledby="active-heading">
          <h2 id="active-heading">Active ({active.length})</h2>
          <IncidentRows incidents={active} />
        </section>
      ) : null}
      {resolved.length ? (
        <section aria-labelledby="resolved-heading">
          <h2 id="resolved-heading">Resolved ({resolved.length})</h2>
          <IncidentRows incidents={resolved} />
        </section>
      ) : null}
    </div>
  );
}

function IncidentRows({ incidents }: { incidents: Incident[] }) {
  const now = useNow();
  return (
    <ul className="incident-list">
      {incidents.map((i) => {
        const started = i.milestones.started ?? i.createdAt;
        const end = i.milestones.resolved ?? now;
        return (
          <li key={i.id} className={`incident-row sev-row-${i.severity.toLowerCase()}`}>
            <Link href={`/incidents/${i.id}`} className="incident-link">
              <span className="ref">{i.ref}</span> <span className="incident-title">{i.title}</span>
            </Link>
            <span className="incident-meta">
              <SeverityBadge severity={i.severity} />
              <StatusBadge status={i.status} />
              {i.drill ? <DrillBadge /> : null}
              <span className="elapsed" title="Time since impact started">
                {formatElapsed(end - started)}
              </span>
            </span>
            <IncidentListExtras incident={i} />
          </li>
        );
      })}
    </ul>
  );
}
