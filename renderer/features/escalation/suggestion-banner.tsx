import { useId, useState } from 'react';
import type { Suggestion } from '../../../shared/logic/escalation';
import { useCommand } from '../../db/db-context';
import { acceptSuggestion, dismissSuggestion } from '../../db/repo/escalation';
import { describeWriteError } from '../../db/repo/errors';
import { CommandForm } from '../../ui/command-form';
import { Field } from '../../ui/field';
import { useInlineForm } from '../../ui/use-inline-form';
import { useReasonedSubmit } from '../../ui/use-submit';
import { useCommandContext } from '../settings/use-settings';

/** One suggestion: what triggered it, Accept (applies it, recorded) and Dismiss (asks why). */
export function SuggestionBanner({
  incidentId,
  suggestion,
}: {
  incidentId: string;
  suggestion: Suggestion;
}) {
  const command = useCommand();
  const ctx = useCommandContext();
  const headingId = useId();
  const {
    open: dismissing,
    show: startDismissing,
    close: stopDismissing,
    buttonRef: dismissRef,
  } = useInlineForm();
  const [error, setError] = useState<string | undefined>();
  const accept = async () => {
    try {
      await command(acceptSuggestion, incidentId, suggestion, ctx());
    } catch (e) {
      setError(describeWriteError(e, 'action'));
    }
  };
  const verb =
    suggestion.action.type === 'severity'
      ? `Accept changes severity to ${suggestion.action.to}`
      : `Accept records the escalation to ${suggestion.action.to}`;
  return (
    <div role="status" aria-labelledby={headingId} className="suggestion">
      <h3 id={headingId}>{suggestion.title}</h3>
      <p>{suggestion.detail}</p>
      <p className="muted">
        {verb}, with the reason “{suggestion.action.reason}”.
      </p>
      {dismissing ? (
        <DismissForm
          incidentId={incidentId}
          suggestion={suggestion}
          onCancel={() => {
            stopDismissing();
            setError(undefined);
          }}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => void accept()}
          >
            Accept
          </button>
          <button
            type="button"
            className="button button-small"
            ref={dismissRef}
            onClick={startDismissing}
          >
            Dismiss
          </button>
          {error ? (
            <span className="form-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** "Why dismiss?": the reason is required and recorded with the dismissal. */
function DismissForm({
  incidentId,
  suggestion,
  onCancel,
}: {
  incidentId: string;
  suggestion: Suggestion;
  onCancel: () => void;
}) {
  const command = useCommand();
  const ctx = useCommandContext();
  // Every refusal reads best beside the one field; the banner goes once the dismissal is saved.
  const { busy, errors, reasonInput, check } = useReasonedSubmit(
    [],
    'Say why you are dismissing it: it goes on the record.',
    { fallback: 'reason', context: 'action' },
  );
  const dismiss = () =>
    check({}, (reason) => command(dismissSuggestion, incidentId, suggestion, reason, ctx()));
  return (
    <CommandForm
      className="form form-compact"
      onSubmit={dismiss}
      submitLabel="Dismiss suggestion"
      busy={busy}
      error={errors.form}
      onCancel={onCancel}
      escapeCancels={false}
      primary={false}
      small
    >
      <Field label="Why dismiss?" error={errors.reason} limit="changeText">
        <input type="text" autoFocus {...reasonInput} />
      </Field>
    </CommandForm>
  );
}
