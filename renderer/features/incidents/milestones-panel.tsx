import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { MILESTONE_LABELS, MILESTONES, type Milestone } from '../../../shared/domain/status';
import {
  formatDateTime,
  formatElapsed,
  settleDateTimeInput,
  toDateTimeInputValue,
  type TimeZoneMode,
} from '../../../shared/logic/time';
import { checkMilestoneOrder, describeMilestoneConflict } from '../../../shared/logic/milestones';
import { useCommand } from '../../db/db-context';
import { correctMilestone } from '../../db/repo/incidents';
import { CommandForm } from '../../ui/command-form';
import { DateTimeField } from '../../ui/datetime-field';
import { Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

/** Milestones with their times; each can be set or corrected, and the correction is recorded. */
export function MilestonesPanel({ incident, zone }: { incident: Incident; zone: TimeZoneMode }) {
  const [editing, setEditing] = useState<Milestone | null>(null);
  const started = incident.milestones.started ?? incident.createdAt;
  // Older records may already break the ordering rule: say so, and which, rather than hide it.
  const conflict = checkMilestoneOrder(incident.milestones);
  const disorder = conflict ? describeMilestoneConflict(conflict, incident.milestones, zone) : null;
  // Resolved follows the status (resolving asks for a summary); the post-mortem milestone
  // follows the post-mortem's Final status. Both can be corrected here once they are set.
  const editable = (m: Milestone) =>
    m !== 'postmortemCompleted' && (m !== 'resolved' || incident.status === 'resolved');
  return (
    <section className="panel" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      {disorder ? (
        <p className="form-error" role="note">
          Out of order (recorded before this was checked): {disorder} Durations that depend on it
          show as —.
        </p>
      ) : null}
      <dl className="milestones">
        {MILESTONES.map((m) => {
          const at = incident.milestones[m];
          return (
            <div key={m} className="milestone">
              <dt>{MILESTONE_LABELS[m]}</dt>
              <dd>
                {editing === m ? (
                  <MilestoneEditor
                    incident={incident}
                    milestone={m}
                    zone={zone}
                    onDone={() => setEditing(null)}
                  />
                ) : (
                  <>
                    <span>{at === undefined ? '—' : formatDateTime(at, zone)}</span>
                    {at !== undefined && m !== 'started' ? (
                      <span className="muted"> {formatElapsed(at - started)}</span>
                    ) : null}{' '}
                    {editable(m) ? (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`${at === undefined ? 'Set' : 'Correct'} ${MILESTONE_LABELS[m]}`}
                        onClick={() => setEditing(m)}
                      >
                        {at === undefined ? 'Set' : 'Correct'}
                      </button>
                    ) : null}
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function MilestoneEditor({
  incident,
  milestone,
  zone,
  onDone,
}: {
  incident: Incident;
  milestone: Milestone;
  zone: TimeZoneMode;
  onDone: () => void;
}) {
  const command = useCommand();
  const ctx = useCommandContext();
  const current = incident.milestones[milestone];
  const [text, setText] = useState(() => toDateTimeInputValue(current ?? Date.now(), zone));
  // On a fall-back night the field's text is ambiguous: the stored instant is the one meant.
  const [chosenAt, setChosenAt] = useState<number | null>(() =>
    current === undefined ? null : Math.floor(current / 60_000) * 60_000,
  );
  const [reason, setReason] = useState('');
  // Every refusal (in the future, out of order, the incident gone) goes beside the time.
  const { busy, errors, setErrors, run } = useSubmit(['milestone'], { fallback: 'milestone' });
  const label = MILESTONE_LABELS[milestone];
  const save = async () => {
    const settled = settleDateTimeInput(text, zone, chosenAt);
    if (!settled.ok) return setErrors({ milestone: settled.error ?? 'Enter a date and time.' });
    const at = settled.at;
    if (await run(() => command(correctMilestone, incident.id, milestone, at, ctx(), reason)))
      onDone();
  };
  return (
    <CommandForm
      className="form form-inline"
      onSubmit={save}
      submitLabel={`Save ${label}`}
      busy={busy}
      error={errors.form}
      onCancel={onDone}
      small
    >
      <DateTimeField
        label={`${label} time (${zone === 'utc' ? 'UTC' : 'local'})`}
        error={errors.milestone}
        zone={zone}
        autoFocus
        value={text}
        onChange={setText}
        chosenAt={chosenAt}
        onChoose={setChosenAt}
      />
      <Field label="Correction note" limit="changeText">
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </CommandForm>
  );
}
