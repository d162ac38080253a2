import { AUDIENCE_LABELS, type Audience } from '../domain/audience';
import type { Incident } from '../domain/incident';
import { newId } from '../domain/ids';
import { MESSAGE_TYPE_LABELS, type CommsUpdate, type MessageType } from '../domain/records';
import { ENTRY_TEXT_MAX, type TimelineEntry } from '../domain/timeline';
import { unfilledPlaceholders } from '../logic/unfilled';
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
  /**
   * True only when the person chose **Copy anyway** / **Save anyway** for this very subject and
   * message although they still state a placeholder. Absent or false: such a message is refused.
   */
  confirmedPlaceholders?: boolean;
}

/**
 * A refusal to send because the subject or message still states a placeholder instead of a fact
 * ({@link unfilledPlaceholders}). It is a RepoError on the field 'message' like any other, and
 * carries the placeholders so the composer can offer **Copy anyway** / **Save anyway**.
 */
export class UnfilledPlaceholdersError extends RepoError {
  constructor(readonly placeholders: readonly string[]) {
    super(unfilledSentence(placeholders), 'message');
  }
}

/**
 * The refusal's sentence, naming each placeholder: "The message still says [Public summary not
 * written yet] instead of a fact." / "… says {{eta}} and [Owner not set yet] instead of facts."
 */
export function unfilledSentence(placeholders: readonly string[]): string {
  const names =
    placeholders.length <= 1
      ? (placeholders[0] ?? '')
      : `${placeholders.slice(0, -1).join(', ')} and ${placeholders[placeholders.length - 1]}`;
  const facts = placeholders.length > 1 ? 'facts' : 'a fact';
  return `The message still says ${names} instead of ${facts}.`;
}

/**
 * Whether an update may leave Warroom as written: the one rule for the composer's copy and save
 * (checked before anything reaches the clipboard or a file) and for {@link sendUpdate} (before
 * it is recorded). Returns the trimmed subject. Refusals (RepoError): an empty subject
 * ('subject'); an empty message ('message'); a subject or message that still states a
 * placeholder ({@link UnfilledPlaceholdersError}, 'message', naming them) unless
 * `confirmedPlaceholders` is true.
 */
export function checkSendable(
  input: Pick<SendUpdateInput, 'subject' | 'body' | 'confirmedPlaceholders'>,
): string {
  const subject = input.subject.trim();
  if (!subject) throw new RepoError('Give the update a subject line.', 'subject');
  if (!input.body.trim()) throw new RepoError('The message is empty.', 'message');
  if (input.confirmedPlaceholders !== true) {
    const unfilled = unfilledPlaceholders(`${input.subject}\n${input.body}`);
    if (unfilled.length) throw new UnfilledPlaceholdersError(unfilled);
  }
  return subject;
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
 * (RepoError), as {@link checkSendable}: an empty subject ('subject'); an empty message
 * ('message'); a subject or message that still states a placeholder ("[Public summary not
 * written yet]", an unfilled `{{name}}`) unless `confirmedPlaceholders` says the person chose
 * Copy anyway / Save anyway ('message', naming the placeholders); and the incident is gone.
 */
export function sendUpdate(
  found: Incident | undefined,
  input: SendUpdateInput,
  ctx: CommandContext,
): Outcome<CommsUpdate> {
  const subject = checkSendable(input);
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
