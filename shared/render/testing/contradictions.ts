/**
 * Test-only: what a rendered stakeholder message may not say, given the record it was built
 * from (issue 11 §1). Returns the broken rules, empty when the message agrees with the record.
 */
import { dataLossOf, publicSummaryOf } from '../../domain/incident-facts';
import {
  PUBLIC_SUMMARY_MISSING,
  causeState,
  dataLossSentence,
  effectiveMessageType,
  type CommsContext,
} from '../../logic/comms-templates';
import { renderMessage } from '../comms';

/** Sentences that say the cause is known. */
const SAYS_FOUND = [/we have found the cause/i, /the cause is confirmed/i, /^cause: (?!not yet)/im];
/** Sentences that say the cause is not known. */
const SAYS_UNKNOWN = [/not yet confirmed/i, /looking for the cause/i, /cause is not yet/i];
const SAYS_RESOLVED = [/this issue is resolved/i, /the issue is resolved/i, /\[RESOLVED\]/];
const SAYS_ONGOING = [/we are investigating/i, /looking for the cause/i, /next update at/i];

const any = (patterns: readonly RegExp[], text: string): RegExp | undefined =>
  patterns.find((p) => p.test(text));

/** The message as plain text with its subject, as a person reads it. */
export function readMessage(ctx: CommsContext): string {
  const m = renderMessage(ctx, 'plain');
  return `Subject: ${m.subject}\n\n${m.body}`;
}

/** Every rule the message built from `ctx` breaks. */
export function contradictions(ctx: CommsContext): string[] {
  const text = readMessage(ctx);
  const problems: string[] = [];
  const { incident } = ctx;
  const type = effectiveMessageType(incident, ctx.type);
  const loss = dataLossOf(incident);
  const found = any(SAYS_FOUND, text);
  const unknown = any(SAYS_UNKNOWN, text);

  // Data loss: exactly the recorded fact, "still confirming" only while Unknown.
  if (loss.state !== 'unknown' && /still confirming whether any data was lost/i.test(text))
    problems.push('says it is still confirming data loss, but Data loss is recorded');
  if (loss.state !== 'none' && /no data was lost/i.test(text))
    problems.push('says no data was lost, but Data loss is not None');
  if (loss.state !== 'some' && /some data was lost/i.test(text))
    problems.push('says some data was lost, but Data loss is not Some');
  if (type === 'resolved' && !text.includes(dataLossSentence(loss)))
    problems.push(`Resolved message without the data-loss sentence "${dataLossSentence(loss)}"`);

  // Cause: never "found" beside "not yet confirmed"; each as the record supports it.
  if (found && unknown) problems.push(`pairs "${String(found)}" with "${String(unknown)}"`);
  const cause = causeState(ctx);
  if ((cause.kind === 'found' || cause.kind === 'found-undescribed') && unknown)
    problems.push(`the record holds a cause, yet the message says "${String(unknown)}"`);
  if ((cause.kind === 'unknown' || cause.kind === 'suspected') && found)
    problems.push(`the cause is not confirmed, yet the message says "${String(found)}"`);
  if (
    cause.kind === 'found' &&
    ctx.audience !== 'customers' &&
    type === 'update' &&
    !text.includes(cause.text)
  )
    problems.push('an update that does not state the recorded cause');

  // Status: resolved or not, as recorded.
  const resolvedWords = any(SAYS_RESOLVED, text);
  if (incident.status !== 'resolved' && resolvedWords)
    problems.push(`says "${String(resolvedWords)}" while ${incident.status}`);
  const ongoing = any(SAYS_ONGOING, text);
  if (incident.status === 'resolved' && ongoing)
    problems.push(`says "${String(ongoing)}" after resolution`);
  if (incident.status !== 'investigating' && /investigating/i.test(text))
    problems.push(`says "investigating" while ${incident.status}`);
  if (ctx.recordChanged === true && /no change/i.test(text))
    problems.push('says "No change" although the record changed since the last update');

  // Customers: the public wording or the placeholder, never internal impact or cause text.
  if (ctx.audience === 'customers') {
    const pub = publicSummaryOf(incident);
    if (!pub && !text.includes(PUBLIC_SUMMARY_MISSING))
      problems.push('a customer message without the Public summary or its placeholder');
    const internal = [incident.impact.summary, incident.understanding ?? '']
      .map((t) => t.trim())
      .filter((t) => t && !pub.includes(t));
    for (const t of internal)
      if (text.includes(t)) problems.push(`a customer message quoting internal text "${t}"`);
  }
  return problems;
}
