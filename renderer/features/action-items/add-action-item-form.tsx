import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import type { ActionStatus, Priority } from '../../../shared/domain/records';
import { PRIORITIES } from '../../../shared/domain/records';
import { defaultDueDate } from '../../../shared/logic/action-items';
import { useDb } from '../../db/db-context';
import { addAnyActionItem } from '../../db/repo/action-items-edit';
import { describeWriteError, RepoError } from '../../db/repo/errors';
import { useNow } from '../../store/ui-store';
import { Field } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';

/** "Add action item": action, owner, priority, due date (from the priority until set), incident. */
export function AddActionItemForm({
  incidents,
  owners,
}: {
  incidents: readonly Incident[];
  owners: readonly string[];
}) {
  const db = useDb();
  const ctx = useCommandContext();
  const now = useNow();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [priority, setPriority] = useState<Priority>('P2');
  // null: follow the priority's default until the user picks a date.
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [incidentId, setIncidentId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A second submit while the first write is in flight would add a duplicate item.
  const [busy, setBusy] = useState(false);
  const due = dueDate ?? defaultDueDate(priority, now);

  const add = async () => {
    if (busy) return;
    if (!due) {
      setErrors({ dueDate: 'Give the due date as a real date (YYYY-MM-DD).' });
      return;
    }
    const status: ActionStatus = 'not-started';
    setBusy(true);
    try {
      await addAnyActionItem(
        db,
        { incidentId: incidentId || null, title, owner, priority, dueDate: due, status },
        ctx(),
      );
      setTitle('');
      setOwner('');
      setDueDate(null);
      setErrors({});
    } catch (e) {
      const field = e instanceof RepoError && e.field ? e.field : 'form';
      setErrors({ [field]: describeWriteError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel ai-add"
      aria-label="Add action item"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h2>Add action item</h2>
      <datalist id="ai-owners">
        {owners.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <div className="field-row">
        <Field label="Action" error={errors.title}>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label="Owner">
          <input
            type="text"
            list="ai-owners"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          />
        </Field>
        <Field label="Priority">
          <select value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </Field>
        <Field
          label="Due date"
          error={errors.dueDate}
          hint={dueDate === null ? 'From the priority' : undefined}
        >
          <input type="date" value={due} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
        <Field label="Incident">
          <select value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
            <option value="">None</option>
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {i.ref} {i.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        Add action item
      </button>
    </form>
  );
}
