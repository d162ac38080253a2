import { findDefaultRole, type RoleAssignment } from '../../../shared/domain/roles';
import {
  customRoleKey,
  isCustomRoleKey,
  resolveRoleKey,
  ROLE_NAME_MAX,
  roleChangeText,
} from '../../../shared/logic/roles';
import { newId } from '../../../shared/domain/ids';
import type { WarroomDb } from '../schema';
import { happenedAt, type CommandContext } from '../../../shared/commands/context';
import { systemEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';
import { PERSON_NAME_MAX, touchPerson } from './people';

/**
 * Settings key holding the custom role names added to one incident but not necessarily filled
 * yet. Kept in `settings` (schema v1 has no place for it, and it must be live in every window);
 * custom roles that have been filled are also derivable from their `roleAssignments` rows.
 */
export function customRolesSettingKey(incidentId: string): string {
  return `customRoles:${incidentId}`;
}

function asNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Custom role names of an incident: those added, then those only seen in assignments. */
export async function readCustomRoleNames(db: WarroomDb, incidentId: string): Promise<string[]> {
  const [row, rows] = await Promise.all([
    db.settings.get(customRolesSettingKey(incidentId)),
    db.roleAssignments.where('incidentId').equals(incidentId).toArray(),
  ]);
  const names = asNames(row?.value);
  const keys = new Set(names.map(customRoleKey));
  for (const a of rows.sort((x, y) => x.startedAt - y.startedAt)) {
    if (isCustomRoleKey(a.role) && !keys.has(a.role)) {
      keys.add(a.role);
      names.push(a.roleName);
    }
  }
  return names;
}

/** All tenures of an incident (open and closed), oldest first. */
export async function listAssignments(
  db: WarroomDb,
  incidentId: string,
): Promise<RoleAssignment[]> {
  const rows = await db.roleAssignments.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => a.startedAt - b.startedAt);
}

async function mustHaveIncident(db: WarroomDb, incidentId: string): Promise<void> {
  if (!(await db.incidents.get(incidentId))) throw new RepoError('This incident no longer exists.');
}

function cleanPerson(person: string): string {
  const name = person.trim().replace(/\s+/g, ' ');
  if (!name) throw new RepoError('Type the name of the person taking this role.', 'person');
  if (name.length > PERSON_NAME_MAX)
    throw new RepoError(`A name can be at most ${PERSON_NAME_MAX} characters.`, 'person');
  return name;
}

/**
 * Assigns a role, or hands it off, in one transaction: closes the current tenure of a
 * single-holder role, opens the new one, records the person in the directory and writes the
 * timeline entry ("Incident Commander: Alice → Bob — note: …"). For a role with several
 * holders (Subject Matter Expert) it adds a holder. Custom roles use a "custom:<slug>" key and
 * need `opts.roleName` unless the incident already knows them. Assigning the person who already
 * holds the role is refused.
 */
export async function assignRole(
  db: WarroomDb,
  incidentId: string,
  roleKey: string,
  person: string,
  ctx: CommandContext,
  opts: { roleName?: string; note?: string } = {},
): Promise<RoleAssignment> {
  const typed = cleanPerson(person);
  const note = (opts.note ?? '').trim();
  const def = findDefaultRole(roleKey);
  if (!def && !isCustomRoleKey(roleKey)) throw new RepoError(`Unknown role "${roleKey}".`, 'role');
  return db.transaction(
    'rw',
    [db.incidents, db.roleAssignments, db.people, db.timelineEntries, db.settings],
    async () => {
      await mustHaveIncident(db, incidentId);
      let roleName = def?.name ?? opts.roleName?.trim();
      if (!roleName) {
        const names = await readCustomRoleNames(db, incidentId);
        roleName = names.find((n) => customRoleKey(n) === roleKey)?.trim();
      }
      if (!roleName) throw new RepoError(`Unknown role "${roleKey}".`, 'role');
      const open = (
        await db.roleAssignments.where('[incidentId+role]').equals([incidentId, roleKey]).toArray()
      )
        .filter((a) => a.endedAt === null)
        .sort((a, b) => a.startedAt - b.startedAt);
      const directory = await touchPerson(db, typed, ctx.now);
      const name = directory.name;
      if (open.some((a) => a.person.toLowerCase() === name.toLowerCase()))
        throw new RepoError(`${name} already holds ${roleName}.`, 'person');
      const multiple = def?.multiple ?? false;
      const previous = multiple ? null : (open.at(-1)?.person ?? null);
      if (!multiple)
        for (const a of open) await db.roleAssignments.update(a.id, { endedAt: happenedAt(ctx) });
      const assignment: RoleAssignment = {
        id: newId(),
        incidentId,
        role: roleKey,
        roleName,
        person: name,
        startedAt: happenedAt(ctx),
        endedAt: null,
        note,
        assignedBy: ctx.author,
      };
      await db.roleAssignments.add(assignment);
      await db.timelineEntries.add(
        systemEntry(
          incidentId,
          roleChangeText(roleName, previous, name, note),
          { type: 'role', field: roleKey, from: previous, to: name, reason: note || null },
          ctx,
        ),
      );
      return assignment;
    },
  );
}

/** Ends one tenure without a successor ("Scribe: Alice → Unassigned"), recorded on the timeline. */
export async function releaseRole(
  db: WarroomDb,
  assignmentId: string,
  ctx: CommandContext,
): Promise<RoleAssignment> {
  return db.transaction('rw', [db.roleAssignments, db.timelineEntries], async () => {
    const a = await db.roleAssignments.get(assignmentId);
    if (!a) throw new RepoError('This assignment no longer exists.');
    if (a.endedAt !== null)
      throw new RepoError(`${a.person} no longer holds ${a.roleName}.`, 'person');
    const closed = { ...a, endedAt: happenedAt(ctx) };
    await db.roleAssignments.put(closed);
    await db.timelineEntries.add(
      systemEntry(
        a.incidentId,
        roleChangeText(a.roleName, a.person, null),
        { type: 'role', field: a.role, from: a.person, to: null, reason: null },
        ctx,
      ),
    );
    return closed;
  });
}

/**
 * Adds a custom role to an incident's board (empty until someone is assigned), stored under
 * {@link customRolesSettingKey} so every window sees it, and records it on the timeline.
 */
export async function addCustomRole(
  db: WarroomDb,
  incidentId: string,
  name: string,
  ctx: CommandContext,
): Promise<{ key: string; name: string }> {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new RepoError('Give the role a name.', 'roleName');
  if (clean.length > ROLE_NAME_MAX)
    throw new RepoError(`A role name can be at most ${ROLE_NAME_MAX} characters.`, 'roleName');
  return db.transaction(
    'rw',
    [db.incidents, db.roleAssignments, db.settings, db.timelineEntries],
    async () => {
      await mustHaveIncident(db, incidentId);
      const existing = await readCustomRoleNames(db, incidentId);
      const clash = resolveRoleKey(clean, existing);
      if (clash) throw new RepoError(`There is already a role "${clash.name}".`, 'roleName');
      const key = customRoleKey(clean);
      const settingKey = customRolesSettingKey(incidentId);
      const stored = asNames((await db.settings.get(settingKey))?.value);
      await db.settings.put({ key: settingKey, value: [...stored, clean] });
      await db.timelineEntries.add(
        systemEntry(
          incidentId,
          `Role added: ${clean}`,
          { type: 'role', field: key, from: null, to: null, reason: 'role added' },
          ctx,
        ),
      );
      return { key, name: clean };
    },
  );
}
