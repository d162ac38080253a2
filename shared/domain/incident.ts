import { z } from 'zod';
import { timestampSchema } from './timestamp';
import { severitySchema } from './severity';
import { milestoneSchema, statusSchema } from './status';
import { audienceCadenceSchema, audienceSchema } from './audience';
import { LIMITS, LIST_LIMITS, limitedText } from './limits';

export const DETECTION_SOURCES = ['alert', 'customer-report', 'internal'] as const;
export const detectionSourceSchema = z.enum(DETECTION_SOURCES);
export type DetectionSource = z.infer<typeof detectionSourceSchema>;
export const DETECTION_SOURCE_LABELS: Readonly<Record<DetectionSource, string>> = {
  alert: 'Alert',
  'customer-report': 'Customer report',
  internal: 'Internal',
};

/** Longest incident title, in characters (shared/domain/limits.ts). */
export const TITLE_MAX = LIMITS.title.max;

/** Users affected: a head count or a share of users. */
export const usersAffectedSchema = z.object({
  value: z.number().nonnegative(),
  unit: z.enum(['users', 'percent']),
});
export type UsersAffected = z.infer<typeof usersAffectedSchema>;

export const impactSchema = z.object({
  summary: limitedText('impactSummary'),
  usersAffected: usersAffectedSchema.nullable(),
  customerFacing: z.boolean(),
  payingAccounts: z.boolean(),
  dataIntegrity: z.boolean(),
  revenueImpact: limitedText('revenueImpact'),
  supportTickets: z.number().int().nonnegative().nullable(),
});
export type Impact = z.infer<typeof impactSchema>;

export const milestonesSchema = z.partialRecord(milestoneSchema, timestampSchema);
export type Milestones = z.infer<typeof milestonesSchema>;

/** An incident as stored in the `incidents` table. Times are epoch milliseconds (UTC). */
export const incidentSchema = z.object({
  id: limitedText('id', { min: 1 }),
  /** Human reference INC-YYYY-MM-DD-NNN. */
  ref: z
    .string()
    .max(40)
    .regex(/^INC-\d{4}-\d{2}-\d{2}-\d{3,}$/),
  /** Channel-style slug, e.g. #inc-2026-11-22-checkout-api-errors. */
  slug: limitedText('slug'),
  title: limitedText('title', { min: 1 }),
  severity: severitySchema,
  status: statusSchema,
  impact: impactSchema,
  services: z.array(limitedText('name')).max(LIST_LIMITS.services),
  detection: z.object({ source: detectionSourceSchema, alertName: limitedText('alertName') }),
  drill: z.boolean(),
  milestones: milestonesSchema,
  /** Per-audience update bookkeeping (timestamps only). */
  cadence: z.record(audienceSchema, audienceCadenceSchema),
  resolutionSummary: limitedText('resolutionSummary').nullable(),
  /** Escalation suggestions the IC dismissed, by trigger key → situation fingerprint. */
  dismissedSuggestions: z
    .record(limitedText('id'), limitedText('changeText'))
    .refine(
      (r) => Object.keys(r).length <= LIST_LIMITS.mapEntries,
      'Too many dismissed suggestions.',
    ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Incident = z.infer<typeof incidentSchema>;

/** What the Declare incident dialog submits, after validation. */
export const declareInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the incident a title.')
    .max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters or fewer.`),
  severity: severitySchema,
  services: z.array(limitedText('name')).max(LIST_LIMITS.services).default([]),
  impactSummary: limitedText('impactSummary').default(''),
  customerFacing: z.boolean().default(false),
  startedAt: timestampSchema,
  detectionSource: detectionSourceSchema.default('alert'),
  alertName: limitedText('alertName').default(''),
  drill: z.boolean().default(false),
});
export type DeclareInput = z.input<typeof declareInputSchema>;
export type DeclareValues = z.output<typeof declareInputSchema>;

/** Field-level problems with a declaration, keyed by field name. */
export type DeclareErrors = Partial<
  Record<'title' | 'severity' | 'startedAt' | 'services', string>
>;

/** Allowed clock skew when checking "never in the future". */
export const FUTURE_TOLERANCE_MS = 60_000;

/**
 * Validates a declaration; returns field errors (empty when valid). Pure: `now` is passed in.
 */
export function validateDeclaration(
  input: { title: string; severity: string | null; startedAt: number | null },
  now: number,
): DeclareErrors {
  const errors: DeclareErrors = {};
  const title = input.title.trim();
  if (title.length === 0) errors.title = 'Give the incident a title.';
  else if (title.length > TITLE_MAX)
    errors.title = `Keep the title to ${TITLE_MAX} characters or fewer (it has ${title.length}).`;
  if (!input.severity || !severitySchema.safeParse(input.severity).success)
    errors.severity = 'Choose a severity: it sets the update cadence and escalation.';
  if (input.startedAt === null || Number.isNaN(input.startedAt))
    errors.startedAt = 'Enter when the impact started, as a date and time.';
  else if (input.startedAt > now + FUTURE_TOLERANCE_MS)
    errors.startedAt = 'The start time is in the future: impact can only have started already.';
  return errors;
}

/** True while an incident is not resolved. */
export function isActive(incident: Pick<Incident, 'status'>): boolean {
  return incident.status !== 'resolved';
}
