import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import { sloBudgetMs } from './metrics';
import {
  currentWindow,
  formatBudget,
  formatPercentTarget,
  impactMinutesIn,
  parseSloTargetPercent,
  parseSloWindowDays,
  serviceBudget,
  shareOfUsers,
} from './slo';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
// Ten days into a 30-day window (windows are 30-day blocks from the epoch).
const WINDOW_START = currentWindow(30, Date.UTC(2026, 10, 22)).start;
const NOW = WINDOW_START + 10 * DAY;

function incident(over: Partial<Incident> & { id: string }): Incident {
  return {
    ref: `INC-2026-11-22-${over.id.padStart(3, '0')}`,
    slug: '#inc',
    title: `Incident ${over.id}`,
    severity: 'SEV2',
    status: 'resolved',
    impact: {
      summary: '',
      usersAffected: null,
      customerFacing: true,
      payingAccounts: false,
      dataIntegrity: false,
      revenueImpact: '',
      supportTickets: null,
    },
    services: ['checkout-api'],
    detection: { source: 'alert', alertName: '' },
    drill: false,
    milestones: {},
    cadence: {} as Incident['cadence'],
    resolutionSummary: null,
    dismissedSuggestions: {},
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

describe('SLO budget math', () => {
  it("gives the seed's two figures exactly", () => {
    const t1 = parseSloTargetPercent('99.95');
    const t2 = parseSloTargetPercent('99.0');
    expect(t1).toEqual({ ok: true, value: 0.9995 });
    expect(t2).toEqual({ ok: true, value: 0.99 });
    if (!t1.ok || !t2.ok) throw new Error('unreachable');
    expect(sloBudgetMs(t1.value, 30)).toBe(21.6 * MIN);
    expect(formatBudget(sloBudgetMs(t1.value, 30))).toBe('21.6 minutes');
    expect(sloBudgetMs(t2.value, 30)).toBe(7.2 * 60 * MIN);
    expect(formatBudget(sloBudgetMs(t2.value, 30))).toBe('7.2 hours');
    expect(formatBudget(sloBudgetMs(0.9, 30))).toBe('3 days');
  });

  it('refuses targets that are not percentages strictly between 0 and 100', () => {
    for (const bad of ['100', '0', '-1', '101', 'abc', '', '99.9.9', '1e2'])
      expect(parseSloTargetPercent(bad).ok, bad).toBe(false);
    expect(parseSloTargetPercent(' 99,9 % ')).toEqual({ ok: true, value: 0.999 });
    expect(formatPercentTarget(0.9995)).toBe('99.95');
  });

  it('accepts whole-day windows from 1 to 366', () => {
    expect(parseSloWindowDays('30')).toEqual({ ok: true, value: 30 });
    for (const bad of ['0', '1.5', '367', 'x', '']) expect(parseSloWindowDays(bad).ok).toBe(false);
  });
});

describe('consumption', () => {
  it('uses the recorded percentage, else everyone when customer-facing, else nobody', () => {
    const base = incident({ id: '1' }).impact;
    expect(shareOfUsers({ ...base, usersAffected: { value: 20, unit: 'percent' } })).toEqual({
      share: 0.2,
      basis: 'percent',
    });
    expect(shareOfUsers(base)).toEqual({ share: 1, basis: 'assumed-all' });
    expect(shareOfUsers({ ...base, customerFacing: false })).toEqual({
      share: 0,
      basis: 'no-user-impact',
    });
  });

  it('counts impact from started to mitigated, else resolved, else now, clipped to the window', () => {
    const s = NOW - 60 * MIN;
    expect(
      impactMinutesIn({ started: s, mitigated: s + 20 * MIN, resolved: s + 50 * MIN }, 0, NOW, NOW),
    ).toBe(20);
    expect(impactMinutesIn({ started: s, resolved: s + 50 * MIN }, 0, NOW, NOW)).toBe(50);
    expect(impactMinutesIn({ started: s }, 0, NOW, NOW)).toBe(60);
    expect(impactMinutesIn({ started: s, resolved: s + 50 * MIN }, s + 40 * MIN, NOW, NOW)).toBe(
      10,
    );
    expect(impactMinutesIn({}, 0, NOW, NOW)).toBe(0);
  });

  it('sums fixture incidents of the service in the window, with the policy band and burn rate', () => {
    const incidents = [
      // 45 min at 20% → 9 min
      incident({
        id: '1',
        milestones: { started: NOW - 2 * DAY, mitigated: NOW - 2 * DAY + 45 * MIN },
        impact: { ...incident({ id: 'x' }).impact, usersAffected: { value: 20, unit: 'percent' } },
      }),
      // 3 min, share unknown but customer-facing → 3 min
      incident({ id: '2', milestones: { started: NOW - DAY, resolved: NOW - DAY + 3 * MIN } }),
      // other service, drill, and last window: ignored
      incident({
        id: '3',
        services: ['search'],
        milestones: { started: NOW - DAY, resolved: NOW },
      }),
      incident({ id: '4', drill: true, milestones: { started: NOW - DAY, resolved: NOW } }),
      incident({
        id: '5',
        milestones: { started: WINDOW_START - DAY, resolved: WINDOW_START - 1 },
      }),
    ];
    const b = serviceBudget(
      { name: 'Checkout-API', sloTarget: 0.9995, sloWindowDays: 30 },
      incidents,
      NOW,
    );
    expect(b).not.toBeNull();
    if (!b) return;
    expect(b.budgetMs).toBe(21.6 * MIN);
    expect(b.incidents.map((i) => [i.ref, i.consumedMs])).toEqual([
      ['INC-2026-11-22-001', 9 * MIN],
      ['INC-2026-11-22-002', 3 * MIN],
    ]);
    expect(b.consumedMs).toBe(12 * MIN);
    expect(b.remainingMs).toBeCloseTo(9.6 * MIN);
    expect(b.policy).toBe('freeze-review');
    // 12/21.6 of the budget spent in 10/30 of the window.
    expect(b.burnRate).toBeCloseTo(12 / 21.6 / (1 / 3), 6);
  });

  it('moves through the bands to exhausted and is null without a target', () => {
    const spend = (minutes: number) =>
      serviceBudget(
        { name: 'checkout-api', sloTarget: 0.9995, sloWindowDays: 30 },
        [incident({ id: '1', milestones: { started: NOW - minutes * MIN, resolved: NOW } })],
        NOW,
      )?.policy;
    expect(spend(5)).toBe('normal');
    expect(spend(12)).toBe('freeze-review');
    expect(spend(17)).toBe('reliability-first');
    expect(spend(30)).toBe('exhausted');
    expect(serviceBudget({ name: 'x', sloTarget: null, sloWindowDays: 30 }, [], NOW)).toBeNull();
  });
});
