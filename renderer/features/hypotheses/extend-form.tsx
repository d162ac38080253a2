import { useState } from 'react';
import { useCommand } from '../../db/db-context';
import { extendHypothesisTimebox } from '../../db/repo/hypotheses';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';
import { BusyButton } from '../../ui/busy-button';

/** Extend a hypothesis's timebox: minutes and a required reason, both recorded. */
export function ExtendForm({ hypothesisId, onDone }: { hypothesisId: string; onDone: () => void }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [minutes, setMinutes] = useState('10');
  const [reason, setReason] = useState('');
  // A second submit while the first write is in flight would extend the timebox twice.
  const { busy, errors, setErrors, run } = useSubmit(['minutes', 'reason']);
  const submit = async () => {
    const n = Number(minutes);
    const found: typeof errors = {};
    if (!Number.isInteger(n) || n < 1 || n > 1440)
      found.minutes = 'Enter whole minutes between 1 and 1440.';
    if (!reason.trim()) found.reason = 'Say why it needs longer: it goes on the record.';
    setErrors(found);
    if (Object.keys(found).length) return;
    if (await run(() => command(extendHypothesisTimebox, hypothesisId, n, reason, ctx()))) onDone();
  };
  return (
    <form
      className="form form-compact"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <Field label="Extend by (minutes)" error={errors.minutes}>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          autoFocus
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </Field>
      <Field label="Reason" error={errors.reason} limit="extensionReason">
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <FormError message={errors.form} />
      <div className="form-actions">
        <BusyButton type="submit" className="button button-primary button-small" busy={busy}>
          Extend timebox
        </BusyButton>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
