import type { Status } from '../domain/status';
import { LIMITS } from '../domain/limits';
import {
  DEFAULT_ROLES,
  findDefaultRole,
  type RoleAssignment,
  type RoleDefinition,
} from '../domain/roles';
import { nameKey } from '../domain/text';
import { ownValue } from './own-value';
import { formatDuration } from './time';

const HOUR = 3_600_000;

/** Prefix of the keys of roles the user adds ("custom:security-lead"). */
export const CUSTOM_ROLE_PREFIX = 'custom:';

/** Longest custom role name accepted (it is a card title, not a description). */
export const ROLE_NAME_MAX = LIMITS.roleName.max;

/** The key a custom role is stored under: "Security Lead" → "custom:security-lead". */
export function customRoleKey(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${CUSTOM_ROLE_PREFIX}${slug || 'role'}`;
}

/** True for keys made by {@link customRoleKey}. */
export function isCustomRoleKey(key: string): boolean {
  return key.startsWith(CUSTOM_ROLE_PREFIX);
}

/** The definition of a user-added role: single holder, no fixed duty. */
export function customRoleDefinition(name: string): RoleDefinition {
  return {
    key: customRoleKey(name),
    name: name.trim(),
    duty: 'Custom role added for this incident.',
    optional: true,
    multiple: false,
  };
}

/**
 * Resolves what someone typed ("ic", "incident commander", "scribe", "tech", "Security Lead")
 * to a role key and display name; null when it names no default or custom role.
 */
export function resolveRoleKey(
  input: string,
  customRoleNames: readonly string[],
): { key: string; name: string } | null {
  const q = input.trim().replace(/\s+/g, ' ');
  if (!q) return null;
  const lower = q.toLowerCase();
  // Beyond findDefaultRole's own aliases: the words people say on a call.
  const extraAliases: Record<string, string> = {
    technical: 'tech',
    'comms lead': 'comms',
    communications: 'comms',
    'communications lead': 'comms',
    smes: 'sme',
    expert: 'sme',
    'subject matter expert': 'sme',
    'subject matter experts': 'sme',
  };
  const def = findDefaultRole(ownValue(extraAliases, lower) ?? lower);
  if (def) return { key: def.key, name: def.name };
  const custom =
    customRoleNames.find((n) => nameKey(n) === nameKey(q)) ??
    customRoleNames.find(
      (n) => customRoleKey(n) === lower || customRoleKey(n) === customRoleKey(q),
    );
  return custom ? { key: customRoleKey(custom), name: custom.trim() } : null;
}

/** Open tenures (no end), per role key, oldest first. */
export function currentHolders(
  assignments: readonly RoleAssignment[],
): Map<string, RoleAssignment[]> {
  const byRole = new Map<string, RoleAssignment[]>();
  for (const a of assignments) {
    if (a.endedAt !== null) continue;
    const list = byRole.get(a.role) ?? [];
    list.push(a);
    byRole.set(a.role, list);
  }
  for (const list of byRole.values()) list.sort((x, y) => x.startedAt - y.startedAt);
  return byRole;
}

/** How long a tenure lasted (or has lasted so far). */
export function tenureMs(a: Pick<RoleAssignment, 'startedAt' | 'endedAt'>, now: number): number {
  return Math.max(0, (a.endedAt ?? now) - a.startedAt);
}

/** Names of the roles that must be filled before troubleshooting and are empty. */
export function missingCoreRoles(assignments: readonly RoleAssignment[]): string[] {
  const holders = currentHolders(assignments);
  return DEFAULT_ROLES.filter((r) => r.key === 'ic' || r.key === 'scribe')
    .filter((r) => !holders.get(r.key)?.length)
    .map((r) => r.name);
}

/** The banner shown while an Incident Commander or a Scribe is missing. */
export const CORE_ROLES_BANNER = 'Assign an Incident Commander and a Scribe before troubleshooting';

/**
 * The nudge when one person has been Incident Commander longer than `icNudgeHours`
 * ("Alice has been Incident Commander for 4 h 10 min — consider a handoff"); null otherwise,
 * and always null once the incident is resolved (`status`): nobody needs relieving from a
 * response that is over, and a week-old nudge is noise.
 */
export function icNudge(
  assignments: readonly RoleAssignment[],
  now: number,
  icNudgeHours: number,
  status: Status,
): { person: string; heldMs: number; text: string } | null {
  if (status === 'resolved') return null;
  const ic = currentHolders(assignments).get('ic')?.[0];
  if (!ic) return null;
  const heldMs = tenureMs(ic, now);
  if (heldMs <= icNudgeHours * HOUR) return null;
  return {
    person: ic.person,
    heldMs,
    text: `${ic.person} has been Incident Commander for ${formatDuration(heldMs)} — consider a handoff`,
  };
}

/**
 * The timeline text of a role change: "Incident Commander: Alice → Bob", "Incident Commander:
 * Alice" on a first assignment, "Scribe: Alice → Unassigned" on a release, plus " — note: …".
 */
export function roleChangeText(
  roleName: string,
  from: string | null,
  to: string | null,
  note = '',
): string {
  const target = to ?? 'Unassigned';
  const body = from ? `${roleName}: ${from} → ${target}` : `${roleName}: ${target}`;
  const why = note.trim();
  return why ? `${body} — note: ${why}` : body;
}

/**
 * The roles an incident's board shows: the defaults, then custom roles taken from its
 * assignments and from the names added but not yet filled, each once, in the order first seen.
 */
export function boardRoles(
  assignments: readonly RoleAssignment[],
  addedCustomNames: readonly string[],
): RoleDefinition[] {
  const roles: RoleDefinition[] = [...DEFAULT_ROLES];
  const seen = new Set(roles.map((r) => r.key));
  const custom = [...assignments]
    .filter((a) => isCustomRoleKey(a.role))
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((a) => ({ key: a.role, name: a.roleName }));
  for (const name of addedCustomNames) custom.push({ key: customRoleKey(name), name: name.trim() });
  for (const c of custom) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    roles.push({ ...customRoleDefinition(c.name), key: c.key });
  }
  return roles;
}

/** One line of the post-mortem's responders list. */
export interface Responder {
  role: string;
  person: string;
  from: number;
  /** Null while the person still holds the role. */
  to: number | null;
  note: string;
}

/** Every tenure, in the order it began: the post-mortem's responders list and the history. */
export function respondersList(assignments: readonly RoleAssignment[]): Responder[] {
  return [...assignments]
    .sort((a, b) => a.startedAt - b.startedAt || a.roleName.localeCompare(b.roleName))
    .map((a) => ({
      role: a.roleName,
      person: a.person,
      from: a.startedAt,
      to: a.endedAt,
      note: a.note,
    }));
}

/** Names, most recently used first, with case-insensitive duplicates removed. */
export function suggestNames(people: readonly { name: string; lastUsedAt: number }[]): string[] {
  const seen = new Set<string>();
  return [...people]
    .sort((a, b) => b.lastUsedAt - a.lastUsedAt)
    .map((p) => p.name)
    .filter((n) => {
      const k = n.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}
