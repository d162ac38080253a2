import { z } from 'zod';
import { timestampSchema } from './timestamp';
import { audienceSchema } from './audience';
import { boundedJson } from './json';
import { LIMITS, LIST_LIMITS, limitedText } from './limits';
import { tooLongMessage } from './text';

/** Hypothesis lifecycle. */
export const HYPOTHESIS_STATUSES = ['open', 'confirmed', 'ruled-out', 'abandoned'] as const;
export const hypothesisStatusSchema = z.enum(HYPOTHESIS_STATUSES);
export type HypothesisStatus = z.infer<typeof hypothesisStatusSchema>;

export const hypothesisSchema = z.object({
  id: limitedText('id', { min: 1 }),
  incidentId: limitedText('id', { min: 1 }),
  text: limitedText('hypothesis', { min: 1 }),
  owner: limitedText('name'),
  status: hypothesisStatusSchema,
  openedAt: timestampSchema,
  /** Stored due time of the timebox; extensions move it. */
  dueAt: timestampSchema,
  closedAt: timestampSchema.nullable(),
  extensions: z
    .array(
      z.object({
        at: timestampSchema,
        addedMs: z.number(),
        reason: limitedText('extensionReason'),
      }),
    )
    .max(LIST_LIMITS.extensions),
});
export type Hypothesis = z.infer<typeof hypothesisSchema>;

export const MESSAGE_TYPES = ['initial', 'update', 'resolved'] as const;
export const messageTypeSchema = z.enum(MESSAGE_TYPES);
export type MessageType = z.infer<typeof messageTypeSchema>;
export const MESSAGE_TYPE_LABELS: Readonly<Record<MessageType, string>> = {
  initial: 'Initial notification',
  update: 'Status update',
  resolved: 'Resolved',
};

/** A stakeholder update that was sent (copied or saved). */
export const commsUpdateSchema = z.object({
  id: limitedText('id', { min: 1 }),
  incidentId: limitedText('id', { min: 1 }),
  audience: audienceSchema,
  type: messageTypeSchema,
  subject: limitedText('commsSubject'),
  body: limitedText('commsBody'),
  /**
   * How it left: copied (markdown, plain, slack, rich) or saved (file) from the composer, or
   * recorded by hand with no message text: `/comms` (logged) or Mark sent (marked).
   */
  format: z.enum(['markdown', 'plain', 'slack', 'rich', 'file', 'logged', 'marked']),
  sentAt: timestampSchema,
  author: limitedText('name'),
});
export type CommsUpdate = z.infer<typeof commsUpdateSchema>;

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const prioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof prioritySchema>;

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'wont-do'] as const;
export const actionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof actionStatusSchema>;
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not Started',
  'in-progress': 'In Progress',
  done: 'Done',
  'wont-do': "Won't Do",
};

/** Longest link or ticket reference an action item accepts. */
export const ACTION_LINK_MAX = 2_000;

