import { useState } from 'react';
import { nextTimeOfDay } from '../../../shared/logic/cadence';
import { zoneName } from '../../../shared/logic/time';
import { useCommand } from '../../db/db-context';
import { setNextUpdateAt } from '../../db/repo/cadence';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useReasonedSubmit } from '../../ui/use-submit';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { TimerDialog, type TimerDialogProps, type TimerFormProps } from './timer-dialog';

/**
 * "Next <audience> update": **Next update at** (HH:MM, its next occurrence in the chosen zone)
 * and a required **Reason**, recorded; the countdown runs to it until an update is sent.
 */
export function NextUpdateDialog(props: TimerDialogProps) {
  return (
    <TimerDialog {...props} title={(audience) => `Next ${audience} update`} form={NextUpdateForm} />
  );
}

function NextUpdateForm({ incidentId, audience, onDone }: TimerFormProps) {
  const command = useCommand();
  const ctx = useCommandContext();
  const zone = useSettings().timeZone;
  const [time, setTime] = useState('');
  const { busy, errors, reasonInput, check } = useReasonedSubmit(
    ['at'],
    'Say why the next update comes then: it goes on the record.',
  );
  const submit = async () => {
    const c = ctx();
    const when = nextTimeOfDay(time, c.now, zone);
    const set =
      'error' in when
        ? await check({ at: when.error }, () => Promise.resolve())
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
        hint={`${zone === 'utc' ? 'UTC' : `Local time (${zoneName('local')})`}, 24-hour; the next time the clock shows it.`}
      >
        <input type="time" autoFocus value={time} onChange={(e) => setTime(e.target.value)} />
      </Field>
      <Field label="Reason" error={errors.reason}>
        <input type="text" {...reasonInput} />
      </Field>
    </CommandForm>
  );
}
