import { useState } from 'react';
import type { AppSettings } from '../../../shared/domain/settings';
import { hypothesisTimeboxMs } from '../../../shared/logic/hypotheses';
import { useCommand } from '../../db/db-context';
import { openHypothesis } from '../../db/repo/hypotheses';
import { CommandForm } from '../../ui/command-form';
import { FormDialogButton } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

/** "Add hypothesis" button and dialog: the text, and an owner (the Technical Lead if empty). */
export function AddHypothesis({
  incidentId,
  settings,
}: {
  incidentId: string;
  settings: AppSettings;
}) {
  return (
    <FormDialogButton
      label="Add hypothesis"
      form={(done) => <AddForm incidentId={incidentId} settings={settings} onDone={done} />}
    />
  );
}

function AddForm({
  incidentId,
  settings,
  onDone,
}: {
  incidentId: string;
  settings: AppSettings;
  onDone: () => void;
}) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const { busy, errors, setErrors, run } = useSubmit(['text']);
  const submit = async () => {
    if (!text.trim()) {
      setErrors({ text: 'Say what the hypothesis is.' });
      return;
    }
    const added = await run(() =>
      command(openHypothesis, incidentId, text, ctx(), {
        timeboxMs: hypothesisTimeboxMs(settings),
        ...(owner.trim() ? { owner: owner.trim() } : {}),
      }),
    );
    if (added) onDone();
  };
  return (
    <CommandForm onSubmit={submit} submitLabel="Add" busy={busy} error={errors.form}>
      <Field
        label="Hypothesis"
        error={errors.text}
        limit="hypothesis"
        hint={`Timeboxed to ${settings.hypothesisTimeboxMinutes} minutes, then pivot or escalate.`}
      >
        <input type="text" autoFocus value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <Field label="Owner" hint="Leave empty for the current Technical Lead." limit="name">
        <input type="text" value={owner} onChange={(e) => setOwner(e.target.value)} />
      </Field>
    </CommandForm>
  );
}
