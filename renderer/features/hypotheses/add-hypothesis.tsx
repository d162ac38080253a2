import { useState } from 'react';
import type { AppSettings } from '../../../shared/domain/settings';
import { hypothesisTimeboxMs } from '../../../shared/logic/hypotheses';
import { useDb } from '../../db/db-context';
import { describeWriteError, RepoError } from '../../db/repo/errors';
import { openHypothesis } from '../../db/repo/hypotheses';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';

/** "Add hypothesis" button and dialog: the text, and an owner (the Technical Lead if empty). */
export function AddHypothesis({
  incidentId,
  settings,
}: {
  incidentId: string;
  settings: AppSettings;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        Add hypothesis
      </button>
      <Dialog open={open} onOpenChange={setOpen} title="Add hypothesis">
        {open ? (
          <AddForm incidentId={incidentId} settings={settings} onDone={() => setOpen(false)} />
        ) : null}
      </Dialog>
    </>
  );
}

function AddForm({
  incidentId,
  settings,
  onDone,
}: {
  incidentId: string;
  settings: AppSettings;
  onDone: () => void;
}) {
  const db = useDb();
  const ctx = useCommandContext();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [errors, setErrors] = useState<{ text?: string; form?: string }>({});
  // A second submit while the first write is in flight would open a duplicate hypothesis.
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (!text.trim()) {
      setErrors({ text: 'Say what the hypothesis is.' });
      return;
    }
    setBusy(true);
    try {
      await openHypothesis(db, incidentId, text, ctx(), {
        timeboxMs: hypothesisTimeboxMs(settings),
        ...(owner.trim() ? { owner: owner.trim() } : {}),
      });
      onDone();
    } catch (e) {
      const field = e instanceof RepoError ? e.field : undefined;
      setErrors(
        field === 'text' ? { text: describeWriteError(e) } : { form: describeWriteError(e) },
      );
    } finally {
      setBusy(false);
    }
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
        label="Hypothesis"
        error={errors.text}
        hint={`Timeboxed to ${settings.hypothesisTimeboxMinutes} minutes, then pivot or escalate.`}
      >
        <input type="text" autoFocus value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <Field label="Owner" hint="Leave empty for the current Technical Lead.">
        <input type="text" value={owner} onChange={(e) => setOwner(e.target.value)} />
      </Field>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Add
        </button>
      </div>
    </form>
  );
}
