/**
 * Impact windows: the periods an incident hurt customers, each Degraded or Outage (seed
 * post-mortem template, "Impact"; SRE practice counts a 6 h degradation followed by an 18 h
 * outage as two periods, not one 24 h span). Pure interval arithmetic on epoch ms (UTC); the
 * error-budget rule that turns minutes into spend stays in shared/logic/slo.ts.
 */
import type { ImpactKind, ImpactWindow } from '../domain/records';

/** A period as far as arithmetic is concerned: `end` null while it is still going on. */
export type Period = Pick<ImpactWindow, 'start' | 'end'>;

/** A closed interval of epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

/** Where an open window ends for now: `now`, never before its start. */
export function periodEnd(p: Period, now: number): number {
  return Math.max(p.start, p.end ?? now);
}

/** A window's length in ms (an open one up to `now`); never negative. */
export function periodMs(p: Period, now: number): number {
  return periodEnd(p, now) - p.start;
}

/**
 * The union of periods as sorted, disjoint intervals, each clipped to [from, to]: overlapping
 * or touching windows count once, so nothing is double-counted. Empty intervals are dropped.
 */
export function unionOf(
  periods: readonly Period[],
  now: number,
  range: { from: number; to: number } = { from: -Infinity, to: Infinity },
): Interval[] {
  const clipped = periods
    .map((p) => ({
      start: Math.max(p.start, range.from),
      end: Math.min(periodEnd(p, now), range.to),
    }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of clipped) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Total length of the union of periods (ms), clipped to the range when given. */
export function unionMs(
  periods: readonly Period[],
  now: number,
  range?: { from: number; to: number },
): number {
  return unionOf(periods, now, range).reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** Totals over all windows (ms). */
export interface ImpactTotals {
  /** Time with any impact: the union of all windows. */
  totalMs: number;
  /** Time in an outage: the union of Outage windows. */
  outageMs: number;
  /** Time degraded but not out: Degraded windows less any outage at the same time. */
  degradedMs: number;
  /** Some window is still open. */
  ongoing: boolean;
}

/**
 * Totals of impact windows: where an outage and a degradation overlap, the time counts as
 * outage (the worse state), and overlapping windows of one kind count once.
 */
export function impactTotals(
  windows: readonly Pick<ImpactWindow, 'kind' | 'start' | 'end'>[],
  now: number,
): ImpactTotals {
  const of = (kind: ImpactKind) => windows.filter((w) => w.kind === kind);
  const totalMs = unionMs(windows, now);
  const outageMs = unionMs(of('outage'), now);
  return {
    totalMs,
    outageMs,
    degradedMs: totalMs - outageMs,
    ongoing: windows.some((w) => w.end === null),
  };
}

/**
 * Checks a window as typed. Returns a message for the field to blame, or null when valid:
 * a start is needed, the end (when given) must be after the start, and neither may be in the
 * future (more than a minute after `now`).
 */
export function impactWindowProblem(
  w: { start: number | null; end: number | null },
  now: number,
): { field: 'start' | 'end'; message: string } | null {
  if (w.start === null) return { field: 'start', message: 'Give the time the impact began.' };
  if (w.start > now + 60_000) return { field: 'start', message: 'The start is in the future.' };
  if (w.end !== null && w.end <= w.start)
    return { field: 'end', message: 'The end must be after the start.' };
  if (w.end !== null && w.end > now + 60_000)
    return { field: 'end', message: 'The end is in the future: leave it empty while ongoing.' };
  return null;
}

/** Windows in time order (start, then end with open ones last), the order the document shows. */
export function sortWindows<T extends Period>(windows: readonly T[]): T[] {
  return [...windows].sort(
    (a, b) => a.start - b.start || (a.end ?? Infinity) - (b.end ?? Infinity),
  );
}
