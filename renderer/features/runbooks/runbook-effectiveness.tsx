import { Link } from 'wouter';
import type { Runbook } from '../../../shared/domain/records';
import type { AppSettings } from '../../../shared/domain/settings';
import {
  mitigationText,
  summaryText,
  verdictText,
  type RunbookIncidentUse,
} from '../../../shared/logic/runbook-effectiveness';
import { formatDateTime, formatDuration } from '../../../shared/logic/time';
import { DrillBadge, SeverityBadge } from '../../ui/badges';
import { useRunbookEffectiveness } from './queries';

/**
 * Region "Runbook effectiveness" on a runbook's page: the incidents it was used in (opened,
 * steps ticked or a helpful vote, from their timelines), newest first, with time to mitigation,
 * steps ticked and the responders' verdict, and a summary line. Renders nothing until the
 * first read, so the empty state never flashes before the rows.
 */
export function RunbookEffectivenessRegion({
  runbook,
  settings,
}: {
  runbook: Runbook;
  settings: Pick<AppSettings, 'timeZone'>;
}) {
  const data = useRunbookEffectiveness(runbook);
  return (
    <section
      className="panel runbook-effectiveness"
      aria-labelledby="runbook-effectiveness-heading"
      aria-busy={data === undefined}
    >
      <h3 id="runbook-effectiveness-heading">Runbook effectiveness</h3>
      {data === undefined ? null : data.uses.length === 0 ? (
        <p className="muted">Not used in an incident yet.</p>
      ) : (
        <>
          <p className="effectiveness-summary">{summaryText(data.summary, formatDuration)}</p>
          <div className="rb-effect-wrap">
            <table className="rb-effect-table">
              <caption className="visually-hidden">Incidents this runbook was used in</caption>
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col">First used</th>
                  <th scope="col">Time to mitigation</th>
                  <th scope="col">Steps ticked</th>
                  <th scope="col">Helpful</th>
                </tr>
              </thead>
              <tbody>
                {data.uses.map((use) => (
                  <UseRow key={use.incidentId} use={use} settings={settings} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function UseRow({
  use,
  settings,
}: {
  use: RunbookIncidentUse;
  settings: Pick<AppSettings, 'timeZone'>;
}) {
  return (
    <tr>
      <td>
        <Link href={`/incidents/${use.incidentId}`}>
          {use.ref} {use.title}
        </Link>{' '}
        <SeverityBadge severity={use.severity} /> {use.drill ? <DrillBadge /> : null}
      </td>
      <td>{formatDateTime(use.firstUsedAt, settings.timeZone)}</td>
      <td>{mitigationText(use, formatDuration)}</td>
      <td>
        {use.stepsTicked} of {use.stepsTotal}
      </td>
      <td>{verdictText(use)}</td>
    </tr>
  );
}
