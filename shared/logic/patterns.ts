/**
 * Patterns across incidents for the Metrics page (issue 16): which services fail most, which
 * spend most of their error budget, when incidents start (hour of day, day of week, in UTC) and
 * how the mean time to resolve moves quarter by quarter. Pure functions of the records; the
 * page charts them and copies them as Markdown tables (shared/logic/chart-tables.ts).
 */
import type { Incident } from '../domain/incident';
import type { Postmortem, Service } from '../domain/records';
import { nameKey } from '../domain/text';
import { incidentDurations } from './metrics';
import { impactWindowsOf } from './postmortem-structure';
import { serviceBudget, type BudgetUnit } from './slo';

/** When an incident began: the started milestone, else when it was recorded (epoch ms). */
function startOf(incident: Pick<Incident, 'milestones' | 'createdAt'>): number {
  return incident.milestones.started ?? incident.createdAt;
}

/** A service and how many of the incidents named it. */
export interface ServiceCount {
  /** The name as first written among the incidents (trimmed). */
  service: string;
  count: number;
}

/**
 * Services ranked by how many of `incidents` affected them (names compared by `nameKey`: NFKC,
 * any case, white space collapsed; shown as first written); an incident naming a service twice counts once), most first, then by name.
 */
export function servicesByIncidents(
  incidents: readonly Pick<Incident, 'services'>[],
): ServiceCount[] {
  const counts = new Map<string, ServiceCount>();
  for (const incident of incidents) {
    const seen = new Set<string>();
    for (const name of incident.services) {
      const key = nameKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { service: name.trim(), count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || a.service.localeCompare(b.service, 'en'),
  );
}

/** What a service has spent of its error budget over its rolling SLO window. */
export interface ServiceSpend {
  service: string;
  /** Budget spent in the window, ms (bad minutes × share of users; drills spend nothing). */
  consumedMs: number;
  budgetMs: number;
  /** consumedMs ÷ budgetMs: 0 untouched, 1 spent, above 1 overspent. */
  share: number;
  unit: BudgetUnit;
  windowDays: number;
}

/**
 * Services with an SLO target ranked by the share of their error budget consumed over their
 * rolling window ending `now` (epoch ms), by the one rule of shared/logic/slo.ts
 * (`serviceBudget`, as the Services page shows it; a post-mortem's impact windows are the bad
 * minutes when recorded). Most consumed first, then by name; services without a target are
 * left out.
 */
export function servicesByBudget(
  services: readonly Pick<Service, 'name' | 'sloTarget' | 'sloWindowDays'>[],
  incidents: readonly Incident[],
  postmortems: readonly Postmortem[],
  now: number,
): ServiceSpend[] {
  const pms = new Map(postmortems.map((pm) => [pm.incidentId, pm]));
  const windowed = incidents.map((i) => {
    const pm = pms.get(i.id);
    return pm ? { ...i, impactWindows: impactWindowsOf(pm) } : i;
  });
  const out: ServiceSpend[] = [];
  const seen = new Set<string>();
  for (const s of services) {
    const key = nameKey(s.name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const b = serviceBudget(s, windowed, now);
    if (!b) continue;
    out.push({
      service: s.name.trim(),
      consumedMs: b.consumedMs,
      budgetMs: b.budgetMs,
      share: b.budgetMs > 0 ? b.consumedMs / b.budgetMs : 0,
      unit: b.unit,
      windowDays: s.sloWindowDays,
    });
  }
  return out.sort((a, b) => b.share - a.share || a.service.localeCompare(b.service, 'en'));
}

/** Incidents by the UTC hour (0–23) they started in: 24 counts. */
export function incidentsByHour(incidents: readonly Pick<Incident, 'milestones' | 'createdAt'>[]) {
  const counts = Array<number>(24).fill(0);
  for (const i of incidents) counts[new Date(startOf(i)).getUTCHours()]!++;
  return counts;
}

/** Day names, Monday first (ISO 8601), as the by-day chart shows them. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Incidents by the UTC day of the week they started on: 7 counts, Monday first. */
export function incidentsByWeekday(
  incidents: readonly Pick<Incident, 'milestones' | 'createdAt'>[],
) {
  const counts = Array<number>(7).fill(0);
  for (const i of incidents) counts[(new Date(startOf(i)).getUTCDay() + 6) % 7]!++;
  return counts;
}

/** One calendar quarter (UTC) and the mean time to resolve of the incidents started in it. */
export interface QuarterMttr {
  /** "2026 Q4". */
  label: string;
  /** First instant of the quarter, epoch ms UTC. */
  start: number;
  /** Mean of resolved − started, ms; null when no incident of the quarter has both. */
  mttr: number | null;
  /** How many incidents the mean is over. */
  resolved: number;
}

/** The quarter (UTC) containing `at`: its first instant (epoch ms) and its label. */
export function quarterOf(at: number): { start: number; label: string } {
  const d = new Date(at);
  const year = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3);
  return { start: Date.UTC(year, q * 3, 1), label: `${year} Q${q + 1}` };
}

/** The quarter after the one starting at `start`. */
function nextQuarter(start: number): number {
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1);
}

/**
 * MTTR (resolved − started, per DOMAIN.md) by the UTC quarter incidents started in, from the
 * first quarter with an incident to the quarter of `now`, at most the last `maxQuarters`.
 * Incidents whose milestones are out of order are left out of the means, as in the severity
 * table; quarters without a resolved incident have mttr null (a gap, never 0). [] without
 * incidents.
 */
export function mttrByQuarter(
  incidents: readonly Pick<Incident, 'milestones' | 'createdAt'>[],
  now: number,
  maxQuarters = 8,
): QuarterMttr[] {
  const started = incidents.map(startOf).filter((t) => t <= now);
  if (!started.length) return [];
  const last = quarterOf(now).start;
  let first = quarterOf(Math.min(...started)).start;
  // At most maxQuarters: step back from the current quarter.
  let floor = last;
  for (let i = 1; i < maxQuarters; i++) {
    const d = new Date(floor);
    floor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 3, 1);
  }
  first = Math.max(first, floor);
  const buckets = new Map<number, { sum: number; n: number }>();
  for (const i of incidents) {
    const at = startOf(i);
    if (at > now || at < first) continue;
    const ttr = incidentDurations(i.milestones).timeToResolve;
    if (ttr === null) continue;
    const key = quarterOf(at).start;
    const b = buckets.get(key) ?? { sum: 0, n: 0 };
    b.sum += ttr;
    b.n++;
    buckets.set(key, b);
  }
  const out: QuarterMttr[] = [];
  for (let q = first; q <= last && out.length < maxQuarters + 1; q = nextQuarter(q)) {
    const b = buckets.get(q);
    out.push({
      label: quarterOf(q).label,
      start: q,
      mttr: b ? b.sum / b.n : null,
      resolved: b?.n ?? 0,
    });
  }
  return out;
}
