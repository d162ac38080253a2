import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { SEVERITIES, type Severity } from '../../../shared/domain/severity';
import { useCommand } from '../../db/db-context';
import { changeSeverity } from '../../db/repo/incidents';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';
import { severityOptionText } from './declare-dialog';
import { BusyButton } from '../../ui/busy-button';

/** "Change severity" button and dialog: a reason is required and recorded. */
export function ChangeSeverity({ incident }: { incident: Incident }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Change severity
      </button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title="Change severity"
        form={(done) => <ChangeSeverityForm incident={incident} onDone={done} />}
      />
    </>
  );
}

function ChangeSeverityForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const [reason, setReason] = useState('');
  const { busy, errors, setErrors, run } = useSubmit(['severity', 'reason']);
  const submit = async () => {
    const found: typeof errors = {};
    if (severity === incident.severity)
      found.severity = `Choose a level other than the current ${incident.severity}.`;
    if (!reason.trim()) found.reason = 'Give a reason: it goes on the record.';
    setErrors(found);
    if (Object.keys(found).length) return;
    if (await run(() => command(changeSeverity, incident.id, severity, reason, ctx()))) onDone();
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
      <Field label="Severity" error={errors.severity} hint={`Currently ${incident.severity}.`}>
        <select
          autoFocus
          value={severity}
          onChange={(e) => setSeverity(e.target.value as Severity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {severityOptionText(s)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Reason" error={errors.reason} limit="changeText">
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <FormError message={errors.form} />
      <div className="form-actions">
        <BusyButton type="submit" className="button button-primary" busy={busy}>
          Change
        </BusyButton>
      </div>
    </form>
  );
}
