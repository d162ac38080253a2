import { useState } from 'react';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import { SNOOZE_MINUTES, type SnoozeMinutes } from '../../../shared/logic/cadence';
import { useDb } from '../../db/db-context';
import { snoozeReminder } from '../../db/repo/cadence';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

/** "Snooze <audience> reminder": 5, 10 or 15 minutes and a required reason, recorded. */
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
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Snooze ${AUDIENCE_LABELS[audience]} reminder`}
    >
      {open ? (
        <SnoozeForm
          incidentId={incidentId}
          audience={audience}
          onDone={() => onOpenChange(false)}
        />
      ) : null}
    </Dialog>
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
  const db = useDb();
  const ctx = useCommandContext();
  const [minutes, setMinutes] = useState<SnoozeMinutes>(5);
  const [reason, setReason] = useState('');
  const { busy, errors, setErrors, run } = useSubmit(['reason']);
  const submit = async () => {
    if (!reason.trim()) {
      setErrors({ reason: 'Say why the update can wait: it goes on the record.' });
      return;
    }
    if (await run(() => snoozeReminder(db, incidentId, audience, minutes, reason, ctx()))) onDone();
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
      <Field label="Snooze for">
        <select
          value={minutes}
          onChange={(e) => setMinutes(Number(e.target.value) as SnoozeMinutes)}
        >
          {SNOOZE_MINUTES.map((m) => (
            <option key={m} value={m}>
              {m} minutes
            </option>
          ))}
        </select>
      </Field>
      <Field label="Reason" error={errors.reason} limit="snoozeReason">
        <input type="text" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <FormError message={errors.form} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Snooze
        </button>
      </div>
    </form>
  );
}
