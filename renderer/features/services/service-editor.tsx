import { useState } from 'react';
import type { Runbook, Service } from '../../../shared/domain/records';
import { formatPercentTarget } from '../../../shared/logic/slo';
import { useCommand } from '../../db/db-context';
import { updateService } from '../../db/repo/services-edit';
import { useOnlyChanged } from '../../ui/only-changed';
import { useUiStore } from '../../store/ui-store';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';

/** Edits one service's owner team, SLO target and window, and runbook; bad input keeps the text. */
export function ServiceEditor({
  service,
  runbooks,
  onDone,
}: {
  service: Service;
  runbooks: readonly Runbook[];
  onDone: () => void;
}) {
  const command = useCommand();
  const toast = useUiStore((s) => s.toast);
  const [ownerTeam, setOwnerTeam] = useState(service.ownerTeam);
  const [target, setTarget] = useState(
    service.sloTarget === null ? '' : formatPercentTarget(service.sloTarget),
  );
  const [windowDays, setWindowDays] = useState(String(service.sloWindowDays));
  const [runbookId, setRunbookId] = useState(service.runbookId ?? '');
  const { busy, errors, run } = useSubmit(['ownerTeam', 'sloTarget', 'sloWindowDays', 'runbookId']);

  // Only the fields the user changed are sent: the command keeps the others as stored now, so
  // a save never writes the form's copy back over a newer value.
  const changed = useOnlyChanged(() => ({
    ownerTeam: service.ownerTeam,
    sloTargetPercent: service.sloTarget === null ? '' : formatPercentTarget(service.sloTarget),
    sloWindowDays: String(service.sloWindowDays),
    runbookId: service.runbookId,
  }));

  const save = async () => {
    const edited = {
      ownerTeam,
      sloTargetPercent: target,
      sloWindowDays: windowDays,
      runbookId: runbookId || null,
    };
    const saved = await run(() => command(updateService, service.id, changed(edited)));
    if (!saved) return;
    toast(`Saved ${service.name}.`);
    onDone();
  };

  return (
    <CommandForm
      className="form panel service-editor"
      label={`Edit ${service.name}`}
      onSubmit={save}
      submitLabel="Save service"
      busy={busy}
      error={errors.form}
      onCancel={onDone}
      escapeCancels={false}
    >
      <h2>Edit {service.name}</h2>
      <div className="form-inline">
        <Field label="Owner team" error={errors.ownerTeam}>
          <input value={ownerTeam} onChange={(e) => setOwnerTeam(e.target.value)} autoFocus />
        </Field>
        <Field label="SLO target (%)" error={errors.sloTarget} hint="e.g. 99.95; empty for none">
          <input inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} />
        </Field>
        <Field label="SLO window (days)" error={errors.sloWindowDays}>
          <input
            inputMode="numeric"
            value={windowDays}
            onChange={(e) => setWindowDays(e.target.value)}
          />
        </Field>
        <Field label="Runbook" error={errors.runbookId}>
          <select value={runbookId} onChange={(e) => setRunbookId(e.target.value)}>
            <option value="">None</option>
            {runbooks.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </CommandForm>
  );
}
