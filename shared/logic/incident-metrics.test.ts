import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { ActionItem } from '../domain/records';
import { INCIDENT } from '../render/testing/fixture';
import {
  CUSTOMER_IMPACT_NOTE,
  computeIncidentMetrics,
  metricsMarkdown,
  rowCells,
  weekStart,
} from './incident-metrics';
import { serviceBudget } from './slo';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 31, 12, 0); // Thursday 2026-12-31

let seq = 0;
/** An incident started `daysAgo` before NOW, with milestones as minutes after the start. */
function inc(
  daysAgo: number,
  over: Partial<Incident> = {},
  m: {
    detected?: number;
    acknowledged?: number;
    mitigated?: number;
    resolved?: number;
    pm?: number;
  } = {},
): Incident {
  const started = NOW - daysAgo * DAY;
  const rel = (v: number | undefined) => (v === undefined ? undefined : started + v * MIN);
  const milestones: Incident['milestones'] = { started };
  for (const [k, v] of [
    ['detected', rel(m.detected)],
    ['acknowledged', rel(m.acknowledged)],
    ['mitigated', rel(m.mitigated)],
    ['resolved', rel(m.resolved)],
    ['postmortemCompleted', rel(m.pm)],
  ] as const)
    if (v !== undefined) milestones[k] = v;
  seq++;
  return {
    ...INCIDENT,
    id: `i${seq}`,
    services: [`svc-${seq}`],
    impact: { ...INCIDENT.impact, customerFacing: false },
    createdAt: started,
    ...over,
    milestones,
  };
}

