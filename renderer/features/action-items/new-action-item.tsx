import { useState } from 'react';
import type { Priority } from '../../../shared/domain/records';
import { PRIORITIES } from '../../../shared/domain/records';
import { defaultDueDate } from '../../../shared/logic/action-items';
import { describeWriteError, RepoError } from '../../db/repo/errors';
import { useNow } from '../../store/ui-store';
import { Field } from '../../ui/field';

/**
 * What a new action item is typed as, shared by the Action items page and the post-mortem's
 * table: action, owner, priority, and a due date that follows the priority until it is set.
 */
export interface NewActionItemDraft {
  title: string;
  owner: string;
  priority: Priority;
  /** The due date to store: the one picked, or the priority's default. */
  due: string;
  /** True while the due date still follows the priority. */
  dueFromPriority: boolean;
  set: (patch: Partial<Pick<NewActionItemDraft, 'title' | 'owner' | 'priority'>>) => void;
  /** A picked date; '' (the date cleared) goes back to the priority's default. */
  setDue: (date: string) => void;
  reset: () => void;
}

export function useNewActionItem(): NewActionItemDraft {
  const now = useNow();
  const [values, setValues] = useState({ title: '', owner: '', priority: 'P2' as Priority });
  // null: follow the priority's default until the user picks a date.
  const [dueDate, setDueDate] = useState<string | null>(null);
  return {
    ...values,
    due: dueDate ?? defaultDueDate(values.priority, now),
    dueFromPriority: dueDate === null,
    set: (patch) => setValues((v) => ({ ...v, ...patch })),
    setDue: (date) => setDueDate(date || null),
    reset: () => {
      setValues((v) => ({ ...v, title: '', owner: '' }));
      setDueDate(null);
    },
  };
}

/**
 * Runs one add at a time (a second click while the first write is in flight would add a
 * duplicate) and keeps each failure next to its field: a RepoError's field, or the form.
 */
export function useAddAction(): {
  busy: boolean;
  errors: Record<string, string>;
  run: (write: () => Promise<unknown>) => Promise<boolean>;
} {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (write: () => Promise<unknown>) => {
    if (busy) return false;
    setBusy(true);
    try {
      await write();
      setErrors({});
      return true;
    } catch (e) {
      const field = e instanceof RepoError && e.field ? e.field : 'form';
      setErrors({ [field]: describeWriteError(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, run };
}

/** The Action, Owner, Priority and Due date fields of a new action item. */
export function NewActionItemFields({
  draft,
  errors,
  ownersListId,
}: {
  draft: NewActionItemDraft;
  errors: Record<string, string>;
  /** The id of a datalist of people to suggest as owners. */
  ownersListId: string;
}) {
  return (
    <>
      <Field label="Action" error={errors.title}>
        <input
          type="text"
          value={draft.title}
          onChange={(e) => draft.set({ title: e.target.value })}
        />
      </Field>
      <Field label="Owner">
        <input
          type="text"
          list={ownersListId}
          value={draft.owner}
          onChange={(e) => draft.set({ owner: e.target.value })}
        />
      </Field>
      <Field label="Priority">
        <select
          value={draft.priority}
          onChange={(e) => draft.set({ priority: e.target.value as Priority })}
        >
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </Field>
      <Field
        label="Due date"
        error={errors.dueDate}
        hint={draft.dueFromPriority ? 'From the priority' : undefined}
      >
        <input type="date" value={draft.due} onChange={(e) => draft.setDue(e.target.value)} />
      </Field>
    </>
  );
}

/** The form-level error (one that belongs to no single field), if any. */
export function FormError({ errors }: { errors: Record<string, string> }) {
  return errors.form ? (
    <p className="form-error" role="alert">
      {errors.form}
    </p>
  ) : null;
}
