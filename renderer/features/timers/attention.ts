import { AUDIENCE_LABELS } from '../../../shared/domain/audience';
import type { Incident } from '../../../shared/domain/incident';
import type { Hypothesis } from '../../../shared/domain/records';
import { incidentDues, type CadenceSettings } from '../../../shared/logic/cadence';
import { hypothesisState } from '../../../shared/logic/hypotheses';

/** One OS notification to show: `tag` is the incident id, so a click opens that incident. */
export interface AttentionNotice {
  /** Keys this notice covers; remembered so the same due instant never notifies twice. */
  keys: string[];
  title: string;
  body: string;
  tag: string;
}

/**
 * What newly needs attention at `now`: per incident, one notice for its overdue audiences
 * (keyed `${incidentId}:${audience}:${dueAt}`, so a snooze that lapses or the next missed
 * update notifies again), and one per expired hypothesis ("Pivot or escalate: <text>", keyed
 * `hypothesis:${id}:${dueAt}`, so an extension that runs out notifies again). Keys already in
 * `notified` are skipped. Pure: the hook decides when to call it and remembers the keys.
 */
export function attentionNotices(
  incidents: readonly Incident[],
  hypotheses: readonly Hypothesis[],
  now: number,
  notified: ReadonlySet<string>,
  settings?: CadenceSettings,
): AttentionNotice[] {
  const notices: AttentionNotice[] = [];
  const byId = new Map(incidents.map((i) => [i.id, i]));
  for (const incident of incidents) {
    const overdue = incidentDues(incident, now, settings)
      .filter((d) => d.state === 'overdue')
      .map((d) => ({ due: d, key: `${incident.id}:${d.audience}:${d.dueAt}` }))
      .filter((o) => !notified.has(o.key));
    if (!overdue.length) continue;
    const who = overdue.map((o) => AUDIENCE_LABELS[o.due.audience]).join(', ');
    notices.push({
      keys: overdue.map((o) => o.key),
      title: `Update overdue: ${who}`,
      body: `${incident.ref} ${incident.title}`,
      tag: incident.id,
    });
  }
  for (const h of hypotheses) {
    const incident = byId.get(h.incidentId);
    const key = `hypothesis:${h.id}:${h.dueAt}`;
    if (!incident || notified.has(key) || !hypothesisState(h, now).expired) continue;
    notices.push({
      keys: [key],
      title: `Pivot or escalate: ${h.text}`,
      body: `${incident.ref} ${incident.title}: the timebox is up.`,
      tag: incident.id,
    });
  }
  return notices;
}