describe('computeIncidentMetrics', () => {
  const a = inc(
    2,
    { severity: 'SEV2', impact: { ...INCIDENT.impact, customerFacing: true } },
    {
      detected: 4,
      acknowledged: 6,
      mitigated: 30,
      resolved: 60,
      pm: 60 + 47 * 60,
    },
  );
  const b = inc(
    3,
    { severity: 'SEV2' },
    { detected: 10, acknowledged: 20, resolved: 120, pm: 120 + 49 * 60 },
  );
  const c = inc(
    20,
    { severity: 'SEV3', impact: { ...INCIDENT.impact, customerFacing: true } },
    {
      detected: 1,
      resolved: 45,
    },
  );
  const drill = inc(
    1,
    { severity: 'SEV1', drill: true },
    { detected: 1, acknowledged: 1, resolved: 10 },
  );
  const old = inc(100, { severity: 'SEV1' }, { resolved: 600 });
  const all = [a, b, c, drill, old];

  it('gives exact means per severity and for all, leaving drills and older incidents out', () => {
    const m = computeIncidentMetrics(all, [], { period: '30d', now: NOW, includeDrills: false });
    const row = (s: string) => m.rows.find((r) => r.severity === s);
    expect(row('SEV2')).toEqual({
      severity: 'SEV2',
      count: 2,
      mttd: 7 * MIN,
      mtta: 6 * MIN,
      mttr: 90 * MIN,
      customerImpactMinutes: 30,
      customerImpactOngoing: false,
    });
    expect(row('SEV1')?.count).toBe(0);
    expect(row('SEV1')?.mttr).toBeNull();
    expect(row('All')).toEqual({
      severity: 'All',
      count: 3,
      mttd: 5 * MIN,
      mtta: 6 * MIN,
      mttr: 75 * MIN,
      // a: started → mitigated 30; c: no mitigation, so started → resolved 45.
      customerImpactMinutes: 75,
      customerImpactOngoing: false,
    });
    expect(m.drills).toBe(1);
  });

  it('includes drills in the main figures when asked, still counting them apart', () => {
    const m = computeIncidentMetrics(all, [], { period: '30d', now: NOW, includeDrills: true });
    expect(m.rows.find((r) => r.severity === 'SEV1')?.count).toBe(1);
    expect(m.rows.at(-1)?.count).toBe(4);
    expect(m.drills).toBe(1);
  });

  it('selects by period', () => {
    const count = (period: '7d' | '90d' | 'all') =>
      computeIncidentMetrics(all, [], { period, now: NOW, includeDrills: false }).rows.at(-1)
        ?.count;
    expect(count('7d')).toBe(2);
    expect(count('90d')).toBe(3);
    expect(count('all')).toBe(4);
  });

  it('counts SEV1/SEV2 post-mortems completed within 48 h of resolution', () => {
    const fresh = inc(0.5, { severity: 'SEV1' }, { resolved: 60 }); // resolved 11 h ago: not due yet
    const late = inc(4, { severity: 'SEV1' }, { resolved: 60 }); // none after 4 days: late
    const m = computeIncidentMetrics([a, b, c, fresh, late], [], {
      period: '30d',
      now: NOW,
      includeDrills: false,
    });
    expect(m.postmortems).toEqual({ due: 3, onTime: 1, share: 1 / 3 });
  });

  it('finds repeats: same service and same cause, the earlier one possibly outside the period', () => {
    const first = inc(40, { services: ['checkout-api'] });
    const second = inc(15, { services: ['checkout-api', 'db'] });
    const third = inc(5, { services: ['db'] });
    const unrelated = inc(4, { services: ['checkout-api'] });
    const pms = [
      {
        incidentId: first.id,
        causes: [{ tag: 'pool exhaustion', category: 'technology' as const }],
      },
      {
        incidentId: second.id,
        causes: [{ tag: 'Pool exhaustion', category: 'technology' as const }],
      },
      { incidentId: third.id, causes: [{ tag: 'pool-exhaustion', category: 'other' as const }] },
      {
        incidentId: unrelated.id,
        causes: [{ tag: 'cert expiry', category: 'technology' as const }],
      },
    ];
    const m = computeIncidentMetrics(
      [third, unrelated, second, first],
      [],
      { period: '30d', now: NOW, includeDrills: false },
      pms,
    );
    expect(
      m.repeats.map((r) => [r.incident.id, r.earlier.map((e) => e.id), r.matches[0]?.service]),
    ).toEqual([
      [third.id, [second.id], 'db'],
      [second.id, [first.id], 'checkout-api'],
    ]);
    // Without causes there are no repeats: a shared service alone is not one.
    expect(
      computeIncidentMetrics([first, second], [], { period: 'all', now: NOW, includeDrills: false })
        .repeats,
    ).toEqual([]);
  });

  it('never counts a drill as a repeat of a real incident, nor the other way round', () => {
    const d = inc(10, { services: ['x'], drill: true });
    const r = inc(5, { services: ['x'] });
    const d2 = inc(2, { services: ['x'], drill: true });
    const cause = [{ tag: 'failover', category: 'process' as const }];
    const pms = [d, r, d2].map((i) => ({ incidentId: i.id, causes: cause }));
    const opts = { period: '30d', now: NOW } as const;
    expect(
      computeIncidentMetrics([d, r, d2], [], { ...opts, includeDrills: false }, pms).repeats,
    ).toEqual([]);
    expect(
      computeIncidentMetrics([d, r, d2], [], { ...opts, includeDrills: true }, pms).repeats.map(
        (x) => [x.incident.id, x.earlier.map((e) => e.id)],
      ),
    ).toEqual([[d2.id, [d.id]]]);
  });

  it('judges action items created in the period, leaving out drills’ items', () => {
    const base: Omit<ActionItem, 'id' | 'incidentId'> = {
      title: 'x',
      owner: '',
      priority: 'P2',
      dueDate: '2026-12-20',
      status: 'done',
      createdAt: NOW - 5 * DAY,
      updatedAt: 0,
      completedAt: Date.UTC(2026, 11, 20, 23),
    };
    const items: ActionItem[] = [
      { ...base, id: '1', incidentId: a.id },
      { ...base, id: '2', incidentId: null, completedAt: Date.UTC(2026, 11, 21, 1) },
      { ...base, id: '3', incidentId: drill.id },
      { ...base, id: '4', incidentId: a.id, createdAt: NOW - 60 * DAY },
    ];
    const m = computeIncidentMetrics(all, items, { period: '30d', now: NOW, includeDrills: false });
    expect(m.actionItems).toEqual({ judged: 2, onTime: 1, share: 0.5, target: 0.9 });
  });

  it('buckets incidents per UTC week from Monday', () => {
    expect(new Date(weekStart(NOW)).toISOString()).toBe('2026-12-28T00:00:00.000Z');
    const m = computeIncidentMetrics(all, [], { period: '30d', now: NOW, includeDrills: false });
    expect(m.weeks).toHaveLength(5);
    expect(m.weeks.at(-1)?.counts).toEqual({ SEV1: 0, SEV2: 2, SEV3: 0, SEV4: 0 });
    expect(m.weeks.reduce((n, w) => n + w.counts.SEV3, 0)).toBe(1);
  });

  // How fast is for `npm run bench` (never a timed test); here, that a year's worth counts right.
  it('counts 1,000 incidents, every one in the All row', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      inc(i % 90, { services: [`s${i % 40}`] }, { detected: 2, acknowledged: 5, resolved: 90 }),
    );
    const m = computeIncidentMetrics(many, [], { period: 'all', now: NOW, includeDrills: false });
    expect(m.rows.find((r) => r.severity === 'All')?.count).toBe(1000);
  });
});

