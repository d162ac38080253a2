import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { ActionItem, ActionStatus, ContributingCause, Postmortem } from '../domain/records';
import { INCIDENT } from '../render/testing/fixture';
import { findRepeatIncidents, isEarlier, unfinishedAt } from './repeats';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1, 12, 0);

/** A compact incident: id, day it started (after T0), services, drill. */
interface Case {
  id: string;
  day: number;
  services: string[];
  drill?: boolean;
  /** Cause tags of its post-mortem; undefined: no post-mortem at all. */
  causes?: string[];
}

function incident(c: Case): Incident {
  const started = T0 + c.day * DAY;
  return {
    ...INCIDENT,
    id: c.id,
    ref: `INC-${c.id}`,
    title: c.id,
    services: c.services,
    drill: c.drill ?? false,
    createdAt: started,
    milestones: { started },
  };
}

function postmortemsOf(cases: readonly Case[]): Pick<Postmortem, 'incidentId' | 'causes'>[] {
  return cases.flatMap((c) =>
    c.causes === undefined
      ? []
      : [
          {
            incidentId: c.id,
            causes: c.causes.map((tag): ContributingCause => ({ tag, category: 'technology' })),
          },
        ],
  );
}

function run(cases: readonly Case[], items: ActionItem[] = []) {
  const all = cases.map(incident);
  return findRepeatIncidents(all, all, postmortemsOf(cases), items);
}

/** Repeats as "later ← earlier, earlier (service: cause)" strings, for readable tables. */
function described(cases: readonly Case[]): string[] {
  return run(cases).map(
    (r) =>
      `${r.incident.id} ← ${r.earlier.map((e) => e.id).join(', ')} (${r.matches
        .map((m) => `${m.service}: ${m.cause}`)
        .join('; ')})`,
  );
}

