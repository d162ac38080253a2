import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import { sloBudgetMs } from './metrics';
import {
  affectsService,
  budgetLastsMs,
  budgetLastsText,
  burnAlertText,
  incidentSpendText,
  budgetUnit,
  formatBudgetAmount,
  formatBurnRate,
  formatFigure,
  formatPercentTarget,
  formatShare,
  impactSpan,
  incidentBudgetText,
  incidentSpend,
  parseSloTargetPercent,
  parseSloWindowDays,
  remainingText,
  serviceBudget,
  shareOfUsers,
  shareText,
} from './slo';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// Any instant will do: windows roll with `now`, they are not calendar blocks.
const NOW = Date.UTC(2026, 10, 30, 18, 40);

const IMPACT: Incident['impact'] = {
  summary: '',
  usersAffected: null,
  customerFacing: true,
  payingAccounts: false,
  dataIntegrity: false,
  revenueImpact: '',
  supportTickets: null,
};

function incident(over: Partial<Incident> & { id: string }): Incident {
  return {
    ref: `INC-2026-11-22-${over.id.padStart(3, '0')}`,
    slug: '#inc',
    title: `Incident ${over.id}`,
    severity: 'SEV2',
    status: 'resolved',
    impact: IMPACT,
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

const percent = (value: number): Incident['impact'] => ({
  ...IMPACT,
  usersAffected: { value, unit: 'percent' },
});

/** An outage of `minutes` that started `agoMs` before NOW. */
const outage = (id: string, agoMs: number, minutes: number, impact = IMPACT) =>
  incident({
    id,
    impact,
    milestones: { started: NOW - agoMs, resolved: NOW - agoMs + minutes * MIN },
  });

const service = (sloTarget: number | null, sloWindowDays = 30) => ({
  name: 'checkout-api',
  sloTarget,
  sloWindowDays,
});

describe('SLO target and window input', () => {
  it('refuses targets that are not percentages strictly between 0 and 100', () => {
    // 99.9999999999 and 0.0000000001 round to 100% and 0% as stored: no budget, no SLO.
    for (const bad of [
      '100',
      '0',
      '-1',
      '101',
      'abc',
      '',
      '99.9.9',
      '1e2',
      'Infinity',
      'NaN',
      '99.9999999999',
      '0.0000000001',
    ])
      expect(parseSloTargetPercent(bad).ok, bad).toBe(false);
    expect(parseSloTargetPercent('99.95')).toEqual({ ok: true, value: 0.9995 });
    expect(parseSloTargetPercent(' 99,9 % ')).toEqual({ ok: true, value: 0.999 });
    expect(formatPercentTarget(0.9995)).toBe('99.95');
  });

  it('accepts whole-day windows from 1 to 366', () => {
    expect(parseSloWindowDays('30')).toEqual({ ok: true, value: 30 });
    for (const bad of ['0', '1.5', '367', 'x', '']) expect(parseSloWindowDays(bad).ok).toBe(false);
  });
});

describe('one budget, one form', () => {
  it.each([
    // target, window days, budget ms, unit, shown
    [0.99, 7, 100.8 * MIN, 'min', '100.8 min'], // not "1.68 hours" on one page and "101 min" on another
    [0.9995, 30, 21.6 * MIN, 'min', '21.6 min'],
    [0.999, 30, 43.2 * MIN, 'min', '43.2 min'],
    [0.99, 30, 7.2 * HOUR, 'h', '7.2 h'],
    [0.9, 30, 3 * DAY, 'd', '3 d'],
    [0.9999, 1, 8.64 * 1000, 'min', '0.144 min'],
  ] as const)('%s over %s days is %s ms, shown in %s as "%s"', (target, days, ms, unit, shown) => {
    const budget = sloBudgetMs(target, days);
    expect(budget).toBe(ms);
    expect(budgetUnit(budget)).toBe(unit);
    expect(formatBudgetAmount(budget)).toBe(shown);
  });

  it.each([
    [100.8, '100.8'],
    [62.208, '62.21'],
    [-19.008, '−19.01'],
    [0.648, '0.648'],
    [4320, '4,320'],
    [12345.6, '12,346'],
    [-0.0001, '0'],
  ])('formats the figure %s as %s', (n, shown) => expect(formatFigure(n)).toBe(shown));

  it('shows every amount of a card in the unit of its budget', () => {
    // "43.2 minutes", "1.04 hours", "−19.01 minutes" on one card becomes all minutes.
    expect(formatBudgetAmount(62.208 * MIN, 'min')).toBe('62.21 min');
    expect(formatBudgetAmount(-19.008 * MIN, 'min')).toBe('−19.01 min');
    expect(formatBudgetAmount(9 * MIN, 'h')).toBe('0.15 h');
  });

  it('shows shares with enough precision that the product multiplies out', () => {
    expect(formatShare(0.0144)).toBe('1.44%');
    expect(formatShare(-0.44)).toBe('−44%');
    expect(formatShare(5 / 9)).toBe('55.56%');
    expect(shareText(percent(1.44))).toBe('1.44% of users');
    // 3 days × 1.44% = 62.208 min, shown as 4,320 min × 1.44% = 62.21 min.
    const spend = incidentSpend(outage('1', 4 * DAY, 4320, percent(1.44)), NOW);
    expect(spend.consumedMs).toBe(62.208 * MIN);
    expect(formatBudgetAmount(spend.impactMinutes * MIN, 'min')).toBe('4,320 min');
  });
});

describe('what an incident spent: one rule', () => {
  it.each([
    [percent(20), 0.2, 'recorded', '20% of users'],
    [percent(1.44), 0.0144, 'recorded', '1.44% of users'],
    [IMPACT, 1, 'not-recorded', 'assumed 100% of users: share not recorded'],
    [
      { ...IMPACT, customerFacing: false },
      1,
      'not-recorded',
      'assumed 100% of users: share not recorded',
    ],
    [
      { ...IMPACT, usersAffected: { value: 1200, unit: 'users' } },
      1,
      'head-count',
      'assumed 100% of users: only a head count (1,200 users) is recorded',
    ],
    [{ ...IMPACT, usersAffected: { value: 0, unit: 'users' } }, 0, 'recorded', '0% of users'],
  ] as const)('share %#', (impact, share, basis, text) => {
    expect(shareOfUsers(impact)).toEqual({ share, basis });
    expect(shareText(impact)).toBe(text);
  });

  it('counts bad minutes from started to mitigated, else resolved, else now', () => {
    const s = NOW - HOUR;
    const spend = (milestones: Incident['milestones']) =>
      incidentSpend(incident({ id: '1', milestones, createdAt: s - HOUR }), NOW);
    expect(
      spend({ started: s, mitigated: s + 20 * MIN, resolved: s + 50 * MIN }).impactMinutes,
    ).toBe(20);
    expect(spend({ started: s, resolved: s + 50 * MIN }).impactMinutes).toBe(50);
    expect(spend({ started: s })).toMatchObject({ impactMinutes: 60, ongoing: true });
    // No Started: from Declared, else from when it was recorded.
    expect(spend({ declared: s + 30 * MIN }).impactMinutes).toBe(30);
    expect(spend({}).impactMinutes).toBe(120);
    // A correction that put Mitigated before Started spends nothing, never a negative figure.
    expect(spend({ started: s, mitigated: s - MIN }).impactMinutes).toBe(0);
    expect(
      impactSpan(incident({ id: '1', milestones: { started: s, mitigated: s - MIN } }), NOW),
    ).toEqual({
      start: s,
      end: s,
      ongoing: false,
    });
    // Drills spend nothing.
    expect(
      incidentSpend(incident({ id: '1', drill: true, milestones: { started: s } }), NOW).consumedMs,
    ).toBe(0);
  });

  it('gives the post-mortem and the Services page the same figure, with unknown share and across the window start', () => {
    const services = [
      { name: 'search', sloTarget: null, sloWindowDays: 30 },
      { name: 'Checkout-API', sloTarget: 0.9995, sloWindowDays: 30 },
    ];
    // Share unknown: counted as 100% on both pages, and said so.
    const unknown = outage('1', 2 * DAY, 3);
    // Began 30 days + 10 min ago, lasted 20 min at 50%: 10 min × 50% = 5 min in the window.
    const crossing = outage('2', 30 * DAY + 10 * MIN, 20, percent(50));
    const b = serviceBudget(services[1]!, [unknown, crossing], NOW);
    if (!b) throw new Error('expected a budget');
    const row = (id: string) => b.incidents.find((i) => i.incidentId === id)!;

    expect(incidentBudgetText(unknown, services, NOW)).toBe(
      'Checkout-API: 3 min of its 21.6 min budget (13.89%) = 3 min of impact × assumed 100% of users: share not recorded; SLO 99.95% over 30 days',
    );
    expect(row('1').total.consumedMs).toBe(3 * MIN);
    expect(row('1').inWindow.consumedMs).toBe(3 * MIN);
    expect(row('1').shareText).toBe('assumed 100% of users: share not recorded');

    expect(incidentBudgetText(crossing, services, NOW)).toBe(
      'Checkout-API: 10 min of its 21.6 min budget (46.3%) = 20 min of impact × 50% of users; SLO 99.95% over 30 days',
    );
    expect(row('2').total.consumedMs).toBe(10 * MIN);
    expect(row('2').inWindow).toMatchObject({ impactMinutes: 10, consumedMs: 5 * MIN });
    expect(b.consumedMs).toBe(8 * MIN);
    // The card's lines: the crossing incident shows its part in the window and its total.
    expect(incidentSpendText(row('1'), b.unit)).toBe(
      '3 min = 3 min of impact × assumed 100% of users: share not recorded',
    );
    expect(incidentSpendText(row('2'), b.unit)).toBe(
      '5 min in the window = 10 min of impact × 50% of users; 10 min in total (began before the window)',
    );
  });

  it('says "so far" for an ongoing incident, nothing for a drill, and null without a target', () => {
    const ongoing = incident({
      id: '1',
      impact: percent(10),
      milestones: { started: NOW - 30 * MIN },
    });
    expect(incidentBudgetText(ongoing, [service(0.9995)], NOW)).toBe(
      'checkout-api: 3 min so far of its 21.6 min budget (13.89%) = 30 min of impact × 10% of users; SLO 99.95% over 30 days',
    );
    expect(incidentBudgetText({ ...ongoing, drill: true }, [service(0.9995)], NOW)).toBe(
      'None: a drill does not spend error budget',
    );
    expect(incidentBudgetText(ongoing, [service(null)], NOW)).toBeNull();
    expect(incidentBudgetText(ongoing, [{ ...service(0.9995), name: 'search' }], NOW)).toBeNull();
  });

  it('splits over adjacent ranges without gaining or losing budget (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * DAY }),
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 45 * DAY }),
        (ago, lengthMs, pct, splitAgo) => {
          const inc = incident({
            id: '1',
            impact: percent(pct),
            milestones: { started: NOW - ago, mitigated: NOW - ago + lengthMs },
          });
          const whole = incidentSpend(inc, NOW);
          const before = incidentSpend(inc, NOW, { from: -Infinity, to: NOW - splitAgo });
          const after = incidentSpend(inc, NOW, { from: NOW - splitAgo, to: Infinity });
          expect(before.impactMinutes + after.impactMinutes).toBeCloseTo(whole.impactMinutes, 6);
          expect(
            Math.abs(before.consumedMs + after.consumedMs - whole.consumedMs),
          ).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("a service's budget", () => {
  it('rolls: the last 30 days up to now, not a calendar block', () => {
    const b = serviceBudget(
      service(0.9995),
      [
        outage('1', 31 * DAY, 30), // 31 days ago: outside the window
        outage('2', 29 * DAY, 4, percent(50)), // 29 days ago: 2 min
        outage('3', 2 * DAY, 45, percent(20)), // 9 min
      ],
      NOW,
    );
    if (!b) throw new Error('expected a budget');
    expect(b.windowStart).toBe(NOW - 30 * DAY);
    expect(b.windowEnd).toBe(NOW);
    expect(b.incidents.map((i) => [i.ref, i.inWindow.consumedMs])).toEqual([
      ['INC-2026-11-22-003', 9 * MIN],
      ['INC-2026-11-22-002', 2 * MIN],
    ]);
    expect(b.consumedMs).toBe(11 * MIN);
    expect(remainingText(b)).toBe('10.6 min (49.07%)');
    expect(b.policy).toBe('freeze-review');
    // The same data a day later: the 29-day-old outage is still in, nothing has reset.
    expect(
      serviceBudget(service(0.9995), [outage('2', 29 * DAY, 4, percent(50))], NOW + DAY)
        ?.consumedMs,
    ).toBe(2 * MIN);
  });

  it('ignores other services and drills, and matches names in any case', () => {
    const b = serviceBudget(
      { ...service(0.9995), name: ' CHECKOUT-api ' },
      [
        outage('1', DAY, 5),
        { ...outage('2', DAY, 5), services: ['search'] },
        { ...outage('3', DAY, 5), drill: true },
      ],
      NOW,
    );
    expect(b?.incidents.map((i) => i.incidentId)).toEqual(['1']);
    expect(serviceBudget(service(null), [], NOW)).toBeNull();
  });

  it('matches names by nameKey: inner spaces and full-width letters aside', () => {
    expect(affectsService({ services: ['Checkout  API'] }, 'Ｃheckout api')).toBe(true);
    expect(affectsService({ services: [' Ｃheckout API'] }, 'checkout api')).toBe(true);
    expect(affectsService({ services: ['checkout-api'] }, 'checkout api')).toBe(false);
  });

  it('shows overspend as it is: −44%, exhausted, 19.01 min over', () => {
    // 99.9% over 30 days = 43.2 min; 3 days at 1.44% of users = 62.208 min spent.
    const b = serviceBudget(service(0.999), [outage('1', 4 * DAY, 4320, percent(1.44))], NOW);
    if (!b) throw new Error('expected a budget');
    expect(b.unit).toBe('min');
    expect(formatBudgetAmount(b.budgetMs, b.unit)).toBe('43.2 min');
    expect(formatBudgetAmount(b.consumedMs, b.unit)).toBe('62.21 min');
    expect(b.remainingMs).toBe(-19.008 * MIN);
    expect(b.remainingShare).toBeCloseTo(-0.44, 12);
    expect(formatShare(b.remainingShare)).toBe('−44%');
    expect(remainingText(b)).toBe('−19.01 min (−44%): exhausted, 19.01 min over');
    expect(b.policy).toBe('exhausted');
    expect(b.lastsMs).toBe(0);
    expect(remainingText({ remainingMs: 0, remainingShare: 0, unit: 'min' })).toBe(
      '0 min (0%): exhausted',
    );
  });

  it('keeps the seed policy bands', () => {
    const policy = (minutes: number) =>
      serviceBudget(service(0.9995), [outage('1', DAY, minutes)], NOW)?.policy;
    expect(policy(5)).toBe('normal');
    expect(policy(10.8)).toBe('freeze-review'); // exactly 50% left
    expect(policy(12)).toBe('freeze-review');
    expect(policy(16.2)).toBe('freeze-review'); // exactly 25% left
    expect(policy(17)).toBe('reliability-first');
    expect(policy(21.6)).toBe('exhausted');
    expect(policy(30)).toBe('exhausted');
  });
});

describe('burn rate over the last 1 h and 6 h', () => {
  it('is 0 three days after an outage that burned the budget at 10×', () => {
    // 5 min at 100% three days ago (spend ÷ elapsed share of a
    // calendar block, the old figure, read 7× here one day into the block).
    const b = serviceBudget(service(0.9995), [outage('1', 3 * DAY, 5)], NOW);
    if (!b) throw new Error('expected a budget');
    expect(b.burn).toEqual({ lastHour: 0, last6Hours: 0 });
    expect(b.alert).toBeNull();
    expect(b.lastsMs).toBeNull();
  });

  it('is 14.4× for an ongoing incident spending 2% of a 30-day budget per hour, which pages', () => {
    // 0.72% of users for the last hour: 0.432 min; 14.4× of 21.6 min ÷ 720 h = 0.432 min per hour.
    const inc = incident({ id: '1', impact: percent(0.72), milestones: { started: NOW - HOUR } });
    const b = serviceBudget(service(0.9995), [inc], NOW);
    if (!b) throw new Error('expected a budget');
    expect(b.burn.lastHour).toBeCloseTo(14.4, 9);
    expect(b.burn.last6Hours).toBeCloseTo(2.4, 9);
    expect(formatBurnRate(b.burn.lastHour)).toBe('14.4×');
    expect(b.alert?.action).toBe('page');
    expect(b.alert?.threshold).toBe(14.4);
    expect(burnAlertText(b.alert)).toBe('Page: 14.4× or faster over 1 h and 5 min');
    expect(burnAlertText(null)).toBe('None');
    // 98% left at 14.4×: 0.98 × 30 d ÷ 14.4 = 49 h.
    expect(b.lastsMs).toBeCloseTo(49 * HOUR, 0);
    expect(budgetLastsText(b)).toMatch(/ at the last hour's burn rate \(14\.4×\)$/);
    expect(budgetLastsText({ ...b, lastsMs: 0 })).toBe('Nothing left');
    expect(budgetLastsText({ ...b, lastsMs: null })).toBe(
      'Not being spent (no bad minutes in the last hour)',
    );
  });

  it('opens a ticket at 6× over 6 h and 30 min, and at 1× over 3 d and 6 h', () => {
    // 6× a 99.95% SLO's error rate is 0.3% of users, for the last 6 h: 6× over 6 h and 30 min.
    const six = incident({
      id: '1',
      impact: percent(0.3),
      milestones: { started: NOW - 6 * HOUR },
    });
    const b6 = serviceBudget(service(0.9995), [six], NOW);
    expect(b6?.burn.last6Hours).toBeCloseTo(6, 9);
    expect(b6?.burn.lastHour).toBeCloseTo(6, 9);
    expect(b6?.alert).toMatchObject({ action: 'ticket', threshold: 6 });
    // 1×: 0.05% of users for 3 days is exactly the 99.95% SLO's error rate.
    const one = incident({
      id: '2',
      impact: percent(0.05),
      milestones: { started: NOW - 3 * DAY },
    });
    const b1 = serviceBudget(service(0.9995), [one], NOW);
    expect(b1?.burn.lastHour).toBeCloseTo(1, 9);
    expect(b1?.alert).toMatchObject({ action: 'ticket', threshold: 1 });
    expect(
      serviceBudget(service(0.9995), [{ ...one, impact: percent(0.04) }], NOW)?.alert,
    ).toBeNull();
  });

  it('says how long the budget lasts: 30 d ÷ 14.4 = 50 h (≈ 2.1 d)', () => {
    expect(budgetLastsMs(1, 30 * DAY, 14.4)).toBe(50 * HOUR);
    expect(budgetLastsMs(1, 30 * DAY, 6)).toBe(5 * DAY);
    expect(budgetLastsMs(0.5, 30 * DAY, 1)).toBe(15 * DAY);
    expect(budgetLastsMs(0, 30 * DAY, 14.4)).toBe(0);
    expect(budgetLastsMs(-0.44, 30 * DAY, 14.4)).toBe(0);
    expect(budgetLastsMs(1, 30 * DAY, 0)).toBeNull();
  });
});
