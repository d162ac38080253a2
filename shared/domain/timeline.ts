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
    'title',
    'understanding',
    /** The incident was given a new reference (restored from a backup whose one was taken). */
    'reference',
  ]),
  from: limitedText('changeText').nullable().optional(),
  to: limitedText('changeText').nullable().optional(),
  reason: limitedText('changeText').nullable().optional(),
  /** Extra structured detail (e.g. the milestone name or role key). */
  field: limitedText('id').nullable().optional(),
});
export type SystemChange = z.infer<typeof systemChangeSchema>;

/**
 * An earlier version of a person-written entry: its text, and its time when the edit moved it
 * (`occurredAt` absent when only the text changed; rows written before times could be edited
 * lack it too).
 */
export const revisionSchema = z.object({
  text: limitedText('entryText'),
  editedAt: timestampSchema,
  author: limitedText('name'),
  occurredAt: timestampSchema.optional(),
});
export type Revision = z.infer<typeof revisionSchema>;

/**
 * On an entry recording a runbook's use during the incident (issue 16): the runbook by id, so its
 * history survives a rename, and what was done with it. `opened`: first opened in this incident;
 * `step`: a verification step ticked (`checked`) or unticked, named by its wording then (`step`),
 * with the checklist's length then (`of`); `vote`: "Was this runbook helpful?" answered
 * (`helpful`), or the vote withdrawn (null). The entry's text says the same in words.
 */
export const runbookUseSchema = z.discriminatedUnion('action', [
  z.object({ runbookId: limitedText('id', { min: 1 }), action: z.literal('opened') }),
  z.object({
    runbookId: limitedText('id', { min: 1 }),
    action: z.literal('step'),
    step: limitedText('entryText'),
    checked: z.boolean(),
    of: z.number().int().min(0).max(LIMITS.runbookBody.max),
  }),
  z.object({
    runbookId: limitedText('id', { min: 1 }),
    action: z.literal('vote'),
    helpful: z.boolean().nullable(),
  }),
]);
export type RunbookUse = z.infer<typeof runbookUseSchema>;

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
  /**
   * On the comms entry of a sent update: the `commsUpdates` row holding the full message (the
   * entry itself is one line). Absent on older entries, which hold the full text themselves.
   */
  commsUpdateId: z.string().optional(),
  /** Marked as a highlight while logging (`!` prefix): a key event of the post-mortem. */
  highlight: z.boolean().optional(),
  /** On the entries recording a runbook's use (opened, a step ticked, a helpful vote). */
  runbook: runbookUseSchema.optional(),
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

/** The note `setPostmortemStatus` writes when no milestone changes ("Post-mortem status: Draft → Review"). */
const POSTMORTEM_STATUS_NOTE = /^Post-mortem status: (Draft|Review|Final) → (Draft|Review|Final)$/;

/**
 * True for an entry that records follow-up bookkeeping rather than an event of the incident:
 * action items added or edited, the post-mortem's status and completion, or a reference given on
 * import, when it happened after the incident was resolved (`resolvedAt`, epoch ms; undefined
 * while the incident is open, when only the import note counts). Such entries stay on the
 * record; the post-mortem's timeline of the incident leaves them out (a week-later action item
 * is not "T+184:00" of the outage).
 */
export function isFollowUpBookkeeping(
  entry: Pick<TimelineEntry, 'kind' | 'text' | 'occurredAt' | 'change'>,
  resolvedAt: number | undefined,
): boolean {
  const change = entry.change;
  if (change?.type === 'reference') return true;
  if (resolvedAt === undefined || entry.occurredAt <= resolvedAt) return false;
  if (change?.type === 'action-item') return true;
  if (change?.type === 'milestone' && change.field === 'postmortemCompleted') return true;
  return entry.kind === 'note' && change === null && POSTMORTEM_STATUS_NOTE.test(entry.text);
}
