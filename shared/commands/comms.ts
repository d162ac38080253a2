import { AUDIENCE_LABELS, type Audience } from '../domain/audience';
import type { Incident } from '../domain/incident';
import { newId } from '../domain/ids';
import { MESSAGE_TYPE_LABELS, type CommsUpdate, type MessageType } from '../domain/records';
import { ENTRY_TEXT_MAX, type TimelineEntry } from '../domain/timeline';
import { withUpdateSent } from './cadence';
import { changes } from './change-set';
import type { CommandContext } from './context';
import { makeEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import { checkEntryText } from './timeline-entry';
import type { Outcome } from './change-set';

/**
 * Stakeholder updates sent from the composer. Pure: the incident is read by the caller
 * (renderer/db/repo/comms.ts).
 */

/**
 * How an update left: from the composer (markdown, plain, slack, rich, file), or recorded by
 * hand without Warroom's text: `/comms` on the log line ('logged') or **Mark sent** ('marked').
 */
export type SendFormat = Exclude<CommsUpdate['format'], 'logged' | 'marked'>;

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

const FORMAT_WORDS: Readonly<Record<CommsUpdate['format'], string>> = {
  markdown: 'copied as Markdown',
  plain: 'copied as plain text',
  slack: 'copied for Slack',
  rich: 'copied as rich text',
  file: 'saved as Markdown',
  logged: 'logged with /comms',
  marked: 'marked as sent',
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
 * THE one way a sent update is recorded, whoever records it (composer, `/comms`, Mark sent): the
 * `commsUpdates` row (the "Sent updates" list, "Reopen", the full text), a one-line comms
 * timeline entry with the audience, and the restart of that audience's countdown (which also
 * ends any snooze), all in one change set. The entry points to the row (`commsUpdateId`) when
 * there is a message behind it. `occurredAt` (default now) backdates both; a backdated record
 * older than the last one does not move the countdown back.
 */
function recordSent(
  incident: Incident,
  input: Omit<SendUpdateInput, 'incidentId' | 'format'> & { format: CommsUpdate['format'] },
  entryText: string,
  ctx: CommandContext,
  occurredAt: number = ctx.now,
): Outcome<{ update: CommsUpdate; entry: TimelineEntry }> {
  const update: CommsUpdate = {
    id: newId(),
    incidentId: incident.id,
    audience: input.audience,
    type: input.type,
    subject: input.subject,
    body: input.body,
    format: input.format,
    sentAt: occurredAt,
    author: ctx.author,
  };
  const made = makeEntry(incident.id, 'comms', entryText, ctx, {
    occurredAt,
    audience: input.audience,
  });
  const entry: TimelineEntry = input.body.trim() ? { ...made, commsUpdateId: update.id } : made;
  return {
    changes: changes()
      .update('incidents', withUpdateSent(incident, input.audience, ctx, occurredAt))
      .add('commsUpdates', update)
      .record(entry)
      .build(),
    result: { update, entry },
  };
}

/** The message type a hand-recorded update counts as: the resolved message once resolved. */
function handType(incident: Incident): MessageType {
  return incident.status === 'resolved' ? 'resolved' : 'update';
}

/**
 * Records a sent stakeholder update from the composer (see {@link recordSent}). Refusals
 * (RepoError): an empty subject ('subject'); an empty message ('message'); the incident is gone.
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
  const { changes: c, result } = recordSent(
    incident,
    { ...input, subject },
    commsEntryText({ ...input, subject }),
    ctx,
  );
  return { changes: c, result: result.update };
}

/**
 * `/comms <audience> [summary]`: an update that went out by other means, recorded exactly like
 * one from the composer ({@link recordSent}: a "Sent updates" row, the comms entry, the
 * countdown restarted) at `occurredAt` (default now). The row holds only what was typed: the
 * summary as its subject (or "Logged with /comms" when none) and no message text, so nothing
 * claims a message Warroom never saw. Refuses a gone incident, and entry text as
 * {@link checkEntryText}.
 */
export function logComms(
  found: Incident | undefined,
  input: { audience: Audience; summary: string; occurredAt?: number },
  ctx: CommandContext,
): Outcome<TimelineEntry> {
  const incident = existing(found, 'incident');
  const { audience } = input;
  const what = input.summary.replace(/\s+/g, ' ').trim();
  const text = checkEntryText(`${AUDIENCE_LABELS[audience]} update sent${what ? `: ${what}` : ''}`);
  const { changes: c, result } = recordSent(
    incident,
    {
      audience,
      type: handType(incident),
      subject: what || 'Logged with /comms (no message recorded)',
      body: '',
      format: 'logged',
    },
    text,
    ctx,
    input.occurredAt ?? ctx.now,
  );
  return { changes: c, result: result.entry };
}

/**
 * "Mark sent": an update went out by other means (said on a call, posted by hand), recorded like
 * any other ({@link recordSent}) with no message text: the entry says "Update sent to …" or,
 * once resolved, "Resolved message sent to …", marked as sent. Refuses a gone incident.
 */
export function markUpdateSent(
  found: Incident | undefined,
  audience: Audience,
  ctx: CommandContext,
): Outcome<TimelineEntry> {
  const incident = existing(found, 'incident');
  const type = handType(incident);
  const resolved = type === 'resolved' ? 'Resolved message' : 'Update';
  const { changes: c, result } = recordSent(
    incident,
    {
      audience,
      type,
      subject: 'Marked as sent (no message recorded)',
      body: '',
      format: 'marked',
    },
    `${resolved} sent to ${AUDIENCE_LABELS[audience]} (marked as sent)`,
    ctx,
  );
  return { changes: c, result: result.entry };
}
