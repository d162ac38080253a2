import { z } from 'zod';
import { AUDIENCES, type Audience } from '../domain/audience';
import { MESSAGE_TYPES, type CommsUpdate, type MessageType } from '../domain/records';
import type { CommsVariant } from './comms-templates';

/**
 * A stakeholder update being written in Compose update, kept in the drafts table (this seat
 * only) while its subject or message is edited and not yet sent, so a reload, a crash or a
 * closed window does not lose what the communications lead typed. Only edits are kept: a
 * message as generated is generated again from the record.
 */
export interface ComposeDraft {
  audience: Audience;
  type: MessageType;
  /** The sender chose the type (it no longer follows the audience's default). */
  typeTouched: boolean;
  variant: CommsVariant;
  /** The edited subject, or null for the generated one. */
  subject: string | null;
  /** The edited message (the composer's editable text), or null for the generated one. */
  message: string | null;
  /** When it was last changed, ms UTC. */
  savedAt: number;
}

/** The drafts-table key of an incident's Compose update draft (the next update being written). */
export function composeDraftKey(incidentId: string): string {
  return `compose:${incidentId}`;
}

/** A sent update opened again with **Reopen**, to correct and resend it. */
export type ReopenedUpdate = Pick<CommsUpdate, 'id' | 'audience' | 'type' | 'subject' | 'body'>;

/**
 * The drafts-table key of the correction being written over a reopened sent update: one per
 * sent update, apart from the next update's draft ({@link composeDraftKey}), which a Reopen
 * session never writes, restores or clears.
 */
export function composeReopenDraftKey(incidentId: string, updateId: string): string {
  return `compose-reopen:${incidentId}:${updateId}`;
}

/**
 * The key a Compose update session keeps its edits under: the next update's draft, or over a
 * Reopen the reopened update's own.
 */
export function composeSessionDraftKey(
  incidentId: string,
  reopened: ReopenedUpdate | undefined,
): string {
  return reopened ? composeReopenDraftKey(incidentId, reopened.id) : composeDraftKey(incidentId);
}

/** The session says nothing the sent update did not (same audience, type, subject, message). */
function sameAsSent(draft: Omit<ComposeDraft, 'savedAt'>, sent: ReopenedUpdate): boolean {
  return (
    draft.audience === sent.audience &&
    draft.type === sent.type &&
    draft.subject === sent.subject &&
    draft.message === sent.body
  );
}

const draftSchema = z.object({
  v: z.literal(1),
  audience: z.enum(AUDIENCES),
  type: z.enum(MESSAGE_TYPES),
  typeTouched: z.boolean(),
  variant: z.enum(['standard', 'report']),
  subject: z.string().nullable(),
  message: z.string().nullable(),
  savedAt: z.number().finite(),
});

/**
 * The drafts-table text for `draft`: JSON, or '' (which removes the row) when neither the
 * subject nor the message is edited, as there is then nothing of the sender's to keep.
 */
export function composeDraftText(draft: ComposeDraft): string {
  if (draft.subject === null && draft.message === null) return '';
  return JSON.stringify({ v: 1, ...draft });
}

/**
 * The drafts-table text a session keeps for `draft`: {@link composeDraftText} for the next
 * update; over a Reopen, JSON whenever it differs from the sent update (a regenerated message,
 * subject and message null, is a correction too), and '' (which removes the row) when it is
 * back to what was sent.
 */
export function composeSessionDraftText(
  draft: ComposeDraft,
  reopened: ReopenedUpdate | undefined,
): string {
  if (!reopened) return composeDraftText(draft);
  if (sameAsSent(draft, reopened)) return '';
  return JSON.stringify({ v: 1, ...draft });
}

/**
 * The draft a session restores from `text` (stored under {@link composeSessionDraftKey}), or
 * null: {@link parseComposeDraft} for the next update; over a Reopen, a correction of that
 * sent update, null when it says just what was sent.
 */
export function parseComposeSessionDraft(
  text: string,
  reopened: ReopenedUpdate | undefined,
): ComposeDraft | null {
  if (!reopened) return parseComposeDraft(text);
  const draft = readDraft(text);
  return draft && !sameAsSent(draft, reopened) ? draft : null;
}

function readDraft(text: string): ComposeDraft | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = draftSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { v: _version, ...draft } = parsed.data;
  return draft;
}

/** The draft stored as `text`, or null when it is not one (unreadable, another version). */
export function parseComposeDraft(text: string): ComposeDraft | null {
  const draft = readDraft(text);
  if (!draft || (draft.subject === null && draft.message === null)) return null;
  return draft;
}
