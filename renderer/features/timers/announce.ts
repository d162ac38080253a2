import { AUDIENCE_LABELS } from '../../../shared/domain/audience';
import type { Incident } from '../../../shared/domain/incident';
import { incidentDues, type CadenceSettings } from '../../../shared/logic/cadence';

/** States worth saying out loud: a countdown entering them is announced once. */
type Announced = 'due-soon' | 'overdue';

/**
 * What a screen reader should hear as update countdowns change state, and the states to remember
 * for next time. A countdown is keyed by incident, audience and due instant, so the next missed
 * update (a new due instant) is announced again, while a second-by-second tick is not.
 * `previous === null` is the first look: states found then are remembered but not announced (the
 * page already shows them; the OS notification covers an overdue update at start-up).
 * Pure: the caller keeps the map and owns the live region.
 */
export function timerAnnouncements(
  incidents: readonly Incident[],
  now: number,
  previous: ReadonlyMap<string, Announced> | null,
  settings?: CadenceSettings,
): { messages: string[]; states: Map<string, Announced> } {
  const states = new Map<string, Announced>();
  const messages: string[] = [];
  for (const incident of incidents) {
    for (const due of incidentDues(incident, now, settings)) {
      if (due.state !== 'due-soon' && due.state !== 'overdue') continue;
      const key = `${incident.id}:${due.audience}:${due.dueAt}`;
      states.set(key, due.state);
      if (previous === null || previous.get(key) === due.state) continue;
      const who = `${AUDIENCE_LABELS[due.audience]} update for ${incident.ref}`;
      messages.push(due.state === 'overdue' ? `${who} is overdue.` : `${who} is due soon.`);
    }
  }
  return { messages, states };
}
