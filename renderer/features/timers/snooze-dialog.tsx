import { useState } from 'react';
import { parseSnoozeLength, SNOOZE_MINUTES, snoozeLabel } from '../../../shared/logic/cadence';
import { useCommand } from '../../db/db-context';
import { snoozeReminder } from '../../db/repo/cadence';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useReasonedSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';
import { TimerDialog, type TimerDialogProps, type TimerFormProps } from './timer-dialog';

/** The select's value for "type a length instead". */
const OTHER = 'other';

/**
 * "Snooze <audience> reminder": a length from 5 minutes to 6 hours (a preset, or **Other
 * length…** and a typed one such as "1 h 20 min") and a required reason, recorded.
 */
export function SnoozeDialog(props: TimerDialogProps) {
  return (
    <TimerDialog {...props} title={(audience) => `Snooze ${audience} reminder`} form={SnoozeForm} />
  );
}

function SnoozeForm({ incidentId, audience, onDone }: TimerFormProps) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [choice, setChoice] = useState<string>('5');
  const [length, setLength] = useState('');
  const { busy, errors, reasonInput, check } = useReasonedSubmit(
    ['minutes'],
    'Say why the update can wait: it goes on the record.',
  );
  const submit = async () => {
    const parsed = choice === OTHER ? parseSnoozeLength(length) : { minutes: Number(choice) };
    const snoozed =
      'error' in parsed
        ? await check({ minutes: parsed.error }, () => Promise.resolve())
        : await check({}, (reason) =>
            command(snoozeReminder, incidentId, audience, parsed.minutes, reason, ctx()),
          );
    if (snoozed) onDone();
  };
  return (
    <CommandForm onSubmit={submit} submitLabel="Snooze" busy={busy} error={errors.form}>
      <Field label="Snooze for" error={choice === OTHER ? undefined : errors.minutes}>
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          {SNOOZE_MINUTES.map((m) => (
            <option key={m} value={String(m)}>
              {snoozeLabel(m)}
            </option>
          ))}
          <option value={OTHER}>Other length…</option>
        </select>
      </Field>
      {choice === OTHER ? (
        <Field
          label="Snooze length"
          error={errors.minutes}
          hint="Up to 6 hours, e.g. 45 min, 2 h, 1 h 30 min."
        >
          <input type="text" value={length} onChange={(e) => setLength(e.target.value)} />
        </Field>
      ) : null}
      <Field label="Reason" error={errors.reason} limit="snoozeReason">
        <input type="text" autoFocus {...reasonInput} />
      </Field>
    </CommandForm>
  );
}
