import { useState, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import type { ActionItem, ActionStatus, Priority } from '../../../shared/domain/records';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, PRIORITIES } from '../../../shared/domain/records';
import { useDb } from '../../db/db-context';
import { updateActionItem, type ActionItemPatch } from '../../db/repo/action-items-edit';
import { describeWriteError, RepoError } from '../../db/repo/errors';
import { useConfirmedSelect } from '../../ui/use-confirmed-select';
import { useStoredField } from '../../ui/use-stored-field';
import { useCommandContext } from '../settings/use-settings';

type Errors = Partial<Record<keyof ActionItemPatch | 'form', string>>;

/** A cell's error, tied to its control by id. */
function CellError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <div id={id} className="field-error" role="alert">
      {text}
    </div>
  ) : null;
}

/**
 * One action item as a row of real controls, each labelled "<Column> for <action>". Text saves
 * on blur (or Enter), selects and dates on change; a refused value stays in the field with its
 * error beside it.
 */
export function ActionItemRow({
  item,
  incident,
  overdue,
}: {
  item: ActionItem;
  incident: Incident | undefined;
  overdue: boolean;
}) {
  const db = useDb();
  const ctx = useCommandContext();
  // Title and owner show what is stored until the user types, and save only what they changed.
  const title = useStoredField(item.title);
  const owner = useStoredField(item.owner);
  const [due, setDue] = useState(item.dueDate);
  const [errors, setErrors] = useState<Errors>({});
  // Follow edits made elsewhere (the post-mortem table) while this row is not being edited.
  const [seen, setSeen] = useState(item);
  if (seen !== item) {
    setSeen(item);
    if (seen.dueDate !== item.dueDate && !errors.dueDate) setDue(item.dueDate);
  }

  const save = (patch: ActionItemPatch, done?: () => void) => {
    const key = Object.keys(patch)[0] as keyof ActionItemPatch;
    void updateActionItem(db, item.id, patch, ctx()).then(
      () => {
        setErrors((e) => ({ ...e, [key]: undefined, form: undefined }));
        done?.();
      },
      (e: unknown) => {
        const field = e instanceof RepoError && e.field ? e.field : 'form';
        setErrors((prev) => ({ ...prev, [field]: describeWriteError(e) }));
      },
    );
  };
  // Keyboard browsing commits on Enter or leaving the select, not on every option passed.
  const prioritySelect = useConfirmedSelect<Priority>(item.priority, (priority) =>
    save({ priority }),
  );
  const statusSelect = useConfirmedSelect<ActionStatus>(item.status, (status) => save({ status }));
  const saveTitle = () => {
    if (!title.edited) return;
    const text = title.value.trim();
    if (!text) return setErrors((e) => ({ ...e, title: 'Say what needs to be done.' }));
    if (text === item.title) {
      title.revert();
      return setErrors((e) => ({ ...e, title: undefined }));
    }
    save({ title: text }, () => title.saved(text));
  };
  const saveOwner = () => {
    if (!owner.edited) return;
    const text = owner.value.trim();
    if (text === item.owner) return owner.revert();
    save({ owner: text }, () => owner.saved(text));
  };
  const saveDue = (value: string) => {
    setDue(value);
    if (!value) return setErrors((e) => ({ ...e, dueDate: 'Enter a complete date (YYYY-MM-DD).' }));
    if (value !== item.dueDate) save({ dueDate: value });
    else setErrors((e) => ({ ...e, dueDate: undefined }));
  };
  const name = item.title;
  const ids = { title: `ai-${item.id}-title`, due: `ai-${item.id}-due` };
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
  };

  return (
    <tr className={overdue ? 'ai-overdue' : undefined}>
      <td>
        <input
          className="ai-title"
          aria-label={`Action for ${name}`}
          value={title.value}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? ids.title : undefined}
          onChange={(e) => title.set(e.target.value)}
          onBlur={saveTitle}
          onKeyDown={onEnter}
        />
        <CellError id={ids.title} text={errors.title} />
        <CellError id={`ai-${item.id}-form`} text={errors.form} />
      </td>
      <td>
        <input
          aria-label={`Owner for ${name}`}
          list="ai-owners"
          value={owner.value}
          onChange={(e) => owner.set(e.target.value)}
          onBlur={saveOwner}
          onKeyDown={onEnter}
        />
      </td>
      <td>
        <select aria-label={`Priority for ${name}`} {...prioritySelect}>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="date"
          aria-label={`Due date for ${name}`}
          value={due}
          aria-invalid={errors.dueDate ? true : undefined}
          aria-describedby={errors.dueDate ? ids.due : undefined}
          onChange={(e) => saveDue(e.target.value)}
        />
        {overdue ? <span className="ai-overdue-tag">Overdue</span> : null}
        <CellError id={ids.due} text={errors.dueDate} />
      </td>
      <td>
        <select aria-label={`Status for ${name}`} {...statusSelect}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {incident ? (
          <span className="ai-links">
            <Link href={`/incidents/${incident.id}`}>
              {incident.ref} <bdi>{incident.title}</bdi>
            </Link>
            <Link
              href={`/incidents/${incident.id}/postmortem`}
              aria-label={`Post-mortem of ${incident.ref}`}
            >
              Post-mortem
            </Link>
          </span>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
    </tr>
  );
}
