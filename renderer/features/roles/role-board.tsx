import { useId } from 'react';
import {
  boardRoles,
  CORE_ROLES_BANNER,
  currentHolders,
  icNudge,
  isCustomRoleKey,
  missingCoreRoles,
} from '../../../shared/logic/roles';
import { spansDays } from '../../../shared/logic/time';
import { useNow } from '../../store/ui-store';
import type { ConsoleSlotProps } from '../incidents/console-slot';
import { AddRole } from './add-role';
import { useAssignments, useCustomRoleNames, usePeopleNames } from './queries';
import { RoleCard } from './role-card';
import { RoleHistory } from './role-history';

/**
 * The live role board: a group per role with its holder and tenure, assign / hand off inline,
 * a banner while the Incident Commander or Scribe is missing, and a nudge when one person has
 * been IC too long. Everything reads from live queries, so every window shows the same board.
 */
export function RoleBoard({ incident, settings }: ConsoleSlotProps) {
  const suggestionsId = useId();
  const now = useNow();
  const assignments = useAssignments(incident.id);
  const customNames = useCustomRoleNames(incident.id);
  const people = usePeopleNames();
  // Render nothing until the first read answers, so the banner never flashes on a staffed incident.
  if (assignments === undefined) return null;

  const holders = currentHolders(assignments);
  const roles = boardRoles(assignments, customNames);
  // Like the handoff nudge, the staffing banner is for a live response, not a resolved one.
  const missing = incident.status === 'resolved' ? [] : missingCoreRoles(assignments);
  const nudge = icNudge(assignments, now, settings.icNudgeHours, incident.status);
  const started = incident.milestones.started ?? incident.createdAt;
  const showDate = spansDays(started, now, settings.timeZone);
  const card = (role: (typeof roles)[number], compact = false) => (
    <RoleCard
      key={role.key}
      incidentId={incident.id}
      role={role}
      holders={holders.get(role.key) ?? []}
      now={now}
      zone={settings.timeZone}
      showDate={showDate}
      suggestionsId={suggestionsId}
      compact={compact}
    />
  );
  const core = roles.filter((r) => !r.optional);
  const optional = roles.filter((r) => r.optional);
  // Optional roles from the seed that nobody holds fold into one line; held ones and roles the
  // team added for this incident stay on the board.
  const isFolded = (r: (typeof roles)[number]) =>
    !holders.get(r.key)?.length && !isCustomRoleKey(r.key);
  const shown = optional.filter((r) => !isFolded(r));
  const folded = optional.filter(isFolded);

  return (
    <section className="panel role-board" aria-labelledby="console-roles-heading">
      <h2 id="console-roles-heading">Roles</h2>
      <div role="status" className="role-banners">
        {missing.length ? (
          <p className="role-banner">
            {CORE_ROLES_BANNER}
            <span className="muted"> (missing: {missing.join(', ')})</span>
          </p>
        ) : null}
        {nudge ? <p className="role-nudge">{nudge.text}</p> : null}
      </div>
      <datalist id={suggestionsId}>
        {people.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="role-cards">{core.map((r) => card(r))}</div>
      {shown.length ? (
        <div className="role-cards">{shown.map((r) => card(r, !holders.get(r.key)?.length))}</div>
      ) : null}
      {folded.length ? (
        <details className="role-optional">
          <summary>Add {folded.map((r) => r.name).join(', ')}</summary>
          <div className="role-cards">{folded.map((r) => card(r, true))}</div>
        </details>
      ) : null}
      <div className="role-board-foot">
        <AddRole incidentId={incident.id} />
      </div>
      <RoleHistory
        assignments={assignments}
        now={now}
        zone={settings.timeZone}
        showDate={showDate}
      />
    </section>
  );
}
