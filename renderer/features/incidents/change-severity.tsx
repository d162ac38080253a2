import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { SEVERITIES, type Severity } from '../../../shared/domain/severity';
import { useCommand } from '../../db/db-context';
import { changeSeverity } from '../../db/repo/incidents';
import { CommandForm } from '../../ui/command-form';
import { FormDialogButton } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useReasonedSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';
import { severityOptionText } from './declare-dialog';

/** "Change severity" button and dialog: a reason is required and recorded. */
export function ChangeSeverity({ incident }: { incident: Incident }) {
  return (
    <FormDialogButton
      label="Change severity"
      className="button"
      form={(done) => <ChangeSeverityForm incident={incident} onDone={done} />}
    />
  );
}

function ChangeSeverityForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const { busy, errors, reasonInput, check } = useReasonedSubmit(
    ['severity'],
    'Give a reason: it goes on the record.',
  );
  const submit = async () => {
    const found =
      severity === incident.severity
        ? { severity: `Choose a level other than the current ${incident.severity}.` }
        : {};
    if (
      await check(found, (reason) => command(changeSeverity, incident.id, severity, reason, ctx()))
    )
      onDone();
  };
  return (
    <CommandForm onSubmit={submit} submitLabel="Change" busy={busy} error={errors.form}>
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
        <textarea rows={2} {...reasonInput} />
      </Field>
    </CommandForm>
  );
}
