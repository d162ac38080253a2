import { memo, useState } from 'react';
import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import { formatElapsed } from '../../../shared/logic/time';
import { useNow, useUiStore } from '../../store/ui-store';
import { DrillBadge, SeverityBadge, StatusBadge } from '../../ui/badges';
import { OverduePostmortems } from '../postmortem/overdue-list';
import { IncidentListExtras } from './list-extras';
import { useIncidents } from './queries';

/** Resolved incidents shown at first, and added per "Show more". */
export const RESOLVED_PAGE = 50;

/**
 * The incident list: every active incident first by severity and age; resolved ones below, most
 * recent first, a page at a time (a year of history should not slow the war room down).
 */
export function IncidentListPage() {
  const incidents = useIncidents();
  const setOpenDialog = useUiStore((s) => s.setOpenDialog);
  const [resolvedShown, setResolvedShown] = useState(RESOLVED_PAGE);
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
          <IncidentRows incidents={resolved.slice(0, resolvedShown)} />
          {resolved.length > resolvedShown ? (
            <button
              type="button"
              className="button"
              onClick={() => setResolvedShown((n) => n + RESOLVED_PAGE * 2)}
            >
              Show more resolved incidents ({resolved.length - resolvedShown} more)
            </button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function IncidentRows({ incidents }: { incidents: Incident[] }) {
  return (
    <ul className="incident-list">
      {incidents.map((i) => (
        <IncidentRow key={i.id} incident={i} />
      ))}
    </ul>
  );
}

/**
 * One incident of the list. Only the parts that move with the clock (a running incident's
 * elapsed time and update countdowns) follow it: a resolved row is rendered again only when its
 * incident changes, not every second (fifty of them were, with their badges).
 */
const IncidentRow = memo(function IncidentRow({ incident: i }: { incident: Incident }) {
  const started = i.milestones.started ?? i.createdAt;
  const resolved = i.milestones.resolved;
  return (
    <li className={`incident-row sev-row-${i.severity.toLowerCase()}`}>
      <Link href={`/incidents/${i.id}`} className="incident-link">
        <span className="ref">{i.ref}</span> <span className="incident-title">{i.title}</span>
      </Link>
      <span className="incident-meta">
        <SeverityBadge severity={i.severity} />
        <StatusBadge status={i.status} />
        {i.drill ? <DrillBadge /> : null}
        <span className="elapsed" title="Time since impact started">
          {resolved === undefined ? (
            <RunningElapsed started={started} />
          ) : (
            formatElapsed(resolved - started)
          )}
        </span>
      </span>
      <IncidentListExtras incident={i} />
    </li>
  );
});

/** T+h:mm from `started` (epoch ms) to the shared clock. */
function RunningElapsed({ started }: { started: number }) {
  const now = useNow();
  return formatElapsed(now - started);
}
