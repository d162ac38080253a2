import type { RoleAssignment } from '../../../shared/domain/roles';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/roles';
import { runCommand } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';
import { personNamed } from './people';

export { customRolesSettingKey } from '../../../shared/commands/roles';

/** Custom role names of an incident: those added, then those only seen in assignments. */
export async function readCustomRoleNames(db: ReadonlyDb, incidentId: string): Promise<string[]> {
  const [row, rows] = await Promise.all([
    db.settings.get(cmd.customRolesSettingKey(incidentId)),
    db.roleAssignments.where('incidentId').equals(incidentId).toArray(),
  ]);
  return cmd.customRoleNames(row, rows);
}

/** All tenures of an incident (open and closed), oldest first. */
export async function listAssignments(
  db: ReadonlyDb,
  incidentId: string,
): Promise<RoleAssignment[]> {
  const rows = await db.roleAssignments.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Assigns a role, or hands it off, as one change set: see {@link cmd.assignRole} for what it
 * writes and the refusals (RepoError naming the field). Custom roles use a "custom:<slug>" key
 * and need `opts.roleName` unless the incident already knows them. Storage failures as
 * db/commit.ts.
 */
export function assignRole(
  db: WarroomDb,
  incidentId: string,
  roleKey: string,
  person: string,
  ctx: CommandContext,
  opts: { roleName?: string; note?: string } = {},
): Promise<RoleAssignment> {
  return runCommand(db, ['incidents', 'roleAssignments', 'people', 'settings'], async (read) => {
    // Refused before anything is read when the name is empty or too long.
    const name = cmd.checkPersonName(person);
    const [incident, tenures, customNames, found] = await Promise.all([
      read.incidents.get(incidentId),
      read.roleAssignments.where('[incidentId+role]').equals([incidentId, roleKey]).toArray(),
      readCustomRoleNames(read, incidentId),
      personNamed(read, name),
    ]);
    return cmd.assignRole(
      { incident, tenures, customNames, person: found },
      { roleKey, person: name, roleName: opts.roleName, note: opts.note },
      ctx,
    );
  });
}

/** Ends one tenure without a successor: see {@link cmd.releaseRole}. */
export function releaseRole(
  db: WarroomDb,
  assignmentId: string,
  ctx: CommandContext,
): Promise<RoleAssignment> {
  return runCommand(db, ['roleAssignments'], async (read) =>
    cmd.releaseRole(await read.roleAssignments.get(assignmentId), ctx),
  );
}

/**
 * Adds a custom role to an incident's board (empty until someone is assigned), kept under
 * {@link cmd.customRolesSettingKey} so every window sees it, and recorded on the timeline: see
 * {@link cmd.addCustomRole} for the refusals.
 */
export function addCustomRole(
  db: WarroomDb,
  incidentId: string,
  name: string,
  ctx: CommandContext,
): Promise<{ key: string; name: string }> {
  return runCommand(db, ['incidents', 'roleAssignments', 'settings'], async (read) => {
    const [incident, stored, customNames] = await Promise.all([
      read.incidents.get(incidentId),
      read.settings.get(cmd.customRolesSettingKey(incidentId)),
      readCustomRoleNames(read, incidentId),
    ]);
    return cmd.addCustomRole({ incident, stored, customNames }, name, ctx);
  });
}
