/**
 * Each Metrics chart's data as a table: the rows a person copies as Markdown (**Copy as
 * Markdown**) and the one-sentence summary a screen reader reads in place of the drawing. One
 * function per chart, so the chart, its summary and its copy can never disagree.
 */
import { SEVERITIES } from '../domain/severity';
import { heading, table } from '../render/doc';
import { renderDoc } from '../render/render-doc';
import type { SeverityRow, WeekBucket } from './incident-metrics';
import { formatMean } from './incident-metrics';
import type { QuarterMttr, ServiceCount, ServiceSpend } from './patterns';
import { WEEKDAYS } from './patterns';
import { formatBudgetAmount, formatShare } from './slo';

/** A chart's data as text: its title, a table, and a summary sentence for screen readers. */
export interface ChartTable {
  title: string;
  columns: string[];
  rows: string[][];
  summary: string;
}

/** "11-16": month and day (UTC) of a week's Monday. */
const shortDate = (at: number) => new Date(at).toISOString().slice(5, 10);
/** "2026-11-16" (UTC). */
const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);
const two = (n: number) => String(n).padStart(2, '0');

/**
 * The chart's table as Markdown: a level-3 heading with the title, then the table (user text
 * such as service names escaped, so no name can break the table).
 */
export function chartMarkdown(t: ChartTable): string {
  return renderDoc({ blocks: [heading(3, t.title), table(t.columns, t.rows)] }, 'markdown');
}

/** Incidents per week (UTC, from Monday) by severity. */
export function weeksTable(weeks: readonly WeekBucket[]): ChartTable {
  const total = (w: WeekBucket) => SEVERITIES.reduce((n, s) => n + w.counts[s], 0);
  return {
    title: 'Incidents per week',
    columns: ['Week of (UTC)', ...SEVERITIES, 'Total'],
    rows: weeks.map((w) => [
      isoDate(w.weekStart),
      ...SEVERITIES.map((s) => String(w.counts[s])),
      String(total(w)),
    ]),
    summary: weeks.length
      ? `Incidents per week: ${weeks.map((w) => `week of ${shortDate(w.weekStart)} ${total(w)}`).join(', ')}`
      : 'Incidents per week: no incidents',
  };
}

/** Mean time to resolve per severity (the All row left out). */
export function mttrBySeverityTable(rows: readonly SeverityRow[]): ChartTable {
  const bars = rows.filter((r) => r.severity !== 'All');
  return {
    title: 'MTTR by severity',
    columns: ['Severity', 'MTTR', 'Incidents'],
    rows: bars.map((r) => [r.severity, formatMean(r.mttr), String(r.count)]),
    summary: `Mean time to resolve by severity: ${bars
      .map((r) => `${r.severity} ${r.mttr === null ? 'no data' : formatMean(r.mttr)}`)
      .join(', ')}`,
  };
}

/** Services ranked by incidents in the period (`periodLabel`, e.g. "Last 30 days"). */
export function servicesByIncidentsTable(
  ranked: readonly ServiceCount[],
  periodLabel: string,
): ChartTable {
  return {
    title: 'Services by incidents',
    columns: ['Rank', 'Service', 'Incidents'],
    rows: ranked.map((r, i) => [String(i + 1), r.service, String(r.count)]),
    summary: ranked.length
      ? `Services by incidents (${periodLabel}): ${ranked.map((r) => `${r.service} ${r.count}`).join(', ')}`
      : `Services by incidents (${periodLabel}): no incident names a service`,
  };
}

/** Services ranked by the share of their error budget consumed over their SLO window. */
export function servicesByBudgetTable(ranked: readonly ServiceSpend[]): ChartTable {
  return {
    title: 'Services by SLO error budget consumed',
    columns: ['Rank', 'Service', 'Budget consumed', 'Consumed', 'Budget', 'SLO window'],
    rows: ranked.map((r, i) => [
      String(i + 1),
      r.service,
      formatShare(r.share),
      formatBudgetAmount(r.consumedMs, r.unit),
      formatBudgetAmount(r.budgetMs, r.unit),
      `last ${r.windowDays} days`,
    ]),
    summary: ranked.length
      ? `Services by SLO error budget consumed (each over its rolling SLO window): ${ranked
          .map((r) => `${r.service} ${formatShare(r.share)}`)
          .join(', ')}`
      : 'Services by SLO error budget consumed: no service has an SLO target',
  };
}

/** Incidents by the UTC hour they started in: 24 counts. */
export function hourTable(counts: readonly number[]): ChartTable {
  const busy = counts.flatMap((n, h) => (n ? [`${two(h)}:00 ${n}`] : []));
  const quiet = counts.filter((n) => !n).length;
  return {
    title: 'Incidents by hour of day (UTC)',
    columns: ['Hour (UTC)', 'Incidents'],
    rows: counts.map((n, h) => [`${two(h)}:00–${two(h)}:59`, String(n)]),
    summary: busy.length
      ? `Incidents by hour of day, UTC: ${busy.join(', ')}${quiet ? `; none in the other ${quiet} hours` : ''}`
      : 'Incidents by hour of day, UTC: no incidents',
  };
}

/** Incidents by the UTC day of the week they started on: 7 counts, Monday first. */
export function weekdayTable(counts: readonly number[]): ChartTable {
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    title: 'Incidents by day of week (UTC)',
    columns: ['Day (UTC)', 'Incidents'],
    rows: WEEKDAYS.map((d, i) => [d, String(counts[i] ?? 0)]),
    summary: total
      ? `Incidents by day of week, UTC: ${WEEKDAYS.map((d, i) => `${d} ${counts[i] ?? 0}`).join(', ')}`
      : 'Incidents by day of week, UTC: no incidents',
  };
}

/** MTTR by quarter (UTC), all time. */
export function quarterTable(quarters: readonly QuarterMttr[]): ChartTable {
  return {
    title: 'MTTR trend by quarter (UTC)',
    columns: ['Quarter (UTC)', 'MTTR', 'Resolved incidents'],
    rows: quarters.map((q) => [q.label, formatMean(q.mttr), String(q.resolved)]),
    summary: quarters.length
      ? `Mean time to resolve by quarter, UTC: ${quarters
          .map(
            (q) => `${q.label} ${q.mttr === null ? 'no resolved incidents' : formatMean(q.mttr)}`,
          )
          .join(', ')}`
      : 'Mean time to resolve by quarter, UTC: no incidents',
  };
}
