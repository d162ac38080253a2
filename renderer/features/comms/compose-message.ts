/**
 * The message the composer shows and sends, as a pure function of the record and the sender's
 * choices and edits: the dialog renders it from its live queries, and Copy / Save builds it
 * again from the record read once this window's writes have settled (a status logged a moment
 * before the dialog opened is in the copied text, even if the screen has not caught up yet).
 */
import type { Incident } from '../../../shared/domain/incident';
import type { MessageType } from '../../../shared/domain/records';
import type { AppSettings } from '../../../shared/domain/settings';
import type { CommsContext } from '../../../shared/logic/comms-templates';
import { buildMessage, type BuiltMessage } from '../../../shared/render/comms';
import type { Doc } from '../../../shared/render/doc';
import type { CustomTemplates } from '../../db/repo/templates';
import { buildCommsContext, type ComposeChoice, type ComposeData } from './comms-context';
import { docToEditable, editableToDoc } from './editable-message';

/** The composer's message as it stands. */
export interface ComposedMessage {
  /** The facts it was filled from. */
  ctx: CommsContext;
  /** The message built from the record (before the sender's edits). */
  built: BuiltMessage;
  /** The type the record supports (Resolved once resolved, never before). */
  type: MessageType;
  subject: string;
  /** The editable text (what the Message field shows, and what is stored when recorded). */
  message: string;
  /** The document the exports are rendered from. */
  doc: Doc;
  /** Identifies this exact message ([audience, type, subject, message] as JSON). */
  key: string;
}

/**
 * Builds the message: from the record (`incident`, `data`, a custom template for the audience
 * and type when the standard variant is chosen), with the sender's edited subject and message
 * (null when not edited) over it. `now` is epoch ms.
 */
export function composeMessage(args: {
  incident: Incident;
  data: ComposeData;
  templates: CustomTemplates;
  choice: ComposeChoice;
  subjectDraft: string | null;
  messageDraft: string | null;
  now: number;
  settings: Pick<AppSettings, 'timeZone' | 'cadenceMinutes'>;
}): ComposedMessage {
  const { choice } = args;
  const ctx = buildCommsContext(args.incident, args.data, choice, args.now, args.settings);
  const custom =
    choice.variant === 'standard' ? args.templates[choice.audience]?.[ctx.type] : undefined;
  const built = buildMessage(ctx, custom);
  const subject = args.subjectDraft ?? built.subject;
  const message = args.messageDraft ?? docToEditable(built.doc);
  const doc = args.messageDraft === null ? built.doc : editableToDoc(args.messageDraft);
  const key = JSON.stringify([choice.audience, ctx.type, subject, message]);
  return { ctx, built, type: ctx.type, subject, message, doc, key };
}
