import { memo, useState, type KeyboardEvent } from 'react';
import { AUDIENCE_LABELS } from '../../../shared/domain/audience';
import { ENTRY_KIND_LABELS, type TimelineEntry } from '../../../shared/domain/timeline';
import { formatEventTime } from '../../../shared/logic/time';
import { describeWriteError } from '../../db/repo/errors';
import { entryTimes, type TimeDisplay } from './entry-display';

/** What a row can ask the list to do; each returns the repo's promise. */
export interface RowActions {
  pin: (entry: TimelineEntry) => Promise<void>;
  edit: (entry: TimelineEntry, text: string) => Promise<void>;
  remove: (entry: TimelineEntry) => Promise<void>;
  restore: (entry: TimelineEntry) => Promise<void>;
}

const LOCKED = 'System entries record a change made by the app and cannot be edited or deleted.';

/**
 * One timeline entry: kind, time (with T+ offset and a backdated marker), author, text, and its
 * Pin / Edit / Delete (or Restore) buttons. Edit is inline: Enter saves, Escape cancels.
 */
export const TimelineRow = memo(function TimelineRow({
  entry,
  saving = false,
  display,
  actions,
}: {
  entry: TimelineEntry;
  /** Its write has not committed yet: marked, and nothing can be done to it until it has. */
  saving?: boolean;
  display: TimeDisplay;
  actions: RowActions;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showRevisions, setShowRevisions] = useState(false);
  const times = entryTimes(entry, display);
  const system = entry.kind === 'system';
  const deleted = entry.deletedAt !== null;
  const run = (p: Promise<void>, after?: () => void) =>
    void p.then(
      () => {
        setError(null);
        after?.();
      },
      (e: unknown) => setError(describeWriteError(e)),
    );

  const onEditKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(null);
      setError(null);
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && editing !== null) {
      e.preventDefault();
      run(actions.edit(entry, editing), () => setEditing(null));
    }
  };

  return (
    <>
      <div className="tl-meta">
        <span className={`badge tl-kind tl-kind-${entry.kind}`}>
          {ENTRY_KIND_LABELS[entry.kind]}
        </span>
        <time dateTime={new Date(entry.occurredAt).toISOString()}>{times.occurred}</time>
        <span className="tl-offset" title="Time since the incident started">
          {times.offset}
        </span>
        {times.logged ? (
          <span className="tl-backdated" title={`Logged at ${times.logged}`}>
            backdated, logged {times.logged}
          </span>
        ) : null}
        <span className="tl-author">{entry.author}</span>
        {saving ? <span className="tl-saving">Saving…</span> : null}
        {entry.audience ? (
          <span className="tl-audience">to {AUDIENCE_LABELS[entry.audience]}</span>
        ) : null}
        {entry.pinned ? <span className="tl-pinned">Pinned</span> : null}
        {deleted ? <span className="tl-deleted-mark">Deleted</span> : null}
        {entry.revisions.length > 0 ? (
          <>
            <span className="tl-edited">Edited</span>
            {/* Not named "Edit…": the contract's Edit button must stay unambiguous. */}
            <button
              type="button"
              className="tl-link"
              aria-expanded={showRevisions}
              onClick={() => setShowRevisions((v) => !v)}
            >
              {showRevisions ? 'Hide revisions' : `Show revisions (${entry.revisions.length})`}
            </button>
          </>
        ) : null}
      </div>
      {editing === null ? (
        <div className="tl-text" dir="auto">
          {entry.text}
        </div>
      ) : (
        <textarea
          className="tl-edit"
          aria-label="Edit entry"
          autoFocus
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={onEditKey}
        />
      )}
      {showRevisions ? (
        <ol className="tl-revisions" aria-label="Earlier versions">
          {entry.revisions.map((r, i) => (
            <li key={i}>
              <span className="muted">
                {formatEventTime(r.editedAt, display.zone, display.showDate)}, {r.author}:
              </span>{' '}
              {r.text}
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="tl-actions">
        {/* A toggle: the name stays "Pin" (label in name) and aria-pressed carries the state;
            the filled marker and class show it to sighted users. */}
        <button
          type="button"
          className={`button button-small tl-pin${entry.pinned ? ' tl-pin-on' : ''}`}
          aria-label="Pin"
          aria-pressed={entry.pinned}
          disabled={saving}
          title={entry.pinned ? 'Pinned: press to unpin' : 'Pin to the post-mortem timeline'}
          onClick={() => run(actions.pin(entry))}
        >
          <span className="tl-pin-mark" aria-hidden="true">
            {entry.pinned ? '\u25cf' : '\u25cb'}
          </span>{' '}
          Pin
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={system || deleted || saving}
          title={system ? LOCKED : undefined}
          onClick={() => setEditing(entry.text)}
        >
          Edit
        </button>
        {deleted ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => run(actions.restore(entry))}
          >
            Restore
          </button>
        ) : (
          <button
            type="button"
            className="button button-small"
            disabled={system || saving}
            title={system ? LOCKED : undefined}
            onClick={() => run(actions.remove(entry))}
          >
            Delete
          </button>
        )}
      </div>
    </>
  );
});
