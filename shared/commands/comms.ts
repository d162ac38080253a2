import { AUDIENCE_LABELS, type Audience } from '../domain/audience';
import type { Incident } from '../domain/incident';
import { newId } from '../domain/ids';
import { MESSAGE_TYPE_LABELS, type CommsUpdate, type MessageType } from '../domain/records';
import { ENTRY_TEXT_MAX } from '../domain/timeline';
import { withUpdateSent } from './cadence';
import { changes } from './change-set';
import type { CommandContext } from './context';
import { makeEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import type { Outcome } from './change-set';

/**
 * Stakeholder updates sent from the composer. Pure: the incident is read by the caller
 * (renderer/db/repo/comms.ts).
 */

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
 * ("Status update sent to Executives (copied as rich text): [SEV1 UPDATE] …"), cut to
 * ENTRY_TEXT_MAX characters with an ellipsis. The full message stays in the `commsUpdates` row
 * the entry points to, so updates do not bury the scribe's log.
 */
export function commsEntryText(
  input: Pick<SendUpdateInput, 'type' | 'audience' | 'format' | 'subject'>,
): string {
  const subject = input.subject.replace(/\s+/g, ' ').trim();
  const line = `${MESSAGE_TYPE_LABELS[input.type]} sent to ${AUDIENCE_LABELS[input.audience]} (${FORMAT_WORDS[input.format]}): ${subject}`;
  return line.length <= ENTRY_TEXT_MAX ? line : `${line.slice(0, ENTRY_TEXT_MAX - 1)}…`;
}

/**
 * Records a sent stakeholder update: the `commsUpdates` row (for the history, "Reopen" and the
 * full text), a one-line comms timeline entry with the audience that points to the row
 * (`commsUpdateId`), and the restart of that audience's countdown (which also ends any snooze),
 * all in one change set. Refusals (RepoError): an empty subject ('subject'); an empty message
 * ('message'); the incident is gone.
 */
export function sendUpdate(
  found: Incident | undefined,
  input: SendUpdateInput,
  ctx: CommandContext,
): Outcome<CommsUpdate> {
  const subject = input.subject.trim();
  if (!subject) throw new RepoError('Give the update a subject line.', 'subject');
  if (!input.body.trim()) throw new RepoError('The message is empty.', 'message');
  const incident = existing(found, 'incident');
  const update: CommsUpdate = {
    id: newId(),
    incidentId: incident.id,
    audience: input.audience,
    type: input.type,
    subject,
    body: input.body,
    format: input.format,
    sentAt: ctx.now,
    author: ctx.author,
  };
  const entry = {
    ...makeEntry(incident.id, 'comms', commsEntryText({ ...input, subject }), ctx, {
      audience: input.audience,
    }),
    commsUpdateId: update.id,
  };
  return {
    changes: changes()
      .update('incidents', withUpdateSent(incident, input.audience, ctx))
      .add('commsUpdates', update)
      .record(entry)
      .build(),
    result: update,
  };
}
