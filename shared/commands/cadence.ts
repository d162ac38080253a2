import { AUDIENCE_LABELS, type Audience } from '../domain/audience';
import { FUTURE_TOLERANCE_MS, type Incident } from '../domain/incident';
import type { AppSettings } from '../domain/settings';
import {
  audienceDue,
  cadenceMsFor,
  isSnoozeMinutes,
  MAX_SNOOZE_MINUTES,
  snooze,
  snoozeLabel,
  spanInWords,
} from '../logic/cadence';
import { formatDuration, formatEventTime, spansDays } from '../logic/time';
import { changes } from './change-set';
import type { CommandContext } from './context';
import { systemEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import type { Outcome } from './change-set';

/**
 * Update cadence commands: the countdowns to each audience's next update (restarted when an
 * update goes out, snoozed, or set to a given time). Pure: the incident and the settings are read
 * by the caller (renderer/db/repo/cadence.ts). The database holds timestamps (ms since the
 * epoch, UTC), never a running countdown.
 */

/**
 * The incident after an update went out to `audience` at `occurredAt` (ms, UTC): that
 * audience's countdown restarts (`cadence[audience].lastSentAt`) and any snooze or planned time
 * ends, since they only postponed the update just sent. An update older than the last recorded
 * one never moves the countdown back. Writes no entry: the caller records what was sent.
 */
export function withUpdateSent(
  incident: Incident,
  audience: Audience,
  ctx: CommandContext,
  occurredAt: number = ctx.now,
): Incident {
  const last = incident.cadence[audience]?.lastSentAt ?? null;
  return {
    ...incident,
    cadence: {
      ...incident.cadence,
      [audience]: {
        lastSentAt: last === null ? occurredAt : Math.max(last, occurredAt),
        snoozedUntil: null,
        snoozeReason: null,
      },
    },
    updatedAt: ctx.now,
  };
}

/**
 * Records that an update went out (see {@link withUpdateSent}), with no timeline entry.
 * Refuses (RepoError) a gone incident.
 */
export function recordUpdateSent(
  found: Incident | undefined,
  audience: Audience,
  ctx: CommandContext,
  occurredAt: number = ctx.now,
): Outcome<Incident> {
  const next = withUpdateSent(existing(found, 'incident'), audience, ctx, occurredAt);
  return { changes: changes().update('incidents', next).build(), result: next };
}

/** The audience's countdown, refusing (field 'audience') one that has none or has stopped. */
function runningDue(
  incident: Incident,
  audience: Audience,
  settings: AppSettings,
  now: number,
  what: 'snooze' | 'plan',
) {
  const due = audienceDue(incident, audience, now, cadenceMsFor(incident.severity, settings));
  if (!due) throw new RepoError(`This incident has no customer updates to ${what}.`, 'audience');
  if (due.state === 'stopped')
    throw new RepoError('The incident is resolved: its update timers have stopped.', 'audience');
  return due;
}

/**
 * Snoozes an audience's update reminder for `minutes` (whole minutes, 1 minute to 6 hours) with
 * a required reason, recorded on the timeline (`change: { type: 'snooze', field: audience, to:
 * snoozedUntil }`, the time shown in `settings.timeZone`). The snooze counts from the due time,
 * or from now when already due (shared/logic/cadence `snooze`). Refusals (RepoError): bad
 * minutes ('minutes'); no reason ('reason'); the incident is gone; no countdown for that
 * audience, or a resolved incident ('audience').
 */
export function snoozeReminder(
  found: Incident | undefined,
  settings: AppSettings,
  input: { audience: Audience; minutes: number; reason: string },
  ctx: CommandContext,
): Outcome<Incident> {
  const { audience, minutes } = input;
  const why = input.reason.trim();
  if (!isSnoozeMinutes(minutes))
    throw new RepoError(
      `Snooze for whole minutes, from 1 minute to ${snoozeLabel(MAX_SNOOZE_MINUTES)}.`,
      'minutes',
    );
  if (!why) throw new RepoError('Say why the update can wait: it goes on the record.', 'reason');
  const incident = existing(found, 'incident');
  const due = runningDue(incident, audience, settings, ctx.now, 'snooze');
  const { snoozedUntil } = snooze(due, minutes, ctx.now);
  const book = incident.cadence[audience];
  const next: Incident = {
    ...incident,
    cadence: {
      ...incident.cadence,
      [audience]: {
        ...book,
        lastSentAt: book?.lastSentAt ?? null,
        snoozedUntil,
        snoozeReason: why,
      },
    },
    updatedAt: ctx.now,
  };
  const zone = settings.timeZone;
  const until = formatEventTime(snoozedUntil, zone, spansDays(ctx.now, snoozedUntil, zone));
  const entry = systemEntry(
    incident.id,
    `${AUDIENCE_LABELS[audience]} update reminder snoozed for ${formatDuration(minutes * 60_000)} (until ${until}). Reason: ${why}`,
    { type: 'snooze', field: audience, to: String(snoozedUntil), reason: why },
    ctx,
  );
  return { changes: changes().update('incidents', next).record(entry).build(), result: next };
}

/**
 * Sets when the next update to `audience` is due ("next update at 16:30"), with a required
 * reason, recorded on the timeline (`change: { type: 'cadence', field: audience, to: at }`).
 * The countdown runs to `at` (ms, UTC) instead of the cadence until the next update is sent, and
 * any snooze ends. Refusals (RepoError): `at` not in the next 24 hours ('at'); no reason
 * ('reason'); the incident is gone; no countdown for that audience, or a resolved incident
 * ('audience').
 */
export function setNextUpdateAt(
  found: Incident | undefined,
  settings: AppSettings,
  input: { audience: Audience; at: number; reason: string },
  ctx: CommandContext,
): Outcome<Incident> {
  const { audience, at } = input;
  const why = input.reason.trim();
  if (!(at > ctx.now) || at > ctx.now + 24 * 60 * 60_000 + FUTURE_TOLERANCE_MS)
    throw new RepoError('Give a time within the next 24 hours.', 'at');
  if (!why)
    throw new RepoError('Say why the next update comes then: it goes on the record.', 'reason');
  const incident = existing(found, 'incident');
  runningDue(incident, audience, settings, ctx.now, 'plan');
  const book = incident.cadence[audience];
  const next: Incident = {
    ...incident,
    cadence: {
      ...incident.cadence,
      [audience]: {
        lastSentAt: book?.lastSentAt ?? null,
        snoozedUntil: null,
        snoozeReason: null,
        nextUpdateAt: at,
        nextUpdateReason: why,
      },
    },
    updatedAt: ctx.now,
  };
  const zone = settings.timeZone;
  const when = formatEventTime(at, zone, spansDays(ctx.now, at, zone));
  const entry = systemEntry(
    incident.id,
    `Next ${AUDIENCE_LABELS[audience]} update set for ${when} (in ${spanInWords(at - ctx.now)}). Reason: ${why}`,
    { type: 'cadence', field: audience, to: String(at), reason: why },
    ctx,
  );
  return { changes: changes().update('incidents', next).record(entry).build(), result: next };
}
