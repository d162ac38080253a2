import { useId, useState } from 'react';
import type { Suggestion } from '../../../shared/logic/escalation';
import { useCommand } from '../../db/db-context';
import { acceptSuggestion, dismissSuggestion } from '../../db/repo/escalation';
import { describeWriteError } from '../../db/repo/errors';
import { Field } from '../../ui/field';
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
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const accept = async () => {
    try {
      await command(acceptSuggestion, incidentId, suggestion, ctx());
    } catch (e) {
      setError(describeWriteError(e, 'action'));
    }
  };
  const dismiss = async () => {
    if (!reason.trim()) {
      setError('Say why you are dismissing it: it goes on the record.');
      return;
    }
    try {
      await command(dismissSuggestion, incidentId, suggestion, reason, ctx());
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
        <form
          className="form form-compact"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void dismiss();
          }}
        >
          <Field label="Why dismiss?" error={error} limit="changeText">
            <input
              type="text"
              autoFocus
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-small">
              Dismiss suggestion
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setDismissing(false);
                setError(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => void accept()}
          >
            Accept
          </button>
          <button type="button" className="button button-small" onClick={() => setDismissing(true)}>
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
