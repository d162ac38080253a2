import { useState } from 'react';
import type { Priority } from '../../../shared/domain/records';
import { PRIORITIES } from '../../../shared/domain/records';
import { defaultDueDate } from '../../../shared/logic/action-items';
import { useNow } from '../../store/ui-store';
import { Field } from '../../ui/field';
import type { FormErrors } from '../../ui/use-submit';

/** The fields of a new action item that a refused write can point at. */
export const NEW_ACTION_ITEM_FIELDS = ['title', 'dueDate'] as const;
export type NewActionItemField = (typeof NEW_ACTION_ITEM_FIELDS)[number];

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

/** The Action, Owner, Priority and Due date fields of a new action item. */
export function NewActionItemFields({
  draft,
  errors,
  ownersListId,
}: {
  draft: NewActionItemDraft;
  errors: FormErrors<NewActionItemField>;
  /** The id of a datalist of people to suggest as owners. */
  ownersListId: string;
}) {
  return (
    <>
      <Field label="Action" error={errors.title} limit="actionTitle">
        <input
          type="text"
          value={draft.title}
          onChange={(e) => draft.set({ title: e.target.value })}
        />
      </Field>
      <Field label="Owner" limit="name">
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
