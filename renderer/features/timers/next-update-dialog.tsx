import { useState } from 'react';
import { cadenceMsFor, planNextUpdate } from '../../../shared/logic/cadence';
import { formatTimeOfDay, zoneName } from '../../../shared/logic/time';
import { useIncident } from '../incidents/queries';
import { useNow } from '../../store/ui-store';
import { useCommand } from '../../db/db-context';
import { setNextUpdateAt } from '../../db/repo/cadence';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useReasonedSubmit } from '../../ui/use-submit';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { TimerDialog, type TimerDialogProps, type TimerFormProps } from './timer-dialog';

/**
 * "Next <audience> update": **Next update at** (HH:MM, its next occurrence in the chosen zone)
 * and a required **Reason**, recorded; the countdown runs to it until an update is sent. A time
 * that has passed today is not quietly moved to tomorrow: the first "Set next update" says so
 * beside the field, and only a second one with the same time plans for tomorrow. A plan later
 * than the audience's cadence is warned about beside the field (shared/logic/cadence.ts
 * `planNextUpdate`).
 */
export function NextUpdateDialog(props: TimerDialogProps) {
  return (
    <TimerDialog {...props} title={(audience) => `Next ${audience} update`} form={NextUpdateForm} />
  );
}

function NextUpdateForm({ incidentId, audience, onDone }: TimerFormProps) {
  const command = useCommand();
  const ctx = useCommandContext();
  const settings = useSettings();
  const zone = settings.timeZone;
  const incident = useIncident(incidentId);
  const cadenceMs = incident ? cadenceMsFor(incident.severity, settings) : null;
  const [time, setTime] = useState('');
  // The time whose "plan for tomorrow" was put to the person: submitting it again confirms.
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const { busy, errors, reasonInput, check } = useReasonedSubmit(
    ['at'],
    'Say why the next update comes then: it goes on the record.',
  );
  const plan = (now: number) =>
    planNextUpdate(time, now, zone, cadenceMs ?? Number.POSITIVE_INFINITY);
  const now = useNow();
  const preview = time ? plan(now) : null;
  const warning = preview && !('error' in preview) ? preview.warning : undefined;
  const submit = async () => {
    const c = ctx();
    const when = plan(c.now);
    let refusal: string | undefined;
    if ('error' in when) refusal = when.error;
    else if (when.passedToday && confirmed !== time.trim()) {
      const hhmm = formatTimeOfDay(when.at, zone);
      refusal = `${hhmm} has passed today. Set next update again to plan for tomorrow at ${hhmm}.`;
      setConfirmed(time.trim());
    }
    const set =
      refusal !== undefined || 'error' in when
        ? await check({ at: refusal }, () => Promise.resolve())
        : await check({}, (reason) =>
            command(setNextUpdateAt, incidentId, audience, when.at, reason, c),
          );
    if (set) onDone();
  };
  return (
    <CommandForm onSubmit={submit} submitLabel="Set next update" busy={busy} error={errors.form}>
      <Field
        label="Next update at"
        error={errors.at}
        hint={
          <>
            {`${zone === 'utc' ? 'UTC' : `Local time (${zoneName('local')})`}, 24-hour; the next time the clock shows it.`}
            {/* Beside the field and read with it (the hint describes the input). */}
            {warning ? <strong className="field-warning"> {warning}</strong> : null}
          </>
        }
      >
        <input
          type="time"
          autoFocus
          value={time}
          onChange={(e) => {
            setTime(e.target.value);
            setConfirmed(null);
          }}
        />
      </Field>
      <Field label="Reason" error={errors.reason}>
        <input type="text" {...reasonInput} />
      </Field>
    </CommandForm>
  );
}
