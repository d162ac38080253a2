import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { saveSetting } from '../../db/repo/settings';
import { deleteEntry, editEntry, restoreEntry, setPinned } from '../../db/repo/timeline';
import { useUiStore } from '../../store/ui-store';
import type { ConsoleSlotProps } from '../incidents/console-slot';
import { useCommandContext } from '../settings/use-settings';
import { recordSpansDays, type TimeDisplay } from './entry-display';
import { useEntryTarget } from './entry-target';
import { LogField } from './log-field';
import { applyFilters, authorsOf, isFiltering, NO_FILTERS } from './timeline-filter';
import { TimelineFilterBar } from './timeline-filters';
import { TimelineList } from './timeline-list';
import type { RowActions } from './timeline-row';
import { useCustomRoleNames, useTimelineFeed } from './use-timeline';

/**
 * The scribe's timeline: the filter bar, the virtualized list of entries and the "Log entry"
 * field. Every change goes through a repo command; the list re-renders from the live query.
 */
export function TimelinePanel({ incident, settings }: ConsoleSlotProps) {
  const run = useCommand();
  const ctx = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const feed = useTimelineFeed(incident.id);
  const feedStore = feed.store;
  const all = useStore(feedStore, (s) => s.entries);
  const readError = useStore(feedStore, (s) => s.error);
  const hasTail = useStore(feedStore, (s) => s.tail.length > 0);
  const customRoles = useCustomRoleNames(incident.id);
  const [filters, setFilters] = useState(NO_FILTERS);
  const deferred = useDeferredValue(filters);
  const [help, setHelp] = useState<string[] | null>(null);
  const [undo, setUndo] = useState<TimelineEntry | null>(null);
  const zone = settings.timeZone;
  const startedAt = incident.milestones.started ?? incident.createdAt;

  const entries = useMemo(() => all ?? [], [all]);
  // Opened at an entry (a search result): clear the filters that would hide it (deleted ones
  // are shown when it is deleted), then the list scrolls to it and focuses it.
  const target = useEntryTarget();
  const [focusId, setFocusId] = useState<string | null>(null);
  const onFocused = useCallback(() => setFocusId(null), []);
  const { entryId: targetId, done: targetDone } = target;
  const [handled, setHandled] = useState<string | null>(null);
  const targetEntry =
    targetId && all !== undefined ? (entries.find((e) => e.id === targetId) ?? null) : undefined;
  if (targetId && targetId !== handled && targetEntry !== undefined) {
    setHandled(targetId);
    if (targetEntry) {
      setFilters(
        targetEntry.deletedAt !== null ? { ...NO_FILTERS, showDeleted: true } : NO_FILTERS,
      );
      setFocusId(targetEntry.id);
    }
  } else if (!targetId && handled) {
    setHandled(null);
  }
  const targetMissing = targetId !== null && handled === targetId && targetEntry === null;
  useEffect(() => {
    if (!targetId || handled !== targetId) return;
    // Shown (or not there): drop the request from the address.
    if (targetMissing) toast('That entry is no longer on this timeline.', 'error');
    targetDone();
  }, [targetId, handled, targetMissing, targetDone, toast]);
  const closeHelp = useCallback(() => setHelp(null), []);
  const shown = useMemo(() => applyFilters(entries, deferred), [entries, deferred]);
  const authors = useMemo(() => authorsOf(entries), [entries]);
  const showDate = useMemo(
    () => recordSpansDays(startedAt, entries, zone),
    [startedAt, entries, zone],
  );
  const display = useMemo<TimeDisplay>(
    () => ({ zone, showDate, startedAt }),
    [zone, showDate, startedAt],
  );
  const actions = useMemo<RowActions>(
    () => ({
      pin: (e) => run(setPinned, e.id, !e.pinned),
      edit: async (e, text, occurredAt) => {
        await run(editEntry, e.id, text, ctx(), occurredAt);
      },
      remove: async (e) => {
        await run(deleteEntry, e.id, ctx());
        setUndo(e);
      },
      restore: async (e) => {
        await run(restoreEntry, e.id);
        setUndo((u) => (u?.id === e.id ? null : u));
      },
    }),
    [run, ctx],
  );

  const toggleZone = () => {
    run(saveSetting, 'timeZone', zone === 'utc' ? 'local' : 'utc').catch((e: unknown) =>
      toast(describeWriteError(e, 'action'), 'error'),
    );
  };

  return (
    <section className="panel tl-panel" aria-label="Timeline">
      <div className="tl-header">
        <h2>Timeline</h2>
        <TimelineFilterBar filters={filters} authors={authors} onChange={setFilters} />
      </div>
      {readError ? (
        <div className="tl-read-error" role="alert">
          <span>{readError}</span>{' '}
          <button type="button" className="button button-small" onClick={() => feed.retry()}>
            Read again
          </button>
        </div>
      ) : null}
      {all === undefined ? null : (
        <>
          <TimelineList
            entries={shown}
            feed={feed}
            filters={deferred}
            display={display}
            actions={actions}
            focusId={focusId}
            onFocused={onFocused}
          />
          {shown.length === 0 && !hasTail ? (
            <p className="muted tl-empty">
              {isFiltering(filters) ? 'No entries match the filters.' : 'Nothing logged yet.'}
            </p>
          ) : null}
        </>
      )}
      {undo ? (
        <div className="tl-undo" role="status">
          <span>Entry deleted.</span>
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              void actions
                .restore(undo)
                .catch((e: unknown) => toast(describeWriteError(e, 'action'), 'error'))
            }
          >
            Undo
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label="Dismiss"
            onClick={() => setUndo(null)}
          >
            ×
          </button>
        </div>
      ) : null}
      {help ? (
        <div className="tl-help" role="region" aria-label="Log commands">
          <ul>
            {help.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" className="button button-small" onClick={() => setHelp(null)}>
            Close help
          </button>
        </div>
      ) : null}
      {/* Sits on the Log entry label's line, at the foot of the list it governs. */}
      <span className="tl-zone">
        <span className="muted">{zone === 'utc' ? 'Times in UTC' : 'Times in local time'}</span>{' '}
        <button type="button" className="button button-small" onClick={toggleZone}>
          {zone === 'utc' ? 'Show local time' : 'Show UTC'}
        </button>
      </span>
      <LogField
        key={incident.id}
        incident={incident}
        timeZone={zone}
        timeboxMinutes={settings.hypothesisTimeboxMinutes}
        customRoles={customRoles}
        onHelp={setHelp}
        onLogged={closeHelp}
      />
    </section>
  );
}
