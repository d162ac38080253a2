import { useState, type KeyboardEvent } from 'react';
import type { RoleDefinition } from '../../../shared/domain/roles';
import { useCommand } from '../../db/db-context';
import { describeWriteError, RepoError } from '../../db/repo/errors';
import { assignRole } from '../../db/repo/roles';
import { Field } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';
import { BusyButton } from '../../ui/busy-button';

/**
 * The inline form behind "Assign" / "Hand off": Person (with directory suggestions), an optional
 * handoff note, and a confirm button. Enter confirms; Escape cancels. A failed write keeps the
 * typed text and shows why next to the field.
 */
export function AssignForm({
  incidentId,
  role,
  handoff,
  suggestionsId,
  onDone,
}: {
  incidentId: string;
  role: RoleDefinition;
  handoff: boolean;
  /** Id of the board's shared <datalist> of people. */
  suggestionsId: string;
  /** Called after a successful write or a cancel; the card puts focus back on its button. */
  onDone: () => void;
}) {
  const run = useCommand();
  const ctx = useCommandContext();
  const [person, setPerson] = useState('');
  const [note, setNote] = useState('');
  const [personError, setPersonError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    if (!person.trim()) {
      setPersonError('Type the name of the person taking this role.');
      return;
    }
    setBusy(true);
    try {
      await run(assignRole, incidentId, role.key, person, ctx(), {
        roleName: role.name,
        note: handoff ? note : '',
      });
      onDone();
    } catch (e) {
      // Person-related refusals go next to the field; anything else under the form.
      if (e instanceof RepoError && (e.field === 'person' || e.field === undefined)) {
        setPersonError(e.message);
        setFormError(undefined);
      } else setFormError(describeWriteError(e));
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    }
  };

  return (
    <form
      className="form form-inline role-assign"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Person" error={personError} limit="name">
        <input
          type="text"
          autoFocus
          autoComplete="off"
          list={suggestionsId}
          value={person}
          onChange={(e) => {
            setPerson(e.target.value);
            if (personError) setPersonError(undefined);
          }}
        />
      </Field>
      {handoff ? (
        <Field
          label="Handoff note"
          hint="Optional: open hypotheses, when the next update is due."
          limit="handoffNote"
        >
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      ) : null}
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
        <BusyButton type="submit" className="button button-small button-primary" busy={busy}>
          Assign
        </BusyButton>
      </div>
    </form>
  );
}
