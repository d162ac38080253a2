import { z } from 'zod';
import { timestampRangeProblem, timestampSchema } from './timestamp';
import { severitySchema } from './severity';
import { milestoneSchema, statusSchema } from './status';
import { audienceCadenceSchema, audienceSchema } from './audience';
import { dataLossSchema } from './incident-facts';
import { checkMilestoneOrder, describeMilestoneConflict } from '../logic/milestones';
import type { TimeZoneMode } from '../logic/time';
import { LIMITS, LIST_LIMITS, limitedText } from './limits';
import { formatCount } from './text';
import { REFERENCE_PATTERN } from '../logic/reference';
import { countSchema } from './records';

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
  value: z
    .number({ error: 'Give how many users are affected as a number, 0 or more.' })
    .nonnegative({ error: 'Give how many users are affected as a number, 0 or more.' }),
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
  supportTickets: countSchema('support tickets').nullable(),
  /** Whether data was lost; absent on older rows (read with `dataLossOf`: Unknown). */
  dataLoss: dataLossSchema.optional(),
  /** Impact in words for customers; absent or '' until written (read with `publicSummaryOf`). */
  publicSummary: limitedText('publicSummary').optional(),
});
export type Impact = z.infer<typeof impactSchema>;

export const milestonesSchema = z.partialRecord(milestoneSchema, timestampSchema);
export type Milestones = z.infer<typeof milestonesSchema>;

/** An incident as stored in the `incidents` table. Times are epoch milliseconds (UTC). */
export const incidentSchema = z.object({
  id: limitedText('id', { min: 1 }),
  /**
   * Human reference INC-YYYY-MM-DD-NNN-XXXX: the UTC day, the declaring seat's counter for the
   * day and its 4-character seat tag (shared/logic/reference.ts). References from before seat
   * tags, INC-YYYY-MM-DD-NNN, stay valid and are never rewritten.
   */
  ref: z.string().max(40).regex(REFERENCE_PATTERN),
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
  /** Current understanding of the cause; absent or '' until written (`understandingOf`). */
  understanding: limitedText('understanding').optional(),
  /** Escalation suggestions the IC dismissed, by trigger key → situation fingerprint. */
  dismissedSuggestions: z
    .record(limitedText('id'), limitedText('changeText'))
    .refine(
      (r) => Object.keys(r).length <= LIST_LIMITS.mapEntries,
      'Too many dismissed suggestions.',
    ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /**
   * Set when the incident was restored from a backup under a new reference because its own was
   * already used here: the reference it had in the backup, and when it was imported. Optional
   * (older rows and most incidents lack it); read through {@link importedReferenceNote}.
   */
  renumberedFrom: z.object({ ref: z.string(), importedAt: timestampSchema }).optional(),
});
export type Incident = z.infer<typeof incidentSchema>;

/**
 * "Imported as INC-2026-11-30-004; was INC-2026-11-30-001 in the backup" for an incident restored
 * under a new reference, null for any other.
 */
export function importedReferenceNote(
  incident: Pick<Incident, 'ref' | 'renumberedFrom'>,
): string | null {
  const from = incident.renumberedFrom;
  return from ? `Imported as ${incident.ref}; was ${from.ref} in the backup` : null;
}

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
  /** When the problem was noticed (alert fired, report came in); defaults to declaration. */
  detectedAt: timestampSchema.optional(),
  /** When someone acknowledged it (the page was answered); unset when not given. */
  acknowledgedAt: timestampSchema.optional(),
  detectionSource: detectionSourceSchema.default('alert'),
  alertName: limitedText('alertName').default(''),
  drill: z.boolean().default(false),
});
export type DeclareInput = z.input<typeof declareInputSchema>;
export type DeclareValues = z.output<typeof declareInputSchema>;

/** Field-level problems with a declaration, keyed by field name. */
export type DeclareErrors = Partial<
  Record<'title' | 'severity' | 'startedAt' | 'services' | 'detectedAt' | 'acknowledgedAt', string>
>;

/** Allowed clock skew when checking "never in the future". */
export const FUTURE_TOLERANCE_MS = 60_000;

