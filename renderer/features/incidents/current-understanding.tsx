import { useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import { UNDERSTANDING_MAX, understandingOf } from '../../../shared/domain/incident-facts';
import { tooLongMessage } from '../../../shared/domain/text';
import { causeState } from '../../../shared/logic/comms-templates';
import { readUnderstandingEdit, understandingDraftKey } from '../../../shared/logic/edit-draft';
import { confirmedHypothesisTexts } from '../../../shared/logic/hypotheses';
import { useHypotheses } from '../hypotheses/queries';
import { useCommand } from '../../db/db-context';
import { setUnderstanding } from '../../db/repo/impact';
import { useEditDraft } from '../../db/use-edit-draft';
import { CommandForm } from '../../ui/command-form';
import { FormDialogButton } from '../../ui/dialog';
import { DraftProblem } from '../../ui/draft-problem';
import { Field } from '../../ui/field';
import { RestoredDraft } from '../../ui/restored-draft';
import { useSubmit } from '../../ui/use-submit';
import { useCommandContext, useSettings } from '../settings/use-settings';
import type { ConsoleSlotProps } from './console-slot';

/**
 * Region "Current understanding": the cause as the team understands it, which stakeholder
 * messages state. Also set by `/status identified <text>` and by confirming a hypothesis; every
 * change is recorded on the timeline with the old text.
 */
export function CurrentUnderstanding({ incident }: Pick<ConsoleSlotProps, 'incident'>) {
  const text = understandingOf(incident);
  const hypotheses = useHypotheses(incident.id);
  // What stakeholder messages say of the cause, read the way they read it (comms-context.ts).
  const cause = causeState({
    incident,
    confirmedHypotheses: confirmedHypothesisTexts(hypotheses ?? []),
  });
  return (
    <section className="panel understanding" aria-labelledby="understanding-heading">
      <div className="panel-header">
        <h2 id="understanding-heading">Current understanding</h2>
        <FormDialogButton
          label="Edit current understanding"
          form={(done) => <UnderstandingForm incident={incident} onDone={done} />}
        />
      </div>
      {text ? (
        <p className="understanding-text">{text}</p>
      ) : hypotheses === undefined ? null : cause.kind === 'found' ? (
        // Emptied after a hypothesis was confirmed: messages state that hypothesis as the cause.
        <p className="understanding-missing">
          Not written yet: messages state the confirmed hypothesis as the cause: “
          <bdi>{cause.text}</bdi>”. Write what is known now (Edit current understanding).
        </p>
      ) : cause.kind === 'found-undescribed' ? (
        // The status says the cause was found (Identified or later): say what messages say then.
        <p className="understanding-missing">
          Not written yet, but the status says the cause is identified: messages say it was found
          and that a description will follow. Write what was found (Edit current understanding), or
          log <code>/status investigating</code> if it is not confirmed.
        </p>
      ) : (
        <p className="muted">
          Not written yet: messages say the cause is not yet confirmed. Log{' '}
          <code>/status identified &lt;cause&gt;</code> or confirm a hypothesis to set it.
        </p>
      )}
    </section>
  );
}

/**
 * The dialog's form. What is typed is kept as a draft of this incident's understanding until it
 * is saved (closing the dialog keeps it): opening the dialog again, also after a reload, brings
 * it back, saying so, with **Discard draft**.
 */
function UnderstandingForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const { timeZone } = useSettings();
  const [opened] = useState(() => understandingOf(incident));
  const [text, setText] = useState(opened);
  const { busy, errors, run } = useSubmit(['understanding']);
  const draft = useEditDraft<string>(understandingDraftKey(incident.id), {
    read: readUnderstandingEdit,
    isStored: (value) => value === opened,
    apply: setText,
  });
  const submit = async () => {
    if (await run(() => command(setUnderstanding, incident.id, text, ctx()))) {
      draft.clear();
      onDone();
    }
  };
  return (
    <CommandForm
      onSubmit={submit}
      submitLabel="Save current understanding"
      busy={busy}
      error={errors.form}
    >
      {draft.restoredAt !== null ? (
        <RestoredDraft
          what="current understanding"
          savedAt={draft.restoredAt}
          zone={timeZone}
          onDiscard={() => {
            setText(opened);
            draft.clear();
          }}
        />
      ) : null}
      <Field
        label="Current understanding"
        error={
          errors.understanding ??
          (text.length > UNDERSTANDING_MAX
            ? tooLongMessage('The current understanding', text.length, UNDERSTANDING_MAX)
            : undefined)
        }
        hint="What is known of the cause, for internal audiences. Empty means not yet known."
      >
        <textarea
          rows={3}
          autoFocus
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            draft.changed(e.target.value);
          }}
        />
      </Field>
      <DraftProblem message={draft.problem} />
    </CommandForm>
  );
}
