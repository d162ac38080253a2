import { useState } from 'react';
import { formatEventTime, spansDays, type TimeZoneMode } from '../../shared/logic/time';

/**
 * Says that a form opened on a restored draft ("Restored your unsaved <what> from 14:05 UTC.",
 * with the date when not today), with **Discard draft**.
 */
export function RestoredDraft({
  what,
  savedAt,
  zone,
  onDiscard,
}: {
  what: string;
  savedAt: number;
  zone: TimeZoneMode;
  onDiscard: () => void;
}) {
  // Whether to name the date too: judged once, when the note appears.
  const [now] = useState(() => Date.now());
  return (
    <div className="draft-restored" role="status">
      <span>
        Restored your unsaved {what} from{' '}
        {formatEventTime(savedAt, zone, spansDays(savedAt, now, zone))}.
      </span>{' '}
      <button type="button" className="button button-small" onClick={onDiscard}>
        Discard draft
      </button>
    </div>
  );
}