describe('metricsMarkdown', () => {
  it('renders the table and the separate figures', () => {
    const i = inc(1, { severity: 'SEV2' }, { detected: 5, acknowledged: 10, resolved: 125 });
    const md = metricsMarkdown(
      computeIncidentMetrics([i], [], { period: '7d', now: NOW, includeDrills: false }),
      '7d',
    );
    expect(md).toContain('## Incident metrics: Last 7 days');
    expect(md).toContain('| Severity | Count | MTTD | MTTA | MTTR | Customer-impact minutes |');
    expect(md).toContain('| SEV2 | 1 | 5 min | 5 min | 2 h 5 min | 0 |');
    expect(md).toContain('| SEV1 | 0 | — | — | — | 0 |');
    expect(md).toContain('Action items done on time: 0 of 0 (—; target 90%)');
  });
});

describe('computeIncidentMetrics: milestones out of order (older data)', () => {
  it('leaves an impossible MTTR out as — rather than 0, and names the incident', () => {
    // Started 40 min after Resolved, as a correction could leave it before the ordering rule.
    const broken = inc(1, { ref: 'INC-2026-12-30-001', severity: 'SEV2' }, { resolved: -40 });
    const m = computeIncidentMetrics([broken], [], {
      period: 'all',
      now: NOW,
      includeDrills: false,
    });
    const sev2 = m.rows.find((r) => r.severity === 'SEV2');
    expect(sev2?.mttr).toBeNull();
    expect(m.outOfOrder).toHaveLength(1);
    expect(m.outOfOrder[0]?.ref).toBe('INC-2026-12-30-001');
    expect(m.outOfOrder[0]?.note).toMatch(/^Started must be at or before .*Resolved/);
    const fine = inc(1, { severity: 'SEV2' }, { resolved: 30 });
    const both = computeIncidentMetrics([broken, fine], [], {
      period: 'all',
      now: NOW,
      includeDrills: false,
    });
    expect(both.rows.find((r) => r.severity === 'SEV2')?.mttr).toBe(30 * MIN);
  });
});

