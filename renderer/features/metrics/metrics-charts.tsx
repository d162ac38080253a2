import { SEVERITIES, type Severity } from '../../../shared/domain/severity';
import type { SeverityRow, WeekBucket } from '../../../shared/logic/incident-metrics';
import { formatMean } from '../../../shared/logic/incident-metrics';

const W = 560;
const H = 180;
const PAD = { top: 10, right: 10, bottom: 28, left: 36 };
const SEV_COLOURS: Readonly<Record<Severity, string>> = {
  SEV1: 'var(--sev1)',
  SEV2: 'var(--sev2)',
  SEV3: 'var(--sev3)',
  SEV4: 'var(--sev4)',
};

const shortDate = (at: number) => new Date(at).toISOString().slice(5, 10);

/** Stacked bars of incidents per week (UTC, from Monday) by severity. */
export function IncidentsPerWeekChart({ weeks }: { weeks: readonly WeekBucket[] }) {
  const totals = weeks.map((w) => SEVERITIES.reduce((n, s) => n + w.counts[s], 0));
  const max = Math.max(1, ...totals);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = weeks.length ? plotW / weeks.length : plotW;
  const barW = Math.max(2, slot * 0.7);
  const summary = weeks.length
    ? `Incidents per week: ${weeks
        .map((w, i) => `week of ${shortDate(w.weekStart)} ${totals[i] ?? 0}`)
        .join(', ')}`
    : 'Incidents per week: no incidents';
  // Label every nth week so labels never overlap.
  const every = Math.ceil(weeks.length / 8);
  return (
    <figure className="mx-chart">
      <figcaption>Incidents per week</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          className="mx-axis"
        />
        <text x={PAD.left - 6} y={PAD.top + 8} className="mx-tick" textAnchor="end">
          {max}
        </text>
        <text x={PAD.left - 6} y={H - PAD.bottom} className="mx-tick" textAnchor="end">
          0
        </text>
        {weeks.map((w, i) => {
          let y = H - PAD.bottom;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={w.weekStart}>
              {SEVERITIES.map((s) => {
                const h = (w.counts[s] / max) * plotH;
                y -= h;
                return h > 0 ? (
                  <rect key={s} x={x} y={y} width={barW} height={h} fill={SEV_COLOURS[s]} />
                ) : null;
              })}
              {i % every === 0 ? (
                <text x={x + barW / 2} y={H - 10} className="mx-tick" textAnchor="middle">
                  {shortDate(w.weekStart)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="mx-legend" aria-hidden="true">
        {SEVERITIES.map((s) => (
          <li key={s}>
            <span className="mx-swatch" style={{ background: SEV_COLOURS[s] }} /> {s}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Horizontal bars of mean time to resolve per severity. */
export function MttrChart({ rows }: { rows: readonly SeverityRow[] }) {
  const bars = rows.filter((r): r is SeverityRow & { severity: Severity } => r.severity !== 'All');
  const max = Math.max(1, ...bars.map((r) => r.mttr ?? 0));
  const rowH = 30;
  const height = bars.length * rowH + 10;
  const left = 60;
  const plotW = W - left - 120;
  const summary = `Mean time to resolve by severity: ${bars
    .map((r) => `${r.severity} ${r.mttr === null ? 'no data' : formatMean(r.mttr)}`)
    .join(', ')}`;
  return (
    <figure className="mx-chart">
      <figcaption>MTTR by severity</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary}>
        {bars.map((r, i) => {
          const y = 5 + i * rowH;
          const w = r.mttr === null ? 0 : Math.max(2, (r.mttr / max) * plotW);
          return (
            <g key={r.severity}>
              <text x={left - 8} y={y + 18} className="mx-tick" textAnchor="end">
                {r.severity}
              </text>
              <rect
                x={left}
                y={y + 4}
                width={w}
                height={rowH - 10}
                fill={SEV_COLOURS[r.severity]}
              />
              <text x={left + w + 6} y={y + 18} className="mx-tick">
                {r.mttr === null ? '—' : formatMean(r.mttr)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
