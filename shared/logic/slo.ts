import type { Incident } from '../domain/incident';
import type { Service } from '../domain/records';
import {
  budgetConsumedMs,
  budgetPolicy,
  budgetRemainingShare,
  sloBudgetMs,
  type BudgetPolicy,
} from './metrics';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Why an incident's share of users is what it is, for showing beside its consumption. */
export type ShareBasis = 'percent' | 'assumed-all' | 'no-user-impact';

/** What one incident spent of its service's budget in the current window. */
export interface IncidentConsumption {
  incidentId: string;
  ref: string;
  title: string;
  /** Impact minutes inside the window (started → mitigated, else resolved, else now). */
  impactMinutes: number;
  /** Share of users affected, 0–1. */
  share: number;
  shareBasis: ShareBasis;
  consumedMs: number;
}

/** A service's error budget for the current window. */
export interface ServiceBudget {
  budgetMs: number;
  windowStart: number;
  windowEnd: number;
  consumedMs: number;
  remainingMs: number;
  remainingShare: number;
  policy: BudgetPolicy;
  /**
   * Consumed share ÷ elapsed share of the window: 1 spends exactly the budget by the window's
   * end, 14.4 would spend a 30-day budget in about 2 days. Null at the window's first instant.
   */
  burnRate: number | null;
  incidents: IncidentConsumption[];
}

/**
 * Parses an SLO target typed as a percentage ("99.95", "99.95 %", "99,95") into a fraction.
 * Returns an error message instead when it is not a number strictly between 0 and 100.
 */
export function parseSloTargetPercent(
  text: string,
): { ok: true; value: number } | { ok: false; error: string } {
  const cleaned = text.trim().replace(/%$/, '').trim().replace(',', '.');
  const n = /^\d+(\.\d+)?$|^\.\d+$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isFinite(n))
    return { ok: false, error: 'Enter the target as a percentage, e.g. 99.95.' };
  if (n <= 0 || n >= 100)
    return {
      ok: false,
      error: 'The target must be above 0% and below 100% (100% leaves no budget).',
    };
  // Rounded so that 99.95 is stored as 0.9995 and not 0.9994999999999999.
  return { ok: true, value: Math.round(n * 1e8) / 1e10 };
}

/** Parses an SLO window in whole days (1–366). */
export function parseSloWindowDays(
  text: string,
): { ok: true; value: number } | { ok: false; error: string } {
  const cleaned = text.trim();
  const n = /^\d+$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 366)
    return { ok: false, error: 'Enter the window as a whole number of days, from 1 to 366.' };
  return { ok: true, value: n };
}

/** A fraction as a percentage without float noise: 0.9995 → "99.95". */
export function formatPercentTarget(fraction: number): string {
  return String(Math.round(fraction * 1e8) / 1e6);
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * A budget or consumption in words: minutes below an hour, hours below two days, else days.
 * 1,296,000 ms → "21.6 minutes"; 25,920,000 ms → "7.2 hours".
 */
export function formatBudget(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '−' : '';
  if (abs < HOUR) return `${sign}${trim(abs / MINUTE)} minutes`;
  if (abs < 2 * DAY) return `${sign}${trim(abs / HOUR)} hours`;
  return `${sign}${trim(abs / DAY)} days`;
}

/**
 * The current window: windows are consecutive blocks of `windowDays` UTC days counted from the
 * Unix epoch, so every service with the same window shares its boundaries and "elapsed share"
 * (needed for the burn rate) has a meaning. A rolling window would always be 100% elapsed.
 */
export function currentWindow(windowDays: number, now: number): { start: number; end: number } {
  const length = windowDays * DAY;
  const start = Math.floor(now / length) * length;
  return { start, end: start + length };
}

/**
 * Share of users an incident affected. A percentage counts as itself. When the share is not
 * known (nothing recorded, or a head count with no total to divide by) a customer-facing
 * incident counts as affecting everyone: an error budget should over-count rather than hide
 * spend. An internal incident with nothing recorded affected no users.
 */
export function shareOfUsers(
  impact: Pick<Incident['impact'], 'usersAffected' | 'customerFacing'>,
): { share: number; basis: ShareBasis } {
  const users = impact.usersAffected;
  if (users?.unit === 'percent')
    return { share: Math.min(1, Math.max(0, users.value / 100)), basis: 'percent' };
  if (impact.customerFacing || (users && users.value > 0))
    return { share: 1, basis: 'assumed-all' };
  return { share: 0, basis: 'no-user-impact' };
}

/** Minutes of impact inside [from, to]: started → mitigated, else resolved, else `now`. */
export function impactMinutesIn(
  milestones: Incident['milestones'],
  from: number,
  to: number,
  now: number,
): number {
  const start = milestones.started;
  if (start === undefined) return 0;
  const end = milestones.mitigated ?? milestones.resolved ?? now;
  const ms = Math.min(end, to) - Math.max(start, from);
  return ms > 0 ? ms / MINUTE : 0;
}

function usesService(incident: Pick<Incident, 'services'>, name: string): boolean {
  const key = name.trim().toLowerCase();
  return incident.services.some((s) => s.trim().toLowerCase() === key);
}

/**
 * A service's budget in the current window: budget, what each of its incidents (drills excluded)
 * spent in the window, what is left, the seed's policy band and the burn rate. Null when the
 * service has no SLO target.
 */
export function serviceBudget(
  service: Pick<Service, 'name' | 'sloTarget' | 'sloWindowDays'>,
  incidents: readonly Incident[],
  now: number,
): ServiceBudget | null {
  if (service.sloTarget === null) return null;
  const budgetMs = sloBudgetMs(service.sloTarget, service.sloWindowDays);
  const { start, end } = currentWindow(service.sloWindowDays, now);
  const rows: IncidentConsumption[] = [];
  for (const inc of incidents) {
    if (inc.drill || !usesService(inc, service.name)) continue;
    const impactMinutes = impactMinutesIn(inc.milestones, start, now, now);
    if (impactMinutes <= 0) continue;
    const { share, basis } = shareOfUsers(inc.impact);
    rows.push({
      incidentId: inc.id,
      ref: inc.ref,
      title: inc.title,
      impactMinutes,
      share,
      shareBasis: basis,
      consumedMs: budgetConsumedMs(impactMinutes, share),
    });
  }
  rows.sort((a, b) => b.consumedMs - a.consumedMs || (a.ref < b.ref ? -1 : 1));
  const consumedMs = rows.reduce((sum, r) => sum + r.consumedMs, 0);
  const remainingShare = budgetRemainingShare(budgetMs, consumedMs);
  const elapsedShare = (now - start) / (end - start);
  return {
    budgetMs,
    windowStart: start,
    windowEnd: end,
    consumedMs,
    remainingMs: budgetMs - consumedMs,
    remainingShare,
    policy: budgetPolicy(remainingShare),
    burnRate: elapsedShare > 0 ? consumedMs / budgetMs / elapsedShare : null,
    incidents: rows,
  };
}
