import type { RoleAssignment } from '../../../shared/domain/roles';
import { respondersList } from '../../../shared/logic/roles';
import { formatDuration, formatEventTime, type TimeZoneMode } from '../../../shared/logic/time';

/**
 * Every tenure of the incident, in the order it began: who held which role, from when to when,
 * for how long, and the handoff note. Rows are never deleted, so this is the full record.
 */
export function RoleHistory({
  assignments,
  now,
  zone,
  showDate,
}: {
  assignments: readonly RoleAssignment[];
  now: number;
  zone: TimeZoneMode;
  showDate: boolean;
}) {
  const rows = respondersList(assignments);
  const at = (t: number) => formatEventTime(t, zone, showDate);
  return (
    <details className="role-history">
      <summary>History</summary>
      {rows.length === 0 ? (
        <p className="muted">No one has held a role yet.</p>
      ) : (
        <table aria-label="Role assignment history">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Person</th>
              <th scope="col">From – to</th>
              <th scope="col">Held</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.from}-${r.role}-${r.person}-${i}`}>
                <td>{r.role}</td>
                <td>{r.person}</td>
                <td>
                  {at(r.from)} – {r.to === null ? 'now' : at(r.to)}
                </td>
                <td>{formatDuration((r.to ?? now) - r.from)}</td>
                <td>{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
