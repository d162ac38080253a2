import { useState } from 'react';
import { EXTEND_MINUTES_SPEC } from '../../../shared/logic/hypotheses';
import { parseNumberInput } from '../../../shared/logic/number-input';
import { useCommand } from '../../db/db-context';
import { extendHypothesisTimebox } from '../../db/repo/hypotheses';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useReasonedSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

/** Extend a hypothesis's timebox: minutes and a required reason, both recorded. */
export function ExtendForm({ hypothesisId, onDone }: { hypothesisId: string; onDone: () => void }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [minutes, setMinutes] = useState('10');
  // One write at a time: a second submit while the first is in flight would extend twice.
  const { busy, errors, reasonInput, check } = useReasonedSubmit(
    ['minutes'],
    'Say why it needs longer: it goes on the record.',
  );
  const submit = async () => {
    const n = parseNumberInput(minutes, EXTEND_MINUTES_SPEC);
    const found = n.ok ? {} : { minutes: n.error };
    if (
      await check(found, (reason) =>
        command(extendHypothesisTimebox, hypothesisId, n.ok ? n.value : NaN, reason, ctx()),
      )
    )
      onDone();
  };
  return (
    <CommandForm
      className="form form-compact"
      onSubmit={submit}
      submitLabel="Extend timebox"
      busy={busy}
      error={errors.form}
      onCancel={onDone}
      small
    >
      <Field label="Extend by (minutes)" error={errors.minutes}>
        <input
          type="text"
          inputMode="numeric"
          autoFocus
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </Field>
      <Field label="Reason" error={errors.reason} limit="extensionReason">
        <input type="text" {...reasonInput} />
      </Field>
    </CommandForm>
  );
}
