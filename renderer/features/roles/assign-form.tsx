import { useState } from 'react';
import type { RoleDefinition } from '../../../shared/domain/roles';
import { useCommand } from '../../db/db-context';
import { assignRole } from '../../db/repo/roles';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

/**
 * The inline form behind "Assign" / "Hand off": Person (with directory suggestions), an optional
 * handoff note, and a confirm button. Enter confirms; Escape cancels. A failed write keeps the
 * typed text and shows why next to the field.
 */
export function AssignForm({
  incidentId,
  role,
  handoff,
  suggestionsId,
  onDone,
}: {
  incidentId: string;
  role: RoleDefinition;
  handoff: boolean;
  /** Id of the board's shared <datalist> of people. */
  suggestionsId: string;
  /** Called after a successful write or a cancel; the card puts focus back on its button. */
  onDone: () => void;
}) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [person, setPerson] = useState('');
  const [note, setNote] = useState('');
  // Every refusal (a clash, the incident gone) goes next to Person; a storage failure below.
  const { busy, errors, setErrors, run } = useSubmit(['person'], { fallback: 'person' });

  const submit = async () => {
    if (busy) return;
    if (!person.trim())
      return setErrors({ person: 'Type the name of the person taking this role.' });
    const assigned = await run(() =>
      command(assignRole, incidentId, role.key, person, ctx(), {
        roleName: role.name,
        note: handoff ? note : '',
      }),
    );
    if (assigned) onDone();
  };

  return (
    <CommandForm
      className="form form-inline role-assign"
      onSubmit={submit}
      submitLabel="Assign"
      busy={busy}
      error={errors.form}
      onCancel={onDone}
      small
    >
      <Field label="Person" error={errors.person} limit="name">
        <input
          type="text"
          autoFocus
          autoComplete="off"
          list={suggestionsId}
          value={person}
          onChange={(e) => {
            setPerson(e.target.value);
            if (errors.person) setErrors({ ...errors, person: undefined });
          }}
        />
      </Field>
      {handoff ? (
        <Field
          label="Handoff note"
          hint="Optional: open hypotheses, when the next update is due."
          limit="handoffNote"
        >
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      ) : null}
    </CommandForm>
  );
}
