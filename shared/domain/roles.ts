import { z } from 'zod';
import { timestampSchema } from './timestamp';
import { limitedText } from './limits';

/** A role definition: the defaults below, plus any the user adds. */
export interface RoleDefinition {
  key: string;
  name: string;
  /** One line on what the holder does. */
  duty: string;
  optional: boolean;
  /** Several people may hold it at once (Subject Matter Experts). */
  multiple: boolean;
}

export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  {
    key: 'ic',
    name: 'Incident Commander',
    duty: 'Owns the timeline and decisions; delegates, does not fix.',
    optional: false,
    multiple: false,
  },
  {
    key: 'comms',
    name: 'Communications Lead',
    duty: "Sends stakeholder updates on the severity's cadence; one voice outward.",
    optional: false,
    multiple: false,
  },
  {
    key: 'tech',
    name: 'Technical Lead',
    duty: 'Drives diagnosis with runbooks and observability; proposes remediation.',
    optional: false,
    multiple: false,
  },
  {
    key: 'scribe',
    name: 'Scribe',
    duty: 'Logs every action, finding and decision with timestamps, in real time.',
    optional: false,
    multiple: false,
  },
  {
    key: 'deputy',
    name: 'Deputy',
    duty: 'Watches the timers; hot standby for the Incident Commander.',
    optional: true,
    multiple: false,
  },
  {
    key: 'sme',
    name: 'Subject Matter Expert',
    duty: 'Reports in CAN form: conditions, actions, needs.',
    optional: true,
    multiple: true,
  },
  {
    key: 'liaison',
    name: 'Customer Liaison',
    duty: 'Drafts public messages for the Incident Commander to approve.',
    optional: true,
    multiple: false,
  },
];

/** One tenure of one person in one role. A handoff closes one tenure and opens the next. */
export const roleAssignmentSchema = z.object({
  id: limitedText('id', { min: 1 }),
  incidentId: limitedText('id', { min: 1 }),
  role: limitedText('id', { min: 1 }),
  /** Display name of the role at the time (custom roles have no default). */
  roleName: limitedText('roleName', { min: 1 }),
  person: limitedText('name', { min: 1 }),
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
  /** Handoff note given when this tenure began (open hypotheses, next update due…). */
  note: limitedText('handoffNote'),
  assignedBy: limitedText('name'),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/** Finds a default role by key or name, case-insensitively ("ic", "incident commander", "scribe"). */
export function findDefaultRole(input: string): RoleDefinition | undefined {
  const q = input.trim().toLowerCase();
  const aliases: Record<string, string> = {
    commander: 'ic',
    tl: 'tech',
    'tech lead': 'tech',
    cl: 'comms',
  };
  // Own keys only: "constructor" or "__proto__" typed as a role must not find Object.prototype.
  const key = (Object.hasOwn(aliases, q) ? aliases[q] : undefined) ?? q;
  return DEFAULT_ROLES.find((r) => r.key === key || r.name.toLowerCase() === key);
}
