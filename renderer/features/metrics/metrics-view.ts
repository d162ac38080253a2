/**
 * What the Metrics page shows, as pure functions of what it reads: the page renders them from
 * its live query, and each **Copy as Markdown** computes them again from the record read once
 * this window's writes have settled (an incident resolved a moment before is counted in the
 * copied table even if the page has not re-read it yet).
 */
import { createContext } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import type { ActionItem, Postmortem, Service } from '../../../shared/domain/records';
import {
  computeIncidentMetrics,
  incidentsInPeriod,
  PERIOD_LABELS,
  type IncidentMetrics,
  type MetricsPeriod,
} from '../../../shared/logic/incident-metrics';
import {
  incidentsByHour,
  incidentsByWeekday,
  mttrByQuarter,
  servicesByBudget,
  servicesByIncidents,
} from '../../../shared/logic/patterns';
import type { ReadonlyDb } from '../../db/read-view';

/** Every row the page's figures are computed from. */
export interface MetricsData {
  incidents: Incident[];
  items: ActionItem[];
  postmortems: Postmortem[];
  services: Service[];
}

/** Reads every row the Metrics page computes from (the live query and the copies read alike). */
export async function readMetricsData(db: ReadonlyDb): Promise<MetricsData> {
  return {
    incidents: await db.incidents.toArray(),
    items: await db.actionItems.toArray(),
    postmortems: await db.postmortems.toArray(),
    services: await db.services.toArray(),
  };
}

/** The page's choices: the period, the end of the current minute (epoch ms), drills or not. */
export interface MetricsOptions {
  period: MetricsPeriod;
  now: number;
  includeDrills: boolean;
}

/** The figures the page shows (the table and its notes) and the patterns its charts draw. */
export interface MetricsView {
  period: MetricsPeriod;
  periodLabel: string;
  metrics: IncidentMetrics;
  patterns: {
    services: ReturnType<typeof servicesByIncidents>;
    budgets: ReturnType<typeof servicesByBudget>;
    hours: number[];
    weekdays: number[];
    quarters: ReturnType<typeof mttrByQuarter>;
  };
}

/** The metrics table of `data` for the chosen period (see computeIncidentMetrics). */
export function metricsOf(data: MetricsData, opts: MetricsOptions): IncidentMetrics {
  return computeIncidentMetrics(data.incidents, data.items, opts, data.postmortems);
}

/** The patterns of `data` (services, budgets, hour, weekday, MTTR by quarter). */
export function patternsOf(data: MetricsData, opts: MetricsOptions): MetricsView['patterns'] {
  const chosen = incidentsInPeriod(data.incidents, opts);
  const kinds = opts.includeDrills ? data.incidents : data.incidents.filter((i) => !i.drill);
  return {
    services: servicesByIncidents(chosen),
    budgets: servicesByBudget(data.services, data.incidents, data.postmortems, opts.now),
    hours: incidentsByHour(chosen),
    weekdays: incidentsByWeekday(chosen),
    quarters: mttrByQuarter(kinds, opts.now),
  };
}

/** Everything the page shows for `data` and the chosen options. */
export function metricsView(data: MetricsData, opts: MetricsOptions): MetricsView {
  return {
    period: opts.period,
    periodLabel: PERIOD_LABELS[opts.period],
    metrics: metricsOf(data, opts),
    patterns: patternsOf(data, opts),
  };
}

/**
 * Provided by the Metrics page: reads the record once this window's writes have settled and
 * computes the view for the page's current choices. A chart's Copy as Markdown builds its table
 * from it; without a provider (a chart shown alone) it copies the table it was drawn from.
 */
export const FreshMetricsContext = createContext<(() => Promise<MetricsView>) | null>(null);
