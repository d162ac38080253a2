import { useRef, useState, type KeyboardEvent } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { useCommand } from '../../db/db-context';
import { renameIncident } from '../../db/repo/incidents';
import { Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

/**
 * "Rename incident" in the console header: an inline **Incident title** field (Enter saves,
 * Escape cancels, focus goes back to the button either way). The rename is recorded on the
 * timeline; the reference and slug do not change. A refused title stays in the field with the
 * reason beside it.
 */
export function RenameIncident({ incident }: { incident: Incident }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const [draft, setDraft] = useState<string | null>(null);
  const { busy, errors, setErrors, run } = useSubmit(['title']);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setDraft(null);
    setErrors({});
    // The button renders again on the next commit: focus it then.
    requestAnimationFrame(() => button.current?.focus());
  };
  const onKey = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing && draft !== null) {
      e.preventDefault();
      if (busy) return;
      if (await run(() => command(renameIncident, incident.id, draft, ctx()))) close();
    }
  };
  if (draft === null)
    return (
      <button
        ref={button}
        type="button"
        className="button button-small"
        onClick={() => setDraft(incident.title)}
      >
        Rename incident
      </button>
    );
  return (
    <Field
      label="Incident title"
      error={errors.title ?? errors.form}
      hint="Enter saves, Escape cancels. The reference and channel stay the same."
      className="rename-field"
      limit="title"
    >
      <input
        autoFocus
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => void onKey(e)}
      />
    </Field>
  );
}
