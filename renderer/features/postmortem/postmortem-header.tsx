import { useMemo } from 'react';
import { Link } from 'wouter';
import { formatUsersAffected, type Incident } from '../../../shared/domain/incident';
import { spanInWords } from '../../../shared/logic/cadence';
import { postmortemDue } from '../../../shared/logic/escalation';
import { respondersList } from '../../../shared/logic/roles';
import { formatDate, formatDateTime, type TimeZoneMode } from '../../../shared/logic/time';
import { postmortemTimeline } from '../../../shared/render/postmortem';
import { useNow } from '../../store/ui-store';
import { SeverityBadge, StatusBadge } from '../../ui/badges';
import { milestoneSpanText } from '../../../shared/logic/milestones';
import { impactWindowsOf } from '../../../shared/logic/postmortem-structure';
import { sloBudgetText } from './postmortem-data';
import type { PostmortemData } from './queries';

/** Title, reference, date, severity, duration and the 48-hour due indicator. */
export function PostmortemHeader({ incident, zone }: { incident: Incident; zone: TimeZoneMode }) {
  const now = useNow();
  const m = incident.milestones;
  const start = m.started ?? m.declared ?? incident.createdAt;
  const due = postmortemDue(incident, now);
  return (
    <header className="page-header pm-header">
      <h1>
        Post-mortem: <bdi>{incident.title}</bdi>
      </h1>
      <div className="console-meta">
        <Link href={`/incidents/${incident.id}`} className="ref">
          {incident.ref}
        </Link>
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <span>Date {formatDate(start, zone)}</span>
        <span>
          Duration{' '}
          {m.resolved === undefined
            ? 'ongoing'
            : milestoneSpanText(start, m.resolved, ['started', 'resolved'])}
        </span>
      </div>
      {due ? (
        <p className={due.overdue ? 'pm-due pm-overdue' : 'pm-due muted'}>
          {due.overdue
            ? `Overdue by ${spanInWords(due.overdueMs)}: due ${formatDateTime(due.dueAt, zone)}, 48 hours after resolution.`
            : `Due in ${spanInWords(due.remainingMs)} (${formatDateTime(due.dueAt, zone)}, 48 hours after resolution).`}
        </p>
      ) : m.postmortemCompleted !== undefined ? (
        <p className="muted">Completed {formatDateTime(m.postmortemCompleted, zone)}.</p>
      ) : null}
    </header>
  );
}

/** The parts of the document that come from the record: impact, timeline size, responders. */
export function RecordSummary({
  incident,
  data,
  zone,
}: {
  incident: Incident;
  data: PostmortemData;
  zone: TimeZoneMode;
}) {
  const now = useNow();
  const u = incident.impact.usersAffected;
  // The same figure as the document's: impact windows, when recorded, are the bad minutes.
  const slo = sloBudgetText(
    incident,
    data.services,
    now,
    data.postmortem ? impactWindowsOf(data.postmortem) : [],
  );
  const responders = respondersList(data.assignments);
  // Counted when the record changes, not with each tick of the clock (the whole timeline of the
  // post-mortem was rebuilt every second to count its rows).
  const rows = useMemo(
    () =>
      data.postmortem
        ? postmortemTimeline({
            incident,
            postmortem: data.postmortem,
            entries: data.entries,
            roleHistory: data.assignments,
            actionItems: data.actionItems,
            timeZone: zone,
          }).length
        : 0,
    [incident, data, zone],
  );
  return (
    <div className="pm-record">
      <h2>Impact</h2>
      <ul>
        <li>Users affected: {formatUsersAffected(u)}</li>
        <li>Revenue impact: {incident.impact.revenueImpact.trim() || 'N/A'}</li>
        <li>
          SLO budget consumed: {slo ?? 'Not calculated (no affected service has an SLO target)'}
        </li>
        <li>Support tickets created: {incident.impact.supportTickets ?? 'Not recorded'}</li>
      </ul>
      <p className="muted">Edit these on the incident console (Edit impact).</p>
      <h2>Timeline</h2>
      <p className="muted">
        {rows} rows:{' '}
        {data.postmortem?.allEntries
          ? 'milestones and every entry'
          : 'milestones and key events (status, severity, handoffs, decisions, hypotheses, updates sent, pins and ! highlights)'}
        . Add or drop any entry under Timeline curation.
      </p>
      <h2>Responders</h2>
      {responders.length ? (
        <ul>
          {responders.map((r, i) => (
            <li key={i}>
              {r.role}: {r.person} ({formatDateTime(r.from, zone)} –{' '}
              {r.to === null ? 'end' : formatDateTime(r.to, zone)})
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No roles were assigned.</p>
      )}
    </div>
  );
}
