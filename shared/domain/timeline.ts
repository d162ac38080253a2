import { z } from 'zod';
import { timestampSchema } from './timestamp';
import { audienceSchema } from './audience';
import { LIMITS, LIST_LIMITS, limitedText } from './limits';

/** Kinds a person can log; `system` entries are written by the app for status/severity/role changes. */
export const ENTRY_KINDS = [
  'note',
  'action',
  'decision',
  'finding',
  'hypothesis',
  'comms',
  'milestone',
  'system',
] as const;
export const entryKindSchema = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof entryKindSchema>;

export const ENTRY_KIND_LABELS: Readonly<Record<EntryKind, string>> = {
  note: 'Note',
  action: 'Action',
  decision: 'Decision',
  finding: 'Finding',
  hypothesis: 'Hypothesis',
  comms: 'Comms',
  milestone: 'Milestone',
  system: 'System',
};

/** Longest text one entry accepts (a pasted log excerpt fits; a whole log file does not). */
export const ENTRY_TEXT_MAX = LIMITS.entryText.max;

/** What a system entry records, so the post-mortem and metrics can be rebuilt from the record. */
export const systemChangeSchema = z.object({
  type: z.enum([
    'declared',
    'status',
    'severity',
    'role',
    'milestone',
    'impact',
    'cadence',
    'snooze',
    'hypothesis',
    'escalation',
    'action-item',
  ]),
  from: limitedText('changeText').nullable().optional(),
  to: limitedText('changeText').nullable().optional(),
  reason: limitedText('changeText').nullable().optional(),
  /** Extra structured detail (e.g. the milestone name or role key). */
  field: limitedText('id').nullable().optional(),
});
export type SystemChange = z.infer<typeof systemChangeSchema>;

export const revisionSchema = z.object({
  text: limitedText('entryText'),
  editedAt: timestampSchema,
  author: limitedText('name'),
});
export type Revision = z.infer<typeof revisionSchema>;

/** One timeline entry as stored in `timelineEntries`. */
export const timelineEntrySchema = z.object({
  id: limitedText('id', { min: 1 }),
  incidentId: limitedText('id', { min: 1 }),
  kind: entryKindSchema,
  text: limitedText('entryText'),
  /** When it happened (may be backdated). */
  occurredAt: timestampSchema,
  /** When it was written down. */
  loggedAt: timestampSchema,
  author: limitedText('name'),
  pinned: z.boolean(),
  /** Set when deleted; deletion is reversible. */
  deletedAt: timestampSchema.nullable(),
  /** Earlier texts, oldest first. */
  revisions: z.array(revisionSchema).max(LIST_LIMITS.revisions),
  /** Present on system entries. */
  change: systemChangeSchema.nullable(),
  /** Present on comms entries. */
  audience: audienceSchema.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** An entry counts as backdated when it happened more than a minute before it was logged. */
export const BACKDATE_THRESHOLD_MS = 60_000;
export function isBackdated(entry: Pick<TimelineEntry, 'occurredAt' | 'loggedAt'>): boolean {
  return entry.loggedAt - entry.occurredAt > BACKDATE_THRESHOLD_MS;
}

/** Timeline order: by occurredAt, then loggedAt, then id (stable). */
export function compareEntries(
  a: Pick<TimelineEntry, 'occurredAt' | 'loggedAt' | 'id'>,
  b: Pick<TimelineEntry, 'occurredAt' | 'loggedAt' | 'id'>,
): number {
  return (
    a.occurredAt - b.occurredAt ||
    a.loggedAt - b.loggedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
