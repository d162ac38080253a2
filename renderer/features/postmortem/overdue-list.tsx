import { memo, useState } from 'react';
import { Link } from 'wouter';
import { postmortemDue } from '../../../shared/logic/escalation';
import type { Incident } from '../../../shared/domain/incident';
import type { Postmortem } from '../../../shared/domain/records';
import { formatDuration } from '../../../shared/logic/time';
import { useNowMinute } from '../../store/ui-store';
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

/** Overdue post-mortems listed before "Show all": the most overdue ones. */
export const OVERDUE_SHOWN = 10;

/**
 * "Overdue post-mortems": each links to its editor, the {@link OVERDUE_SHOWN} most overdue first
 * and the rest behind "Show all N overdue post-mortems" (a year of history imported without
 * post-mortems would otherwise push the incidents below a wall of links). Renders nothing when
 * none is overdue. The list follows the clock to the minute (a deadline of 48 hours; "overdue by
 * 3 minutes", to the minute), and a row is rendered again only when its words change: reading
 * and rendering hundreds of rows every second held up the page (BENCHMARKS.md run U: 20–35 ms of
 * each second, behind the command palette's answers).
 */
export function OverduePostmortems() {
  const now = useNowMinute();
  const rows = useResolvedWithPostmortems();
  const [all, setAll] = useState(false);
  if (!rows) return null;
  const overdue = overduePostmortems(rows, now);
  if (overdue.length === 0) return null;
  const shown = all ? overdue : overdue.slice(0, OVERDUE_SHOWN);
  return (
    <section className="panel pm-overdue-list" aria-labelledby="pm-overdue-heading">
      <h2 id="pm-overdue-heading">Overdue post-mortems ({overdue.length})</h2>
      <ul id="pm-overdue-items">
        {shown.map(({ incident, overdueMs }) => (
          <OverdueRow
            key={incident.id}
            incident={incident}
            overdueBy={formatDuration(overdueMs, { style: 'words', precision: 'minute' })}
          />
        ))}
      </ul>
      {overdue.length > OVERDUE_SHOWN ? (
        <button
          type="button"
          className="button"
          aria-expanded={all}
          aria-controls="pm-overdue-items"
          onClick={() => setAll((a) => !a)}
        >
          {all
            ? `Show the ${OVERDUE_SHOWN} most overdue`
            : `Show all ${overdue.length} overdue post-mortems`}
        </button>
      ) : null}
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
