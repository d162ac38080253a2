import { describe, expect, it } from 'vitest';
import { findDefaultRole, type RoleAssignment } from '../domain/roles';
import {
  boardRoles,
  currentHolders,
  customRoleKey,
  icNudge,
  missingCoreRoles,
  resolveRoleKey,
  respondersList,
  roleChangeText,
  suggestNames,
  tenureMs,
} from './roles';

const T0 = Date.UTC(2026, 10, 22, 14, 0, 0);
const MIN = 60_000;
let seq = 0;
function tenure(
  role: string,
  person: string,
  startMin: number,
  endMin: number | null = null,
  roleName = role,
): RoleAssignment {
  return {
    id: `a${++seq}`,
    incidentId: 'inc',
    role,
    roleName,
    person,
    startedAt: T0 + startMin * MIN,
    endedAt: endMin === null ? null : T0 + endMin * MIN,
    note: '',
    assignedBy: 'Me',
  };
}

describe('resolveRoleKey', () => {
  it.each([
    ['ic', 'ic', 'Incident Commander'],
    ['IC', 'ic', 'Incident Commander'],
    ['incident commander', 'ic', 'Incident Commander'],
    ['  Incident   Commander ', 'ic', 'Incident Commander'],
    ['commander', 'ic', 'Incident Commander'],
    ['scribe', 'scribe', 'Scribe'],
    ['tech', 'tech', 'Technical Lead'],
    ['technical lead', 'tech', 'Technical Lead'],
    ['tech lead', 'tech', 'Technical Lead'],
    ['comms', 'comms', 'Communications Lead'],
    ['communications lead', 'comms', 'Communications Lead'],
    ['sme', 'sme', 'Subject Matter Expert'],
    ['deputy', 'deputy', 'Deputy'],
    ['liaison', 'liaison', 'Customer Liaison'],
    ['security lead', 'custom:security-lead', 'Security Lead'],
    ['Security-Lead', 'custom:security-lead', 'Security Lead'],
  ])('%s → %s', (input, key, name) => {
    expect(resolveRoleKey(input, ['Security Lead'])).toEqual({ key, name });
  });

  it('returns null for unknown or empty names', () => {
    expect(resolveRoleKey('janitor', ['Security Lead'])).toBeNull();
    expect(resolveRoleKey('   ', [])).toBeNull();
  });
});

describe('customRoleKey', () => {
  it('slugs names, keeping letters of any script', () => {
    expect(customRoleKey('Security Lead')).toBe('custom:security-lead');
    expect(customRoleKey('  Réseau / DNS ')).toBe('custom:reseau-dns');
    expect(customRoleKey('!!!')).toBe('custom:role');
  });
});

describe('currentHolders and tenure', () => {
  it('keeps only open tenures per role, oldest first', () => {
    const rows = [
      tenure('ic', 'Alice', 0, 30),
      tenure('ic', 'Bob', 30),
      tenure('sme', 'Dana', 20),
      tenure('sme', 'Carol', 10),
    ];
    const holders = currentHolders(rows);
    expect(holders.get('ic')?.map((a) => a.person)).toEqual(['Bob']);
    expect(holders.get('sme')?.map((a) => a.person)).toEqual(['Carol', 'Dana']);
    expect(holders.get('scribe')).toBeUndefined();
  });

  it('measures closed tenures to their end and open ones to now', () => {
    expect(tenureMs(tenure('ic', 'A', 0, 30), T0 + 90 * MIN)).toBe(30 * MIN);
    expect(tenureMs(tenure('ic', 'A', 0), T0 + 90 * MIN)).toBe(90 * MIN);
    expect(tenureMs(tenure('ic', 'A', 10), T0)).toBe(0);
  });
});

describe('missingCoreRoles', () => {
  it('names IC and Scribe until both are held', () => {
    expect(missingCoreRoles([])).toEqual(['Incident Commander', 'Scribe']);
    expect(missingCoreRoles([tenure('ic', 'Alice', 0)])).toEqual(['Scribe']);
    expect(missingCoreRoles([tenure('ic', 'Alice', 0), tenure('scribe', 'Sam', 0)])).toEqual([]);
    // Released Scribe: missing again.
    expect(missingCoreRoles([tenure('ic', 'Alice', 0), tenure('scribe', 'Sam', 0, 5)])).toEqual([
      'Scribe',
    ]);
  });
});

