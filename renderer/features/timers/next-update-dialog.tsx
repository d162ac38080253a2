import { useState } from 'react';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import { nextTimeOfDay } from '../../../shared/logic/cadence';
import { useCommand } from '../../db/db-context';
import { setNextUpdateAt } from '../../db/repo/cadence';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { FormError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { BusyButton } from '../../ui/busy-button';

/**
 * "Next <audience> update": **Next update at** (HH:MM, its next occurrence in the chosen zone)
 * and a required **Reason**, recorded; the countdown runs to it until an update is sent.
 */
export function NextUpdateDialog({
  open,
  onOpenChange,
  incidentId,
  audience,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  incidentId: string;
  audience: Audience;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Next ${AUDIENCE_LABELS[audience]} update`}
      form={(done) => <NextUpdateForm incidentId={incidentId} audience={audience} onDone={done} />}
    />
  );
}

function NextUpdateForm({
  incidentId,
  audience,
  onDone,
}: {
  incidentId: string;
  audience: Audience;
  onDone: () => void;
}) {
  const command = useCommand();
  const ctx = useCommandContext();
  const zone = useSettings().timeZone;
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const { busy, errors, setErrors, run } = useSubmit(['at', 'reason']);
  const submit = async () => {
    const c = ctx();
    const when = nextTimeOfDay(time, c.now, zone);
    const found: { at?: string; reason?: string } = {};
    if ('error' in when) found.at = when.error;
    if (!reason.trim()) found.reason = 'Say why the next update comes then: it goes on the record.';
    if (found.at || found.reason || 'error' in when) {
      setErrors(found);
      return;
    }
    if (await run(() => command(setNextUpdateAt, incidentId, audience, when.at, reason, c)))
      onDone();
  };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field
        label="Next update at"
        error={errors.at}
        hint={`${zone === 'utc' ? 'UTC' : 'Local time'}, 24-hour; the next time the clock shows it.`}
      >
        <input type="time" autoFocus value={time} onChange={(e) => setTime(e.target.value)} />
      </Field>
      <Field label="Reason" error={errors.reason}>
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <FormError message={errors.form} />
      <div className="form-actions">
        <BusyButton type="submit" className="button button-primary" busy={busy}>
          Set next update
        </BusyButton>
      </div>
    </form>
  );
}
