import { useState } from 'react';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import { parseSnoozeLength, SNOOZE_MINUTES, snoozeLabel } from '../../../shared/logic/cadence';
import { useCommand } from '../../db/db-context';
import { snoozeReminder } from '../../db/repo/cadence';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';
import { BusyButton } from '../../ui/busy-button';

/** The select's value for "type a length instead". */
const OTHER = 'other';

/**
 * "Snooze <audience> reminder": a length from 5 minutes to 6 hours (a preset, or **Other
 * length…** and a typed one such as "1 h 20 min") and a required reason, recorded.
 */
export function SnoozeDialog({
  open,
  onOpenChange,
  incidentId,
  audience,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  incidentId: string;
  audience: Audience;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Snooze ${AUDIENCE_LABELS[audience]} reminder`}
      form={(done) => <SnoozeForm incidentId={incidentId} audience={audience} onDone={done} />}
    />
  );
}

function SnoozeForm({
  incidentId,
  audience,
  onDone,
}: {
  incidentId: string;
  audience: Audience;
  onDone: () => void;
}) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [choice, setChoice] = useState<string>('5');
  const [length, setLength] = useState('');
  const [reason, setReason] = useState('');
  const { busy, errors, setErrors, run } = useSubmit(['reason', 'minutes']);
  const submit = async () => {
    let minutes = Number(choice);
    const found: { reason?: string; minutes?: string } = {};
    if (choice === OTHER) {
      const parsed = parseSnoozeLength(length);
      if ('error' in parsed) found.minutes = parsed.error;
      else minutes = parsed.minutes;
    }
    if (!reason.trim()) found.reason = 'Say why the update can wait: it goes on the record.';
    if (found.minutes || found.reason) {
      setErrors(found);
      return;
    }
    if (await run(() => command(snoozeReminder, incidentId, audience, minutes, reason, ctx())))
      onDone();
  };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
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
        <input type="text" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <FormError message={errors.form} />
      <div className="form-actions">
        <BusyButton type="submit" className="button button-primary" busy={busy}>
          Snooze
        </BusyButton>
      </div>
    </form>
  );
}
