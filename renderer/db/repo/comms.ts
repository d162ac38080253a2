import { AUDIENCE_LABELS, type Audience } from '../../../shared/domain/audience';
import type { CommsUpdate, MessageType } from '../../../shared/domain/records';
import { MESSAGE_TYPE_LABELS } from '../../../shared/domain/records';
import { ENTRY_TEXT_MAX } from '../../../shared/domain/timeline';
import { newId } from '../../../shared/domain/ids';
import type { WarroomDb } from '../schema';
import { recordUpdateSent } from './cadence';
import type { CommandContext } from '../../../shared/commands/context';
import { makeEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';

/** How an update left the composer. */
export type SendFormat = CommsUpdate['format'];

/** What the composer sends: the text as the user last saw it. */
export interface SendUpdateInput {
  incidentId: string;
  audience: Audience;
  type: MessageType;
  subject: string;
  /** The message as edited in the composer (what "Reopen" puts back and the timeline shows). */
  body: string;
  format: SendFormat;
}

const FORMAT_WORDS: Readonly<Record<SendFormat, string>> = {
  markdown: 'copied as Markdown',
  plain: 'copied as plain text',
  slack: 'copied for Slack',
  rich: 'copied as rich text',
  file: 'saved as Markdown',
};

/**
 * The comms timeline entry's text: ONE line saying what went, to whom, how, and its subject
 * ("Status update sent to Executives (copied as rich text): [SEV1 UPDATE] …"). The full message
 * stays in the `commsUpdates` row the entry points to, so updates do not bury the scribe's log.
 */
export function commsEntryText(
  input: Pick<SendUpdateInput, 'type' | 'audience' | 'format' | 'subject'>,
): string {
  const subject = input.subject.replace(/\s+/g, ' ').trim();
  const line = `${MESSAGE_TYPE_LABELS[input.type]} sent to ${AUDIENCE_LABELS[input.audience]} (${FORMAT_WORDS[input.format]}): ${subject}`;
  return line.length <= ENTRY_TEXT_MAX ? line : `${line.slice(0, ENTRY_TEXT_MAX - 1)}…`;
}

/**
 * Records a sent stakeholder update in ONE transaction: the `commsUpdates` row (for the history,
 * "Reopen" and the full text), a one-line comms timeline entry with the audience that points to
 * the row (`commsUpdateId`), and the reset of
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
    await db.timelineEntries.add({
      ...makeEntry(input.incidentId, 'comms', commsEntryText({ ...input, subject }), ctx, {
        audience: input.audience,
      }),
      commsUpdateId: update.id,
    });
    return update;
  });
}

/** An incident's sent updates, newest first. */
export async function listCommsUpdates(db: WarroomDb, incidentId: string): Promise<CommsUpdate[]> {
  const rows = await db.commsUpdates.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => b.sentAt - a.sentAt || (a.id < b.id ? 1 : -1));
}
