import { AUDIENCE_LABELS } from '../../../shared/domain/audience';
import type { CommsUpdate } from '../../../shared/domain/records';
import { MESSAGE_TYPE_LABELS } from '../../../shared/domain/records';
import { formatEventTime, spansDays, type TimeZoneMode } from '../../../shared/logic/time';
import { useCommsHistory } from './queries';

/** The history of sent updates for an incident, newest first, each reopenable in the composer. */
export function SentUpdates({
  incidentId,
  zone,
  onReopen,
}: {
  incidentId: string;
  zone: TimeZoneMode;
  onReopen: (update: CommsUpdate) => void;
}) {
  const updates = useCommsHistory(incidentId);
  if (!updates) return null;
  const first = updates[updates.length - 1]?.sentAt ?? 0;
  const withDate = spansDays(first, updates[0]?.sentAt ?? 0, zone);
  return (
    <details className="sent-updates" open={updates.length > 0 && updates.length <= 3}>
      <summary>Sent updates ({updates.length})</summary>
      {updates.length === 0 ? (
        <p className="muted">No updates sent yet.</p>
      ) : (
        <ul aria-label="Sent updates">
          {updates.map((u) => (
            <li key={u.id} className="sent-update">
              <div>
                <time dateTime={new Date(u.sentAt).toISOString()}>
                  {formatEventTime(u.sentAt, zone, withDate)}
                </time>{' '}
                <span className="badge">{AUDIENCE_LABELS[u.audience]}</span>{' '}
                <span className="muted">{MESSAGE_TYPE_LABELS[u.type]}</span>
              </div>
              <div className="sent-subject">{u.subject}</div>
              {u.body.trim() ? (
                <button
                  type="button"
                  className="button button-small"
                  title={`Open "${u.subject}" in the composer`}
                  onClick={() => onReopen(u)}
                >
                  Reopen
                </button>
              ) : (
                // Logged with /comms or marked sent: no message text was recorded to reopen.
                <span className="muted">
                  {u.format === 'logged' ? 'Logged with /comms' : 'Marked as sent'}, no message
                  recorded
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
