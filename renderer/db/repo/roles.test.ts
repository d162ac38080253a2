import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import type { WarroomDb } from '../schema';
import { subscribeChanges, type ChangeEvent } from '../commit';
import { failWritesTo, freshDb } from '../test-db';
import { RepoError } from './errors';
import { declareIncident } from './incidents';
import { listPeople } from './people';
import {
  addCustomRole,
  assignRole,
  customRolesSettingKey,
  listAssignments,
  readCustomRoleNames,
  releaseRole,
} from './roles';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const MIN = 60_000;
const ctx = (min = 0) => ({ now: NOW + min * MIN, author: 'Me' });

let db: WarroomDb;
let inc: Incident;
beforeEach(async () => {
  db = await freshDb();
  inc = await declareIncident(
    db,
    { title: 'Checkout API errors', severity: 'SEV2', startedAt: NOW - 10 * MIN },
    ctx(),
  );
});
afterEach(() => {
  db.close();
});

async function roleEntries() {
  return (await db.timelineEntries.where('incidentId').equals(inc.id).toArray())
    .filter((e) => e.change?.type === 'role')
    .sort((a, b) => a.loggedAt - b.loggedAt);
}

describe('assignRole', () => {
  it('opens a tenure and records "Incident Commander: Alice" on a first assignment', async () => {
    const a = await assignRole(db, inc.id, 'ic', '  Alice ', ctx(1));
    expect(a).toMatchObject({
      role: 'ic',
      roleName: 'Incident Commander',
      person: 'Alice',
      startedAt: NOW + MIN,
      endedAt: null,
      assignedBy: 'Me',
    });
    const [entry] = await roleEntries();
    expect(entry?.text).toBe('Incident Commander: Alice');
    expect(entry?.kind).toBe('system');
    expect(entry?.change).toEqual({
      type: 'role',
      field: 'ic',
      from: null,
      to: 'Alice',
      reason: null,
    });
  });

  it('a handoff closes the previous tenure, opens the next and keeps the note', async () => {
    const alice = await assignRole(db, inc.id, 'ic', 'Alice', ctx(1));
    const bob = await assignRole(db, inc.id, 'ic', 'Bob', ctx(30), {
      note: '2 hypotheses open; next update 14:45',
    });
    const rows = await listAssignments(db, inc.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === alice.id)?.endedAt).toBe(NOW + 30 * MIN);
    expect(rows.find((r) => r.id === bob.id)).toMatchObject({
      endedAt: null,
      note: '2 hypotheses open; next update 14:45',
    });
    const entries = await roleEntries();
    expect(entries.map((e) => e.text)).toEqual([
      'Incident Commander: Alice',
      'Incident Commander: Alice → Bob — note: 2 hypotheses open; next update 14:45',
    ]);
    expect(entries[1]?.change).toMatchObject({
      from: 'Alice',
      to: 'Bob',
      reason: '2 hypotheses open; next update 14:45',
    });
  });

  it('refuses the person who already holds the role (any case) and writes nothing', async () => {
    await assignRole(db, inc.id, 'scribe', 'Alice', ctx(1));
    const before = await db.timelineEntries.count();
    const err = await assignRole(db, inc.id, 'scribe', 'alice', ctx(2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepoError);
    expect(err).toMatchObject({ field: 'person', message: 'Alice already holds Scribe.' });
    expect(await db.timelineEntries.count()).toBe(before);
    expect(await listAssignments(db, inc.id)).toHaveLength(1);
    expect((await listPeople(db))[0]?.lastUsedAt).toBe(NOW + MIN);
  });

  it('rejects an empty name, an unknown role and a missing incident', async () => {
    await expect(assignRole(db, inc.id, 'ic', '   ', ctx())).rejects.toMatchObject({
      field: 'person',
    });
    await expect(assignRole(db, inc.id, 'janitor', 'Al', ctx())).rejects.toMatchObject({
      field: 'role',
    });
    await expect(assignRole(db, inc.id, 'custom:nope', 'Al', ctx())).rejects.toBeInstanceOf(
      RepoError,
    );
    await expect(assignRole(db, 'missing', 'ic', 'Al', ctx())).rejects.toBeInstanceOf(RepoError);
    expect(await db.roleAssignments.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
  });

  it('grows the people directory, reusing a name whatever its case, most recent first', async () => {
    await assignRole(db, inc.id, 'ic', 'Alice', ctx(1));
    await assignRole(db, inc.id, 'scribe', 'Sam', ctx(2));
    const tech = await assignRole(db, inc.id, 'tech', 'alice', ctx(3));
    expect(tech.person).toBe('Alice');
    const people = await listPeople(db);
    expect(people.map((p) => [p.name, p.lastUsedAt])).toEqual([
      ['Alice', NOW + 3 * MIN],
      ['Sam', NOW + 2 * MIN],
    ]);
  });

  it('lets several Subject Matter Experts hold the role; releasing ends one', async () => {
    const carol = await assignRole(db, inc.id, 'sme', 'Carol', ctx(1));
    await assignRole(db, inc.id, 'sme', 'Dana', ctx(2));
    await expect(assignRole(db, inc.id, 'sme', 'Carol', ctx(3))).rejects.toBeInstanceOf(RepoError);
    let open = (await listAssignments(db, inc.id)).filter((a) => a.endedAt === null);
    expect(open.map((a) => a.person)).toEqual(['Carol', 'Dana']);
    await releaseRole(db, carol.id, ctx(4));
    open = (await listAssignments(db, inc.id)).filter((a) => a.endedAt === null);
    expect(open.map((a) => a.person)).toEqual(['Dana']);
    expect((await roleEntries()).map((e) => e.text)).toEqual([
      'Subject Matter Expert: Carol',
      'Subject Matter Expert: Dana',
      'Subject Matter Expert: Carol → Unassigned',
    ]);
  });

  it('writes the tenure, the directory row and the entry atomically', async () => {
    // A failing write of the timeline entry must roll back the assignment and the person.
    const hook = (): void => {
      throw new Error('disk full');
    };
    db.timelineEntries.hook('creating', hook);
    await expect(assignRole(db, inc.id, 'ic', 'Alice', ctx(1))).rejects.toThrow('disk full');
    db.timelineEntries.hook('creating').unsubscribe(hook);
    expect(await db.roleAssignments.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
  });

  it('never deletes history: three handoffs leave three tenures', async () => {
    await assignRole(db, inc.id, 'ic', 'Alice', ctx(1));
    await assignRole(db, inc.id, 'ic', 'Bob', ctx(2));
    await assignRole(db, inc.id, 'ic', 'Alice', ctx(3));
    const rows = await listAssignments(db, inc.id);
    expect(rows.map((r) => [r.person, r.endedAt])).toEqual([
      ['Alice', NOW + 2 * MIN],
      ['Bob', NOW + 3 * MIN],
      ['Alice', null],
    ]);
  });
});

describe('releaseRole', () => {
  it('records "Scribe: Alice → Unassigned" and refuses to release twice', async () => {
    const a = await assignRole(db, inc.id, 'scribe', 'Alice', ctx(1));
    const closed = await releaseRole(db, a.id, ctx(5));
    expect(closed.endedAt).toBe(NOW + 5 * MIN);
    const entries = await roleEntries();
    expect(entries.at(-1)?.text).toBe('Scribe: Alice → Unassigned');
    expect(entries.at(-1)?.change).toMatchObject({ field: 'scribe', from: 'Alice', to: null });
    await expect(releaseRole(db, a.id, ctx(6))).rejects.toBeInstanceOf(RepoError);
    expect(await roleEntries()).toHaveLength(2);
  });
});

describe('custom roles', () => {
  it('adds an empty custom role, then assigns it by key', async () => {
    const role = await addCustomRole(db, inc.id, ' Security  Lead ', ctx(1));
    expect(role).toEqual({ key: 'custom:security-lead', name: 'Security Lead' });
    expect((await db.settings.get(customRolesSettingKey(inc.id)))?.value).toEqual([
      'Security Lead',
    ]);
    expect(await readCustomRoleNames(db, inc.id)).toEqual(['Security Lead']);
    const a = await assignRole(db, inc.id, role.key, 'Eve', ctx(2));
    expect(a.roleName).toBe('Security Lead');
    expect((await roleEntries()).map((e) => e.text)).toEqual([
      'Role added: Security Lead',
      'Security Lead: Eve',
    ]);
  });

  it('knows custom roles assigned with a name but never added', async () => {
    await assignRole(db, inc.id, 'custom:db-lead', 'Eve', ctx(1), { roleName: 'DB Lead' });
    expect(await readCustomRoleNames(db, inc.id)).toEqual(['DB Lead']);
    const next = await assignRole(db, inc.id, 'custom:db-lead', 'Finn', ctx(2));
    expect(next.roleName).toBe('DB Lead');
  });

  it('refuses empty names and names of existing roles', async () => {
    await expect(addCustomRole(db, inc.id, ' ', ctx())).rejects.toMatchObject({
      field: 'roleName',
    });
    await expect(addCustomRole(db, inc.id, 'scribe', ctx())).rejects.toBeInstanceOf(RepoError);
    await addCustomRole(db, inc.id, 'Security Lead', ctx());
    await expect(addCustomRole(db, inc.id, 'security lead', ctx())).rejects.toBeInstanceOf(
      RepoError,
    );
    expect(await readCustomRoleNames(db, inc.id)).toEqual(['Security Lead']);
  });
});

describe('through the one commit', () => {
  it('a handoff is one change set: the closed and the new tenure, the person, the role entry', async () => {
    await assignRole(db, inc.id, 'ic', 'Alice', ctx(1));
    const events: ChangeEvent[] = [];
    const stop = subscribeChanges(db, (e) => events.push(e));
    try {
      await assignRole(db, inc.id, 'ic', 'Bob', ctx(2), { note: 'over to you' });
    } finally {
      stop();
    }
    const committed = events.filter((e) => e.status === 'committed');
    expect(committed).toHaveLength(1);
    const cs = committed[0]!.changeSet.changes;
    expect(cs.roleAssignments?.updated?.map((a) => a.person)).toEqual(['Alice']);
    expect(cs.roleAssignments?.added?.map((a) => a.person)).toEqual(['Bob']);
    expect(cs.people?.added?.map((p) => p.name)).toEqual(['Bob']);
    expect(cs.timelineEntries?.added?.map((e) => e.change?.type)).toEqual(['role']);
  });

  it('a failed write leaves no tenure and no entry', async () => {
    const undo = failWritesTo('timelineEntries', new DOMException('full', 'QuotaExceededError'));
    try {
      await expect(assignRole(db, inc.id, 'ic', 'Alice', ctx(1))).rejects.toThrow();
    } finally {
      undo();
    }
    expect(await listAssignments(db, inc.id)).toEqual([]);
    expect(await roleEntries()).toEqual([]);
    expect(await listPeople(db)).toEqual([]);
  });
});
