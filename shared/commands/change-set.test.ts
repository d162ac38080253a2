import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { RoleAssignment } from '../domain/roles';
import type { TimelineEntry } from '../domain/timeline';
import { changes, isEmpty, rowsOf, tablesOf, unrecordedChanges, type Changes } from './change-set';

const NOW = Date.UTC(2026, 10, 30, 3, 0, 0);

const incident = (over: Partial<Incident> = {}): Incident =>
  ({
    id: 'inc-1',
    ref: 'INC-2026-11-30-001',
    slug: '#inc-2026-11-30-checkout',
    title: 'Checkout errors',
    severity: 'SEV2',
    status: 'investigating',
    milestones: { started: NOW },
    updatedAt: NOW,
    ...over,
  }) as Incident;

const entry = (type: string | null, over: Partial<TimelineEntry> = {}): TimelineEntry =>
  ({
    id: `e-${type ?? 'note'}-${Math.random()}`,
    incidentId: 'inc-1',
    kind: type ? 'system' : 'note',
    text: 'x',
    occurredAt: NOW,
    loggedAt: NOW,
    author: 'Sam',
    pinned: false,
    deletedAt: null,
    revisions: [],
    change: type ? { type } : null,
    audience: null,
    ...over,
  }) as TimelineEntry;

const role = (over: Partial<RoleAssignment> = {}): RoleAssignment =>
  ({ id: 'r-1', incidentId: 'inc-1', role: 'ic', person: 'Ana', ...over }) as RoleAssignment;

describe('ChangeBuilder', () => {
  it('keeps the last word per key: an add then an update stays an add, a remove drops both', () => {
    const a = incident();
    const b = incident({ title: 'Checkout down' });
    const set = changes().add('incidents', a).update('incidents', b).build();
    expect(set.incidents).toEqual({ added: [b] });
    const gone = changes().add('incidents', a).remove('incidents', 'inc-1').build();
    expect(gone.incidents).toEqual({ removed: ['inc-1'] });
    const twice = changes().update('incidents', a).update('incidents', b).build();
    expect(twice.incidents).toEqual({ updated: [b] });
  });

  it('leaves empty tables out; lists the tables written and their rows', () => {
    const e = entry(null);
    const set = changes().record(e).remove('drafts', 'timeline:inc-1').build();
    expect(tablesOf(set)).toEqual(['timelineEntries', 'drafts']);
    expect(rowsOf(set, 'timelineEntries')).toEqual([e]);
    expect(isEmpty(changes().build())).toBe(true);
    expect(isEmpty({ incidents: { added: [] } })).toBe(true);
  });

  it('merges another change set row by row', () => {
    const e = entry(null);
    const merged = changes()
      .update('incidents', incident())
      .merge(changes().record(e).build())
      .build();
    expect(tablesOf(merged)).toEqual(['incidents', 'timelineEntries']);
  });
});

describe('unrecordedChanges (the record rule)', () => {
  const before = (prev?: Incident, roles: Record<string, RoleAssignment> = {}) =>
    ((table: string, key: string) => (table === 'incidents' ? prev : roles[key])) as Parameters<
      typeof unrecordedChanges
    >[1];

  const cases: {
    name: string;
    prev?: Incident;
    set: Changes;
    roles?: Record<string, RoleAssignment>;
    problems: string[];
  }[] = [
    {
      name: 'severity changed with its severity entry',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ severity: 'SEV1' }))
        .record(entry('severity'))
        .build(),
      problems: [],
    },
    {
      name: 'severity changed alone',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ severity: 'SEV1' }))
        .build(),
      problems: ['severity'],
    },
    {
      name: 'severity changed with an entry of another type',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ severity: 'SEV1' }))
        .record(entry('impact'))
        .build(),
      problems: ['severity'],
    },
    {
      name: 'severity changed with the entry recorded on another incident',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ severity: 'SEV1' }))
        .record(entry('severity', { incidentId: 'inc-2' }))
        .build(),
      problems: ['severity'],
    },
    {
      name: 'status changed alone',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ status: 'mitigated' as never }))
        .build(),
      problems: ['status'],
    },
    {
      name: 'title changed alone',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ title: 'Other' }))
        .build(),
      problems: ['title'],
    },
    {
      name: 'a milestone moved alone',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ milestones: { started: NOW - 1 } }))
        .build(),
      problems: ['milestones'],
    },
    {
      name: 'a milestone moved with its milestone entry',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ milestones: { started: NOW - 1 } }))
        .record(entry('milestone'))
        .build(),
      problems: [],
    },
    {
      name: 'status and milestone set by a status change',
      prev: incident(),
      set: changes()
        .update(
          'incidents',
          incident({ status: 'resolved', milestones: { started: NOW, resolved: NOW } }),
        )
        .record(entry('status'))
        .build(),
      problems: [],
    },
    {
      name: 'the same milestones written in another key order',
      prev: incident({ milestones: { started: NOW, detected: NOW - 1 } }),
      set: changes()
        .update('incidents', incident({ milestones: { detected: NOW - 1, started: NOW } }))
        .build(),
      problems: [],
    },
    {
      name: 'a field outside the rule (updatedAt) changed alone',
      prev: incident(),
      set: changes()
        .update('incidents', incident({ updatedAt: NOW + 1 }))
        .build(),
      problems: [],
    },
    {
      name: 'an incident declared with its declared entry',
      set: changes().add('incidents', incident()).record(entry('declared')).build(),
      problems: [],
    },
    {
      name: 'an incident declared with no entry',
      set: changes().add('incidents', incident()).build(),
      problems: ['severity', 'status', 'title', 'milestones'],
    },
    {
      name: 'a role handed over with its role entry',
      set: changes().add('roleAssignments', role()).record(entry('role')).build(),
      problems: [],
    },
    {
      name: 'a role handed over without an entry',
      set: changes().add('roleAssignments', role()).build(),
      problems: ['holder'],
    },
    {
      name: 'a role released (removed) without an entry',
      roles: { 'r-1': role() },
      set: changes().remove('roleAssignments', 'r-1').build(),
      problems: ['holder'],
    },
  ];

  it.each(cases)('$name', ({ prev, set, roles, problems }) => {
    expect(unrecordedChanges(set, before(prev, roles)).map((p) => p.field)).toEqual(problems);
  });

  it('exempts rows restored from a backup (their entries come with them)', () => {
    const set = changes().add('incidents', incident()).build();
    expect(unrecordedChanges(set, before(), { restoring: true })).toEqual([]);
  });
});
