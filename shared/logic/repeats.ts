/**
 * Repeat incidents (issue 16): an incident is a repeat when an EARLIER incident on the same
 * service (names equal by `nameKey`) had the same contributing cause (tags equal by `normaliseCauseTag`, categories aside).
 * Two unrelated outages of one service are not a repeat, however close together; drills and real
 * incidents never repeat each other (a game day rehearsing last month's outage is not a
 * recurrence of it). What makes a repeat worth knowing is the work that would have prevented it:
 * the earlier incidents' action items still unfinished when it began.
 */
import type { Incident } from '../domain/incident';
import type { ActionItem, Postmortem } from '../domain/records';
import { nameKey } from '../domain/text';
import { causesOf, normaliseCauseTag } from './causes';

/** One service and cause a repeat shares with earlier incidents. */
export interface RepeatMatch {
  /** The service as the repeat names it (trimmed). */
  service: string;
  /** The cause tag as the repeat's post-mortem writes it. */
  cause: string;
  /** The earlier incidents on that service with that cause, oldest first. */
  earlier: Incident[];
}

/** An incident on a service with a cause that an earlier incident on it already had. */
export interface RepeatIncident {
  incident: Incident;
  /** Each (service, cause) it shares with earlier incidents, in its own services' order. */
  matches: RepeatMatch[];
  /** Every earlier incident of the matches, once, oldest first. */
  earlier: Incident[];
  /**
   * The earlier incidents' action items filed before this incident started and not finished
   * when it did (see {@link unfinishedAt}), by earlier incident (oldest first) then creation.
   */
  unfinished: ActionItem[];
}

type Timed = Pick<Incident, 'id' | 'createdAt' | 'milestones'>;

/** When an incident began: the started milestone, else when it was recorded (epoch ms). */
function startOf(incident: Timed): number {
  return incident.milestones.started ?? incident.createdAt;
}

/**
 * True when `a` came before `b`: by start, then by when it was recorded, then by id, so two
 * incidents that started the same minute still have an order and only the later is a repeat.
 */
export function isEarlier(a: Timed, b: Timed): boolean {
  const d = startOf(a) - startOf(b) || a.createdAt - b.createdAt;
  return d !== 0 ? d < 0 : a.id < b.id;
}

/**
 * True when the action item was open work at `at` (epoch ms): it had been filed by then
 * (`createdAt <= at`; an item filed afterwards, say by the earlier incident's post-mortem written
 * after the later incident began, could not have prevented it) and was Not Started or In
 * Progress, or Done only after `at`. Won't Do is a decision taken, not unfinished work; a Done
 * item with no completion time (older rows) counts as finished.
 */
export function unfinishedAt(
  item: Pick<ActionItem, 'status' | 'completedAt' | 'createdAt'>,
  at: number,
): boolean {
  if (item.createdAt > at) return false;
  if (item.status === 'wont-do') return false;
  if (item.status === 'done') return item.completedAt !== null && item.completedAt > at;
  return true;
}

/**
 * The repeats among `chosen`: each incident of `chosen` that shares a service and a cause with an
 * earlier incident of `pool` of the same kind (drill with drill, real with real). `pool` holds
 * every incident that may come earlier (also before the period shown); `postmortems` give the
 * causes (an incident without a post-mortem or without causes is never a repeat, nor the
 * earlier incident of one). Newest repeat first. Pure; O(incidents × services × causes).
 */
export function findRepeatIncidents(
  chosen: readonly Incident[],
  pool: readonly Incident[],
  postmortems: readonly Pick<Postmortem, 'incidentId' | 'causes'>[],
  actionItems: readonly ActionItem[],
): RepeatIncident[] {
  const causes = new Map<string, Map<string, string>>();
  for (const pm of postmortems) {
    const byKey = new Map<string, string>();
    for (const c of causesOf(pm)) {
      const key = normaliseCauseTag(c.tag);
      if (key && !byKey.has(key)) byKey.set(key, c.tag.trim().replace(/\s+/gu, ' '));
    }
    if (byKey.size) causes.set(pm.incidentId, byKey);
  }
  // (service, cause) → incidents with both, of either kind.
  const index = new Map<string, Incident[]>();
  for (const incident of pool) {
    const own = causes.get(incident.id);
    if (!own) continue;
    for (const service of new Set(incident.services.map(nameKey)))
      for (const cause of own.keys()) {
        if (!service) continue;
        const key = `${service}\u0000${cause}`;
        const list = index.get(key) ?? [];
        list.push(incident);
        index.set(key, list);
      }
  }
  const itemsBy = new Map<string, ActionItem[]>();
  for (const item of actionItems) {
    if (item.incidentId === null) continue;
    const list = itemsBy.get(item.incidentId) ?? [];
    list.push(item);
    itemsBy.set(item.incidentId, list);
  }
  const repeats: RepeatIncident[] = [];
  for (const incident of chosen) {
    const own = causes.get(incident.id);
    if (!own) continue;
    const matches: RepeatMatch[] = [];
    const seenServices = new Set<string>();
    for (const name of incident.services) {
      const service = nameKey(name);
      if (!service || seenServices.has(service)) continue;
      seenServices.add(service);
      for (const [cause, tag] of own) {
        const earlier = (index.get(`${service}\u0000${cause}`) ?? [])
          .filter((o) => o.id !== incident.id && o.drill === incident.drill)
          .filter((o) => isEarlier(o, incident))
          .sort((a, b) => (isEarlier(a, b) ? -1 : 1));
        if (earlier.length) matches.push({ service: name.trim(), cause: tag, earlier });
      }
    }
    if (!matches.length) continue;
    const earlier = [
      ...new Map(matches.flatMap((m) => m.earlier).map((i) => [i.id, i])).values(),
    ].sort((a, b) => (isEarlier(a, b) ? -1 : 1));
    const start = startOf(incident);
    const unfinished = earlier.flatMap((e) =>
      [...(itemsBy.get(e.id) ?? [])]
        .filter((item) => unfinishedAt(item, start))
        .sort((a, b) => a.createdAt - b.createdAt),
    );
    repeats.push({ incident, matches, earlier, unfinished });
  }
  return repeats.sort((a, b) => (isEarlier(a.incident, b.incident) ? 1 : -1));
}
