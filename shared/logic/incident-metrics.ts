import type { Incident } from '../domain/incident';
import { checkMilestoneOrder, describeMilestoneConflict } from './milestones';
import type { ActionItem, Postmortem } from '../domain/records';
import { SEVERITIES, type Severity } from '../domain/severity';
import { heading, paragraph, table, type Doc } from '../render/doc';
import { renderDoc } from '../render/render-doc';
import { completionOnTime, formatShare, ON_TIME_TARGET, type Completion } from './action-item-list';
import { incidentDurations } from './metrics';
import { findRepeatIncidents, type RepeatIncident } from './repeats';
import { formatDuration } from './time';
import { customerImpact } from './slo';
import { impactWindowsOf } from './postmortem-structure';
import { formatCount } from '../domain/text';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;
/** A post-mortem is on time when completed within this long of resolution. */
export const POSTMORTEM_WINDOW_MS = 48 * 60 * MINUTE;
/** At most this many weeks are charted. */
const MAX_WEEKS = 26;

export const METRICS_PERIODS = ['7d', '30d', '90d', 'all'] as const;
export type MetricsPeriod = (typeof METRICS_PERIODS)[number];
export const PERIOD_LABELS: Readonly<Record<MetricsPeriod, string>> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  all: 'All time',
};
const PERIOD_DAYS: Readonly<Record<MetricsPeriod, number | null>> = {
  '7d': 7,
  '30d': 30,
  '90d': 90,
  all: null,
};

/** One row of the metrics table; means are in ms and null when no incident had both milestones. */
export interface SeverityRow {
  severity: Severity | 'All';
  count: number;
  mttd: number | null;
  mtta: number | null;
  mttr: number | null;
  /** Sum of `customerImpact` (shared/logic/slo.ts), rounded to whole minutes. */
  customerImpactMinutes: number;
  /** Some of those minutes are still adding up (an ongoing customer-facing incident). */
  customerImpactOngoing: boolean;
}

export type { RepeatIncident } from './repeats';

/** Incidents started in one week (UTC, from Monday), by severity. */
export interface WeekBucket {
  weekStart: number;
  counts: Record<Severity, number>;
}

/** Everything the Metrics page shows. */
export interface IncidentMetrics {
  /** SEV1…SEV4 then All. */
  rows: SeverityRow[];
  postmortems: { due: number; onTime: number; share: number | null };
  actionItems: Completion & { target: number };
  /**
   * Incidents of the period on a service with a contributing cause an earlier incident on it
   * had (shared/logic/repeats.ts), newest first, each with the earlier incidents' action items
   * unfinished when it began. Drills only repeat drills (and only when drills are included).
   */
  repeats: RepeatIncident[];
  drills: number;
  weeks: WeekBucket[];
  /**
   * Chosen incidents whose milestones are out of order (older data): their impossible durations
   * are left out of the means rather than counted as 0, and the page names them, with why.
   */
  outOfOrder: { ref: string; note: string }[];
}

export interface MetricsOptions {
  period: MetricsPeriod;
  now: number;
  includeDrills: boolean;
}

/** When an incident's impact began: the started milestone, else when it was recorded. */
export function startOf(incident: Incident): number {
  return incident.milestones.started ?? incident.createdAt;
}

/** Start of the period (epoch ms), or -Infinity for all time. */
export function periodStart(period: MetricsPeriod, now: number): number {
  const days = PERIOD_DAYS[period];
  return days === null ? -Infinity : now - days * DAY;
}

/**
 * The incidents the period counts, oldest first: started within it (up to `now`), drills only
 * when `includeDrills`. The same choice `computeIncidentMetrics` makes.
 */
export function incidentsInPeriod(
  incidents: readonly Incident[],
  { period, now, includeDrills }: MetricsOptions,
): Incident[] {
  const from = periodStart(period, now);
  return incidents
    .filter((i) => (includeDrills || !i.drill) && startOf(i) >= from && startOf(i) <= now)
    .sort((a, b) => startOf(a) - startOf(b));
}