describe('icNudge', () => {
  it('nudges only after the same person has been IC longer than the setting', () => {
    const rows = [tenure('ic', 'Alice', 0)];
    expect(icNudge(rows, T0 + 4 * 60 * MIN, 4, 'investigating')).toBeNull();
    expect(icNudge(rows, T0 + (4 * 60 + 10) * MIN, 4, 'investigating')?.text).toBe(
      'Alice has been Incident Commander for 4 h 10 min — consider a handoff',
    );
    expect(icNudge(rows, T0 + 90 * MIN, 1, 'investigating')?.person).toBe('Alice');
  });

  it('restarts the clock on a handoff and is silent with no IC', () => {
    const rows = [tenure('ic', 'Alice', 0, 200), tenure('ic', 'Bob', 200)];
    expect(icNudge(rows, T0 + 300 * MIN, 4, 'investigating')).toBeNull();
    expect(icNudge([tenure('ic', 'Alice', 0, 10)], T0 + 600 * MIN, 4, 'investigating')).toBeNull();
  });

  it('stops once the incident is resolved, whatever the status before', () => {
    const rows = [tenure('ic', 'Alice', 0)];
    const aWeekLater = T0 + 7 * 24 * 60 * MIN;
    for (const status of ['identified', 'mitigating', 'monitoring'] as const)
      expect(icNudge(rows, aWeekLater, 4, status)?.person).toBe('Alice');
    expect(icNudge(rows, aWeekLater, 4, 'resolved')).toBeNull();
  });
});

describe('roleChangeText', () => {
  it.each([
    ['Incident Commander', null, 'Alice', '', 'Incident Commander: Alice'],
    ['Incident Commander', 'Alice', 'Bob', '', 'Incident Commander: Alice → Bob'],
    ['Scribe', 'Alice', null, '', 'Scribe: Alice → Unassigned'],
    [
      'Incident Commander',
      'Alice',
      'Bob',
      ' 2 hypotheses open ',
      'Incident Commander: Alice → Bob — note: 2 hypotheses open',
    ],
  ])('%s %s → %s', (role, from, to, note, text) => {
    expect(roleChangeText(role, from, to, note)).toBe(text);
  });
});

describe('boardRoles', () => {
  it('lists defaults, then custom roles from assignments and added names, each once', () => {
    const rows = [tenure('custom:db-lead', 'Eve', 5, null, 'DB Lead')];
    const roles = boardRoles(rows, ['Security Lead', 'db lead']);
    expect(roles.slice(0, 4).map((r) => r.name)).toEqual([
      'Incident Commander',
      'Communications Lead',
      'Technical Lead',
      'Scribe',
    ]);
    expect(roles.slice(7).map((r) => [r.key, r.name])).toEqual([
      ['custom:db-lead', 'DB Lead'],
      ['custom:security-lead', 'Security Lead'],
    ]);
  });
});

describe('respondersList', () => {
  it('lists every tenure in the order it began, with open ones ending null', () => {
    const rows = [
      tenure('ic', 'Bob', 30, null, 'Incident Commander'),
      tenure('ic', 'Alice', 0, 30, 'Incident Commander'),
      tenure('scribe', 'Sam', 5, null, 'Scribe'),
    ];
    expect(respondersList(rows).map((r) => [r.role, r.person, r.from - T0, r.to])).toEqual([
      ['Incident Commander', 'Alice', 0, T0 + 30 * MIN],
      ['Scribe', 'Sam', 5 * MIN, null],
      ['Incident Commander', 'Bob', 30 * MIN, null],
    ]);
  });
});

describe('suggestNames', () => {
  it('orders by most recent use and drops case duplicates', () => {
    expect(
      suggestNames([
        { name: 'Alice', lastUsedAt: 1 },
        { name: 'Bob', lastUsedAt: 3 },
        { name: 'bob', lastUsedAt: 2 },
      ]),
    ).toEqual(['Bob', 'Alice']);
  });
});

describe('resolveRoleKey: prototype names', () => {
  it.each(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'])(
    '%j is not a role (and does not throw)',
    (input) => {
      expect(resolveRoleKey(input, [])).toBeNull();
      expect(findDefaultRole(input)).toBeUndefined();
    },
  );

  it('a custom role may still be called "constructor"', () => {
    expect(resolveRoleKey('constructor', ['Constructor'])?.name).toBe('Constructor');
  });
});