export const actionItemSchema = z.object({
  id: limitedText('id', { min: 1 }),
  incidentId: limitedText('id').nullable(),
  title: limitedText('actionTitle', { min: 1 }),
  owner: limitedText('name'),
  priority: prioritySchema,
  /** Due date as an ISO calendar date (YYYY-MM-DD). */
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: actionStatusSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  completedAt: timestampSchema.nullable(),
  /** A link or ticket reference (URL, "OPS-123"); absent or '' when none. Read with `actionLinkOf`. */
  link: z.string().max(ACTION_LINK_MAX).optional(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const POSTMORTEM_STATUSES = ['draft', 'review', 'final'] as const;
export const postmortemStatusSchema = z.enum(POSTMORTEM_STATUSES);
export type PostmortemStatus = z.infer<typeof postmortemStatusSchema>;

/** A section the author added to the post-mortem (e.g. "Recovery procedures"). */
export const customSectionSchema = z.object({
  id: limitedText('id', { min: 1 }),
  title: limitedText('sectionTitle'),
  body: limitedText('postmortemSection'),
});
export type CustomSection = z.infer<typeof customSectionSchema>;

/** A further 5-whys chain with its own question ("Why did the restore take so long?"). */
export const whysChainSchema = z.object({
  id: limitedText('id', { min: 1 }),
  question: limitedText('whysQuestion'),
  whys: z.array(limitedText('fiveWhy')).max(LIST_LIMITS.fiveWhys),
});
export type WhysChain = z.infer<typeof whysChainSchema>;

export const IMPACT_KINDS = ['degraded', 'outage'] as const;
export const impactKindSchema = z.enum(IMPACT_KINDS);
export type ImpactKind = z.infer<typeof impactKindSchema>;
export const IMPACT_KIND_LABELS: Readonly<Record<ImpactKind, string>> = {
  degraded: 'Degraded',
  outage: 'Outage',
};

/** One period of customer impact; `end` null while it is still going on. Epoch ms, UTC. */
export const impactWindowSchema = z.object({
  id: z.string().min(1),
  kind: impactKindSchema,
  start: timestampSchema,
  end: timestampSchema.nullable(),
});
export type ImpactWindow = z.infer<typeof impactWindowSchema>;

/**
 * The fishbone (Ishikawa) categories a contributing cause is filed under, as in the seed
 * post-mortem template's optional fishbone sections; `other` when none fits.
 */
export const CAUSE_CATEGORIES = [
  'people',
  'process',
  'technology',
  'environment',
  'external',
  'other',
] as const;
export const causeCategorySchema = z.enum(CAUSE_CATEGORIES);
export type CauseCategory = z.infer<typeof causeCategorySchema>;
export const CAUSE_CATEGORY_LABELS: Readonly<Record<CauseCategory, string>> = {
  people: 'People',
  process: 'Process',
  technology: 'Technology',
  environment: 'Environment',
  external: 'External',
  other: 'Other',
};

/**
 * One contributing cause of an incident: a free tag ("connection pool exhaustion") filed under a
 * fishbone category. Two incidents share a cause when their tags are equal after
 * `normaliseCauseTag` (shared/logic/causes.ts); the category does not take part.
 */
export const contributingCauseSchema = z.object({
  tag: limitedText('causeTag', { min: 1 }),
  category: causeCategorySchema,
});
export type ContributingCause = z.infer<typeof contributingCauseSchema>;

/**
 * A post-mortem: free-text sections keyed by section id, plus the 5 Whys chain. Fields added
 * later are optional (older rows lack them); read them through shared/logic/postmortem-structure.
 */
export const postmortemSchema = z.object({
  incidentId: limitedText('id', { min: 1 }),
  status: postmortemStatusSchema,
  author: limitedText('name'),
  sections: z
    .record(limitedText('id'), limitedText('postmortemSection'))
    .refine((r) => Object.keys(r).length <= LIST_LIMITS.mapEntries, 'Too many sections.'),
  fiveWhys: z.array(limitedText('fiveWhy')).max(LIST_LIMITS.fiveWhys),
  /** Timeline default: every live entry (true) or key events only (false). */
  allEntries: z.boolean(),
  updatedAt: timestampSchema,
  /** The question the first whys chain answers ('' or absent: the incident itself). */
  whysQuestion: limitedText('whysQuestion').optional(),
  /** Further whys chains, in document order. */
  whysChains: z.array(whysChainSchema).max(LIST_LIMITS.mapEntries).optional(),
  /** Sections the author added, in document order. */
  customSections: z.array(customSectionSchema).max(LIST_LIMITS.mapEntries).optional(),
  /** Timeline curation: entry id → include (true) or leave out (false), over the default. */
  timelineChoices: z.record(limitedText('id'), z.boolean()).optional(),
  /** Periods of customer impact, each Degraded or Outage. */
  impactWindows: z.array(impactWindowSchema).max(LIST_LIMITS.mapEntries).optional(),
  /** Counts of affected users and records; null or absent when not known. */
  affectedUsers: countSchema('affected users').nullable().optional(),
  affectedRecords: countSchema('affected records').nullable().optional(),
  /** Contributing causes, in the order the author added them; absent on older rows. */
  causes: z.array(contributingCauseSchema).max(LIST_LIMITS.causes).optional(),
});
export type Postmortem = z.infer<typeof postmortemSchema>;

export const personSchema = z.object({
  id: limitedText('id', { min: 1 }),
  name: limitedText('name', { min: 1 }),
  handle: limitedText('name'),
  team: limitedText('name'),
  lastUsedAt: timestampSchema,
});
export type Person = z.infer<typeof personSchema>;

/** The SLO target is stored as a fraction but typed as a percentage: say it as one. */
const SLO_TARGET_MESSAGE = 'Give the SLO target as a percentage above 0 and below 100, e.g. 99.9.';
const SLO_WINDOW_MESSAGE = 'Give the SLO window as a whole number of days, 1 or more.';

/** A count of things (users, records, tickets): a whole number, 0 or more, refused in words. */
export function countSchema(what: string) {
  const message = `Give the number of ${what} as a whole number, 0 or more.`;
  return z.number({ error: message }).int({ error: message }).nonnegative({ error: message });
}

export const serviceSchema = z.object({
  id: limitedText('id', { min: 1 }),
  name: limitedText('name', { min: 1 }),
  ownerTeam: limitedText('name'),
  /** SLO target as a fraction, e.g. 0.9995; null when not set. */
  sloTarget: z
    .number({ error: SLO_TARGET_MESSAGE })
    .gt(0, { error: SLO_TARGET_MESSAGE })
    .lt(1, { error: SLO_TARGET_MESSAGE })
    .nullable(),
  sloWindowDays: z
    .number({ error: SLO_WINDOW_MESSAGE })
    .int({ error: SLO_WINDOW_MESSAGE })
    .positive({ error: SLO_WINDOW_MESSAGE }),
  runbookId: limitedText('id').nullable(),
  lastUsedAt: timestampSchema,
});
export type Service = z.infer<typeof serviceSchema>;

export const runbookSchema = z.object({
  id: limitedText('id', { min: 1 }),
  title: limitedText('runbookTitle', { min: 1 }),
  service: limitedText('name'),
  body: limitedText('runbookBody'),
  lastTestedAt: timestampSchema.nullable(),
  updatedAt: timestampSchema,
});
export type Runbook = z.infer<typeof runbookSchema>;

/** Text being typed, saved so that a crash or reload never loses it. */
export const draftSchema = z.object({
  key: limitedText('id', { min: 1 }),
  text: z
    .string()
    .max(
      LIMITS.draft.max,
      tooLongMessage(LIMITS.draft.label, LIMITS.draft.max + 1, LIMITS.draft.max),
    ),
  updatedAt: timestampSchema,
});
export type Draft = z.infer<typeof draftSchema>;

/** One setting: its key and a JSON value bounded in depth and size (shared/domain/limits.ts). */
export const settingSchema = z.object({ key: limitedText('id', { min: 1 }), value: boundedJson() });
export type Setting = z.infer<typeof settingSchema>;
