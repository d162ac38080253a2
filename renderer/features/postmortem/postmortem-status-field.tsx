import { useState } from 'react';
import { POSTMORTEM_STATUSES, type PostmortemStatus } from '../../../shared/domain/records';
import { describeWriteError } from '../../db/repo/errors';
import { POSTMORTEM_STATUS_LABELS } from '../../db/repo/postmortems';
import { Field } from '../../ui/field';

/**
 * **Post-mortem status** with a **Set post-mortem status** button. Choosing in the select only
 * marks a pending choice; the button (or Enter) commits it. Final stamps the incident's
 * "Post-mortem completed" milestone and every change writes a timeline entry, so arrowing
 * through the options must not record Review and Final on the way. A refusal shows beside the
 * select, which keeps the choice.
 */
export function PostmortemStatusField({
  status,
  onSet,
}: {
  status: PostmortemStatus;
  onSet: (status: PostmortemStatus) => Promise<void>;
}) {
  const [pending, setPending] = useState<{ from: PostmortemStatus; to: PostmortemStatus } | null>(
    null,
  );
  const choice = pending?.from === status ? pending.to : status;
  const changed = choice !== status;
  const [error, setError] = useState<string | undefined>();
  const commit = async () => {
    if (!changed) return;
    try {
      setError(undefined);
      await onSet(choice);
      setPending(null);
    } catch (e) {
      // The choice stays in the select, with the reason beside it.
      setError(describeWriteError(e));
    }
  };
  return (
    <div className="status-form">
      <Field label="Post-mortem status" error={error} hint="Final marks the post-mortem completed.">
        <select
          value={choice}
          data-state={changed ? 'pending' : 'saved'}
          onChange={(e) => setPending({ from: status, to: e.target.value as PostmortemStatus })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            }
          }}
        >
          {POSTMORTEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {POSTMORTEM_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="button"
        className="button button-small"
        disabled={!changed}
        onClick={() => void commit()}
      >
        Set post-mortem status
      </button>
    </div>
  );
}
