import { useId, useState } from 'react';
import type { Runbook } from '../../../shared/domain/records';
import {
  readRunbookEdit,
  runbookEditDraftKey,
  type RunbookEdit,
} from '../../../shared/logic/edit-draft';
import { runbookTemplate } from '../../../shared/logic/runbook';
import { useCommand } from '../../db/db-context';
import { createRunbook, updateRunbook } from '../../db/repo/runbooks';
import { useEditDraft } from '../../db/use-edit-draft';
import { CommandForm } from '../../ui/command-form';
import { DraftProblem } from '../../ui/draft-problem';
import { Field } from '../../ui/field';
import { RestoredDraft } from '../../ui/restored-draft';
import { useSubmit } from '../../ui/use-submit';
import { useOnlyChanged } from '../../ui/only-changed';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { LazyMarkdownPreview } from './lazy-preview';
import { useServiceCatalog } from './queries';

/**
 * Writes or edits a runbook: title, service (suggested from the catalog) and the Markdown body,
 * prefilled with the seed template, beside a live preview. A refused save keeps every keystroke
 * and says why next to the field at fault. What is typed is kept as a draft of this runbook (or
 * of the new one) until it is saved or cancelled: after a reload, editing it again brings the
 * edits back, saying so, with **Discard draft**.
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
  const { timeZone } = useSettings();
  const [opened] = useState<RunbookEdit>(() => ({
    title: runbook?.title ?? '',
    service: runbook?.service ?? '',
    body: runbook?.body ?? runbookTemplate(),
  }));
  const [title, setTitle] = useState(opened.title);
  const [service, setService] = useState(opened.service);
  const [body, setBody] = useState(opened.body);
  const { busy, errors, run } = useSubmit(['title', 'service', 'body']);
  const show = (edit: RunbookEdit) => {
    setTitle(edit.title);
    setService(edit.service);
    setBody(edit.body);
  };
  const draft = useEditDraft<RunbookEdit>(runbookEditDraftKey(runbook?.id ?? null), {
    read: readRunbookEdit,
    isStored: (edit) =>
      edit.title === opened.title && edit.service === opened.service && edit.body === opened.body,
    apply: show,
  });
  const edit = (patch: Partial<RunbookEdit>) => draft.changed({ title, service, body, ...patch });

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
    if (ok && saved) {
      draft.clear();
      onSaved(saved);
    }
  };

  return (
    <CommandForm
      className="form runbook-editor"
      label={runbook ? `Edit runbook ${runbook.title}` : 'New runbook'}
      onSubmit={save}
      submitLabel="Save runbook"
      busy={busy}
      error={errors.form}
      onCancel={() => {
        draft.clear();
        onCancel();
      }}
      escapeCancels={false}
    >
      {draft.restoredAt !== null ? (
        <RestoredDraft
          what={runbook ? 'edits to this runbook' : 'new runbook'}
          savedAt={draft.restoredAt}
          zone={timeZone}
          onDiscard={() => {
            show(opened);
            draft.clear();
          }}
        />
      ) : null}
      <div className="form-inline">
        <Field label="Title" error={errors.title} limit="runbookTitle">
          <input
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              edit({ title: e.target.value });
            }}
            autoFocus
          />
        </Field>
        <Field label="Service" error={errors.service} limit="name">
          <input
            value={service}
            list={listId}
            autoComplete="off"
            onChange={(e) => {
              setService(e.target.value);
              edit({ service: e.target.value });
            }}
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
            onChange={(e) => {
              setBody(e.target.value);
              edit({ body: e.target.value });
            }}
          />
        </Field>
        <section className="runbook-preview" aria-labelledby={`${listId}-preview`}>
          <h2 id={`${listId}-preview`} className="field-label">
            Preview
          </h2>
          <LazyMarkdownPreview source={body} />
        </section>
      </div>
      <DraftProblem message={draft.problem} />
    </CommandForm>
  );
}
