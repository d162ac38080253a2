import { useState } from 'react';
import type { ActionItem, ActionStatus, Priority } from '../../../shared/domain/records';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, PRIORITIES } from '../../../shared/domain/records';
import { useDb } from '../../db/db-context';
import {
  addActionItem,
  deleteActionItem,
  updateActionItem,
  type ActionItemPatch,
} from '../../db/repo/action-items-edit';
import { describeWriteError } from '../../db/repo/errors';
import { Field } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';
import {
  NEW_ACTION_ITEM_FIELDS,
  NewActionItemFields,
  useNewActionItem,
} from '../action-items/new-action-item';
import { FormError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { useConfirmedSelect } from '../../ui/use-confirmed-select';
import { useStoredField } from '../../ui/use-stored-field';
import { BusyButton } from '../../ui/busy-button';

/**
 * The post-mortem's action items (ID, action, owner, priority, due date, status, link or
 * ticket reference), stored as
 * action items linked to the incident. Text cells save on blur; selects and dates on change.
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
  const db = useDb();
  const ctx = useCommandContext();
  const [error, setError] = useState<string | null>(null);
  const update = (id: string, patch: ActionItemPatch, done?: () => void) =>
    void updateActionItem(db, id, patch, ctx()).then(
      () => {
        setError(null);
        done?.();
      },
      (e: unknown) => setError(describeWriteError(e)),
    );
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
              <ActionRow
                key={item.id}
                n={i + 1}
                item={item}
                onChange={(patch, done) => update(item.id, patch, done)}
                onDelete={() =>
                  void deleteActionItem(db, item.id, ctx()).catch((e: unknown) =>
                    setError(describeWriteError(e)),
                  )
                }
              />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No action items yet.</p>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <AddActionItem incidentId={incidentId} />
    </div>
  );
}

function ActionRow({
  n,
  item,
  onChange,
  onDelete,
}: {
  n: number;
  item: ActionItem;
  onChange: (patch: ActionItemPatch, done?: () => void) => void;
  onDelete: () => void;
}) {
  // Show what is stored until the user types; save only a field the user changed.
  const title = useStoredField(item.title);
  const owner = useStoredField(item.owner);
  // Keyboard browsing commits on Enter or leaving the select, not on every option passed.
  const prioritySelect = useConfirmedSelect<Priority>(item.priority, (priority) =>
    onChange({ priority }),
  );
  const statusSelect = useConfirmedSelect<ActionStatus>(item.status, (status) =>
    onChange({ status }),
  );
  const link = useStoredField(item.link ?? '');
  return (
    <tr>
      <td>{n}</td>
      <td>
        <input
          aria-label={`Action ${n}`}
          value={title.value}
          onChange={(e) => title.set(e.target.value)}
          onBlur={() => {
            const text = title.value.trim();
            if (!title.edited || !text) return;
            if (text === item.title) title.revert();
            else onChange({ title: text }, () => title.saved(text));
          }}
        />
      </td>
      <td>
        <input
          aria-label={`Owner of action ${n}`}
          list="pm-people"
          value={owner.value}
          onChange={(e) => owner.set(e.target.value)}
          onBlur={() => {
            const text = owner.value.trim();
            if (!owner.edited) return;
            if (text === item.owner) owner.revert();
            else onChange({ owner: text }, () => owner.saved(text));
          }}
        />
      </td>
      <td>
        <select aria-label={`Priority of action ${n}`} {...prioritySelect}>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="date"
          aria-label={`Due date of action ${n}`}
          value={item.dueDate}
          onChange={(e) => (e.target.value ? onChange({ dueDate: e.target.value }) : undefined)}
        />
      </td>
      <td>
        <select aria-label={`Status of action ${n}`} {...statusSelect}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`Link of action ${n}`}
          placeholder="https://… or OPS-123"
          value={link.value}
          onChange={(e) => link.set(e.target.value)}
          onBlur={() => {
            const text = link.value.trim();
            if (!link.edited) return;
            if (text === (item.link ?? '')) link.revert();
            else onChange({ link: text }, () => link.saved(text));
          }}
        />
      </td>
      <td>
        <button
          type="button"
          className="button button-small"
          aria-label={`Delete action ${n}`}
          onClick={onDelete}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

function AddActionItem({ incidentId }: { incidentId: string }) {
  const db = useDb();
  const ctx = useCommandContext();
  const draft = useNewActionItem();
  const [status, setStatus] = useState<ActionStatus>('not-started');
  const { busy, errors, run } = useSubmit(NEW_ACTION_ITEM_FIELDS);

  const add = async () => {
    const { title, owner, priority, due } = draft;
    const added = await run(() =>
      addActionItem(db, { incidentId, title, owner, priority, dueDate: due, status }, ctx()),
    );
    if (added) {
      draft.reset();
      setStatus('not-started');
    }
  };

  return (
    <fieldset className="pm-add-action">
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