/** Monday 00:00 UTC of the week containing `at`. */
export function weekStart(at: number): number {
  const day = Math.floor(at / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY;
}

interface Acc {
  count: number;
  sums: [number, number, number];
  ns: [number, number, number];
  impact: number;
  ongoing: boolean;
}

const newAcc = (): Acc => ({
  count: 0,
  sums: [0, 0, 0],
  ns: [0, 0, 0],
  impact: 0,
  ongoing: false,
});

/** What one incident adds to the customer-impact minutes. */
type Impact = { minutes: number; ongoing: boolean };

function addTo(acc: Acc, incident: Incident, impact: Impact): void {
  const d = incidentDurations(incident.milestones);
  acc.count++;
  [d.timeToDetect, d.timeToAcknowledge, d.timeToResolve].forEach((v, i) => {
    if (v !== null) {
      acc.sums[i as 0 | 1 | 2] += v;
      acc.ns[i as 0 | 1 | 2]++;
    }
  });
  acc.impact += impact.minutes;
  acc.ongoing ||= impact.ongoing;
}

function toRow(severity: Severity | 'All', acc: Acc): SeverityRow {
  const mean = (i: 0 | 1 | 2) => (acc.ns[i] ? acc.sums[i] / acc.ns[i] : null);
  return {
    severity,
    count: acc.count,
    mttd: mean(0),
    mtta: mean(1),
    mttr: mean(2),
    customerImpactMinutes: Math.round(acc.impact),
    customerImpactOngoing: acc.ongoing,
  };
}

function weekBuckets(chosen: readonly Incident[], from: number, now: number): WeekBucket[] {
  if (chosen.length === 0 && from === -Infinity) return [];
  const first = Math.max(
    from === -Infinity ? Math.min(...chosen.map(startOf)) : from,
    weekStart(now) - (MAX_WEEKS - 1) * WEEK,
  );
  const buckets: WeekBucket[] = [];
  const index = new Map<number, WeekBucket>();
  for (let w = weekStart(first); w <= now; w += WEEK) {
    const bucket = { weekStart: w, counts: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 } };
    buckets.push(bucket);
    index.set(w, bucket);
  }
  for (const incident of chosen) {
    const bucket = index.get(weekStart(startOf(incident)));
    if (bucket) bucket.counts[incident.severity]++;
  }
  return buckets;
}

/**
 * Incident metrics for a period, in one pass over the incidents. Drills are counted apart and
 * left out of every other figure unless `includeDrills`. Post-mortems: resolved SEV1/SEV2
 * incidents, on time when completed within 48 h of resolution; one resolved less than 48 h ago
 * without a post-mortem is not due yet and not counted. Action items: those created in the period
 * (of the incidents counted, or of none), judged by `completionOnTime`. Repeats: see
 * `findRepeatIncidents`, with the causes of `postmortems` (none given: no repeats).
 */
