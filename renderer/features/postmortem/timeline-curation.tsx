import type { Incident } from '../../../shared/domain/incident';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { compareEntries } from '../../../shared/domain/timeline';
import {
  eventText,
  isIncluded,
  keyEventReason,
  toggleChoice,
  type KeyReason,
  type TimelineChoices,
} from '../../../shared/logic/key-events';
import type { TimeZoneMode } from '../../../shared/logic/time';
import { formatEventTime, spansDays } from '../../../shared/logic/time';

const REASONS: Readonly<Record<KeyReason, string>> = {
  milestone: 'milestone',
  declared: 'declaration',
  status: 'status change',
  severity: 'severity change',
  role: 'role handoff',
  decision: 'decision',
  hypothesis: 'hypothesis outcome',
  comms: 'update sent',
  pinned: 'pinned',
  highlight: 'highlight',
};

/**
 * **Timeline curation**: every live entry with an include/exclude checkbox named by the entry, so
 * the author can add or drop any of them over the key-event default (shared/logic/key-events).
 * The choice is saved on the post-mortem and followed by the export. Two buttons reset it:
 * **Key events only** and **Include all entries** (the older "all entries" option).
 */
export function TimelineCuration({
  incident,
  entries,
  choices,
  allEntries,
  timeZone,
  onChoices,
  onAllEntries,
}: {
  incident: Pick<Incident, 'milestones'>;
  entries: readonly TimelineEntry[];
  choices: TimelineChoices;
  allEntries: boolean;
  timeZone: TimeZoneMode;
  onChoices: (next: Record<string, boolean>) => void;
  onAllEntries: (all: boolean) => void;
}) {
  const live = entries.filter((e) => e.deletedAt === null).sort(compareEntries);
  const source = { incident, entries: live, choices, allEntries };
  const first = live[0]?.occurredAt ?? 0;
  const withDate = spansDays(first, live[live.length - 1]?.occurredAt ?? first, timeZone);
  const included = live.filter((e) => isIncluded(e, source)).length;
  return (
    <details className="pm-curation">
      <summary>
        Timeline curation{' '}
        <span className="muted">
          ({included} of {live.length} entries in the timeline)
        </span>
      </summary>
      <p className="field-hint">
        By default the timeline holds key events: milestones, severity and status changes, role
        handoffs, decisions, confirmed or ruled-out hypotheses, updates sent (one line each), pinned
        entries and highlights (logged with “!”). Tick or untick any entry.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          aria-pressed={!allEntries && Object.keys(choices).length === 0}
          onClick={() => onAllEntries(false)}
        >
          Key events only
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={allEntries && Object.keys(choices).length === 0}
          onClick={() => onAllEntries(true)}
        >
          Include all entries
        </button>
      </div>
      <ul className="pm-curation-list" aria-label="Timeline curation">
        {live.map((e) => {
          const reason = keyEventReason(e, incident.milestones.resolved);
          const text = eventText(e);
          const checked = isIncluded(e, source);
          const when = formatEventTime(e.occurredAt, timeZone, withDate);
          return (
            <li key={e.id} className={checked ? 'pm-curation-in' : 'pm-curation-out'}>
              <label>
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(ev) => onChoices(toggleChoice(source, e, ev.target.checked))}
                />{' '}
                <time dateTime={new Date(e.occurredAt).toISOString()}>{when}</time> {text}
              </label>
              {reason ? <span className="muted"> — key event: {REASONS[reason]}</span> : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