describe('findRepeatIncidents', () => {
  it.each<[string, Case[], string[]]>([
    [
      'same service, same cause: the later is a repeat of the earlier',
      [
        { id: 'a', day: 0, services: ['search'], causes: ['Index shard full'] },
        { id: 'b', day: 90, services: ['search'], causes: ['index-shard  FULL'] },
      ],
      ['b ← a (search: index-shard FULL)'],
    ],
    [
      'same service, unrelated causes: no repeat, however close together',
      [
        { id: 'a', day: 0, services: ['search'], causes: ['Index shard full'] },
        { id: 'b', day: 1, services: ['search'], causes: ['Expired certificate'] },
      ],
      [],
    ],
    [
      'same cause on different services: no repeat',
      [
        { id: 'a', day: 0, services: ['search'], causes: ['DNS TTL'] },
        { id: 'b', day: 5, services: ['payments'], causes: ['DNS TTL'] },
      ],
      [],
    ],
    [
      'a drill never repeats a real incident, nor a real incident a drill',
      [
        { id: 'real1', day: 0, services: ['db'], causes: ['failover untested'] },
        { id: 'drill1', day: 10, services: ['db'], drill: true, causes: ['failover untested'] },
        { id: 'real2', day: 20, services: ['db'], causes: ['Failover untested'] },
      ],
      ['real2 ← real1 (db: Failover untested)'],
    ],
    [
      'drills repeat earlier drills',
      [
        { id: 'd1', day: 0, services: ['db'], drill: true, causes: ['failover untested'] },
        { id: 'd2', day: 30, services: ['db'], drill: true, causes: ['failover untested'] },
      ],
      ['d2 ← d1 (db: failover untested)'],
    ],
    [
      'several services: each shared (service, cause) is a match; services compare trimmed, any case',
      [
        { id: 'a', day: 0, services: ['checkout-api', 'db'], causes: ['pool exhaustion'] },
        { id: 'b', day: 3, services: ['db'], causes: ['pool exhaustion', 'bad deploy'] },
        { id: 'c', day: 9, services: [' DB ', 'checkout-api'], causes: ['Pool exhaustion'] },
      ],
      [
        'c ← a, b (DB: Pool exhaustion; checkout-api: Pool exhaustion)',
        'b ← a (db: pool exhaustion)',
      ],
    ],
    [
      'services are the same by nameKey: inner spaces, full-width letters and case aside',
      [
        { id: 'a', day: 0, services: ['Checkout  API'], causes: ['pool exhaustion'] },
        { id: 'b', day: 2, services: ['Ｃheckout API'], causes: ['pool exhaustion'] },
        { id: 'c', day: 5, services: ['checkout api'], causes: ['pool exhaustion'] },
        { id: 'd', day: 6, services: ['checkout-api'], causes: ['pool exhaustion'] },
      ],
      ['c ← a, b (checkout api: pool exhaustion)', 'b ← a (Ｃheckout API: pool exhaustion)'],
    ],
    [
      'no post-mortem, or one without causes: neither a repeat nor the earlier one',
      [
        { id: 'a', day: 0, services: ['search'] },
        { id: 'b', day: 1, services: ['search'], causes: [] },
        { id: 'c', day: 2, services: ['search'], causes: ['x'] },
        { id: 'd', day: 3, services: ['search'] },
      ],
      [],
    ],
    [
      'an incident with no service is never a repeat',
      [
        { id: 'a', day: 0, services: [], causes: ['x'] },
        { id: 'b', day: 1, services: [''], causes: ['x'] },
      ],
      [],
    ],
    [
      'the same start: the one recorded first is the earlier one',
      [
        { id: 'b', day: 4, services: ['s'], causes: ['x'] },
        { id: 'a', day: 4, services: ['s'], causes: ['x'] },
      ],
      ['b ← a (s: x)'],
    ],
  ])('%s', (_, cases, expected) => {
    expect(described(cases)).toEqual(expected);
  });

  it('only incidents of `chosen` are repeats, but any of `pool` may be the earlier one', () => {
    const cases: Case[] = [
      { id: 'old', day: 0, services: ['s'], causes: ['x'] },
      { id: 'new', day: 200, services: ['s'], causes: ['x'] },
    ];
    const all = cases.map(incident);
    const inPeriod = all.filter((i) => i.id === 'new');
    const found = findRepeatIncidents(inPeriod, all, postmortemsOf(cases), []);
    expect(found.map((r) => [r.incident.id, r.earlier.map((e) => e.id)])).toEqual([
      ['new', ['old']],
    ]);
    expect(findRepeatIncidents(all.slice(0, 1), all, postmortemsOf(cases), [])).toEqual([]);
  });

  it('carries the earlier incidents’ action items unfinished when the repeat began', () => {
    const cases: Case[] = [
      { id: 'a', day: 0, services: ['s'], causes: ['x'] },
      { id: 'b', day: 10, services: ['s'], causes: ['x'] },
      { id: 'other', day: 1, services: ['s'], causes: ['y'] },
    ];
    const item = (
      id: string,
      incidentId: string,
      status: ActionStatus,
      completedDay: number | null = null,
    ): ActionItem => ({
      id,
      incidentId,
      title: id,
      owner: '',
      priority: 'P2',
      dueDate: '2026-10-08',
      status,
      createdAt: T0 + Number(id.slice(1)) * 1000,
      updatedAt: T0,
      completedAt: completedDay === null ? null : T0 + completedDay * DAY,
    });
    const items = [
      item('i1', 'a', 'not-started'),
      item('i2', 'a', 'in-progress'),
      item('i3', 'a', 'done', 5), // done before the repeat: it did not prevent it, but was done
      item('i4', 'a', 'done', 12), // done after the repeat began: unfinished then
      item('i5', 'a', 'wont-do'),
      item('i6', 'other', 'not-started'), // another cause: not this repeat's
      item('i7', 'b', 'not-started'), // the repeat's own
    ];
    const [repeat] = run(cases, items);
    expect(repeat?.incident.id).toBe('b');
    expect(repeat?.unfinished.map((i) => i.id)).toEqual(['i1', 'i2', 'i4']);
  });

  it('leaves out items filed after the repeat began (they could not have prevented it)', () => {
    // INC-1 on Jan 1, INC-2 on Jan 3 (same service and cause); INC-1's post-mortem, written on
    // Jan 10, files "Add canary": not work that was left undone when INC-2 began.
    const jan = (d: number) => Date.UTC(2026, 0, d, 9, 0);
    const at = (id: string, started: number): Incident => ({
      ...INCIDENT,
      id,
      ref: id,
      services: ['checkout-api'],
      drill: false,
      createdAt: started,
      milestones: { started },
    });
    const inc1 = at('INC-1', jan(1));
    const inc2 = at('INC-2', jan(3));
    const item = (id: string, filed: number): ActionItem => ({
      id,
      incidentId: 'INC-1',
      title: id,
      owner: '',
      priority: 'P2',
      dueDate: '2026-02-01',
      status: 'not-started',
      createdAt: filed,
      updatedAt: filed,
      completedAt: null,
    });
    const cause: ContributingCause[] = [{ tag: 'no canary', category: 'process' }];
    const [repeat] = findRepeatIncidents(
      [inc1, inc2],
      [inc1, inc2],
      [
        { incidentId: 'INC-1', causes: cause },
        { incidentId: 'INC-2', causes: cause },
      ],
      [item('Add canary', jan(10)), item('Pin the pool size', jan(2))],
    );
    expect(repeat?.incident.id).toBe('INC-2');
    expect(repeat?.unfinished.map((i) => i.id)).toEqual(['Pin the pool size']);
  });
});

describe('unfinishedAt and isEarlier', () => {
  it.each<[ActionStatus, number | null, number, boolean]>([
    ['not-started', null, T0 - DAY, true],
    ['in-progress', null, T0 - DAY, true],
    ['done', T0 - 1, T0 - DAY, false],
    ['done', T0, T0 - DAY, false],
    ['done', T0 + 1, T0 - DAY, true],
    ['done', null, T0 - DAY, false],
    ['wont-do', null, T0 - DAY, false],
    // Filed at the very moment: it existed.
    ['not-started', null, T0, true],
    // Filed afterwards (the earlier incident's post-mortem came later): not work left undone.
    ['not-started', null, T0 + 1, false],
    ['in-progress', null, T0 + 9 * DAY, false],
    ['done', T0 + 10 * DAY, T0 + 9 * DAY, false],
  ])('%s completed at %s, filed at %s → %s', (status, completedAt, createdAt, expected) => {
    expect(unfinishedAt({ status, completedAt, createdAt }, T0)).toBe(expected);
  });

  it('orders by start, then recording, then id', () => {
    const at = (id: string, started: number, createdAt = started) => ({
      id,
      createdAt,
      milestones: { started },
    });
    expect(isEarlier(at('b', 1), at('a', 2))).toBe(true);
    expect(isEarlier(at('b', 1, 5), at('a', 1, 6))).toBe(true);
    expect(isEarlier(at('a', 1), at('b', 1))).toBe(true);
    expect(isEarlier(at('a', 1), at('a', 1))).toBe(false);
  });
});
