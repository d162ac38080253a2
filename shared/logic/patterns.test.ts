import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { Postmortem, Service } from '../domain/records';
import { INCIDENT } from '../render/testing/fixture';
import { parseMarkdown, tables, tableText } from '../render/testing/markdown-ast';
import { userText } from '../render/testing/user-text';
import {
  chartMarkdown,
  hourTable,
  quarterTable,
  servicesByBudgetTable,
  servicesByIncidentsTable,
  weekdayTable,
  weeksTable,
} from './chart-tables';
import {
  incidentsByHour,
  incidentsByWeekday,
  mttrByQuarter,
  quarterOf,
  servicesByBudget,
  servicesByIncidents,
} from './patterns';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 11, 1, 12, 0); // Tuesday 2026-12-01, 2026 Q4

let seq = 0;
function inc(startIso: string, over: Partial<Incident> = {}, resolvedAfterMin?: number): Incident {
  const started = Date.parse(startIso);
  seq++;
  return {
    ...INCIDENT,
    id: `p${seq}`,
    ref: `INC-P${seq}`,
    services: [],
    drill: false,
    createdAt: started,
    ...over,
    milestones: {
      started,
      ...(resolvedAfterMin === undefined ? {} : { resolved: started + resolvedAfterMin * MIN }),
    },
  };
}

describe('servicesByIncidents', () => {
  it.each<[string, string[][], [string, number][]]>([
    ['none', [], []],
    [
      'most first, then by name; names compared trimmed, any case; twice in one incident counts once',
      [['search', 'db'], [' Search ', 'search'], ['db'], ['api'], ['SEARCH'], ['']],
      [
        ['search', 3],
        ['db', 2],
        ['api', 1],
      ],
    ],
    [
      'one service by nameKey (inner spaces, full-width letters, case), shown as first written',
      [['Checkout  API'], ['Ｃheckout API'], ['checkout api', 'CHECKOUT API'], ['checkout-api']],
      [
        ['Checkout  API', 3],
        ['checkout-api', 1],
      ],
    ],
  ])('%s', (_, services, expected) => {
    const ranked = servicesByIncidents(services.map((s) => ({ services: s })));
    expect(ranked.map((r) => [r.service, r.count])).toEqual(expected);
  });
});

describe('servicesByBudget', () => {
  const svc = (name: string, sloTarget: number | null, sloWindowDays = 30) =>
    ({ name, sloTarget, sloWindowDays }) as Pick<Service, 'name' | 'sloTarget' | 'sloWindowDays'>;
  // 99.9% over 30 days: 43.2 min of budget.
  const services = [svc('payments', 0.999), svc('search', 0.999), svc('docs', null)];
  const started = NOW - 2 * HOUR;
  const spend = (services: string[], minutes: number, over: Partial<Incident> = {}): Incident => ({
    ...inc(new Date(started).toISOString(), { services, ...over }),
    impact: { ...INCIDENT.impact, usersAffected: null },
    milestones: { started, mitigated: started + minutes * MIN },
  });

  it('ranks services with a target by the share consumed in their window, drills spending nothing', () => {
    const ranked = servicesByBudget(
      services,
      [
        spend(['search'], 21.6),
        spend(['payments'], 4.32),
        spend(['payments'], 100, { drill: true }),
        spend(['docs'], 60),
      ],
      [],
      NOW,
    );
    expect(ranked.map((r) => [r.service, Math.round(r.share * 100)])).toEqual([
      ['search', 50],
      ['payments', 10],
    ]);
    expect(ranked[0]?.budgetMs).toBe(43.2 * MIN);
  });

  it('matches incidents to a catalog service by nameKey and lists a service once', () => {
    const ranked = servicesByBudget(
      [svc('Checkout API', 0.999), svc('checkout  api', 0.999)],
      [spend(['Checkout  API'], 4.32), spend(['Ｃheckout API'], 4.32)],
      [],
      NOW,
    );
    expect(ranked.map((r) => [r.service, Math.round(r.share * 100)])).toEqual([
      ['Checkout API', 20],
    ]);
  });

  it('counts a post-mortem’s impact windows as the bad minutes, as the Services page does', () => {
    const i = spend(['search'], 60);
    const pm = {
      incidentId: i.id,
      impactWindows: [{ id: 'w', kind: 'outage', start: started, end: started + 4.32 * MIN }],
    } as Postmortem;
    const [search] = servicesByBudget([services[1]!], [i], [pm], NOW);
    expect(Math.round((search?.share ?? 0) * 100)).toBe(10);
  });
});

describe('incidents by hour of day and day of week (UTC)', () => {
  it.each<[string, string[], Record<number, number>, Record<number, number>]>([
    ['none', [], {}, {}],
    [
      'UTC, whatever zone the machine is in; Monday first',
      [
        '2026-11-30T00:00:00Z', // Monday 00
        '2026-11-30T23:59:59Z', // Monday 23
        '2026-11-29T14:30:00Z', // Sunday 14
        '2026-12-01T14:00:00Z', // Tuesday 14
      ],
      { 0: 1, 23: 1, 14: 2 },
      { 0: 2, 6: 1, 1: 1 },
    ],
  ])('%s', (_, starts, hours, days) => {
    const incidents = starts.map((s) => inc(s));
    const byHour = incidentsByHour(incidents);
    const byDay = incidentsByWeekday(incidents);
    expect(byHour).toHaveLength(24);
    expect(byDay).toHaveLength(7);
    expect(byHour).toEqual(Array.from({ length: 24 }, (_, h) => hours[h] ?? 0));
    expect(byDay).toEqual(Array.from({ length: 7 }, (_, d) => days[d] ?? 0));
  });
});

