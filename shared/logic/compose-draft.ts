import { z } from 'zod';
import { AUDIENCES, type Audience } from '../domain/audience';
import { MESSAGE_TYPES, type MessageType } from '../domain/records';
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

/** The drafts-table key of an incident's Compose update draft. */
export function composeDraftKey(incidentId: string): string {
  return `compose:${incidentId}`;
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

/** The draft stored as `text`, or null when it is not one (unreadable, another version). */
export function parseComposeDraft(text: string): ComposeDraft | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = draftSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { v: _version, ...draft } = parsed.data;
  if (draft.subject === null && draft.message === null) return null;
  return draft;
}
