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
  /** How it left: markdown, plain, slack, rich, file. */
  format: z.enum(['markdown', 'plain', 'slack', 'rich', 'file']),
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
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const POSTMORTEM_STATUSES = ['draft', 'review', 'final'] as const;
export const postmortemStatusSchema = z.enum(POSTMORTEM_STATUSES);
export type PostmortemStatus = z.infer<typeof postmortemStatusSchema>;

/** A post-mortem: free-text sections keyed by section id, plus the 5 Whys chain. */
export const postmortemSchema = z.object({
  incidentId: limitedText('id', { min: 1 }),
  status: postmortemStatusSchema,
  author: limitedText('name'),
  sections: z
    .record(limitedText('id'), limitedText('postmortemSection'))
    .refine((r) => Object.keys(r).length <= LIST_LIMITS.mapEntries, 'Too many sections.'),
  fiveWhys: z.array(limitedText('fiveWhy')).max(LIST_LIMITS.fiveWhys),
  /** Include every timeline entry, not just milestones and pinned ones. */
  allEntries: z.boolean(),
  updatedAt: timestampSchema,
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

export const serviceSchema = z.object({
  id: limitedText('id', { min: 1 }),
  name: limitedText('name', { min: 1 }),
  ownerTeam: limitedText('name'),
  /** SLO target as a fraction, e.g. 0.9995; null when not set. */
  sloTarget: z.number().gt(0).lt(1).nullable(),
  sloWindowDays: z.number().int().positive(),
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
