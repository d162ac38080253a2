import type { RoleCommand } from '../../../shared/logic/commands';
import { resolveRoleKey } from '../../../shared/logic/roles';
import type { CommandContext } from '../../db/repo/context';
import { RepoError } from '../../db/repo/errors';
import { assignRole, readCustomRoleNames } from '../../db/repo/roles';
import type { WarroomDb } from '../../db/schema';

/**
 * `/ic` and `/role`: hands the role to the person through the role board's own repo command, so a
 * role change from the log line and one from the board are the same record (tenure + entry).
 */
export async function assignRoleFromLog(
  db: WarroomDb,
  incidentId: string,
  cmd: RoleCommand,
  ctx: CommandContext,
): Promise<void> {
  let key = cmd.roleKey;
  let roleName = cmd.roleName;
  if (cmd.custom) {
    const found = resolveRoleKey(cmd.roleName, await readCustomRoleNames(db, incidentId));
    if (!found) throw new RepoError(`Unknown role "${cmd.roleName}".`, 'role');
    key = found.key;
    roleName = found.name;
  }
  await assignRole(db, incidentId, key, cmd.person, ctx, { roleName });
}
