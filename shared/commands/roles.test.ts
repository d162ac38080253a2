import { describe, expect, it } from 'vitest';
import type { Person } from '../domain/records';
import type { RoleAssignment } from '../domain/roles';
import { INCIDENT, at } from '../render/testing/fixture';
import { rowsOf, unrecordedChanges, type Changes } from './change-set';
import {
  addCustomRole,
  assignRole,
  customRoleNames,
  customRolesSettingKey,
  releaseRole,
  type AssignFacts,
} from './roles';
import { refusal } from './test-fixtures';

const NOW = at(14, 40);
const ctx = { now: NOW, author: 'Scribe Sam' };

const tenure = (over: Partial<RoleAssignment> = {}): RoleAssignment => ({
  id: 'ra-1',
  incidentId: INCIDENT.id,
  role: 'ic',
  roleName: 'Incident Commander',
  person: 'Alice',
  startedAt: at(14, 10),
  endedAt: null,
  note: '',
  assignedBy: 'Alice',
  ...over,
});

const alice: Person = { id: 'p-1', name: 'Alice', handle: '@a', team: '', lastUsedAt: at(9, 0) };

const facts = (over: Partial<AssignFacts> = {}): AssignFacts => ({
  incident: INCIDENT,
  tenures: [],
  customNames: [],
  person: undefined,
  ...over,
});

/** The record rule, with no rows before except `before`. */
function unrecorded(changes: Changes, before: RoleAssignment[] = []) {
  return unrecordedChanges(changes, (table, key) =>
    table === 'roleAssignments' ? before.find((a) => a.id === key) : INCIDENT,
  );
}

describe('assignRole', () => {
  it('a first holder: one tenure, the person joins the directory, one role entry', () => {
    const { changes, result } = assignRole(facts(), { roleKey: 'ic', person: '  Bob   Li ' }, ctx);
    expect(result).toMatchObject({
      incidentId: INCIDENT.id,
      role: 'ic',
      roleName: 'Incident Commander',
      person: 'Bob Li',
      startedAt: NOW,
      endedAt: null,
      assignedBy: 'Scribe Sam',
    });
    expect(changes.roleAssignments?.added).toEqual([result]);
    expect(changes.people?.added?.[0]).toMatchObject({ name: 'Bob Li', lastUsedAt: NOW });
    const [entry] = rowsOf(changes, 'timelineEntries');
    expect(entry).toMatchObject({
      kind: 'system',
      text: 'Incident Commander: Bob Li',
      change: { type: 'role', field: 'ic', from: null, to: 'Bob Li', reason: null },
    });
    expect(unrecorded(changes)).toEqual([]);
  });

  it('a handoff closes the open tenure, at the backdated time, and keeps the record rule', () => {
    const open = tenure();
    const { changes } = assignRole(
      facts({ tenures: [open, tenure({ id: 'ra-0', endedAt: at(14, 9) })] }),
      { roleKey: 'ic', person: 'Bob', note: 'two hypotheses open' },
      { ...ctx, occurredAt: at(14, 35) },
    );
    expect(changes.roleAssignments?.updated).toEqual([{ ...open, endedAt: at(14, 35) }]);
    expect(changes.roleAssignments?.added?.[0]?.startedAt).toBe(at(14, 35));
    expect(rowsOf(changes, 'timelineEntries')[0]?.change).toEqual({
      type: 'role',
      field: 'ic',
      from: 'Alice',
      to: 'Bob',
      reason: 'two hypotheses open',
    });
    expect(unrecorded(changes, [open])).toEqual([]);
  });

  it('a person already in the directory keeps their spelling; lastUsedAt never moves back', () => {
    const { changes, result } = assignRole(
      facts({ person: { ...alice, lastUsedAt: NOW + 5 } }),
      { roleKey: 'scribe', person: 'ALICE' },
      ctx,
    );
    expect(result.person).toBe('Alice');
    expect(changes.people?.updated).toEqual([{ ...alice, lastUsedAt: NOW + 5 }]);
  });

  it('a role with several holders adds one, closing nobody', () => {
    const sme = tenure({ role: 'sme', roleName: 'Subject Matter Expert' });
    const { changes } = assignRole(
      facts({ tenures: [sme] }),
      { roleKey: 'sme', person: 'Bob' },
      ctx,
    );
    expect(changes.roleAssignments?.updated).toBeUndefined();
    expect(rowsOf(changes, 'timelineEntries')[0]?.change?.from).toBeNull();
  });

  it('a custom role takes its name from the incident when none is given', () => {
    const { result } = assignRole(
      facts({ customNames: ['Security Lead'] }),
      { roleKey: 'custom:security-lead', person: 'Bob' },
      ctx,
    );
    expect(result.roleName).toBe('Security Lead');
  });

  it.each([
    [
      'an empty name',
      facts(),
      { roleKey: 'ic', person: '   ' },
      'Type the name of the person taking this role.',
      'person',
    ],
    [
      'a long name',
      facts(),
      { roleKey: 'ic', person: 'x'.repeat(101) },
      'A name can be at most 100 characters.',
      'person',
    ],
    [
      'an unknown role',
      facts(),
      { roleKey: 'nope', person: 'Bob' },
      'Unknown role "nope".',
      'role',
    ],
    [
      'a gone incident',
      facts({ incident: undefined }),
      { roleKey: 'ic', person: 'Bob' },
      'This incident no longer exists.',
      undefined,
    ],
    [
      'a custom role nobody named',
      facts(),
      { roleKey: 'custom:x', person: 'Bob' },
      'Unknown role "custom:x".',
      'role',
    ],
    [
      'the holder again',
      facts({ tenures: [tenure()], person: alice }),
      { roleKey: 'ic', person: 'alice' },
      'Alice already holds Incident Commander.',
      'person',
    ],
    [
      'the holder again, typed full-width (the same person by nameKey)',
      facts({ tenures: [tenure()] }),
      { roleKey: 'ic', person: 'Ａlice' },
      'Ａlice already holds Incident Commander.',
      'person',
    ],
  ])('refuses %s', (_, f, input, message, field) => {
    expect(refusal(() => assignRole(f, input, ctx))).toEqual({ message, field });
  });
});

