import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import { MESSAGE_TYPE_LABELS, type MessageType } from '../../../shared/domain/records';
import { DEFAULT_TEMPLATES, type MessageTemplate } from '../../../shared/logic/comms-templates';
import {
  LIST_PLACEHOLDERS,
  PLACEHOLDERS,
  type PlaceholderName,
} from '../../../shared/logic/placeholders';
import { useCommand, useDb } from '../../db/db-context';
import {
  readCustomTemplates,
  resetTemplate,
  saveTemplate,
  templateErrors,
  templateKey,
  type CustomTemplates,
} from '../../db/repo/templates';
import { useUiStore } from '../../store/ui-store';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { AudienceField, MessageTypeField } from '../../ui/message-choice-fields';
import { useSubmit } from '../../ui/use-submit';

/**
 * Settings section for the stakeholder message templates, per audience × message type: subject
 * and body with named placeholders, checked as you type (an unknown placeholder is an error next
 * to its field, and saving is refused with the text kept), and "Reset to default".
 */
export function TemplatesEditor() {
  const db = useDb();
  const custom = useLiveQuery(() => readCustomTemplates(db), [db]);
  return (
    <section className="panel templates-editor" aria-labelledby="templates-heading">
      <h2 id="templates-heading">Message templates</h2>
      <p className="muted">
        The Compose update dialog fills these in. Use placeholders such as {'{{service}}'} or{' '}
        {'{{nextUpdate}}'}; a list placeholder alone on a line becomes a bulleted list.
      </p>
      {custom ? <TemplateForm custom={custom} /> : null}
      <PlaceholderList />
    </section>
  );
}

function TemplateForm({ custom }: { custom: CustomTemplates }) {
  const run = useCommand();
  const toast = useUiStore((s) => s.toast);
  const [audience, setAudience] = useState<Audience>('engineering');
  const [type, setType] = useState<MessageType>('initial');
  // Unsaved edits per template, so switching audience or type never loses typed text. Only the
  // fields the user changed are held: the others show (and save) what is stored now.
  const [drafts, setDrafts] = useState<Record<string, Partial<MessageTemplate>>>({});
  // A refusal naming the subject or body goes beside it (the text stays); anything else below.
  const {
    busy,
    errors: saveError,
    setErrors: setSaveError,
    run: saving,
  } = useSubmit(['subject', 'body']);
  const key = templateKey(audience, type);
  const saved = custom[audience]?.[type];
  const current: MessageTemplate = {
    ...(saved ?? DEFAULT_TEMPLATES[audience][type]),
    ...drafts[key],
  };
  const live = templateErrors(current);
  const dirty = drafts[key] !== undefined;
  const errors = { subject: live.subject ?? saveError.subject, body: live.body ?? saveError.body };

  const edit = (patch: Partial<MessageTemplate>) => {
    setDrafts((d) => ({ ...d, [key]: { ...d[key], ...patch } }));
    setSaveError({});
  };
  const clearDraft = () =>
    setDrafts((d) => {
      const next = { ...d };
      delete next[key];
      return next;
    });

  const save = async () => {
    if (!(await saving(() => run(saveTemplate, audience, type, current)))) return;
    clearDraft();
    toast(`${AUDIENCE_LABELS[audience]} ${MESSAGE_TYPE_LABELS[type]} template saved.`);
  };
  const reset = async () => {
    if (!(await saving(() => run(resetTemplate, audience, type)))) return;
    clearDraft();
    toast(`${AUDIENCE_LABELS[audience]} ${MESSAGE_TYPE_LABELS[type]} template reset to default.`);
  };

  return (
    <CommandForm
      onSubmit={save}
      submitLabel="Save template"
      busy={busy}
      error={saveError.form}
      actions={
        <button type="button" className="button" onClick={() => void reset()}>
          Reset to default
        </button>
      }
    >
      <div className="field-row">
        <AudienceField label="Template audience" value={audience} onChange={setAudience} />
        <MessageTypeField label="Template message type" value={type} onChange={setType} />
      </div>
      <p className="muted" aria-live="polite">
        {saved ? 'A custom template is in use.' : 'The default template is in use.'}
        {dirty ? ' You have unsaved changes.' : ''}
      </p>
      <Field label="Subject template" error={errors.subject} limit="commsSubject">
        <input
          type="text"
          value={current.subject}
          onChange={(e) => edit({ subject: e.target.value })}
        />
      </Field>
      <Field label="Body template" error={errors.body} limit="commsBody">
        <textarea
          rows={10}
          className="template-body"
          value={current.body}
          onChange={(e) => edit({ body: e.target.value })}
        />
      </Field>
    </CommandForm>
  );
}

function PlaceholderList() {
  const names = Object.keys(PLACEHOLDERS) as PlaceholderName[];
  return (
    <details className="placeholder-list">
      <summary>Placeholders</summary>
      <dl>
        {names.map((name) => (
          <div key={name}>
            <dt>
              <code>{`{{${name}}}`}</code>
              {LIST_PLACEHOLDERS.has(name) ? <span className="muted"> (list)</span> : null}
            </dt>
            <dd>{PLACEHOLDERS[name]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
