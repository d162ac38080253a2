import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { STATUSES, STATUS_LABELS, type Status } from '../../../shared/domain/status';
import { useDb } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { changeStatus } from '../../db/repo/incidents';
import { useUiStore } from '../../store/ui-store';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';

/** The Status control; choosing Resolved asks for a one-line resolution summary first. */
export function StatusControl({ incident }: { incident: Incident }) {
  const db = useDb();
  const ctx = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const apply = async (status: Status) => {
    if (status === 'resolved') {
      setResolving(true);
      return;
    }
    try {
      setError(undefined);
      await changeStatus(db, incident.id, status, ctx());
    } catch (e) {
      setError(describeWriteError(e, 'action'));
    }
  };

  return (
    <div className="status-control">
      <Field label="Status" error={error}>
        <select value={incident.status} onChange={(e) => void apply(e.target.value as Status)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <ResolveDialog
        open={resolving}
        onOpenChange={setResolving}
        onResolve={async (summary) => {
          await changeStatus(db, incident.id, 'resolved', ctx(), summary);
          toast(`${incident.ref} resolved.`);
        }}
      />
    </div>
  );
}

function ResolveDialog({
  open,
  onOpenChange,
  onResolve,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onResolve: (summary: string) => Promise<void>;
}) {
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    if (!summary.trim()) {
      setError('Say in one line how it was resolved.');
      return;
    }
    try {
      await onResolve(summary);
      setSummary('');
      setError(undefined);
      onOpenChange(false);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Resolve incident">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field
          label="Resolution summary"
          error={error}
          hint="One line: what fixed it."
          limit="resolutionSummary"
        >
          <input
            type="text"
            autoFocus
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Resolve
          </button>
        </div>
      </form>
    </Dialog>
  );
}