describe('releaseRole', () => {
  it('ends the tenure with a role entry to Unassigned', () => {
    const open = tenure();
    const { changes, result } = releaseRole(open, ctx);
    expect(result).toEqual({ ...open, endedAt: NOW });
    expect(rowsOf(changes, 'timelineEntries')[0]).toMatchObject({
      text: 'Incident Commander: Alice → Unassigned',
      change: { type: 'role', field: 'ic', from: 'Alice', to: null, reason: null },
    });
    expect(unrecorded(changes, [open])).toEqual([]);
  });

  it.each([
    ['a gone assignment', undefined, 'This assignment no longer exists.', undefined],
    [
      'an ended tenure',
      tenure({ endedAt: at(14, 20) }),
      'Alice no longer holds Incident Commander.',
      'person',
    ],
  ])('refuses %s', (_, found, message, field) => {
    expect(refusal(() => releaseRole(found, ctx))).toEqual({ message, field });
  });
});

describe('addCustomRole', () => {
  const key = customRolesSettingKey(INCIDENT.id);

  it('adds the name to the stored list and records it', () => {
    const { changes, result } = addCustomRole(
      { incident: INCIDENT, stored: { key, value: ['DB Lead', 3] }, customNames: ['DB Lead'] },
      '  Security   Lead ',
      ctx,
    );
    expect(result).toEqual({ key: 'custom:security-lead', name: 'Security Lead' });
    expect(changes.settings?.updated).toEqual([{ key, value: ['DB Lead', 'Security Lead'] }]);
    expect(rowsOf(changes, 'timelineEntries')[0]).toMatchObject({
      text: 'Role added: Security Lead',
      change: { type: 'role', field: 'custom:security-lead', reason: 'role added' },
    });
    expect(unrecorded(changes)).toEqual([]);
  });

  it.each([
    ['an empty name', {}, ' ', 'Give the role a name.', 'roleName'],
    ['a long name', {}, 'x'.repeat(61), 'A role name can be at most 60 characters.', 'roleName'],
    [
      'a gone incident',
      { incident: undefined },
      'Security',
      'This incident no longer exists.',
      undefined,
    ],
    ['a default role', {}, 'scribe', 'There is already a role "Scribe".', 'roleName'],
    [
      'a custom role there',
      { customNames: ['Security Lead'] },
      'security lead',
      'There is already a role "Security Lead".',
      'roleName',
    ],
  ])('refuses %s', (_, over, name, message, field) => {
    const f = { incident: INCIDENT, stored: undefined, customNames: [], ...over };
    expect(refusal(() => addCustomRole(f, name, ctx))).toEqual({ message, field });
  });
});

describe('customRoleNames', () => {
  it('lists the stored names, then those only seen in assignments (oldest first), once each', () => {
    const stored = { key: customRolesSettingKey('i'), value: ['Security Lead', 7] };
    const rows = [
      tenure({ id: 'b', role: 'custom:db-lead', roleName: 'DB Lead', startedAt: 2 }),
      tenure({ id: 'a', role: 'custom:net', roleName: 'Net', startedAt: 1 }),
      tenure({ id: 'c', role: 'custom:security-lead', roleName: 'Security Lead', startedAt: 3 }),
      tenure({ id: 'd' }),
    ];
    expect(customRoleNames(stored, rows)).toEqual(['Security Lead', 'Net', 'DB Lead']);
    expect(customRoleNames(undefined, [])).toEqual([]);
  });
});
