import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { dataLossOf, type DataLoss } from '../../../shared/domain/incident-facts';
import { STATUSES, STATUS_LABELS, type Status } from '../../../shared/domain/status';
import { useCommand } from '../../db/db-context';
import { RepoError, describeWriteError } from '../../db/repo/errors';
import { changeStatus } from '../../db/repo/incidents';
import { useUiStore } from '../../store/ui-store';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { DataLossFields, type DataLossErrors } from '../escalation/data-loss-fields';
import { useCommandContext } from '../settings/use-settings';

/**
 * The Status control: a select and a **Set status** button. Choosing in the select only marks a
 * pending choice; the change (with its milestone and timeline entry) is committed by the button
 * or Enter, so a keyboard user arrowing through the options records nothing on the way.
 * Choosing Resolved asks for a one-line resolution summary first.
 */
export function StatusControl({ incident }: { incident: Incident }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // The pending choice, for this status only: once the stored status moves (here or in another
  // window) the select shows the stored one again.
  const [pending, setPending] = useState<{ from: Status; to: Status } | null>(null);
  const choice = pending?.from === incident.status ? pending.to : incident.status;
  const changed = choice !== incident.status;

  const apply = async (status: Status) => {
    if (status === incident.status) return;
    if (status === 'resolved') {
      setResolving(true);
      return;
    }
    try {
      setError(undefined);
      await command(changeStatus, incident.id, status, ctx());
      setPending(null);
    } catch (e) {
      setError(describeWriteError(e, 'action'));
    }
  };

  return (
    <div className="status-control">
      <form
        className="status-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void apply(choice);
        }}
      >
        <Field label="Status" error={error}>
          <select
            value={choice}
            data-state={changed ? 'pending' : 'saved'}
            onChange={(e) => {
              setError(undefined);
              setPending({ from: incident.status, to: e.target.value as Status });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void apply(choice);
              }
            }}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button-small" disabled={!changed}>
          Set status
        </button>
      </form>
      <ResolveDialog
        open={resolving}
        onOpenChange={setResolving}
        dataLoss={dataLossOf(incident)}
        onResolve={async (summary, dataLoss) => {
          await command(changeStatus, incident.id, 'resolved', ctx(), summary, { dataLoss });
          setPending(null);
          toast(`${incident.ref} resolved.`);
        }}
      />
    </div>
  );
}

function ResolveDialog({
  open,
  onOpenChange,
  dataLoss: recorded,
  onResolve,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The Data loss fact recorded so far: the dialog starts from it. */
  dataLoss: DataLoss;
  onResolve: (summary: string, dataLoss: DataLoss) => Promise<void>;
}) {
  const [summary, setSummary] = useState('');
  const [dataLoss, setDataLoss] = useState<DataLoss | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [lossErrors, setLossErrors] = useState<DataLossErrors>({});
  const loss = dataLoss ?? recorded;
  const submit = async () => {
    if (!summary.trim()) {
      setError('Say in one line how it was resolved.');
      return;
    }
    try {
      await onResolve(summary, loss);
      setSummary('');
      setDataLoss(null);
      setError(undefined);
      setLossErrors({});
      onOpenChange(false);
    } catch (e) {
      const field = e instanceof RepoError ? e.field : undefined;
      if (field === 'dataLossWhat' || field === 'dataLossWindow') {
        setError(undefined);
        setLossErrors({ [field]: describeWriteError(e) });
      } else setError(describeWriteError(e));
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
        <DataLossFields value={loss} onChange={setDataLoss} errors={lossErrors} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Resolve
          </button>
        </div>
      </form>
    </Dialog>
  );
}