describe('mttrByQuarter', () => {
  it('labels quarters in UTC', () => {
    expect(quarterOf(Date.parse('2026-12-31T23:59:59Z'))).toEqual({
      start: Date.UTC(2026, 9, 1),
      label: '2026 Q4',
    });
    expect(quarterOf(Date.parse('2027-01-01T00:00:00Z')).label).toBe('2027 Q1');
  });

  it('means per quarter, gaps as null, out-of-order milestones left out, from the first incident', () => {
    const incidents = [
      inc('2026-02-10T10:00:00Z', {}, 60), // Q1: 60 min
      inc('2026-03-30T10:00:00Z', {}, 120), // Q1: 120 min → mean 90
      inc('2026-08-01T10:00:00Z', {}, 30), // Q3: 30
      inc('2026-08-02T10:00:00Z'), // Q3, unresolved: not in the mean
      inc('2026-11-01T10:00:00Z', {}, -5), // Q4, resolved before it started: left out
      inc('2027-01-05T10:00:00Z', {}, 10), // after now: not counted
    ];
    expect(
      mttrByQuarter(incidents, NOW).map((q) => [q.label, q.mttr && q.mttr / MIN, q.resolved]),
    ).toEqual([
      ['2026 Q1', 90, 2],
      ['2026 Q2', null, 0],
      ['2026 Q3', 30, 1],
      ['2026 Q4', null, 0],
    ]);
  });

  it('keeps at most the last N quarters, and is empty without incidents', () => {
    const old = [inc('2019-01-01T00:00:00Z', {}, 10), inc('2026-10-02T00:00:00Z', {}, 20)];
    const q = mttrByQuarter(old, NOW, 4);
    expect(q.map((x) => x.label)).toEqual(['2026 Q1', '2026 Q2', '2026 Q3', '2026 Q4']);
    expect(q.at(-1)?.mttr).toBe(20 * MIN);
    expect(mttrByQuarter([], NOW)).toEqual([]);
  });
});

describe('chart tables', () => {
  it('give each chart a summary for screen readers and a Markdown table of its data', () => {
    const hours = hourTable(incidentsByHour([inc('2026-11-30T14:10:00Z')]));
    expect(hours.summary).toBe(
      'Incidents by hour of day, UTC: 14:00 1; none in the other 23 hours',
    );
    const md = chartMarkdown(hours);
    expect(md.startsWith('### Incidents by hour of day (UTC)\n')).toBe(true);
    const [t] = tables(parseMarkdown(md));
    expect(tableText(t!)[0]).toEqual(['Hour (UTC)', 'Incidents']);
    expect(tableText(t!)).toHaveLength(25);
    expect(tableText(t!)[15]).toEqual(['14:00–14:59', '1']);
    expect(weekdayTable([0, 2, 0, 0, 0, 0, 1]).summary).toBe(
      'Incidents by day of week, UTC: Mon 0, Tue 2, Wed 0, Thu 0, Fri 0, Sat 0, Sun 1',
    );
    expect(weekdayTable(Array(7).fill(0)).summary).toMatch(/no incidents/);
    expect(
      quarterTable([
        { label: '2026 Q3', start: 0, mttr: 30 * MIN, resolved: 1 },
        { label: '2026 Q4', start: 1, mttr: null, resolved: 0 },
      ]).summary,
    ).toBe('Mean time to resolve by quarter, UTC: 2026 Q3 30 min, 2026 Q4 no resolved incidents');
    expect(
      weeksTable([
        { weekStart: Date.UTC(2026, 10, 16), counts: { SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 0 } },
      ]),
    ).toMatchObject({
      summary: 'Incidents per week: week of 11-16 1',
      rows: [['2026-11-16', '0', '1', '0', '0', '1']],
    });
    expect(
      servicesByBudgetTable([
        {
          service: 'search',
          consumedMs: 21.6 * MIN,
          budgetMs: 43.2 * MIN,
          share: 0.5,
          unit: 'min',
          windowDays: 30,
        },
      ]).rows,
    ).toEqual([['1', 'search', '50%', '21.6 min', '43.2 min', 'last 30 days']]);
  });

  it('keeps the table intact whatever a service is called', () => {
    fc.assert(
      fc.property(fc.array(userText, { maxLength: 4 }), (names) => {
        const ranked = names.map((service, i) => ({ service, count: i + 1 }));
        const md = chartMarkdown(servicesByIncidentsTable(ranked, 'All time'));
        const found = tables(parseMarkdown(md));
        expect(found).toHaveLength(1);
        expect(found[0]?.children).toHaveLength(1 + names.length);
        for (const row of found[0]!.children) expect(row.children).toHaveLength(3);
      }),
      { numRuns: 150 },
    );
  });
});