/**
 * The milestones a declaration at `now` writes: Started (never after now), Detected (as given,
 * else the moment of declaring), Acknowledged (only when given) and Declared (now). Epoch ms, UTC.
 */
export function declaredMilestones(
  input: {
    startedAt: number;
    detectedAt?: number | undefined;
    acknowledgedAt?: number | undefined;
  },
  now: number,
): Milestones {
  const m: Milestones = {
    started: Math.min(input.startedAt, now),
    detected: Math.min(input.detectedAt ?? now, now),
    declared: now,
  };
  if (input.acknowledgedAt !== undefined) m.acknowledged = Math.min(input.acknowledgedAt, now);
  return m;
}

/**
 * Validates a declaration; returns field errors (empty when valid). Pure: `now` is passed in.
 * `detectedAt` / `acknowledgedAt` are optional: undefined when left empty, null when what was
 * typed is not a date and time. Given ones must not be in the future and must follow the
 * milestone ordering rule (shared/logic/milestones: Started ≤ Detected ≤ Acknowledged); a
 * refusal names the milestone it conflicts with, with times in `zone` (UTC by default).
 */
export function validateDeclaration(
  input: {
    title: string;
    severity: string | null;
    startedAt: number | null;
    detectedAt?: number | null | undefined;
    acknowledgedAt?: number | null | undefined;
  },
  now: number,
  zone: TimeZoneMode = 'utc',
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
  else if (timestampRangeProblem(input.startedAt))
    errors.startedAt = timestampRangeProblem(input.startedAt) ?? undefined;
  else if (input.startedAt > now + FUTURE_TOLERANCE_MS)
    errors.startedAt = 'The start time is in the future: impact can only have started already.';
  const optional = [
    ['detectedAt', 'detected', input.detectedAt],
    ['acknowledgedAt', 'acknowledged', input.acknowledgedAt],
  ] as const;
  for (const [field, , at] of optional) {
    if (at === null || (at !== undefined && !Number.isFinite(at)))
      errors[field] = 'Enter a date and time, or leave it empty.';
    else if (at !== undefined && timestampRangeProblem(at))
      errors[field] = timestampRangeProblem(at) ?? undefined;
    else if (at !== undefined && at > now + FUTURE_TOLERANCE_MS)
      errors[field] = 'This time is in the future: give when it happened, or leave it empty.';
  }
  if (errors.startedAt || errors.detectedAt || errors.acknowledgedAt || input.startedAt === null)
    return errors;
  const milestones = declaredMilestones(
    {
      startedAt: input.startedAt,
      detectedAt: input.detectedAt ?? undefined,
      acknowledgedAt: input.acknowledgedAt ?? undefined,
    },
    now,
  );
  for (const [field, milestone, at] of optional) {
    if (at === undefined || at === null) continue;
    // Detected and Acknowledged out of order with each other: the message goes to Acknowledged.
    const checked = { ...milestones };
    if (milestone === 'detected') delete checked.acknowledged;
    const conflict = checkMilestoneOrder(checked, milestone);
    if (!conflict) continue;
    const defaulted =
      input.detectedAt === undefined && conflict.mustFollow.includes('detected')
        ? ' Left empty, Detected is the moment of declaring: give it too.'
        : '';
    errors[field] = describeMilestoneConflict(conflict, milestones, zone) + defaulted;
  }
  return errors;
}

/** True while an incident is not resolved. */
export function isActive(incident: Pick<Incident, 'status'>): boolean {
  return incident.status !== 'resolved';
}

/**
 * Users affected in words, the one form every message, page and export uses: "12,000 users"
 * (grouped) or "1.44% of users" (as recorded, up to 4 decimals); `unknown` when not recorded.
 */
export function formatUsersAffected(
  u: UsersAffected | null | undefined,
  unknown = 'Not yet known',
): string {
  if (!u) return unknown;
  const n = Number.isInteger(u.value)
    ? formatCount(u.value)
    : u.value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return u.unit === 'percent' ? `${n}% of users` : `${n} ${u.value === 1 ? 'user' : 'users'}`;
}
