import { useState } from 'react';
import {
  DETECTION_SOURCE_LABELS,
  formatUsersAffected,
  type DetectionSource,
  type Incident,
} from '../../../shared/domain/incident';
import {
  DATA_LOSS_LABELS,
  PUBLIC_SUMMARY_MAX,
  dataLossOf,
  publicSummaryOf,
  type DataLoss,
} from '../../../shared/domain/incident-facts';
import { tooLongMessage } from '../../../shared/domain/text';
import { parseUsersAffected } from '../../../shared/logic/number-input';
import { useCommand } from '../../db/db-context';
import { updateImpact, type ImpactPatch } from '../../db/repo/impact';
import { useOnlyChanged } from '../../ui/only-changed';
import { CommandForm } from '../../ui/command-form';
import { FormDialogButton } from '../../ui/dialog';
import { CheckboxField, Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';
import { DataLossFields } from './data-loss-fields';
import { DetectionSourceField } from './detection-source-field';

function summary(incident: Incident): string {
  const { impact } = incident;
  const parts: string[] = [];
  const u = impact.usersAffected;
  if (u) parts.push(formatUsersAffected(u));
  if (impact.customerFacing) parts.push('customer-facing');
  if (impact.payingAccounts) parts.push('paying accounts');
  if (impact.dataIntegrity) parts.push('data-integrity concern');
  parts.push(`detected by ${DETECTION_SOURCE_LABELS[incident.detection.source].toLowerCase()}`);
  parts.push(`data loss: ${DATA_LOSS_LABELS[dataLossOf(incident).state].toLowerCase()}`);
  if (!publicSummaryOf(incident)) parts.push('no public summary');
  return parts.join(' · ');
}

/** The impact facts the escalation triggers read, with an "Edit impact" dialog; changes are recorded. */
export function ImpactEditor({ incident }: { incident: Incident }) {
  return (
    <div className="impact-facts">
      <span>Impact: {summary(incident)}</span>{' '}
      <FormDialogButton
        label="Edit impact"
        form={(done) => <ImpactForm incident={incident} onDone={done} />}
      />
    </div>
  );
}

function ImpactForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const { impact } = incident;
  const [users, setUsers] = useState(
    impact.usersAffected ? String(impact.usersAffected.value) : '',
  );
  const [unit, setUnit] = useState<'users' | 'percent'>(impact.usersAffected?.unit ?? 'users');
  const [customerFacing, setCustomerFacing] = useState(impact.customerFacing);
  const [payingAccounts, setPayingAccounts] = useState(impact.payingAccounts);
  const [dataIntegrity, setDataIntegrity] = useState(impact.dataIntegrity);
  const [source, setSource] = useState<DetectionSource>(incident.detection.source);
  const [dataLoss, setDataLoss] = useState<DataLoss>(dataLossOf(incident));
  const [publicSummary, setPublicSummary] = useState(publicSummaryOf(incident));
  // What the form opened with: a field left as shown is not sent, so saving never writes it
  // back over a newer value (another window, a restored backup).
  const changed = useOnlyChanged<ImpactPatch>(() => ({
    usersAffected: impact.usersAffected,
    customerFacing: impact.customerFacing,
    payingAccounts: impact.payingAccounts,
    dataIntegrity: impact.dataIntegrity,
    detectionSource: incident.detection.source,
    dataLoss: dataLossOf(incident),
    publicSummary: publicSummaryOf(incident),
  }));
  const { busy, errors, setErrors, run } = useSubmit([
    'usersAffected',
    'dataLossWhat',
    'dataLossWindow',
    'publicSummary',
  ]);
  const submit = async () => {
    const parsed = parseUsersAffected(users, unit);
    if (!parsed.ok) {
      setErrors({ usersAffected: parsed.error });
      return;
    }
    const value = parsed.value;
    // "50%" typed with Unit = users means a share: the select shows the unit it is saved with.
    if (value && value.unit !== unit) setUnit(value.unit);
    const saved = await run(() =>
      command(
        updateImpact,
        incident.id,
        changed({
          usersAffected: value,
          customerFacing,
          payingAccounts,
          dataIntegrity,
          detectionSource: source,
          dataLoss,
          publicSummary,
        }),
        ctx(),
      ),
    );
    if (saved) onDone();
  };
  return (
    <CommandForm onSubmit={submit} submitLabel="Save impact" busy={busy} error={errors.form}>
      <div className="form-inline">
        <Field
          label="Users affected"
          error={errors.usersAffected}
          hint="A whole number of users, or a share such as 12% (a % sign means % of users)."
        >
          <input
            type="text"
            inputMode="decimal"
            autoFocus
            value={users}
            onChange={(e) => setUsers(e.target.value)}
          />
        </Field>
        <Field label="Unit">
          <select
            value={unit}
            onChange={(e) => setUnit(e.target.value === 'percent' ? 'percent' : 'users')}
          >
            <option value="users">users</option>
            <option value="percent">% of users</option>
          </select>
        </Field>
      </div>
      <CheckboxField
        label="Customer-facing"
        checked={customerFacing}
        onChange={setCustomerFacing}
      />
      <CheckboxField
        label="Paying accounts affected"
        checked={payingAccounts}
        onChange={setPayingAccounts}
      />
      <CheckboxField
        label="Data-integrity concern"
        checked={dataIntegrity}
        onChange={setDataIntegrity}
        hint="Any data-integrity concern is SEV1 at once."
      />
      <DetectionSourceField value={source} onChange={setSource} />
      <DataLossFields value={dataLoss} onChange={setDataLoss} errors={errors} />
      <Field
        label="Public summary"
        error={
          errors.publicSummary ??
          (publicSummary.trim().length > PUBLIC_SUMMARY_MAX
            ? tooLongMessage('The public summary', publicSummary.trim().length, PUBLIC_SUMMARY_MAX)
            : undefined)
        }
        hint="What customers notice, in their words: customer messages use this, never the internal impact."
      >
        <textarea
          rows={2}
          value={publicSummary}
          onChange={(e) => setPublicSummary(e.target.value)}
        />
      </Field>
    </CommandForm>
  );
}
