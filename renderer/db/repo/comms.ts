import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import type { CommsUpdate, MessageType } from '../../../shared/domain/records';
import { MESSAGE_TYPE_LABELS } from '../../../shared/domain/records';
import { ENTRY_TEXT_MAX } from '../../../shared/domain/timeline';
import { newId } from '../ids';
import type { WarroomDb } from '../schema';
import { recordUpdateSent } from './cadence';
import type { CommandContext } from './context';
import { makeEntry } from './entries';
import { RepoError } from './errors';

/** How an update left the composer. */
export type SendFormat = CommsUpdate['format'];

/** What the composer sends: the text as the user last saw it. */
export interface SendUpdateInput {
  incidentId: string;
  audience: Audience;
  type: MessageType;
  subject: string;
  /** The message as edited in the composer (what "Reopen" puts back). */
  body: string;
  /** The message in plain text, for the timeline entry (defaults to `body`). */
  plainText?: string;
  format: SendFormat;
}

const FORMAT_WORDS: Readonly<Record<SendFormat, string>> = {
  markdown: 'copied as Markdown',
  plain: 'copied as plain text',
  slack: 'copied for Slack',
  rich: 'copied as rich text',
  file: 'saved as Markdown',
};

/** The comms timeline entry's text: what, to whom, how, then the full message. */
export function commsEntryText(input: SendUpdateInput): string {
  const head = `${MESSAGE_TYPE_LABELS[input.type]} sent to ${AUDIENCE_LABELS[input.audience]} (${FORMAT_WORDS[input.format]}): ${input.subject.trim()}`;
  const full = `${head}\n\n${(input.plainText ?? input.body).trim()}`;
  // A very long message still goes on the record; only the entry's copy is cut to fit.
  return full.length <= ENTRY_TEXT_MAX ? full : `${full.slice(0, ENTRY_TEXT_MAX - 1)}…`;
}

/**
 * Records a sent stakeholder update in ONE transaction: the `commsUpdates` row (for the history
 * and "Reopen"), a comms timeline entry with the audience and the full text, and the reset of
 * that audience's countdown (`recordUpdateSent`, which also ends any snooze). If any part fails,
 * nothing is written.
 */
export async function sendUpdate(
  db: WarroomDb,
  input: SendUpdateInput,
  ctx: CommandContext,
): Promise<CommsUpdate> {
  const subject = input.subject.trim();
  if (!subject) throw new RepoError('Give the update a subject line.', 'subject');
  if (!input.body.trim()) throw new RepoError('The message is empty.', 'message');
  const update: CommsUpdate = {
    id: newId(),
    incidentId: input.incidentId,
    audience: input.audience,
    type: input.type,
    subject,
    body: input.body,
    format: input.format,
    sentAt: ctx.now,
    author: ctx.author,
  };
  return db.transaction('rw', [db.incidents, db.timelineEntries, db.commsUpdates], async () => {
    await recordUpdateSent(db, input.incidentId, input.audience, ctx);
    await db.commsUpdates.add(update);
    await db.timelineEntries.add(
      makeEntry(input.incidentId, 'comms', commsEntryText({ ...input, subject }), ctx, {
        audience: input.audience,
      }),
    );
    return update;
  });
}

/** An incident's sent updates, newest first. */
export async function listCommsUpdates(db: WarroomDb, incidentId: string): Promise<CommsUpdate[]> {
  const rows = await db.commsUpdates.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => b.sentAt - a.sentAt || (a.id < b.id ? 1 : -1));
}
