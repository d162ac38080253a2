import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImpactWindow } from '../domain/records';
import {
  impactTotals,
  impactWindowProblem,
  periodMs,
  sortWindows,
  unionMs,
  unionOf,
} from './impact-windows';
import { incidentSpend, serviceBudget, windowBudget } from './slo';
import { moveItem, whysChainsOf } from './postmortem-structure';

const MIN = 60_000;
const H = 60 * MIN;
/** 2026-11-<day> hh:mm UTC. */
const T = (day: number, h: number, m = 0): number => Date.UTC(2026, 10, day, h, m);
const w = (
  kind: ImpactWindow['kind'],
  start: number,
  end: number | null,
  id = `${kind}-${start}`,
): ImpactWindow => ({ id, kind, start, end });

describe('impact-window arithmetic', () => {
  const NOW = T(24, 12);
  const cases: [
    string,
    ImpactWindow[],
    { total: number; outage: number; degraded: number; ongoing: boolean },
  ][] = [
    ['no windows', [], { total: 0, outage: 0, degraded: 0, ongoing: false }],
    [
      '6 h degraded then 18 h outage (across midnight): two periods, 24 h',
      [w('degraded', T(22, 17), T(22, 23)), w('outage', T(22, 23), T(23, 17))],
      { total: 24 * H, outage: 18 * H, degraded: 6 * H, ongoing: false },
    ],
    [
      'a gap between windows is not impact',
      [w('outage', T(22, 10), T(22, 11)), w('outage', T(22, 13), T(22, 14))],
      { total: 2 * H, outage: 2 * H, degraded: 0, ongoing: false },
    ],
    [
      'overlapping windows of one kind count once',
      [w('degraded', T(22, 10), T(22, 12)), w('degraded', T(22, 11), T(22, 13))],
      { total: 3 * H, outage: 0, degraded: 3 * H, ongoing: false },
    ],
    [
      'an outage inside a degradation counts as outage',
      [w('degraded', T(22, 10), T(22, 16)), w('outage', T(22, 12), T(22, 13))],
      { total: 6 * H, outage: H, degraded: 5 * H, ongoing: false },
    ],
    [
      'an open window runs to now, across days',
      [w('outage', T(23, 22), null)],
      { total: 14 * H, outage: 14 * H, degraded: 0, ongoing: true },
    ],
    [
      'a window spanning several days',
      [w('degraded', T(20, 8), T(22, 8, 30))],
      { total: 48 * H + 30 * MIN, outage: 0, degraded: 48 * H + 30 * MIN, ongoing: false },
    ],
  ];
  it.each(cases)('%s', (_name, windows, expected) => {
    const t = impactTotals(windows, NOW);
    expect({
      total: t.totalMs,
      outage: t.outageMs,
      degraded: t.degradedMs,
      ongoing: t.ongoing,
    }).toEqual(expected);
  });

  it('an open window that starts after now counts nothing yet', () => {
    expect(periodMs({ start: NOW + H, end: null }, NOW)).toBe(0);
  });

  it('the union is disjoint, sorted and never longer than the sum (property)', () => {
    const arb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 1_000 }),
        len: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const ps = raw.map((r) => ({
          start: r.start,
          end: r.len === null ? null : r.start + r.len,
        }));
        const u = unionOf(ps, 1_200);
        for (let i = 1; i < u.length; i += 1) expect(u[i]!.start).toBeGreaterThan(u[i - 1]!.end);
        const sum = ps.reduce((s, p) => s + periodMs(p, 1_200), 0);
        expect(unionMs(ps, 1_200)).toBeLessThanOrEqual(sum);
        expect(unionMs([...ps].reverse(), 1_200)).toBe(unionMs(ps, 1_200));
      }),
    );
  });

  it('clips to a range (the rolling SLO window)', () => {
    const ps = [w('outage', T(22, 10), T(22, 14))];
    expect(unionMs(ps, NOW, { from: T(22, 12), to: Infinity })).toBe(2 * H);
  });

  it('checks a window as typed', () => {
    expect(impactWindowProblem({ start: null, end: null }, NOW)?.field).toBe('start');
    expect(impactWindowProblem({ start: T(22, 10), end: T(22, 10) }, NOW)).toEqual({
      field: 'end',
      message: 'The end must be after the start.',
    });
    expect(impactWindowProblem({ start: NOW + H, end: null }, NOW)?.field).toBe('start');
    expect(impactWindowProblem({ start: T(22, 10), end: NOW + H }, NOW)?.field).toBe('end');
    expect(impactWindowProblem({ start: T(22, 10), end: null }, NOW)).toBeNull();
  });

  it('sorts by start, open windows after closed ones at the same start', () => {
    const a = w('outage', T(22, 10), null, 'a');
    const b = w('degraded', T(22, 10), T(22, 11), 'b');
    const c = w('degraded', T(22, 9), T(22, 11), 'c');
    expect(sortWindows([a, b, c]).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('the SLO spend rule fed by windows', () => {
  const incident = {
    drill: false,
    createdAt: T(22, 17),
    milestones: { started: T(22, 17), resolved: T(23, 17) },
    impact: {
      summary: '',
      usersAffected: { value: 50, unit: 'percent' as const },
      customerFacing: true,
      payingAccounts: false,
      dataIntegrity: false,
      revenueImpact: '',
      supportTickets: null,
    },
    services: ['api'],
  };
  const NOW = T(24, 0);

  it('counts the union of the windows instead of the milestone span', () => {
    // Milestones: 24 h. Windows: 2 h + 1 h with a gap.
    const windows = [w('degraded', T(22, 17), T(22, 19)), w('outage', T(23, 1), T(23, 2))];
    expect(incidentSpend(incident, NOW).impactMinutes).toBe(24 * 60);
    const spend = incidentSpend(incident, NOW, undefined, windows);
    expect(spend.impactMinutes).toBe(180);
    expect(spend.consumedMs).toBe(90 * MIN);
    expect(spend.ongoing).toBe(false);
    expect(incidentSpend(incident, NOW, undefined, [w('outage', T(23, 1), null)]).ongoing).toBe(
      true,
    );
  });

  it('the Services page counts an incident with windows as its post-mortem does', () => {
    const windows = [w('degraded', T(22, 17), T(22, 19)), w('outage', T(23, 1), T(23, 2))];
    const inc = { ...incident, id: 'i', ref: 'INC-1', title: 't', impactWindows: windows };
    const b = serviceBudget({ name: 'api', sloTarget: 0.999, sloWindowDays: 30 }, [inc], NOW);
    expect(b?.incidents[0]?.total.consumedMs).toBe(
      incidentSpend(incident, NOW, undefined, windows).consumedMs,
    );
    expect(b?.consumedMs).toBe(90 * MIN);
  });

  it('gives each window its own spend and budget share', () => {
    const svc = [{ name: 'api', sloTarget: 0.999, sloWindowDays: 30 }];
    // 99.9% over 30 days = 43.2 min budget; 6 h × 50% = 180 min = 416.67%.
    const r = windowBudget(incident, svc, w('degraded', T(22, 17), T(22, 23)), NOW);
    expect(r.spend.consumedMs / MIN).toBe(180);
    expect(r.budgetText).toBe('api 416.7%');
    expect(windowBudget({ ...incident, drill: true }, svc, w('outage', 0, 1), NOW).budgetText).toBe(
      'None (drill)',
    );
    expect(windowBudget(incident, [], w('outage', 0, 1), NOW).budgetText).toBe('');
  });
});

describe('section ordering', () => {
  const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const cases: [string, string, number, string[]][] = [
    ['moves down', 'a', 1, ['b', 'a', 'c']],
    ['moves up', 'c', -1, ['a', 'c', 'b']],
    ['stays at the top', 'a', -1, ['a', 'b', 'c']],
    ['stays at the bottom', 'c', 1, ['a', 'b', 'c']],
    ['ignores an unknown id', 'z', 1, ['a', 'b', 'c']],
  ];
  it.each(cases)('%s', (_n, id, delta, expected) => {
    expect(moveItem(list, id, delta).map((x) => x.id)).toEqual(expected);
  });

  it('puts the first whys chain (fiveWhys) before the added ones', () => {
    const chains = whysChainsOf({
      fiveWhys: ['a'],
      whysQuestion: 'Why did checkout fail?',
      whysChains: [{ id: 'x', question: 'Why did the restore take so long?', whys: ['b'] }],
    });
    expect(chains.map((c) => c.question)).toEqual([
      'Why did checkout fail?',
      'Why did the restore take so long?',
    ]);
    expect(whysChainsOf({ fiveWhys: [] })).toEqual([{ id: 'main', question: '', whys: [] }]);
  });
});
