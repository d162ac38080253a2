import { memo } from 'react';
import { Link } from 'wouter';
import { spanInWords } from '../../../shared/logic/cadence';
import { postmortemDue } from '../../../shared/logic/escalation';
import type { Incident } from '../../../shared/domain/incident';
import type { Postmortem } from '../../../shared/domain/records';
import { useNow } from '../../store/ui-store';
import { useResolvedWithPostmortems } from './queries';

/**
 * Resolved incidents whose post-mortem is not Final and whose 48-hour deadline has passed,
 * most overdue first. Pure, for the list below and its tests.
 */
export function overduePostmortems(
  rows: readonly { incident: Incident; status: Postmortem['status'] | null }[],
  now: number,
): { incident: Incident; overdueMs: number }[] {
  return rows
    .flatMap(({ incident, status }) => {
      if (status === 'final') return [];
      const due = postmortemDue(incident, now);
      return due?.overdue ? [{ incident, overdueMs: due.overdueMs }] : [];
    })
    .sort((a, b) => b.overdueMs - a.overdueMs);
}

/**
 * "Overdue post-mortems": each links to its editor. Renders nothing when none is overdue. The
 * list follows the shared clock each second, but a row is rendered again only when its words
 * change ("overdue by 3 days 4 hours" changes once a minute): a year of history can hold hundreds
 * of overdue post-mortems, and rendering all of them every second held up the page (BENCHMARKS.md
 * run U: 20–35 ms a second behind the command palette).
 */
export function OverduePostmortems() {
  const now = useNow();
  const rows = useResolvedWithPostmortems();
  if (!rows) return null;
  const overdue = overduePostmortems(rows, now);
  if (overdue.length === 0) return null;
  return (
    <section className="panel pm-overdue-list" aria-labelledby="pm-overdue-heading">
      <h2 id="pm-overdue-heading">Overdue post-mortems ({overdue.length})</h2>
      <ul>
        {overdue.map(({ incident, overdueMs }) => (
          <OverdueRow key={incident.id} incident={incident} overdueBy={spanInWords(overdueMs)} />
        ))}
      </ul>
    </section>
  );
}

const OverdueRow = memo(function OverdueRow({
  incident,
  overdueBy,
}: {
  incident: Incident;
  overdueBy: string;
}) {
  return (
    <li>
      <Link href={`/incidents/${incident.id}/postmortem`}>
        {/* Title first and the ref in brackets, so this name never contains the
            incident link's "<ref> <title>" and a search for that stays unambiguous. */}
        Post-mortem for <bdi>{incident.title}</bdi> ({incident.ref})
      </Link>{' '}
      <span className="pm-overdue">overdue by {overdueBy}</span>
    </li>
  );
});
