import { memo, useState, type KeyboardEvent } from 'react';
import { AUDIENCE_LABELS } from '../../../shared/domain/audience';
import { ENTRY_KIND_LABELS, type TimelineEntry } from '../../../shared/domain/timeline';
import {
  formatEventTime,
  settleDateTimeInput,
  toDateTimeInputValue,
} from '../../../shared/logic/time';
import { describeWriteError, RepoError } from '../../db/repo/errors';
import { DateTimeField } from '../../ui/datetime-field';
import { CommsEntryText } from './comms-entry-text';
import { EntryText } from './entry-text';
import { entryTimes, type TimeDisplay } from './entry-display';

/** What a row can ask the list to do; each returns the repo's promise. */
export interface RowActions {
  pin: (entry: TimelineEntry) => Promise<void>;
  /** Saves new text and, when given, a corrected time (epoch ms, UTC). */
  edit: (entry: TimelineEntry, text: string, occurredAt?: number) => Promise<void>;
  remove: (entry: TimelineEntry) => Promise<void>;
  restore: (entry: TimelineEntry) => Promise<void>;
}

const LOCKED = 'System entries record a change made by the app and cannot be edited or deleted.';

const MINUTE = 60_000;

/**
 * One timeline entry: kind, time (with T+ offset and a backdated marker), author, text, and its
 * Pin / Edit / Delete (or Restore) buttons. Edit is inline, text and time: **Edit entry** and
 * **Occurred at** (date and time in the displayed zone, a `DateTimeField`: a time the clocks
 * skipped is refused beside it, one that happened twice asks **Which time?**); Enter in either
 * saves both, Escape cancels. A refused time stays in its field with the reason beside it.
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
  // The time as typed, and which instant it means when it names two (a fall-back night). Show
  // local time / Show UTC while editing rewrites it to keep naming the same instant.
  const [editingAt, setEditingAt] = useState('');
  const [chosenAt, setChosenAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
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

  const cancelEdit = () => {
    setEditing(null);
    setError(null);
    setTimeError(null);
  };
  const save = () => {
    if (editing === null) return;
    const settled = settleDateTimeInput(editingAt, display.zone, chosenAt);
    if (!settled.ok) {
      setTimeError(settled.error ?? 'Enter when it happened, as a date and time.');
      return;
    }
    // The field shows minutes: a time left at the entry's minute must not move a 14:05:37
    // entry to 14:05:00.
    const sameMinute = settled.at === Math.floor(entry.occurredAt / MINUTE) * MINUTE;
    const at = sameMinute ? entry.occurredAt : settled.at;
    setTimeError(null);
    void actions.edit(entry, editing, at === entry.occurredAt ? undefined : at).then(
      () => cancelEdit(),
      (e: unknown) => {
        if (e instanceof RepoError && e.field === 'occurredAt') setTimeError(e.message);
        else setError(describeWriteError(e));
      },
    );
  };
  const onEditKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancelEdit();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && editing !== null) {
      e.preventDefault();
      save();
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
        {entry.highlight ? (
          <span className="tl-highlight" title="Marked with ! while logging: a key event">
            ★ Highlight
          </span>
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
        entry.kind === 'comms' ? (
          <CommsEntryText entry={entry} />
        ) : (
          <EntryText text={entry.text} />
        )
      ) : (
        <div className="tl-edit-row">
          <textarea
            className="tl-edit"
            aria-label="Edit entry"
            autoFocus
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={onEditKey}
          />
          <DateTimeField
            label="Occurred at"
            className="tl-edit-time"
            zone={display.zone}
            value={editingAt}
            onChange={setEditingAt}
            chosenAt={chosenAt}
            onChoose={setChosenAt}
            error={timeError}
            onKeyDown={onEditKey}
          />
        </div>
      )}
      {showRevisions ? (
        <ol className="tl-revisions" aria-label="Earlier versions">
          {entry.revisions.map((r, i) => (
            <li key={i}>
              <span className="muted">
                {formatEventTime(r.editedAt, display.zone, display.showDate)}, {r.author}:
              </span>{' '}
              {r.occurredAt !== undefined ? (
                <span className="tl-revision-time">
                  (was at {formatEventTime(r.occurredAt, display.zone, true)}){' '}
                </span>
              ) : null}
              <EntryText text={r.text} className="tl-revision-text" />
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
          onClick={() => {
            setEditingAt(toDateTimeInputValue(entry.occurredAt, display.zone));
            // In the repeated hour of a fall-back night the text names two instants: the
            // stored one is meant until the person says otherwise.
            setChosenAt(Math.floor(entry.occurredAt / MINUTE) * MINUTE);
            setTimeError(null);
            setEditing(entry.text);
          }}
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
