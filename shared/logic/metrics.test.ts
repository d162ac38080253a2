import { describe, expect, it } from 'vitest';
import {
  BUDGET_POLICY_TEXT,
  budgetConsumedMs,
  budgetPolicy,
  budgetRemainingShare,
  incidentDurations,
  sloBudgetMs,
} from './metrics';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T = Date.UTC(2026, 10, 22, 13, 55);

describe('incidentDurations', () => {
  it('follows the DOMAIN.md formulas', () => {
    expect(
      incidentDurations({
        started: T,
        detected: T + 4 * MIN,
        acknowledged: T + 6 * MIN,
        declared: T + 8 * MIN,
        mitigated: T + 25 * MIN,
        resolved: T + 47 * MIN,
      }),
    ).toEqual({
      timeToDetect: 4 * MIN,
      timeToAcknowledge: 2 * MIN,
      timeToMitigate: 25 * MIN,
      timeToResolve: 47 * MIN,
    });
  });

  it('is null where a milestone is missing, and where they are out of order (never 0)', () => {
    expect(incidentDurations({ detected: T, acknowledged: T + MIN })).toEqual({
      timeToDetect: null,
      timeToAcknowledge: MIN,
      timeToMitigate: null,
      timeToResolve: null,
    });
    expect(incidentDurations({ started: T, detected: T - MIN }).timeToDetect).toBeNull();
    // The example: Started corrected to 14:50 after Resolved 14:10 is not an MTTR of 0.
    const started = Date.UTC(2026, 10, 22, 14, 50);
    const resolved = Date.UTC(2026, 10, 22, 14, 10);
    expect(incidentDurations({ started, resolved }).timeToResolve).toBeNull();
  });
});

describe('SLO error budget (seed figures)', () => {
  it('99.95% over 30 days is exactly 21.6 minutes', () => {
    expect(sloBudgetMs(0.9995, 30)).toBe(1_296_000);
    expect(sloBudgetMs(0.9995, 30) / MIN).toBe(21.6);
  });

  it('99.0% over 30 days is 7.2 hours', () => {
    expect(sloBudgetMs(0.99, 30)).toBe(25_920_000);
    expect(sloBudgetMs(0.99, 30) / HOUR).toBe(7.2);
  });

  it('other targets and windows', () => {
    expect(sloBudgetMs(0.999, 30)).toBe(43.2 * MIN);
    expect(sloBudgetMs(0.9995, 7)).toBe(302_400);
  });

  it.each([0, 1, 99.95, -0.5, Number.NaN])('rejects target %d', (t) => {
    expect(() => sloBudgetMs(t, 30)).toThrow(RangeError);
  });

  it('rejects a non-positive window', () => {
    expect(() => sloBudgetMs(0.999, 0)).toThrow(RangeError);
  });

  it('an incident consumes minutes of impact × share of users', () => {
    expect(budgetConsumedMs(45, 0.2)).toBe(9 * MIN);
    expect(budgetConsumedMs(10, 1)).toBe(10 * MIN);
    expect(budgetConsumedMs(10, 1.5)).toBe(10 * MIN);
    expect(budgetConsumedMs(10, -1)).toBe(0);
    expect(budgetConsumedMs(-5, 0.5)).toBe(0);
    // A 45-minute full outage overspends a 99.95% budget: 21.6 minutes.
    const budget = sloBudgetMs(0.9995, 30);
    expect(budgetRemainingShare(budget, budgetConsumedMs(45, 1))).toBeCloseTo(1 - 45 / 21.6);
    expect(budgetRemainingShare(budget, budgetConsumedMs(10.8, 1))).toBe(0.5);
    expect(budgetRemainingShare(0, 1)).toBe(0);
  });
});

describe('budgetPolicy', () => {
  it.each([
    [1, 'normal'],
    [0.5000001, 'normal'],
    [0.5, 'freeze-review'],
    [0.3, 'freeze-review'],
    [0.25, 'freeze-review'],
    [0.2499999, 'reliability-first'],
    [0.01, 'reliability-first'],
    [0, 'exhausted'],
    [-1.08, 'exhausted'],
  ] as const)('%d left → %s', (share, policy) => {
    expect(budgetPolicy(share)).toBe(policy);
    expect(BUDGET_POLICY_TEXT[policy].length).toBeGreaterThan(0);
  });
});
