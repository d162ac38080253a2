import { useId, useState } from 'react';
import type { Runbook } from '../../../shared/domain/records';
import { runbookTemplate } from '../../../shared/logic/runbook';
import { useCommand } from '../../db/db-context';
import { createRunbook, updateRunbook } from '../../db/repo/runbooks';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useSubmit } from '../../ui/use-submit';
import { useOnlyChanged } from '../../ui/only-changed';
import { useCommandContext } from '../settings/use-settings';
import { LazyMarkdownPreview } from './lazy-preview';
import { useServiceCatalog } from './queries';

/**
 * Writes or edits a runbook: title, service (suggested from the catalog) and the Markdown body,
 * prefilled with the seed template, beside a live preview. A refused save keeps every keystroke
 * and says why next to the field at fault.
 */
export function RunbookEditor({
  runbook,
  onSaved,
  onCancel,
}: {
  runbook: Runbook | null;
  onSaved: (runbook: Runbook) => void;
  onCancel: () => void;
}) {
  const command = useCommand();
  const context = useCommandContext();
  const services = useServiceCatalog();
  const listId = useId();
  const [title, setTitle] = useState(runbook?.title ?? '');
  const [service, setService] = useState(runbook?.service ?? '');
  const [body, setBody] = useState(() => runbook?.body ?? runbookTemplate());
  const { busy, errors, run } = useSubmit(['title', 'service', 'body']);

  // An edit sends only the fields the user changed: the command keeps the others as stored now
  // (the runbook may have changed since, in another window or by a restore).
  const changed = useOnlyChanged(() =>
    runbook ? { title: runbook.title, service: runbook.service, body: runbook.body } : {},
  );

  const save = async () => {
    const edited = { title, service, body };
    let saved: Runbook | undefined;
    const ok = await run(async () => {
      saved = runbook
        ? await command(updateRunbook, runbook.id, changed(edited), context())
        : await command(createRunbook, edited, context());
    });
    if (ok && saved) onSaved(saved);
  };

  return (
    <CommandForm
      className="form runbook-editor"
      label={runbook ? `Edit runbook ${runbook.title}` : 'New runbook'}
      onSubmit={save}
      submitLabel="Save runbook"
      busy={busy}
      error={errors.form}
      onCancel={onCancel}
      escapeCancels={false}
    >
      <div className="form-inline">
        <Field label="Title" error={errors.title} limit="runbookTitle">
          <input value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
        </Field>
        <Field label="Service" error={errors.service} limit="name">
          <input
            value={service}
            list={listId}
            autoComplete="off"
            onChange={(e) => setService(e.target.value)}
          />
        </Field>
        <datalist id={listId}>
          {(services ?? []).map((s) => (
            <option key={s.id} value={s.name} />
          ))}
        </datalist>
      </div>
      <div className="runbook-split">
        <Field
          label="Runbook"
          error={errors.body}
          limit="runbookBody"
          hint="Markdown. Verification steps as “- [ ] …”."
        >
          <textarea
            className="runbook-source"
            value={body}
            rows={24}
            spellCheck
            onChange={(e) => setBody(e.target.value)}
          />
        </Field>
        <section className="runbook-preview" aria-labelledby={`${listId}-preview`}>
          <h2 id={`${listId}-preview`} className="field-label">
            Preview
          </h2>
          <LazyMarkdownPreview source={body} />
        </section>
      </div>
    </CommandForm>
  );
}