describe('customer-impact minutes: the bad minutes of the error-budget rule', () => {
  // An ongoing customer-facing SEV1, started 51 min before NOW, on a service with an SLO.
  const ongoing = (over: Partial<Incident> = {}) => {
    const i = inc(0, { severity: 'SEV1', services: ['checkout-api'], ...over });
    return { ...i, milestones: { started: NOW - 51 * MIN, declared: NOW - 50 * MIN } };
  };
  const service = { name: 'checkout-api', sloTarget: 0.999, sloWindowDays: 30 };
  const sev1 = (incidents: Incident[], pms: Parameters<typeof computeIncidentMetrics>[3] = []) =>
    computeIncidentMetrics(incidents, [], { period: '30d', now: NOW, includeDrills: false }, pms)
      .rows[0];

  it.each([
    // [what, impact over INCIDENT.impact, metrics minutes, ongoing, budget spent (min)]
    ['share not recorded', { usersAffected: null }, 51, true, 51],
    ['12% of users', { usersAffected: { value: 12, unit: 'percent' as const } }, 51, true, 6.12],
    ['a head count only', { usersAffected: { value: 900, unit: 'users' as const } }, 51, true, 51],
    ['not customer-facing', { usersAffected: null, customerFacing: false }, 0, false, 51],
  ])('%s: Metrics and Services count the same minutes', (_, impact, minutes, so, spentMin) => {
    const incident = ongoing({ impact: { ...INCIDENT.impact, customerFacing: true, ...impact } });
    const row = sev1([incident]);
    expect(row?.customerImpactMinutes).toBe(minutes);
    expect(row?.customerImpactOngoing).toBe(so);
    const budget = serviceBudget(service, [incident], NOW);
    expect(budget?.incidents[0]?.inWindow.impactMinutes).toBeCloseTo(51);
    expect((budget?.consumedMs ?? 0) / MIN).toBeCloseTo(spentMin);
    if (minutes) expect(budget?.incidents[0]?.inWindow.impactMinutes).toBeCloseTo(minutes);
  });

  it('an ongoing incident reads "so far" in the table and its Markdown', () => {
    const incident = ongoing({ impact: { ...INCIDENT.impact, customerFacing: true } });
    const m = computeIncidentMetrics([incident], [], {
      period: '30d',
      now: NOW,
      includeDrills: false,
    });
    expect(rowCells(m.rows[0]!)[5]).toBe('51 so far');
    expect(metricsMarkdown(m, '30d')).toContain('| SEV1 | 1 | — | — | — | 51 so far |');
    expect(metricsMarkdown(m, '30d')).toContain(CUSTOMER_IMPACT_NOTE);
  });

  it("takes the post-mortem's impact windows when recorded, like the Services page", () => {
    const incident = ongoing({ impact: { ...INCIDENT.impact, customerFacing: true } });
    const impactWindows = [
      { id: 'w1', kind: 'degraded' as const, start: NOW - 40 * MIN, end: NOW - 30 * MIN },
      { id: 'w2', kind: 'outage' as const, start: NOW - 20 * MIN, end: null },
    ];
    const pm = { incidentId: incident.id, causes: [], impactWindows };
    expect(sev1([incident], [pm])).toMatchObject({
      customerImpactMinutes: 30,
      customerImpactOngoing: true,
    });
    const budget = serviceBudget(service, [{ ...incident, impactWindows }], NOW);
    expect(budget?.incidents[0]?.inWindow.impactMinutes).toBeCloseTo(30);
  });

  it('counts a resolved incident from Started to Mitigated, and a drill never', () => {
    const done = inc(
      1,
      { impact: { ...INCIDENT.impact, customerFacing: true } },
      {
        mitigated: 42,
        resolved: 60,
      },
    );
    const drill = inc(
      1,
      { drill: true, impact: { ...INCIDENT.impact, customerFacing: true } },
      {
        resolved: 60,
      },
    );
    const m = computeIncidentMetrics([done, drill], [], {
      period: '30d',
      now: NOW,
      includeDrills: true,
    });
    expect(m.rows.at(-1)).toMatchObject({
      customerImpactMinutes: 42,
      customerImpactOngoing: false,
    });
  });
});
