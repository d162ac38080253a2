import { useState } from 'react';
import { Link } from 'wouter';
import type { CommsUpdate } from '../../../shared/domain/records';
import { spanInWords } from '../../../shared/logic/cadence';
import { postmortemDue } from '../../../shared/logic/escalation';
import { formatDateTime } from '../../../shared/logic/time';
import { useNow } from '../../store/ui-store';
import type { ConsoleSlotProps } from '../incidents/console-slot';
import { ComposeDialog, type ComposeStart } from './compose-dialog';
import { SentUpdates } from './sent-updates';

/**
 * The console's comms slot: "Compose update", the link to the post-mortem (the primary action
 * once resolved, with its 48-hour due indicator) and the history of sent updates.
 */
export function CommsActions({ incident, settings }: ConsoleSlotProps) {
  const now = useNow();
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<ComposeStart>({ audience: 'engineering' });
  const resolved = incident.status === 'resolved';
  const due = postmortemDue(incident, now);
  const compose = (next: ComposeStart) => {
    setStart(next);
    setOpen(true);
  };
  const reopen = (u: CommsUpdate) => compose({ audience: u.audience, type: u.type, reopen: u });
  return (
    <section className="panel comms-actions" aria-label="Stakeholder updates">
      <div className="button-row">
        <button
          type="button"
          className={resolved ? 'button' : 'button button-primary'}
          data-shortcut="compose"
          aria-keyshortcuts="U"
          onClick={() => compose({ audience: 'engineering' })}
        >
          Compose update
        </button>
        <Link
          href={`/incidents/${incident.id}/postmortem`}
          className={resolved ? 'button button-primary' : 'button'}
        >
          Post-mortem
        </Link>
      </div>
      {due ? (
        <p className={due.overdue ? 'pm-due pm-overdue' : 'pm-due muted'}>
          {due.overdue
            ? `Post-mortem overdue by ${spanInWords(due.overdueMs)}`
            : `Post-mortem due in ${spanInWords(due.remainingMs)}`}{' '}
          <span className="muted">({formatDateTime(due.dueAt, settings.timeZone)})</span>
        </p>
      ) : null}
      <SentUpdates incidentId={incident.id} zone={settings.timeZone} onReopen={reopen} />
      <ComposeDialog
        incident={incident}
        settings={settings}
        open={open}
        onOpenChange={setOpen}
        start={start}
      />
    </section>
  );
}
