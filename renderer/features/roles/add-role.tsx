import { useState } from 'react';
import { useCommand } from '../../db/db-context';
import { addCustomRole } from '../../db/repo/roles';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useInlineForm } from '../../ui/use-inline-form';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

/** "Add role": a custom role for this incident, shown as its own group until the end. */
export function AddRole({ incidentId }: { incidentId: string }) {
  const { open, show, close, buttonRef } = useInlineForm();
  if (!open)
    return (
      <button type="button" className="button button-small" ref={buttonRef} onClick={show}>
        Add role
      </button>
    );
  return <AddRoleForm incidentId={incidentId} onDone={close} />;
}

function AddRoleForm({ incidentId, onDone }: { incidentId: string; onDone: () => void }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [name, setName] = useState('');
  // Every refusal (a clash, a gone incident) reads best beside the one field.
  const { busy, errors, setErrors, run } = useSubmit(['roleName'], { fallback: 'roleName' });
  const submit = async () => {
    if (!name.trim()) return setErrors({ roleName: 'Give the role a name.' });
    if (await run(() => command(addCustomRole, incidentId, name, ctx()))) onDone();
  };
  return (
    <CommandForm
      className="form form-inline role-add"
      onSubmit={submit}
      submitLabel="Add"
      busy={busy}
      error={errors.form}
      onCancel={onDone}
      small
    >
      <Field label="Role name" error={errors.roleName} limit="roleName">
        <input
          type="text"
          autoFocus
          autoComplete="off"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (errors.roleName || errors.form) setErrors({});
          }}
        />
      </Field>
    </CommandForm>
  );
}
