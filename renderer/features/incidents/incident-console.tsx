import { Link } from 'wouter';
import { importedReferenceNote, type Incident } from '../../../shared/domain/incident';
import { SEVERITY_MATRIX } from '../../../shared/domain/severity';
import { formatElapsed } from '../../../shared/logic/time';
import { useNow } from '../../store/ui-store';
import { DrillBadge, SeverityBadge, StatusBadge } from '../../ui/badges';
import { ExportIncidentButton } from '../backup/export-incident';
import { NamePrompt } from '../settings/name-prompt';
import { useLoadedSettings } from '../settings/use-settings';
import { ChangeSeverity } from './change-severity';
import { ConsoleSections } from './console-sections';
import { ConsoleShortcuts } from './console-shortcuts';
import { RenameIncident } from './rename-incident';
import { useIncident } from './queries';
import { StatusControl } from './status-control';

/** The incident commander's console for one incident. */
export function IncidentConsolePage({ id }: { id: string }) {
  const incident = useIncident(id);
  if (incident === undefined) return null;
  if (incident === null)
    return (
      <div className="page">
        <h1>Incident not found</h1>
        <p>
          It may have been deleted or restored from a backup without it.{' '}
          <Link href="/">Back to incidents</Link>
        </p>
      </div>
    );
  return <IncidentConsole incident={incident} />;
}

function IncidentConsole({ incident }: { incident: Incident }) {
  // The real settings, not the defaults for a moment: a backdated "@02:30" typed the instant the
  // console opens must be read in the user's zone, and the timers use their cadence.
  const settings = useLoadedSettings();
  if (!settings) return null;
  return (
    <div className="console">
      <ConsoleHeader incident={incident} />
      <ConsoleSections incident={incident} settings={settings} />
      <ConsoleShortcuts />
    </div>
  );
}

function ConsoleHeader({ incident }: { incident: Incident }) {
  const now = useNow();
  const started = incident.milestones.started ?? incident.createdAt;
  const end = incident.milestones.resolved ?? now;
  const level = SEVERITY_MATRIX[incident.severity];
  return (
    <header className="console-header">
      <div className="console-title">
        <h1>
          <bdi>{incident.title}</bdi>
        </h1>
        <div className="console-meta">
          <span className="ref">{incident.ref}</span>
          <SeverityBadge severity={incident.severity} />
          <span className="muted">{level.name}</span>
          <StatusBadge status={incident.status} />
          {incident.drill ? <DrillBadge /> : null}
          <span
            className="elapsed"
            aria-label="Elapsed since start"
            title="Time since impact started"
          >
            {formatElapsed(end - started)}
          </span>
          <span className="slug muted">{incident.slug}</span>
        </div>
        {importedReferenceNote(incident) ? (
          <div className="muted imported-ref">{importedReferenceNote(incident)}</div>
        ) : null}
        {incident.services.length ? (
          <div className="muted">Services: {incident.services.join(', ')}</div>
        ) : null}
        {incident.status === 'resolved' && incident.resolutionSummary ? (
          <div className="resolution">Resolution: {incident.resolutionSummary}</div>
        ) : null}
      </div>
      <div className="console-controls">
        <StatusControl incident={incident} />
        <ChangeSeverity incident={incident} />
        <RenameIncident incident={incident} />
        <NamePrompt />
        <ExportIncidentButton incident={incident} />
        <a
          className="button button-small"
          href="#milestones-heading"
          aria-keyshortcuts="M"
          onClick={(e) => {
            // A hash link would change the route (the app routes on the hash): scroll instead.
            e.preventDefault();
            const heading = document.getElementById('milestones-heading');
            if (!heading) return;
            heading.tabIndex = -1;
            heading.scrollIntoView({ block: 'start' });
            heading.focus();
          }}
        >
          Milestones
        </a>
      </div>
    </header>
  );
}
