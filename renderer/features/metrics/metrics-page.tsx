import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { formatShare } from '../../../shared/logic/action-item-list';
import {
  CUSTOMER_IMPACT_NOTE,
  METRICS_COLUMNS,
  METRICS_PERIODS,
  metricsMarkdown,
  PERIOD_LABELS,
  rowCells,
  type MetricsPeriod,
} from '../../../shared/logic/incident-metrics';
import { useDb, useSettledRead } from '../../db/db-context';
import { usePlatform } from '../../platform/platform-context';
import { useNowMinute } from '../../store/ui-store';
import { CheckboxField, Field } from '../../ui/field';
import {
  DayOfWeekChart,
  HourOfDayChart,
  IncidentsPerWeekChart,
  MttrChart,
  MttrTrendChart,
  ServicesByBudgetChart,
  ServicesByIncidentsChart,
} from './metrics-charts';
import { RepeatIncidents } from './repeat-incidents';
import {
  FreshMetricsContext,
  metricsOf,
  metricsView,
  patternsOf,
  readMetricsData,
} from './metrics-view';

const MINUTE = 60_000;

/** Incident metrics by period and severity, with charts and a Markdown copy of the table. */
export function MetricsPage() {
  const db = useDb();
  const platform = usePlatform();
  const settledRead = useSettledRead();
  const data = useLiveQuery(() => readMetricsData(db), [db]);
  // Subscribed to the minute, not the second: the page (its table and seven charts) renders
  // again once a minute, and 1,000 incidents stay one cheap pass per minute. The end of the
  // current minute, so what was written a moment ago is already counted.
  const minute = useNowMinute() + MINUTE - 1;
  const [period, setPeriod] = useState<MetricsPeriod>('30d');
  const [includeDrills, setIncludeDrills] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const metrics = useMemo(
    () => (data ? metricsOf(data, { period, now: minute, includeDrills }) : null),
    [data, period, minute, includeDrills],
  );
  const patterns = useMemo(
    () => (data ? patternsOf(data, { period, now: minute, includeDrills }) : null),
    [data, period, minute, includeDrills],
  );
  /** The view computed from the record once this window's writes have settled (for copies). */
  const freshView = useCallback(
    async () =>
      metricsView(await settledRead(readMetricsData), {
        period,
        // The end of the minute as of now: the shared clock may be a tick behind, and an
        // incident declared in this new minute must count.
        now: Math.max(minute, Math.floor(Date.now() / MINUTE) * MINUTE + MINUTE - 1),
        includeDrills,
      }),
    [settledRead, period, minute, includeDrills],
  );

  const copy = async () => {
    if (!metrics) return;
    let text: string;
    try {
      text = metricsMarkdown((await freshView()).metrics, period);
    } catch {
      // The record cannot be read (storage gone): the table as shown.
      text = metricsMarkdown(metrics, period);
    }
    const result = await platform.copy({ text });
    setCopied(result.ok ? 'Metrics table copied as Markdown.' : `Could not copy: ${result.error}`);
  };

  return (
    <div className="page mx-page">
      <h1>Metrics</h1>
      {/* Named so its Copy as Markdown (the table and figures) is told apart from each chart's. */}
      <div className="mx-controls" role="group" aria-label="Metrics table">
        <Field label="Period">
          <select
            value={period}
            onChange={(e) => {
              setPeriod(e.target.value as MetricsPeriod);
              setCopied(null);
            }}
          >
            {METRICS_PERIODS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <CheckboxField
          label="Include drills"
          checked={includeDrills}
          onChange={(v) => {
            setIncludeDrills(v);
            setCopied(null);
          }}
        />
        {/* Named apart from the charts' buttons ("Copy as Markdown: <chart>"). */}
        <button
          type="button"
          className="button"
          aria-label="Copy as Markdown: metrics table"
          onClick={() => void copy()}
        >
          Copy as Markdown
        </button>
        <span role="status" className="mx-copied">
          {copied}
        </span>
      </div>
      {metrics ? (
        // A chart's Copy as Markdown reads the record afresh through this (metrics-view.ts).
        <FreshMetricsContext.Provider value={freshView}>
          <div className="ai-table-wrap">
            <table className="mx-table">
              <caption>Incident metrics by severity ({PERIOD_LABELS[period]})</caption>
              <thead>
                <tr>
                  {METRICS_COLUMNS.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {metrics.rows.map((row) => {
                  const [first, ...rest] = rowCells(row);
                  return (
                    <tr
                      key={row.severity}
                      className={row.severity === 'All' ? 'mx-all' : undefined}
                    >
                      <th scope="row">{first}</th>
                      {rest.map((c, i) => (
                        <td key={METRICS_COLUMNS[i + 1]}>{c}</td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="mx-note muted">{CUSTOMER_IMPACT_NOTE}</p>
          {metrics.outOfOrder.length ? (
            <div className="mx-note muted" role="note" aria-label="Left out of the means">
              <p>
                Durations that cannot be (shown as —) are left out of the means; these
                incidents&apos; milestones are out of order and need correcting:
              </p>
              <ul>
                {metrics.outOfOrder.map((o) => (
                  <li key={o.ref}>
                    {o.ref}: {o.note}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <dl className="mx-figures">
            <div>
              <dt>Post-mortems within 48 h (SEV1/SEV2)</dt>
              <dd>
                {metrics.postmortems.onTime} of {metrics.postmortems.due} (
                {formatShare(metrics.postmortems.share)})
              </dd>
            </div>
            <div>
              <dt>Action items done on time</dt>
              <dd>
                {metrics.actionItems.onTime} of {metrics.actionItems.judged} (
                {formatShare(metrics.actionItems.share)}) · target{' '}
                {formatShare(metrics.actionItems.target)}
              </dd>
            </div>
            <div>
              <dt>Repeat incidents</dt>
              <dd>{metrics.repeats.length}</dd>
            </div>
            <div>
              <dt>Drills</dt>
              <dd>{metrics.drills}</dd>
            </div>
          </dl>
          <RepeatIncidents repeats={metrics.repeats} />
          <h2>Charts</h2>
          <div className="mx-charts">
            <IncidentsPerWeekChart weeks={metrics.weeks} />
            <MttrChart rows={metrics.rows} />
          </div>
          {patterns ? (
            <>
              <h2>Patterns</h2>
              <div className="mx-charts">
                <ServicesByIncidentsChart
                  ranked={patterns.services}
                  periodLabel={PERIOD_LABELS[period]}
                />
                <ServicesByBudgetChart ranked={patterns.budgets} />
                <HourOfDayChart counts={patterns.hours} />
                <DayOfWeekChart counts={patterns.weekdays} />
                <MttrTrendChart quarters={patterns.quarters} />
              </div>
            </>
          ) : null}
        </FreshMetricsContext.Provider>
      ) : null}
    </div>
  );
}
