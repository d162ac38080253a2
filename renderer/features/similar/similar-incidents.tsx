import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { type Incident, isActive } from '../../../shared/domain/incident';
import { ACTION_STATUS_LABELS, type ActionItem } from '../../../shared/domain/records';
import { incidentDurations } from '../../../shared/logic/metrics';
import { rootCauseOf, unfinishedActionItems } from '../../../shared/logic/similar-incidents';
import { formatDate, formatDuration, zoneLabel } from '../../../shared/logic/time';
import { DrillBadge, SeverityBadge } from '../../ui/badges';
import type { ConsoleSlotProps } from '../incidents/console-slot';
import { isSimilarDismissed, setSimilarDismissed } from './dismissed';
import {
  type SimilarIncident,
  useActionItemsOf,
  useRunbooksFor,
  useRunbooksUsedIn,
  useSimilarIncidents,
} from './queries';

/** Longest root cause / resolution shown before "…" (the whole text is a click away). */
const EXCERPT = 240;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

interface SimilarState {
  incident: Incident;
  /** Ranked matches; undefined while ranking; `{ error }` when the read failed. */
  result: SimilarIncident[] | { error: string } | undefined;
  /** Unfinished action items per listed incident (live). */
  unfinished: ReadonlyMap<string, ActionItem[]>;
  dismissed: boolean;
  setDismissed: (dismissed: boolean) => void;
}

const SimilarContext = createContext<SimilarState | null>(null);

/**
 * Ranks the past incidents like this running one once for the console, for the notice at the
 * top and the region in the side column. Ranked when the browser is idle after the console
 * shows, never on the typing path; nothing for a resolved incident.
 */
export function SimilarIncidentsProvider({
  incident,
  children,
}: {
  incident: Incident;
  children: ReactNode;
}) {
  const [dismissed, setDismissedState] = useState(() => isSimilarDismissed(incident.id));
  const [forIncident, setForIncident] = useState(incident.id);
  if (forIncident !== incident.id) {
    setForIncident(incident.id);
    setDismissedState(isSimilarDismissed(incident.id));
  }
  const result = useSimilarIncidents(incident, isActive(incident));
  const actions = useActionItemsOf(Array.isArray(result) ? result.map((m) => m.incidentId) : []);
  const state = useMemo<SimilarState>(() => {
    const unfinished = new Map<string, ActionItem[]>();
    for (const [id, items] of actions ?? []) unfinished.set(id, unfinishedActionItems(items));
    return {
      incident,
      result: isActive(incident) ? result : undefined,
      unfinished,
      dismissed,
      setDismissed: (next) => {
        setSimilarDismissed(incident.id, next);
        setDismissedState(next);
      },
    };
  }, [incident, result, actions, dismissed]);
  return <SimilarContext.Provider value={state}>{children}</SimilarContext.Provider>;
}

/** The matches when there are any to show (not while ranking, not none, not after an error). */
function shownMatches(state: SimilarState | null): SimilarIncident[] | null {
  const result = state?.result;
  return Array.isArray(result) && result.length ? result : null;
}

const HEADING_ID = 'similar-incidents-heading';

/**
 * One line at the top of the console when past incidents look like this one: "Seen before: 2
 * similar incidents · a fix was never done". It moves focus to the Similar incidents region, so
 * the side column need not be scrolled to find it. Hidden while the region is dismissed.
 */
