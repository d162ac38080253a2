import type { Incident } from '../domain/incident';
import { newId } from '../domain/ids';
import type { Person, Setting } from '../domain/records';
import { nameKey } from '../domain/text';
import { findDefaultRole, type RoleAssignment } from '../domain/roles';
import {
  customRoleKey,
  isCustomRoleKey,
  resolveRoleKey,
  ROLE_NAME_MAX,
  roleChangeText,
} from '../logic/roles';
import { changes } from './change-set';
import { happenedAt, type CommandContext } from './context';
import { PERSON_NAME_MAX, personName, touchPerson } from './directory';
import { systemEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import type { Outcome } from './change-set';

/**
 * Role commands: assigning, handing off and releasing a role, adding a custom role. Each
 * change of a holder travels with its 'role' timeline entry for the incident (the record rule,
 * change-set.ts), so the post-mortem can rebuild who held what, when.
 */

/**
 * Settings key holding the custom role names added to one incident but not necessarily filled
 * yet. Kept in `settings` (schema v1 has no place for it, and it must be live in every window);
 * custom roles that have been filled are also derivable from their `roleAssignments` rows.
 */
export function customRolesSettingKey(incidentId: string): string {
  return `customRoles:${incidentId}`;
}

/** The names stored in a custom-roles setting's value (anything else in it is ignored). */
export function storedRoleNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Custom role names of an incident: those added (the {@link customRolesSettingKey} row), then
 * those only seen in its assignments (oldest tenure first), each key once.
 */
export function customRoleNames(
  stored: Setting | undefined,
  assignments: readonly RoleAssignment[],
): string[] {
  const names = storedRoleNames(stored?.value);
  const keys = new Set(names.map(customRoleKey));
  for (const a of [...assignments].sort((x, y) => x.startedAt - y.startedAt)) {
    if (isCustomRoleKey(a.role) && !keys.has(a.role)) {
      keys.add(a.role);
      names.push(a.roleName);
    }
  }
  return names;
}

/**
 * The name of the person taking a role, as stored ({@link personName}). Refuses (RepoError,
 * field 'person') an empty name or one over PERSON_NAME_MAX characters.
 */
export function checkPersonName(person: string): string {
  const name = personName(person);
  if (!name) throw new RepoError('Type the name of the person taking this role.', 'person');
  if (name.length > PERSON_NAME_MAX)
    throw new RepoError(`A name can be at most ${PERSON_NAME_MAX} characters.`, 'person');
  return name;
}

/** What {@link assignRole} reads: the incident, the role's tenures, its custom roles, the person. */
export interface AssignFacts {
  incident: Incident | undefined;
  /** The incident's tenures of this role (open and closed; only the open ones count). */
  tenures: readonly RoleAssignment[];
  /** The incident's custom role names ({@link customRoleNames}). */
  customNames: readonly string[];
  /** The directory row matching the person's name case-insensitively, if any. */
  person: Person | undefined;
}

/** What is being assigned: the role key ("ic", "custom:security-lead"), the person, a note. */
export interface AssignInput {
  roleKey: string;
  person: string;
  /** The display name of a custom role the incident does not know yet. */
  roleName?: string;
  /** The handoff note (open hypotheses, next update due…). */
  note?: string;
}

/**
 * Assigns a role, or hands it off: closes the open tenure of a single-holder role (at
 * `happenedAt(ctx)`), opens the new one, records the person in the directory and adds the
 * 'role' entry ("Incident Commander: Alice → Bob — note: …"). For a role with several holders
 * (Subject Matter Expert) it adds a holder. Refusals (RepoError), in this order: an empty or
 * over-long name (field 'person'); a key that is neither a default nor a custom role (field
 * 'role'); the incident gone; a custom role with no name given nor known (field 'role'); the
 * person already holding the role (field 'person').
 */
export function assignRole(
  facts: AssignFacts,
  input: AssignInput,
  ctx: CommandContext,
): Outcome<RoleAssignment> {
  const typed = checkPersonName(input.person);
  const note = (input.note ?? '').trim();
  const { roleKey } = input;
  const def = findDefaultRole(roleKey);
  if (!def && !isCustomRoleKey(roleKey)) throw new RepoError(`Unknown role "${roleKey}".`, 'role');
  const incident = existing(facts.incident, 'incident');
  const roleName =
    def?.name ??
    (input.roleName?.trim() || facts.customNames.find((n) => customRoleKey(n) === roleKey)?.trim());
  if (!roleName) throw new RepoError(`Unknown role "${roleKey}".`, 'role');
  const open = facts.tenures
    .filter((a) => a.endedAt === null)
    .sort((a, b) => a.startedAt - b.startedAt);
  const directory = touchPerson(facts.person, typed, ctx.now);
  const name = directory.result.name;
  if (open.some((a) => nameKey(a.person) === nameKey(name)))
    throw new RepoError(`${name} already holds ${roleName}.`, 'person');
  const multiple = def?.multiple ?? false;
  const previous = multiple ? null : (open.at(-1)?.person ?? null);
  const set = changes().merge(directory.changes);
  if (!multiple)
    for (const a of open) set.update('roleAssignments', { ...a, endedAt: happenedAt(ctx) });
  const assignment: RoleAssignment = {
    id: newId(),
    incidentId: incident.id,
    role: roleKey,
    roleName,
    person: name,
    startedAt: happenedAt(ctx),
    endedAt: null,
    note,
    assignedBy: ctx.author,
  };
  set
    .add('roleAssignments', assignment)
    .record(
      systemEntry(
        incident.id,
        roleChangeText(roleName, previous, name, note),
        { type: 'role', field: roleKey, from: previous, to: name, reason: note || null },
        ctx,
      ),
    );
  return { changes: set.build(), result: assignment };
}

/**
 * Ends one tenure without a successor ("Scribe: Alice → Unassigned") at `happenedAt(ctx)`, with
 * its 'role' entry. Refuses (RepoError) a gone assignment, and one already ended (field
 * 'person').
 */
export function releaseRole(
  found: RoleAssignment | undefined,
  ctx: CommandContext,
): Outcome<RoleAssignment> {
  const a = existing(found, 'assignment');
  if (a.endedAt !== null)
    throw new RepoError(`${a.person} no longer holds ${a.roleName}.`, 'person');
  const closed = { ...a, endedAt: happenedAt(ctx) };
  const set = changes()
    .update('roleAssignments', closed)
    .record(
      systemEntry(
        a.incidentId,
        roleChangeText(a.roleName, a.person, null),
        { type: 'role', field: a.role, from: a.person, to: null, reason: null },
        ctx,
      ),
    );
  return { changes: set.build(), result: closed };
}

/** What {@link addCustomRole} reads. */
export interface CustomRoleFacts {
  incident: Incident | undefined;
  /** The incident's {@link customRolesSettingKey} row, if any. */
  stored: Setting | undefined;
  /** The incident's custom role names ({@link customRoleNames}). */
  customNames: readonly string[];
}

/**
 * Adds a custom role to an incident's board (empty until someone is assigned): its name joins
 * the {@link customRolesSettingKey} row, and a 'role' entry "Role added: <name>" records it.
 * Refusals (RepoError), in this order: an empty name or one over ROLE_NAME_MAX characters
 * (field 'roleName'); the incident gone; a name that resolves to a role already there, default
 * or custom (field 'roleName').
 */
export function addCustomRole(
  facts: CustomRoleFacts,
  name: string,
  ctx: CommandContext,
): Outcome<{ key: string; name: string }> {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new RepoError('Give the role a name.', 'roleName');
  if (clean.length > ROLE_NAME_MAX)
    throw new RepoError(`A role name can be at most ${ROLE_NAME_MAX} characters.`, 'roleName');
  const incident = existing(facts.incident, 'incident');
  const clash = resolveRoleKey(clean, facts.customNames);
  if (clash) throw new RepoError(`There is already a role "${clash.name}".`, 'roleName');
  const key = customRoleKey(clean);
  const settingKey = customRolesSettingKey(incident.id);
  const set = changes()
    .update('settings', {
      key: settingKey,
      value: [...storedRoleNames(facts.stored?.value), clean],
    })
    .record(
      systemEntry(
        incident.id,
        `Role added: ${clean}`,
        { type: 'role', field: key, from: null, to: null, reason: 'role added' },
        ctx,
      ),
    );
  return { changes: set.build(), result: { key, name: clean } };
}
