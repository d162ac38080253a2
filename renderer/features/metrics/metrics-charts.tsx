import { memo, useContext, useId, useState, type ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { SEVERITIES, type Severity } from '../../../shared/domain/severity';
import {
  chartMarkdown,
  hourTable,
  mttrBySeverityTable,
  quarterTable,
  servicesByBudgetTable,
  servicesByIncidentsTable,
  weekdayTable,
  weeksTable,
  type ChartTable,
} from '../../../shared/logic/chart-tables';
import type { SeverityRow, WeekBucket } from '../../../shared/logic/incident-metrics';
import { formatMean } from '../../../shared/logic/incident-metrics';
import type { QuarterMttr, ServiceCount, ServiceSpend } from '../../../shared/logic/patterns';
import { WEEKDAYS } from '../../../shared/logic/patterns';
import { formatShare } from '../../../shared/logic/slo';
import { usePlatform } from '../../platform/platform-context';
import { FreshMetricsContext, type MetricsView } from './metrics-view';

/** Colours come from the theme's CSS variables, so both themes keep their contrast. */
const SEV_COLOURS: Readonly<Record<Severity, string>> = {
  SEV1: 'var(--sev1)',
  SEV2: 'var(--sev2)',
  SEV3: 'var(--sev3)',
  SEV4: 'var(--sev4)',
};
const AXIS = { stroke: 'var(--border)', tick: { fill: 'var(--muted)', fontSize: 11 } } as const;
const GRID = { stroke: 'var(--border)', strokeDasharray: '3 3' } as const;
const TOOLTIP = {
  contentStyle: {
    background: 'var(--bg-raised)',
    border: '1px solid var(--border)',
    color: 'var(--text)',
  },
  labelStyle: { color: 'var(--text)' },
  itemStyle: { color: 'var(--text)' },
  cursor: { fill: 'var(--bg-input)' },
} as const;
/** Shared by every chart: no keyboard layer inside the image, no animation (reduced motion). */
const CHART = { accessibilityLayer: false, responsive: true } as const;
/** At most this many services are drawn; the copied table holds them all. */
const TOP = 10;
const MINUTE = 60_000;

/** Each chart's table, computed from the page's view (for a copy read afresh). */
const FRESH = {
  weeks: (v: MetricsView) => weeksTable(v.metrics.weeks),
  mttr: (v: MetricsView) => mttrBySeverityTable(v.metrics.rows),
  services: (v: MetricsView) => servicesByIncidentsTable(v.patterns.services, v.periodLabel),
  budgets: (v: MetricsView) => servicesByBudgetTable(v.patterns.budgets),
  hours: (v: MetricsView) => hourTable(v.patterns.hours),
  weekdays: (v: MetricsView) => weekdayTable(v.patterns.weekdays),
  quarters: (v: MetricsView) => quarterTable(v.patterns.quarters),
} as const;

/**
 * One chart as a figure named by its title: the drawing is an image whose name is the summary
 * (what a screen reader reads), and **Copy as Markdown** copies the data as a table through the
 * platform clipboard, saying so in the figure's own status line. The copied table is `fresh`
 * of the view the page reads once this window's writes have settled (FreshMetricsContext), so
 * it counts a change made a moment before; `data` (what is drawn) without the page, or when the
 * record cannot be read.
 */
function ChartFigure({
  data,
  fresh,
  height,
  note,
  empty,
  children,
}: {
  data: ChartTable;
  fresh: (view: MetricsView) => ChartTable;
  height: number;
  note?: string | undefined;
  /** Nothing to draw: the summary is shown as text instead of empty axes. */
  empty: boolean;
  children: ReactElement;
}) {
  const platform = usePlatform();
  const captionId = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const freshView = useContext(FreshMetricsContext);
  const copy = async () => {
    let table = data;
    try {
      if (freshView) table = fresh(await freshView());
    } catch {
      // The record cannot be read (storage gone): the table as drawn.
    }
    const result = await platform.copy({ text: chartMarkdown(table) });
    setCopied(result.ok ? `${data.title} copied as Markdown.` : `Could not copy: ${result.error}`);
  };
  return (
    <figure className="mx-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{data.title}</figcaption>
      {note ? <p className="muted mx-chart-note">{note}</p> : null}
      {empty ? (
        <p className="muted mx-empty">{data.summary}.</p>
      ) : (
        <div role="img" aria-label={data.summary} className="mx-plot" style={{ height }}>
          {/* The drawing is the image; its own SVG and text stay out of the accessibility tree. */}
          <div aria-hidden="true">{children}</div>
        </div>
      )}
      <div className="mx-chart-actions">
        {/* Named after its chart ("Copy as Markdown: MTTR by quarter"), so a list of the page's
            buttons tells the nine apart; the visible words start the name (WCAG 2.5.3). */}
        <button
          type="button"
          className="button button-small"
          aria-label={`Copy as Markdown: ${data.title}`}
          onClick={() => void copy()}
        >
          Copy as Markdown
        </button>
        <span role="status" className="mx-copied">
          {copied}
        </span>
      </div>
    </figure>
  );
}

const size = (height: number) => ({ style: { width: '100%', height } });

/** Stacked bars of incidents per week (UTC, from Monday) by severity. */
function IncidentsPerWeekChartView({ weeks }: { weeks: readonly WeekBucket[] }) {
  const data = weeks.map((w) => ({
    week: new Date(w.weekStart).toISOString().slice(5, 10),
    ...w.counts,
  }));
  return (
    <ChartFigure data={weeksTable(weeks)} fresh={FRESH.weeks} height={220} empty={!weeks.length}>
      <BarChart {...CHART} {...size(220)} data={data} margin={{ top: 8, right: 8, left: -16 }}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis dataKey="week" {...AXIS} />
        <YAxis allowDecimals={false} {...AXIS} />
        <Tooltip {...TOOLTIP} />
        <Legend wrapperStyle={{ color: 'var(--muted)', fontSize: 12 }} />
        {SEVERITIES.map((s) => (
          <Bar key={s} dataKey={s} stackId="sev" fill={SEV_COLOURS[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** Horizontal bars of mean time to resolve per severity, in minutes. */
function MttrChartView({ rows }: { rows: readonly SeverityRow[] }) {
  const data = rows
    .filter((r) => r.severity !== 'All')
    .map((r) => ({
      severity: r.severity,
      minutes: r.mttr === null ? null : r.mttr / MINUTE,
      fill: SEV_COLOURS[r.severity as Severity],
    }));
  return (
    <ChartFigure
      data={mttrBySeverityTable(rows)}
      fresh={FRESH.mttr}
      height={180}
      empty={data.every((d) => d.minutes === null)}
    >
      <BarChart {...CHART} {...size(180)} data={data} layout="vertical" margin={{ right: 24 }}>
        <CartesianGrid {...GRID} horizontal={false} />
        <XAxis type="number" unit=" min" {...AXIS} />
        <YAxis type="category" dataKey="severity" width={48} {...AXIS} />
        <Tooltip {...TOOLTIP} formatter={(v) => formatMean(Number(v) * MINUTE)} />
        <Bar
          dataKey="minutes"
          name="MTTR"
          fill="var(--accent)"
          isAnimationActive={false}
          // Each severity's bar in its own colour (the shape prop replaces recharts' Cell).
          shape={(p: BarShapeProps) => (
            <Rectangle
              x={p.x}
              y={p.y}
              width={p.width}
              height={p.height}
              fill={(p.payload as { fill: string }).fill}
            />
          )}
        />
      </BarChart>
    </ChartFigure>
  );
}

/** Horizontal bars: the services with most incidents in the period. */
function ServicesByIncidentsChartView({
  ranked,
  periodLabel,
}: {
  ranked: readonly ServiceCount[];
  periodLabel: string;
}) {
  const top = ranked.slice(0, TOP);
  const height = Math.max(80, top.length * 28 + 40);
  return (
    <ChartFigure
      data={servicesByIncidentsTable(ranked, periodLabel)}
      fresh={FRESH.services}
      height={height}
      empty={!ranked.length}
      note={ranked.length > TOP ? `The ${TOP} with most incidents of ${ranked.length}.` : undefined}
    >
      <BarChart {...CHART} {...size(height)} data={top} layout="vertical" margin={{ right: 24 }}>
        <CartesianGrid {...GRID} horizontal={false} />
        <XAxis type="number" allowDecimals={false} {...AXIS} />
        <YAxis type="category" dataKey="service" width={120} {...AXIS} />
        <Tooltip {...TOOLTIP} />
        <Bar dataKey="count" name="Incidents" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** Horizontal bars: share of each service's error budget consumed over its SLO window. */
function ServicesByBudgetChartView({ ranked }: { ranked: readonly ServiceSpend[] }) {
  const top = ranked.slice(0, TOP).map((r) => ({ service: r.service, percent: r.share * 100 }));
  const height = Math.max(80, top.length * 28 + 40);
  return (
    <ChartFigure
      data={servicesByBudgetTable(ranked)}
      fresh={FRESH.budgets}
      height={height}
      empty={!ranked.length}
      note="Each service over its own rolling SLO window, as on the Services page; drills spend nothing."
    >
      <BarChart {...CHART} {...size(height)} data={top} layout="vertical" margin={{ right: 24 }}>
        <CartesianGrid {...GRID} horizontal={false} />
        <XAxis type="number" unit="%" {...AXIS} />
        <YAxis type="category" dataKey="service" width={120} {...AXIS} />
        <Tooltip {...TOOLTIP} formatter={(v) => formatShare(Number(v) / 100)} />
        <Bar
          dataKey="percent"
          name="Budget consumed"
          fill="var(--warn)"
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}

/** Bars: incidents by the UTC hour they started in. */
function HourOfDayChartView({ counts }: { counts: readonly number[] }) {
  const data = counts.map((n, h) => ({ hour: String(h).padStart(2, '0'), incidents: n }));
  return (
    <ChartFigure
      data={hourTable(counts)}
      fresh={FRESH.hours}
      height={180}
      empty={counts.every((n) => !n)}
    >
      <BarChart {...CHART} {...size(180)} data={data} margin={{ top: 8, right: 8, left: -16 }}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis dataKey="hour" interval={2} {...AXIS} />
        <YAxis allowDecimals={false} {...AXIS} />
        <Tooltip {...TOOLTIP} labelFormatter={(h) => `${typeof h === 'string' ? h : ''}:00 UTC`} />
        <Bar dataKey="incidents" name="Incidents" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** Bars: incidents by the UTC day of the week they started on, Monday first. */
function DayOfWeekChartView({ counts }: { counts: readonly number[] }) {
  const data = WEEKDAYS.map((d, i) => ({ day: d, incidents: counts[i] ?? 0 }));
  return (
    <ChartFigure
      data={weekdayTable(counts)}
      fresh={FRESH.weekdays}
      height={180}
      empty={counts.every((n) => !n)}
    >
      <BarChart {...CHART} {...size(180)} data={data} margin={{ top: 8, right: 8, left: -16 }}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis dataKey="day" {...AXIS} />
        <YAxis allowDecimals={false} {...AXIS} />
        <Tooltip {...TOOLTIP} />
        <Bar dataKey="incidents" name="Incidents" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** A line of MTTR by quarter (UTC), in minutes; quarters without a resolved incident are gaps. */
function MttrTrendChartView({ quarters }: { quarters: readonly QuarterMttr[] }) {
  const data = quarters.map((q) => ({
    quarter: q.label,
    minutes: q.mttr === null ? null : Math.round((q.mttr / MINUTE) * 10) / 10,
  }));
  return (
    <ChartFigure
      data={quarterTable(quarters)}
      fresh={FRESH.quarters}
      height={200}
      empty={quarters.every((q) => q.mttr === null)}
      note="All time (the last 8 quarters), whatever the period above."
    >
      <LineChart {...CHART} {...size(200)} data={data} margin={{ top: 8, right: 16, left: -8 }}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="quarter" {...AXIS} />
        <YAxis unit=" min" {...AXIS} />
        <Tooltip {...TOOLTIP} formatter={(v) => formatMean(Number(v) * MINUTE)} />
        <Line
          type="monotone"
          dataKey="minutes"
          name="MTTR"
          stroke="var(--accent)"
          strokeWidth={2}
          dot={{ fill: 'var(--accent)' }}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}

// Memoised: the page renders again for what is not theirs (the copy status, a minute passing
// with nothing new), and each chart's props are memoised arrays, so a chart rebuilds its data
// and drawing only when its own figures change.
export const IncidentsPerWeekChart = memo(IncidentsPerWeekChartView);
export const MttrChart = memo(MttrChartView);
export const ServicesByIncidentsChart = memo(ServicesByIncidentsChartView);
export const ServicesByBudgetChart = memo(ServicesByBudgetChartView);
export const HourOfDayChart = memo(HourOfDayChartView);
export const DayOfWeekChart = memo(DayOfWeekChartView);
export const MttrTrendChart = memo(MttrTrendChartView);