export function computeIncidentMetrics(
  incidents: readonly Incident[],
  actionItems: readonly ActionItem[],
  { period, now, includeDrills }: MetricsOptions,
  postmortems: readonly (Pick<Postmortem, 'incidentId' | 'causes'> &
    Partial<Pick<Postmortem, 'impactWindows'>>)[] = [],
): IncidentMetrics {
  const from = periodStart(period, now);
  const windowsOf = new Map(postmortems.map((pm) => [pm.incidentId, impactWindowsOf(pm)]));
  const accs = new Map<Severity, Acc>(SEVERITIES.map((s) => [s, newAcc()]));
  const all = newAcc();
  const chosen: Incident[] = [];
  const excluded = new Set<string>();
  let drills = 0;
  let pmDue = 0;
  let pmOnTime = 0;
  for (const incident of incidents) {
    if (incident.drill && !includeDrills) excluded.add(incident.id);
    const start = startOf(incident);
    if (start < from || start > now) continue;
    if (incident.drill) drills++;
    if (incident.drill && !includeDrills) continue;
    chosen.push(incident);
    const impact = customerImpact(incident, now, windowsOf.get(incident.id));
    addTo(all, incident, impact);
    addTo(accs.get(incident.severity) ?? newAcc(), incident, impact);
    const { resolved, postmortemCompleted: pm } = incident.milestones;
    if ((incident.severity === 'SEV1' || incident.severity === 'SEV2') && resolved !== undefined) {
      const onTime = pm !== undefined && pm - resolved <= POSTMORTEM_WINDOW_MS;
      if (onTime || now - resolved > POSTMORTEM_WINDOW_MS) pmDue++;
      if (onTime) pmOnTime++;
    }
  }
  chosen.sort((a, b) => startOf(a) - startOf(b));
  const items = actionItems.filter(
    (a) =>
      a.createdAt >= from &&
      a.createdAt <= now &&
      (a.incidentId === null || !excluded.has(a.incidentId)),
  );
  return {
    rows: [...SEVERITIES.map((s) => toRow(s, accs.get(s) ?? newAcc())), toRow('All', all)],
    postmortems: { due: pmDue, onTime: pmOnTime, share: pmDue ? pmOnTime / pmDue : null },
    actionItems: { ...completionOnTime(items, now), target: ON_TIME_TARGET },
    // Every incident may be the earlier one (also before the period); kinds never mix.
    repeats: findRepeatIncidents(chosen, incidents, postmortems, actionItems),
    drills,
    weeks: weekBuckets(chosen, from, now),
    outOfOrder: chosen.flatMap((i) => {
      const c = checkMilestoneOrder(i.milestones);
      return c ? [{ ref: i.ref, note: describeMilestoneConflict(c, i.milestones, 'utc') }] : [];
    }),
  };
}

/** A mean duration for a table cell: "2 h 5 min", or "—" when there is none. */
export function formatMean(ms: number | null): string {
  return ms === null ? '—' : formatDuration(ms);
}

/** Column headers of the metrics table. */
export const METRICS_COLUMNS = [
  'Severity',
  'Count',
  'MTTD',
  'MTTA',
  'MTTR',
  'Customer-impact minutes',
] as const;

/**
 * What the Customer-impact minutes column counts, in words under the table and in its Markdown,
 * so it is not read as a wall-clock duration or as one service's error budget.
 */
export const CUSTOMER_IMPACT_NOTE =
  'Customer-impact minutes: how long customer-facing incidents hurt customers, in minutes ' +
  "(Started to Mitigated, or the post-mortem's impact windows; an ongoing incident counts so " +
  'far), not weighted by the share of users. Error budget spent, on the Services page, is ' +
  'these minutes × the share of users affected (100% when not recorded).';

/** One table row as display strings, in METRICS_COLUMNS order. */
export function rowCells(row: SeverityRow): string[] {
  return [
    row.severity,
    String(row.count),
    formatMean(row.mttd),
    formatMean(row.mtta),
    formatMean(row.mttr),
    `${formatCount(row.customerImpactMinutes)}${row.customerImpactOngoing ? ' so far' : ''}`,
  ];
}

/** The metrics as a Markdown document: the table, then the separate figures. */
export function metricsMarkdown(metrics: IncidentMetrics, period: MetricsPeriod): string {
  const { postmortems: pm, actionItems: ai } = metrics;
  const doc: Doc = {
    blocks: [
      heading(2, `Incident metrics: ${PERIOD_LABELS[period]}`),
      table(METRICS_COLUMNS, metrics.rows.map(rowCells)),
      paragraph(CUSTOMER_IMPACT_NOTE),
      paragraph(
        `Post-mortems within 48 h (SEV1/SEV2): ${pm.onTime} of ${pm.due} (${formatShare(pm.share)})`,
      ),
      paragraph(
        `Action items done on time: ${ai.onTime} of ${ai.judged} (${formatShare(ai.share)}; target ${formatShare(ai.target)})`,
      ),
      paragraph(`Repeat incidents: ${metrics.repeats.length}`),
      paragraph(`Drills: ${metrics.drills}`),
    ],
  };
  return renderDoc(doc, 'markdown');
}
