import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ActionItem, ActionStatus, Priority } from '../../../shared/domain/records';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, PRIORITIES } from '../../../shared/domain/records';
import { DUE_DATE_MISSING, type ActionItemPatch } from '../../../shared/commands/action-items';
import { useCommand } from '../../db/db-context';
import { deleteActionItem, updateActionItem } from '../../db/repo/action-items-edit';
import { describeWriteError, RepoError } from '../../db/repo/errors';
import { useConfirmedSelect } from '../../ui/use-confirmed-select';
import { useStoredField, type StoredField } from '../../ui/use-stored-field';
import { useCommandContext } from '../settings/use-settings';

/**
 * THE action-item editor (issue 14: the Action items page and the post-mortem's table had one
 * each, and they had drifted apart). One row of real controls; the rules are the same wherever
 * it is shown: text saves on blur or Enter, selects on a confirmed choice, a date on change;
 * only a field the user changed is saved; a refused value (an empty action, an emptied date,
 * an over-long link) stays in its field with its error beside it (`aria-invalid`,
 * `aria-describedby`); the row follows edits made elsewhere while it is not being edited. The
 * command (shared/commands/action-items.ts) holds the rules themselves.
 */

/** The accessible names of a row's controls. */
export interface ActionItemNames {
  title: string;
  owner: string;
  priority: string;
  dueDate: string;
  status: string;
  link: string;
  delete: string;
}

/** Names after the item's title ("Action for Rotate keys"): the Action items page. */
export function namesByTitle(title: string): ActionItemNames {
  return {
    title: `Action for ${title}`,
    owner: `Owner for ${title}`,
    priority: `Priority for ${title}`,
    dueDate: `Due date for ${title}`,
    status: `Status for ${title}`,
    link: `Link for ${title}`,
    delete: `Delete ${title}`,
  };
}

/** Names after the item's number ("Action 1", "Owner of action 1"): the post-mortem's table. */
export function namesByNumber(n: number): ActionItemNames {
  return {
    title: `Action ${n}`,
    owner: `Owner of action ${n}`,
    priority: `Priority of action ${n}`,
    dueDate: `Due date of action ${n}`,
    status: `Status of action ${n}`,
    link: `Link of action ${n}`,
    delete: `Delete action ${n}`,
  };
}

type Errors = Partial<Record<keyof ActionItemPatch | 'form', string>>;

/** A cell's error, tied to its control by id. */
function CellError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <div id={id} className="field-error" role="alert">
      {text}
    </div>
  ) : null;
}

const blurOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') e.currentTarget.blur();
};

/**
 * One action item as a table row. `lead` cells come first (the post-mortem's number), `trail`
 * cells last (the page's incident links); `withLink` adds the link-or-ticket column, `deletable`
 * a Delete button; `overdue` marks the row and tags its due date.
 */