export function SimilarIncidentsNotice() {
  const state = useContext(SimilarContext);
  const matches = shownMatches(state);
  if (!state || !matches || state.dismissed) return null;
  const neverDone = matches.filter((m) => (state.unfinished.get(m.incidentId) ?? []).length).length;
  const go = () => {
    const heading = document.getElementById(HEADING_ID);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  return (
    <button type="button" className="similar-notice" onClick={go}>
      Seen before: {matches.length} similar {matches.length === 1 ? 'incident' : 'incidents'}
      {neverDone ? (
        <strong className="similar-notice-warn">
          {' '}
          · {neverDone === 1 ? 'a fix was' : `${neverDone} fixes were`} never done
        </strong>
      ) : null}
    </button>
  );
}

/**
 * Region "Similar incidents" in the console of a running incident (issue 16): past incidents
 * like this one, each with what resolved it, its root cause, the runbooks for the services both
 * hit and, first and in the warning colour, its action items still not done. Shown only once
 * there is at least one. "Dismiss similar incidents" folds it to one button ("Show similar
 * incidents (N)") for this incident on this seat, across reloads.
 */
export function SimilarIncidentsPanel({ settings }: Pick<ConsoleSlotProps, 'settings'>) {
  const state = useContext(SimilarContext);
  if (!state) return null;
  const { result } = state;
  if (result && !Array.isArray(result)) {
    return (
      <p className="form-error" role="alert">
        Similar incidents could not be read: {result.error}
      </p>
    );
  }
  const matches = shownMatches(state);
  // Nothing while ranking or when nothing is alike: an empty box would only take the console's
  // room (and appear then vanish on every incident opened).
  if (!matches) return null;
  if (state.dismissed) {
    return (
      <div className="similar-folded">
        <button
          type="button"
          className="button button-small"
          onClick={() => state.setDismissed(false)}
        >
          Show similar incidents ({matches.length})
        </button>
      </div>
    );
  }
  return (
    <section className="panel similar-incidents" aria-labelledby={HEADING_ID}>
      <div className="panel-header">
        <h2 id={HEADING_ID} tabIndex={-1}>
          Similar incidents
        </h2>
        <button
          type="button"
          className="button button-small"
          aria-label="Dismiss similar incidents"
          onClick={() => state.setDismissed(true)}
        >
          Dismiss
        </button>
      </div>
      <ol className="similar-list">
        {matches.map((m) => (
          <SimilarItem
            key={m.incidentId}
            match={m}
            zone={settings.timeZone}
            unfinished={state.unfinished.get(m.incidentId) ?? []}
          />
        ))}
      </ol>
    </section>
  );
}

function SimilarItem({
  match,
  zone,
  unfinished,
}: {
  match: SimilarIncident;
  zone: ConsoleSlotProps['settings']['timeZone'];
  unfinished: ReturnType<typeof unfinishedActionItems>;
}) {
  const { incident, postmortem } = match;
  const used = useRunbooksUsedIn(incident.id);
  const runbooks = useRunbooksFor(match.sharedServices);
  const started = incident.milestones.started ?? incident.createdAt;
  const { timeToMitigate, timeToResolve } = incidentDurations(incident.milestones);
  const rootCause = rootCauseOf(postmortem);
  const headingId = `similar-${incident.id}`;
  const why = [
    match.sharedServices.length ? `same service: ${match.sharedServices.join(', ')}` : null,
    match.sharedCauses.length ? `same cause: ${match.sharedCauses.join(', ')}` : null,
    match.textScore >= 0.2 ? 'similar description' : null,
  ].filter(Boolean);
  return (
    <li className="similar-item" aria-labelledby={headingId}>
      <p className="similar-title" id={headingId}>
        <Link href={`/incidents/${incident.id}`}>
          {incident.ref} {incident.title}
        </Link>{' '}
        <SeverityBadge severity={incident.severity} />
        {incident.drill ? (
          <>
            {' '}
            <DrillBadge />
          </>
        ) : null}
      </p>
      <p className="muted similar-meta">
        {formatDate(started, zone)} {zoneLabel(started, zone)}
        {timeToMitigate !== null ? ` · mitigated in ${formatDuration(timeToMitigate)}` : ''}
        {timeToMitigate === null && timeToResolve !== null
          ? ` · resolved in ${formatDuration(timeToResolve)}`
          : ''}
        {why.length ? ` · ${why.join(' · ')}` : ''}
      </p>
      {unfinished.length ? (
        <div className="similar-unfinished">
          <p className="similar-unfinished-title">
            <strong>The last fix for this was never done</strong> ({unfinished.length} open action{' '}
            {unfinished.length === 1 ? 'item' : 'items'})
          </p>
          <ul>
            {unfinished.slice(0, 3).map((a) => (
              <li key={a.id}>
                {a.priority} {a.title}
                <span className="muted">
                  {' '}
                  · {ACTION_STATUS_LABELS[a.status]}
                  {a.owner ? ` · ${a.owner}` : ' · no owner'} · due {a.dueDate}
                </span>
              </li>
            ))}
          </ul>
          {unfinished.length > 3 ? (
            <p className="muted">
              and {unfinished.length - 3} more in{' '}
              <Link href={`/incidents/${incident.id}`}>{incident.ref}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <dl className="similar-facts">
        <dt>Resolved by</dt>
        <dd>
          {incident.resolutionSummary?.trim() ? (
            excerpt(incident.resolutionSummary)
          ) : (
            <span className="muted">No resolution recorded.</span>
          )}
        </dd>
        <dt>Root cause</dt>
        <dd>
          {rootCause ? (
            excerpt(rootCause)
          ) : (
            <span className="muted">
              {postmortem ? 'Not written in its post-mortem.' : 'No post-mortem.'}
            </span>
          )}
        </dd>
        {used && used.length ? (
          <>
            <dt>Runbooks used</dt>
            <dd>
              {used.map((u, i) => (
                <span key={u.runbook.id}>
                  {i ? ', ' : ''}
                  <Link href={`/runbooks/${u.runbook.id}`}>{u.runbook.title}</Link>
                  {u.helpful || u.notHelpful ? (
                    <span className="muted"> ({votesText(u.helpful, u.notHelpful)})</span>
                  ) : null}
                </span>
              ))}
            </dd>
          </>
        ) : runbooks && runbooks.length ? (
          <>
            <dt>Runbooks</dt>
            <dd>
              {runbooks.map((r, i) => (
                <span key={r.id}>
                  {i ? ', ' : ''}
                  <Link href={`/runbooks/${r.id}`}>{r.title}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

/** "helpful", "not helpful" or "2 helpful, 1 not": the responders' latest votes. */
function votesText(helpful: number, notHelpful: number): string {
  if (!notHelpful) return helpful === 1 ? 'helpful' : `helpful to ${helpful}`;
  if (!helpful) return notHelpful === 1 ? 'not helpful' : `not helpful to ${notHelpful}`;
  return `${helpful} helpful, ${notHelpful} not`;
}
