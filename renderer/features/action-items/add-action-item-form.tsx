import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import type { ActionStatus } from '../../../shared/domain/records';
import { useCommand } from '../../db/db-context';
import { addAnyActionItem } from '../../db/repo/action-items-edit';
import { Field } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';
import { NEW_ACTION_ITEM_FIELDS, NewActionItemFields, useNewActionItem } from './new-action-item';
import { useSubmit } from '../../ui/use-submit';
import { isolateBidi } from '../../../shared/domain/text';
import { CommandForm } from '../../ui/command-form';

/** "Add action item": action, owner, priority, due date (from the priority until set), incident. */
export function AddActionItemForm({
  incidents,
  owners,
}: {
  incidents: readonly Incident[];
  owners: readonly string[];
}) {
  const run = useCommand();
  const ctx = useCommandContext();
  const draft = useNewActionItem();
  const [incidentId, setIncidentId] = useState('');
  const { busy, errors, run: submit } = useSubmit(NEW_ACTION_ITEM_FIELDS);

  const add = async () => {
    const status: ActionStatus = 'not-started';
    const { title, owner, priority, due } = draft;
    const added = await submit(() =>
      run(
        addAnyActionItem,
        { incidentId: incidentId || null, title, owner, priority, dueDate: due, status },
        ctx(),
      ),
    );
    if (added) draft.reset();
  };

  return (
    <CommandForm
      className="panel ai-add"
      label="Add action item"
      onSubmit={add}
      submitLabel="Add action item"
      busy={busy}
      error={errors.form}
    >
      <h2>Add action item</h2>
      <datalist id="ai-owners">
        {owners.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <div className="field-row">
        <NewActionItemFields draft={draft} errors={errors} ownersListId="ai-owners" />
        <Field label="Incident">
          <select value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
            <option value="">None</option>
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {i.ref} {isolateBidi(i.title)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </CommandForm>
  );
}
