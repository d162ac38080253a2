import { useRef, useState, type KeyboardEvent } from 'react';
import { useCommand } from '../../db/db-context';
import { describeWriteError, RepoError } from '../../db/repo/errors';
import { addCustomRole } from '../../db/repo/roles';
import { Field } from '../../ui/field';
import { useCommandContext } from '../settings/use-settings';

/** "Add role": a custom role for this incident, shown as its own group until the end. */
export function AddRole({ incidentId }: { incidentId: string }) {
  const run = useCommand();
  const ctx = useCommandContext();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const refocus = useRef(false);

  const close = () => {
    refocus.current = true;
    setOpen(false);
    setName('');
    setError(undefined);
  };

  const submit = async () => {
    if (!name.trim()) {
      setError('Give the role a name.');
      return;
    }
    try {
      await run(addCustomRole, incidentId, name, ctx());
      close();
    } catch (e) {
      setError(e instanceof RepoError ? e.message : describeWriteError(e));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  if (!open)
    return (
      <button
        type="button"
        className="button button-small"
        ref={(el) => {
          if (el && refocus.current) {
            refocus.current = false;
            el.focus();
          }
        }}
        onClick={() => setOpen(true)}
      >
        Add role
      </button>
    );
  return (
    <form
      className="form form-inline role-add"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Role name" error={error} limit="roleName">
        <input
          type="text"
          autoFocus
          autoComplete="off"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (error) setError(undefined);
          }}
        />
      </Field>
      <div className="form-actions">
        <button type="button" className="button button-small" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="button button-small button-primary">
          Add
        </button>
      </div>
    </form>
  );
}
