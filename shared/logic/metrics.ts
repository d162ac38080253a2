import { milestoneSpan } from './milestones';
import type { Milestones } from '../domain/incident';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The four incident durations of DOMAIN.md, in ms; null while a milestone is missing. */
export interface IncidentDurations {
  /** detected − started */
  timeToDetect: number | null;
  /** acknowledged − detected */
  timeToAcknowledge: number | null;
  /** mitigated − started */
  timeToMitigate: number | null;
  /** resolved − started */
  timeToResolve: number | null;
}

function span(from: number | undefined, to: number | undefined): number | null {
  // Milestones out of order (older data, from before the ordering rule) give a negative span:
  // it is null, left out of the means and shown as "—", never counted as an instant 0.
  return milestoneSpan(from, to);
}

/**
 * Time to detect, acknowledge, mitigate and resolve, per DOMAIN.md's formulas; each null while a
 * milestone is missing or when the two are out of order.
 */
export function incidentDurations(milestones: Milestones): IncidentDurations {
  const { started, detected, acknowledged, mitigated, resolved } = milestones;
  return {
    timeToDetect: span(started, detected),
    timeToAcknowledge: span(detected, acknowledged),
    timeToMitigate: span(started, mitigated),
    timeToResolve: span(started, resolved),
  };
}

/**
 * Error budget in ms: (1 − target) × window. `target` is a fraction (0.9995 for 99.95%), as
 * Service.sloTarget stores it. Rounded to the millisecond, so 99.95% over 30 days is exactly
 * 1,296,000 ms (21.6 min) despite binary floating point.
 */
export function sloBudgetMs(target: number, windowDays: number): number {
  if (!(target > 0 && target < 1)) throw new RangeError('SLO target must be a fraction in (0, 1)');
  if (!(windowDays > 0)) throw new RangeError('SLO window must be a positive number of days');
  return Math.round((1 - target) * windowDays * DAY);
}

/**
 * Budget an incident consumed, in ms: minutes of impact × share of users affected (a fraction,
 * clamped to 0–1). 45 minutes at 20% of users spends 9 minutes of budget.
 */
export function budgetConsumedMs(impactMinutes: number, shareOfUsers: number): number {
  const share = Math.min(1, Math.max(0, shareOfUsers));
  return Math.round(Math.max(0, impactMinutes) * MINUTE * share);
}

/** Share of the budget left (1 = untouched, 0 = spent, negative = overspent). */
export function budgetRemainingShare(budgetMs: number, consumedMs: number): number {
  return budgetMs > 0 ? 1 - consumedMs / budgetMs : 0;
}

export type BudgetPolicy = 'normal' | 'freeze-review' | 'reliability-first' | 'exhausted';

/** The seed's error-budget policy for each band, in its words. */
export const BUDGET_POLICY_TEXT: Readonly<Record<BudgetPolicy, string>> = {
  normal: 'Normal feature development',
  'freeze-review': 'Feature freeze review with Eng Manager',
  'reliability-first': 'All hands on reliability work until budget recovers',
  exhausted: 'Freeze all non-critical deploys, conduct review with VP Eng',
};

/**
 * The policy band for the share of budget left: above 50% normal; 25–50% (both ends
 * inclusive) freeze review; below 25% reliability first; at or below 0 exhausted.
 */
export function budgetPolicy(remainingShare: number): BudgetPolicy {
  if (remainingShare > 0.5) return 'normal';
  if (remainingShare >= 0.25) return 'freeze-review';
  if (remainingShare > 0) return 'reliability-first';
  return 'exhausted';
}
