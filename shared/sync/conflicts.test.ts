// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assignRole } from '../commands/roles';
import { changeSeverity, changeStatus } from '../commands/incident';
import { anIncident, ctx, MIN, NOW } from '../commands/test-fixtures';
import { changes, isEmpty } from '../commands/change-set';
import type { RoleAssignment } from '../domain/roles';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { timelineEntrySchema, type SystemChange, type TimelineEntry } from '../domain/timeline';
import { incidentRow } from '../domain/testing/incident';
import { timelineEntry } from '../domain/testing/timeline';
import {
  conflictEntryId,
  currentSeverity,
  currentStatus,
  resolveIncident,
  settleDoc,
  settleHandoffs,
  timelineOrder,
} from './conflicts';
import { applyChanges, readRows } from './record-doc';
import { syncBoth } from './testing/store';

const sys = (
  id: string,
  occurredAt: number,
  change: SystemChange,
  loggedAt = occurredAt,
): TimelineEntry =>
  timelineEntry({ id, incidentId: 'inc-1', kind: 'system', occurredAt, loggedAt, change });

const sev = (to: string) => ({ type: 'severity', to }) as const;
const st = (to: string) => ({ type: 'status', to }) as const;

describe('current severity and status', () => {
  it.each<[string, TimelineEntry[], string | undefined, string | undefined]>([
    ['no entries', [], undefined, undefined],
    ['declared only', [sys('a', 1, { type: 'declared', to: 'SEV3' })], 'SEV3', undefined],
    [
      'later occurred wins',
      [sys('a', 2, sev('SEV1')), sys('b', 1, sev('SEV3'))],
      'SEV1',
      undefined,
    ],
    [
      'same time: later logged wins',
      [sys('a', 1, sev('SEV1'), 5), sys('b', 1, sev('SEV3'), 4)],
      'SEV1',
      undefined,
    ],
    [
      'same times: larger id wins',
      [sys('b', 1, sev('SEV1')), sys('a', 1, sev('SEV3'))],
      'SEV1',
      undefined,
    ],
    [
      'status entries',
      [sys('a', 1, st('mitigated')), sys('b', 2, st('resolved'))],
      undefined,
      'resolved',
    ],
    [
      'junk values ignored',
      [sys('a', 1, sev('SEV1')), sys('b', 2, sev('SEV9'))],
      'SEV1',
      undefined,
    ],
    [
      'other incidents and kinds ignored',
      [
        sys('a', 1, sev('SEV1')),
        { ...sys('b', 2, sev('SEV4')), incidentId: 'other' },
        { ...sys('c', 3, sev('SEV4')), kind: 'note' },
      ],
      'SEV1',
      undefined,
    ],
  ])('%s', (_, entries, severity, status) => {
    expect(currentSeverity('inc-1', entries)).toBe(severity);
    expect(currentStatus('inc-1', entries)).toBe(status);
  });

  it('resolveIncident replaces only what disagrees, and returns the same row otherwise', () => {
    const row = incidentRow({ severity: 'SEV2', status: 'investigating' });
    expect(resolveIncident(row, [])).toBe(row);
    expect(resolveIncident(row, [sys('a', 1, sev('SEV2'))])).toBe(row);
    expect(resolveIncident(row, [sys('a', 1, sev('SEV1')), sys('b', 1, st('identified'))])).toEqual(
      {
        ...row,
        severity: 'SEV1',
        status: 'identified',
      },
    );
  });

  it('resolveIncident takes the latest rename and understanding, as the timeline orders them', () => {
    const row = incidentRow({ title: 'Title from A', understanding: 'pool too small' });
    const rename = (id: string, at: number, to: string) =>
      sys(id, at, { type: 'title', from: 'Login errors', to });
    const understood = (id: string, at: number, to: string | null) =>
      sys(id, at, { type: 'understanding', from: null, to });
    // A renamed first, B a minute later: every seat shows B's title, whichever row won in Yjs.
    expect(
      resolveIncident(row, [rename('a', 1, 'Title from A'), rename('b', 2, 'Title from B')]).title,
    ).toBe('Title from B');
    expect(resolveIncident(row, [rename('a', 2, 'Title from A'), rename('b', 1, 'B')])).toBe(row);
    // Never renamed: the declared title stands.
    expect(resolveIncident(row, [sys('d', 1, { type: 'declared', to: 'SEV2' })])).toBe(row);
    expect(
      resolveIncident(row, [understood('a', 1, 'pool too small'), understood('b', 2, 'bad key')])
        .understanding,
    ).toBe('bad key');
    expect(resolveIncident(row, [understood('a', 1, 'x'), understood('b', 2, null)])).toEqual({
      ...row,
      understanding: '',
    });
    expect(resolveIncident(row, [understood('a', 1, 'pool too small')])).toBe(row);
  });

  it('orders the timeline by occurredAt, loggedAt, then id', () => {
    const list = [
      sys('c', 2, sev('SEV1'), 1),
      sys('b', 1, sev('SEV1'), 3),
      sys('a', 1, sev('SEV1'), 3),
    ];
    expect([...list].sort(timelineOrder).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

const tenure = (
  id: string,
  person: string,
  startedAt: number,
  over: Partial<RoleAssignment> = {},
): RoleAssignment => ({
  id,
  incidentId: 'inc-1',
  role: 'ic',
  roleName: 'Incident Commander',
  person,
  startedAt,
  endedAt: null,
  note: '',
  assignedBy: 'Sam',
  ...over,
});

describe('settleHandoffs', () => {
  it.each<[string, RoleAssignment[], string[], string[]]>([
    ['one holder', [tenure('a', 'Alice', 1)], [], []],
    [
      'closed tenures do not count',
      [tenure('a', 'Alice', 1, { endedAt: 2 }), tenure('b', 'Bob', 2)],
      [],
      [],
    ],
    [
      'two open: the later start wins',
      [tenure('c', 'Carol', 5), tenure('b', 'Bob', 4)],
      ['b'],
      ['Bob/Carol'],
    ],
    [
      'same start: the larger id wins',
      [tenure('y', 'Carol', 5), tenure('x', 'Bob', 5)],
      ['x'],
      ['Bob/Carol'],
    ],
    [
      'three open: two losers',
      [tenure('a', 'Alice', 1), tenure('b', 'Bob', 2), tenure('c', 'Carol', 3)],
      ['a', 'b'],
      ['Alice/Carol', 'Bob/Carol'],
    ],
    [
      'roles with several holders are left alone',
      [tenure('a', 'A', 1, { role: 'sme' }), tenure('b', 'B', 2, { role: 'sme' })],
      [],
      [],
    ],
    [
      'different roles do not clash',
      [tenure('a', 'A', 1), tenure('b', 'B', 2, { role: 'scribe' })],
      [],
      [],
    ],
    [
      'different incidents do not clash',
      [tenure('a', 'A', 1), tenure('b', 'B', 2, { incidentId: 'inc-2' })],
      [],
      [],
    ],
  ])('%s', (_, assignments, closedIds, pairs) => {
    const { closed, conflictEntries } = settleHandoffs(assignments);
    expect(closed.map((a) => a.id)).toEqual(closedIds);
    expect(conflictEntries.map((e) => `${e.change?.from}/${e.change?.to}`)).toEqual(pairs);
    const winner = [...assignments]
      .filter((a) => a.endedAt === null)
      .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1))
      .at(-1);
    for (const a of closed) expect(a.endedAt).toBe(winner?.startedAt);
    for (const e of conflictEntries) expect(timelineEntrySchema.safeParse(e).success).toBe(true);
  });

  it('writes one visible, deterministic entry naming both people', () => {
    const run = () =>
      settleHandoffs([tenure('b', 'bob', NOW), tenure('c', 'Carol', NOW + 5)], [{ name: 'Bob' }]);
    const { conflictEntries } = run();
    expect(conflictEntries).toEqual(run().conflictEntries);
    const [e] = conflictEntries;
    expect(e).toMatchObject({
      kind: 'system',
      pinned: true,
      occurredAt: NOW + 6,
      loggedAt: NOW + 6,
      text:
        'Conflicting handoff: Incident Commander was handed to Bob and to Carol at the same time; ' +
        'Carol holds it (latest change). The incident commander should confirm.',
      change: {
        type: 'role',
        field: 'ic',
        from: 'bob',
        to: 'Carol',
        reason: 'conflicting handoff',
      },
    });
    expect(e!.id).toBe(conflictEntryId('b', 'c', NOW + 6));
    expect(e!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Sorts by time like newId(): its first 48 bits are the time.
    expect(parseInt(e!.id.replace(/-/g, '').slice(0, 12), 16)).toBe(NOW + 6);
    expect(conflictEntryId('c', 'b', NOW)).not.toBe(conflictEntryId('b', 'c', NOW));
  });
});

describe('settleDoc on two seats', () => {
  function seeded(): { a: Y.Doc; b: Y.Doc; incident: ReturnType<typeof anIncident> } {
    const incident = anIncident();
    const a = new Y.Doc();
    const b = new Y.Doc();
    const alice = assignRole(
      { incident, tenures: [], customNames: [], person: undefined },
      { roleKey: 'ic', person: 'Alice' },
      ctx(NOW),
    );
    applyChanges(a, changes().add('incidents', incident).merge(alice.changes).build());
    syncBoth(a, b);
    return { a, b, incident };
  }

  it('a handoff race ends with the same holder and one conflict entry, and settling is idempotent', () => {
    const { a, b, incident } = seeded();
    const handOff = (doc: Y.Doc, person: string, at: number) => {
      const tenures = readRows(doc, 'roleAssignments');
      applyChanges(
        doc,
        assignRole(
          { incident, tenures, customNames: [], person: undefined },
          { roleKey: 'ic', person },
          ctx(at),
        ).changes,
      );
    };
    handOff(a, 'Bob', NOW + MIN);
    handOff(b, 'Carol', NOW + 2 * MIN);
    syncBoth(a, b);
    const sa = settleDoc(a, NOW + 3 * MIN);
    const sb = settleDoc(b, NOW + 3 * MIN);
    expect(sa).toEqual(sb);
    applyChanges(a, sa);
    applyChanges(b, sb);
    syncBoth(a, b);
    for (const doc of [a, b]) {
      const open = readRows(doc, 'roleAssignments').filter((t) => t.endedAt === null);
      expect(open.map((t) => t.person)).toEqual(['Carol']);
      const conflicts = readRows(doc, 'timelineEntries').filter(
        (e) => e.change?.reason === 'conflicting handoff',
      );
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.text).toContain('handed to Bob and to Carol');
      expect(isEmpty(settleDoc(doc, NOW + 4 * MIN))).toBe(true);
    }
  });

  it('a severity race: every change stays on the timeline and both seats agree on the latest', () => {
    const { a, b, incident } = seeded();
    applyChanges(
      a,
      changeSeverity(
        incident,
        { severity: 'SEV1', reason: 'worse' },
        DEFAULT_SETTINGS,
        ctx(NOW + 2 * MIN),
      ).changes,
    );
    applyChanges(
      b,
      changeSeverity(
        incident,
        { severity: 'SEV3', reason: 'better' },
        DEFAULT_SETTINGS,
        ctx(NOW + MIN),
      ).changes,
    );
    applyChanges(b, changeStatus(incident, { status: 'identified' }, ctx(NOW + MIN)).changes);
    syncBoth(a, b);
    for (const doc of [a, b]) applyChanges(doc, settleDoc(doc, NOW + 3 * MIN));
    syncBoth(a, b);
    for (const doc of [a, b]) {
      const [row] = readRows(doc, 'incidents');
      expect(row).toMatchObject({ severity: 'SEV1', status: 'identified' });
      const severities = readRows(doc, 'timelineEntries').filter(
        (e) => e.change?.type === 'severity',
      );
      expect(severities.map((e) => e.change?.to).sort()).toEqual(['SEV1', 'SEV3']);
      expect(isEmpty(settleDoc(doc, NOW + 4 * MIN))).toBe(true);
    }
    expect(readRows(a, 'incidents')).toEqual(readRows(b, 'incidents'));
  });
});
