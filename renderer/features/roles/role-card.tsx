import { useId } from 'react';
import type { RoleAssignment, RoleDefinition } from '../../../shared/domain/roles';
import { tenureMs } from '../../../shared/logic/roles';
import { formatDuration, formatEventTime, type TimeZoneMode } from '../../../shared/logic/time';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { releaseRole } from '../../db/repo/roles';
import { useUiStore } from '../../store/ui-store';
import { useInlineForm } from '../../ui/use-inline-form';
import { useCommandContext } from '../settings/use-settings';
import { AssignForm } from './assign-form';

/**
 * One role as a named group: its holder(s) and how long they have held it, and the Assign /
 * Hand off button that opens the inline form; the role's duty is its description and tooltip. Focus returns to that button when the
 * form closes, so a keyboard user can go straight on to the next role.
 */
export function RoleCard({
  incidentId,
  role,
  holders,
  now,
  zone,
  showDate,
  suggestionsId,
  compact = false,
}: {
  incidentId: string;
  role: RoleDefinition;
  holders: readonly RoleAssignment[];
  now: number;
  zone: TimeZoneMode;
  showDate: boolean;
  suggestionsId: string;
  /** Unfilled optional roles take less room. */
  compact?: boolean;
}) {
  const headingId = useId();
  const dutyId = useId();
  const { open, show, close, buttonRef } = useInlineForm();
  const handoff = holders.length > 0 && !role.multiple;
  const classes = ['role-card', compact ? 'role-card-compact' : '', holders.length ? 'held' : ''];

  return (
    <div
      role="group"
      aria-labelledby={headingId}
      aria-describedby={dutyId}
      className={classes.filter(Boolean).join(' ')}
    >
      <div className="role-card-head">
        {/* The duty is a tooltip and the group's description, not a paragraph in every card. */}
        <h3 id={headingId} title={role.duty}>
          {role.name}
        </h3>
        {!open ? (
          <button type="button" className="button button-small" ref={buttonRef} onClick={show}>
            {handoff ? 'Hand off' : 'Assign'}
          </button>
        ) : null}
      </div>
      <p id={dutyId} className="role-duty visually-hidden">
        {role.duty}
      </p>
      {holders.length === 0 ? (
        <p className="role-holder role-empty">Unassigned</p>
      ) : (
        <ul className="role-holders">
          {holders.map((h) => (
            <Holder key={h.id} holder={h} now={now} zone={zone} showDate={showDate} />
          ))}
        </ul>
      )}
      {open ? (
        <AssignForm
          incidentId={incidentId}
          role={role}
          handoff={handoff}
          suggestionsId={suggestionsId}
          onDone={close}
        />
      ) : null}
    </div>
  );
}

function Holder({
  holder,
  now,
  zone,
  showDate,
}: {
  holder: RoleAssignment;
  now: number;
  zone: TimeZoneMode;
  showDate: boolean;
}) {
  const run = useCommand();
  const ctx = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const release = async () => {
    try {
      await run(releaseRole, holder.id, ctx());
    } catch (e) {
      toast(describeWriteError(e, 'action'), 'error');
    }
  };
  return (
    <li className="role-holder">
      <span className="role-person">{holder.person}</span>{' '}
      <span className="role-tenure muted">
        for {formatDuration(tenureMs(holder, now))} · since{' '}
        <time dateTime={new Date(holder.startedAt).toISOString()}>
          {formatEventTime(holder.startedAt, zone, showDate)}
        </time>
      </span>{' '}
      <button
        type="button"
        className="button button-small role-release"
        aria-label={`Release ${holder.person}`}
        title={`Release ${holder.person} from this role (recorded on the timeline)`}
        onClick={() => void release()}
      >
        Release
      </button>
      {holder.note ? <div className="role-note">Handoff note: {holder.note}</div> : null}
    </li>
  );
}
