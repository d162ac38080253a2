import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { dataLossOf, type DataLoss } from '../../../shared/domain/incident-facts';
import { STATUSES, STATUS_LABELS, type Status } from '../../../shared/domain/status';
import { useCommand } from '../../db/db-context';
import { changeStatus } from '../../db/repo/incidents';
import { useUiStore } from '../../store/ui-store';
import { CommandForm } from '../../ui/command-form';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { DataLossFields } from '../escalation/data-loss-fields';
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
  // Every refusal goes beside the Status field; worded as a button's write, not a typed one.
  const { busy, errors, setErrors, run } = useSubmit(['status'], {
    fallback: 'status',
    context: 'action',
  });
  // The pending choice, for this status only: once the stored status moves (here or in another
  // window) the select shows the stored one again.
  const [pending, setPending] = useState<{ from: Status; to: Status } | null>(null);
  const choice = pending?.from === incident.status ? pending.to : incident.status;
  const changed = choice !== incident.status;

  const apply = async () => {
    if (choice === incident.status) return;
    if (choice === 'resolved') {
      setResolving(true);
      return;
    }
    if (await run(() => command(changeStatus, incident.id, choice, ctx()))) setPending(null);
  };

  return (
    <div className="status-control">
      <CommandForm
        className="status-form"
        onSubmit={apply}
        submitLabel="Set status"
        busy={busy}
        error={errors.form}
        submitDisabled={!changed}
        primary={false}
        small
      >
        <Field label="Status" error={errors.status}>
          <select
            value={choice}
            data-state={changed ? 'pending' : 'saved'}
            onChange={(e) => {
              setErrors({});
              setPending({ from: incident.status, to: e.target.value as Status });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void apply();
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
      </CommandForm>
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
  // The summary field takes every refusal the data-loss fields do not name.
  const { busy, errors, setErrors, run } = useSubmit(
    ['resolutionSummary', 'dataLossWhat', 'dataLossWindow'],
    { fallback: 'resolutionSummary' },
  );
  const loss = dataLoss ?? recorded;
  const submit = async () => {
    if (!summary.trim())
      return setErrors({ resolutionSummary: 'Say in one line how it was resolved.' });
    if (!(await run(() => onResolve(summary, loss)))) return;
    setSummary('');
    setDataLoss(null);
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Resolve incident">
      <CommandForm onSubmit={submit} submitLabel="Resolve" busy={busy} error={errors.form}>
        <Field
          label="Resolution summary"
          error={errors.resolutionSummary}
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
        <DataLossFields value={loss} onChange={setDataLoss} errors={errors} />
      </CommandForm>
    </Dialog>
  );
}