export function ActionItemEditor({
  item,
  names,
  ownersListId,
  lead,
  trail,
  withLink = false,
  deletable = false,
  overdue = false,
}: {
  item: ActionItem;
  names: ActionItemNames;
  /** The id of a datalist of people to suggest as owners. */
  ownersListId: string;
  lead?: ReactNode;
  trail?: ReactNode;
  withLink?: boolean;
  deletable?: boolean;
  overdue?: boolean;
}) {
  const run = useCommand();
  const ctx = useCommandContext();
  // Text shows what is stored until the user types, and saves only what they changed.
  const title = useStoredField(item.title);
  const owner = useStoredField(item.owner);
  const link = useStoredField(item.link ?? '');
  const [due, setDue] = useState(item.dueDate);
  const [errors, setErrors] = useState<Errors>({});
  // Follow a due date changed elsewhere while this one is not refused.
  const [seen, setSeen] = useState(item);
  if (seen !== item) {
    setSeen(item);
    if (seen.dueDate !== item.dueDate && !errors.dueDate) setDue(item.dueDate);
  }

  const fail = (e: unknown) => {
    const field = e instanceof RepoError && e.field ? e.field : 'form';
    setErrors((prev) => ({ ...prev, [field]: describeWriteError(e) }));
  };
  const save = (patch: ActionItemPatch, done?: (saved: ActionItem) => void) => {
    const key = Object.keys(patch)[0] as keyof ActionItemPatch;
    run(updateActionItem, item.id, patch, ctx()).then((saved) => {
      setErrors((e) => ({ ...e, [key]: undefined, form: undefined }));
      done?.(saved);
    }, fail);
  };
  /** Saves a text field the user changed; what trims to the stored value is no change. */
  const saveText = (field: 'title' | 'owner' | 'link', edit: StoredField, stored: string) => {
    if (!edit.edited) return;
    if (edit.value.trim() === stored) {
      edit.revert();
      setErrors((e) => ({ ...e, [field]: undefined }));
      return;
    }
    // The field then shows what the command stored (trimmed, spaces collapsed in a link).
    save({ [field]: edit.value }, (saved) => edit.saved(saved[field] ?? ''));
  };
  // Keyboard browsing commits on Enter or leaving the select, not on every option passed.
  const prioritySelect = useConfirmedSelect<Priority>(item.priority, (priority) =>
    save({ priority }),
  );
  const statusSelect = useConfirmedSelect<ActionStatus>(item.status, (status) => save({ status }));
  const saveDue = (value: string) => {
    setDue(value);
    if (!value) return setErrors((e) => ({ ...e, dueDate: DUE_DATE_MISSING }));
    if (value !== item.dueDate) save({ dueDate: value });
    else setErrors((e) => ({ ...e, dueDate: undefined }));
  };
  const remove = () => run(deleteActionItem, item.id, ctx()).catch(fail);

  const ids = {
    title: `ai-${item.id}-title`,
    owner: `ai-${item.id}-owner`,
    due: `ai-${item.id}-due`,
    link: `ai-${item.id}-link`,
    form: `ai-${item.id}-form`,
  };
  const invalid = (field: keyof Errors, id: string) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? id : undefined,
  });

  return (
    <tr className={overdue ? 'ai-overdue' : undefined}>
      {lead}
      <td>
        <input
          className="ai-title"
          aria-label={names.title}
          value={title.value}
          {...invalid('title', ids.title)}
          onChange={(e) => title.set(e.target.value)}
          onBlur={() => saveText('title', title, item.title)}
          onKeyDown={blurOnEnter}
        />
        <CellError id={ids.title} text={errors.title} />
        <CellError id={ids.form} text={errors.form} />
      </td>
      <td>
        <input
          aria-label={names.owner}
          list={ownersListId}
          value={owner.value}
          {...invalid('owner', ids.owner)}
          onChange={(e) => owner.set(e.target.value)}
          onBlur={() => saveText('owner', owner, item.owner)}
          onKeyDown={blurOnEnter}
        />
        <CellError id={ids.owner} text={errors.owner} />
      </td>
      <td>
        <select aria-label={names.priority} {...prioritySelect}>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="date"
          aria-label={names.dueDate}
          value={due}
          {...invalid('dueDate', ids.due)}
          onChange={(e) => saveDue(e.target.value)}
        />
        {overdue ? <span className="ai-overdue-tag">Overdue</span> : null}
        <CellError id={ids.due} text={errors.dueDate} />
      </td>
      <td>
        <select aria-label={names.status} {...statusSelect}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </td>
      {withLink ? (
        <td>
          <input
            aria-label={names.link}
            placeholder="https://… or OPS-123"
            value={link.value}
            {...invalid('link', ids.link)}
            onChange={(e) => link.set(e.target.value)}
            onBlur={() => saveText('link', link, item.link ?? '')}
            onKeyDown={blurOnEnter}
          />
          <CellError id={ids.link} text={errors.link} />
        </td>
      ) : null}
      {deletable ? (
        <td>
          <button
            type="button"
            className="button button-small"
            aria-label={names.delete}
            onClick={() => void remove()}
          >
            Delete
          </button>
        </td>
      ) : null}
      {trail}
    </tr>
  );
}
