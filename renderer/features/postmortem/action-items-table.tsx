import { useState } from 'react';
import type { ActionItem, ActionStatus } from '../../../shared/domain/records';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../../shared/domain/records';
import { useCommand } from '../../db/db-context';
import { addActionItem } from '../../db/repo/action-items-edit';
import { ActionItemEditor, namesByNumber } from '../action-items/action-item-editor';
import { Field } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';
import {
  NEW_ACTION_ITEM_FIELDS,
  NewActionItemFields,
  useNewActionItem,
} from '../action-items/new-action-item';
import { FormError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { BusyButton } from '../../ui/busy-button';

/**
 * The post-mortem's action items (ID, action, owner, priority, due date, status, link or
 * ticket reference), stored as action items linked to the incident, each row the one
 * action-item editor (features/action-items/action-item-editor.tsx) with the same rules as the
 * Action items page, named by number ("Action 1", "Owner of action 1"), plus Delete.
 */
export function ActionItemsTable({
  incidentId,
  items,
  peopleNames,
}: {
  incidentId: string;
  items: readonly ActionItem[];
  peopleNames: readonly string[];
}) {
  return (
    <div className="pm-actions">
      <datalist id="pm-people">
        {peopleNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {items.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Priority</th>
              <th scope="col">Due Date</th>
              <th scope="col">Status</th>
              <th scope="col">Link or ticket</th>
              <th scope="col">
                <span className="pm-sr-only">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <ActionItemEditor
                key={item.id}
                item={item}
                names={namesByNumber(i + 1)}
                ownersListId="pm-people"
                lead={<td>{i + 1}</td>}
                withLink
                deletable
              />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No action items yet.</p>
      )}
      <AddActionItem incidentId={incidentId} />
    </div>
  );
}

function AddActionItem({ incidentId }: { incidentId: string }) {
  const run = useCommand();
  const ctx = useCommandContext();
  const draft = useNewActionItem();
  const [status, setStatus] = useState<ActionStatus>('not-started');
  const { busy, errors, run: submit } = useSubmit(NEW_ACTION_ITEM_FIELDS);

  const add = async () => {
    const { title, owner, priority, due } = draft;
    const added = await submit(() =>
      run(addActionItem, { incidentId, title, owner, priority, dueDate: due, status }, ctx()),
    );
    if (added) {
      draft.reset();
      setStatus('not-started');
    }
  };

  return (
    <fieldset
      className="pm-add-action"
      onKeyDown={(e) => {
        // Enter in a text field adds the item, as in every other small form (not a form element
        // itself: it sits inside the post-mortem page).
        if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
        if (!(e.target instanceof HTMLInputElement)) return;
        if (['checkbox', 'radio', 'button', 'submit'].includes(e.target.type)) return;
        e.preventDefault();
        void add();
      }}
    >
      <legend>Add an action item</legend>
      <div className="field-row">
        <NewActionItemFields draft={draft} errors={errors} ownersListId="pm-people" />
        <Field label="Status">
          <select value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FormError message={errors.form} />
      <BusyButton type="button" className="button" busy={busy} onClick={() => void add()}>
        Add action item
      </BusyButton>
    </fieldset>
  );
}
