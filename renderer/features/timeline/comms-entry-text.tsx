import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { commsEntryParts } from '../../../shared/logic/comms-entry';
import { useDb } from '../../db/db-context';

/**
 * A comms entry's text: its one line (what was sent, to whom, the subject), and a
 * **Show message** toggle that reveals the full message, read from the sent update it points to
 * only when opened (older entries carry the message in their own text).
 */
export function CommsEntryText({ entry }: { entry: TimelineEntry }) {
  const [open, setOpen] = useState(false);
  const parts = commsEntryParts(entry);
  const hasMessage = parts.message !== null || entry.commsUpdateId !== undefined;
  return (
    <>
      <div className="tl-text">
        {parts.line}
        {hasMessage ? (
          <>
            {' '}
            <button
              type="button"
              className="tl-link"
              aria-expanded={open}
              onClick={() => setOpen((v) => !v)}
            >
              {open ? 'Hide message' : 'Show message'}
            </button>
          </>
        ) : null}
      </div>
      {open ? (
        parts.message !== null ? (
          <SentMessage text={parts.message} />
        ) : (
          <StoredMessage id={entry.commsUpdateId ?? ''} />
        )
      ) : null}
    </>
  );
}

function StoredMessage({ id }: { id: string }) {
  const db = useDb();
  const update = useLiveQuery(async () => (await db.commsUpdates.get(id)) ?? null, [db, id]);
  if (update === undefined) return <p className="muted">Loading the message…</p>;
  if (update === null)
    return <p className="muted">The message is no longer stored (only this line was kept).</p>;
  return <SentMessage text={`Subject: ${update.subject}\n\n${update.body}`} />;
}

function SentMessage({ text }: { text: string }) {
  return (
    <div className="tl-message" role="group" aria-label="Sent message">
      {text}
    </div>
  );
}
