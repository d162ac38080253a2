import type { Incident } from '../domain/incident';
import type { AppSettings } from '../domain/settings';
import type { Suggestion } from '../logic/escalation';
import { changes } from './change-set';
import type { CommandContext } from './context';
import { makeEntry, systemEntry } from './entries';
import { existing } from './guards';
import { changeSeverity } from './incident';
import { RepoError } from './refusal';
import type { Outcome } from './change-set';

/**
 * Escalation commands: accepting or dismissing a suggestion of shared/logic/escalation.ts.
 * Pure: the incident (and the settings, for a severity change's cadence re-plan) are read by the
 * caller (renderer/db/repo/escalation.ts).
 */

/** What a command needs of a suggestion: the trigger, the situation it saw, and the change. */
export type SuggestionRef = Pick<Suggestion, 'key' | 'fingerprint' | 'title' | 'action'>;

/** The incident with the trigger marked handled for the situation it saw. */
function handled(incident: Incident, suggestion: SuggestionRef, now: number): Incident {
  return {
    ...incident,
    dismissedSuggestions: {
      ...incident.dismissedSuggestions,
      [suggestion.key]: suggestion.fingerprint,
    },
    updatedAt: now,
  };
}

/**
 * Accepts an escalation suggestion:
 * - a severity suggestion changes severity with the suggestion's reason (the pinned severity
 *   entry and the cadence re-plan: see {@link changeSeverity}, whose refusals apply);
 * - an escalate suggestion records a pinned decision entry "Escalated to <who>: <reason>" and
 *   marks the trigger handled (dismissedSuggestions[key] = fingerprint) so it does not nag again
 *   until the situation changes.
 * Refuses (RepoError) a gone incident.
 */
export function acceptSuggestion(
  found: Incident | undefined,
  suggestion: SuggestionRef,
  settings: AppSettings,
  ctx: CommandContext,
): Outcome<Incident> {
  const { action } = suggestion;
  if (action.type === 'severity')
    return changeSeverity(found, { severity: action.to, reason: action.reason }, settings, ctx);
  const incident = existing(found, 'incident');
  const next = handled(incident, suggestion, ctx.now);
  const entry = makeEntry(
    incident.id,
    'decision',
    `Escalated to ${action.to}: ${action.reason}`,
    ctx,
    {
      pinned: true,
      change: { type: 'escalation', field: suggestion.key, to: action.to, reason: action.reason },
    },
  );
  return { changes: changes().update('incidents', next).record(entry).build(), result: next };
}

/**
 * Dismisses a suggestion with a required reason: stores the situation's fingerprint under the
 * trigger's key (the suggestion stays away until the situation changes) and records the
 * decision on the timeline. Refusals (RepoError): no reason ('reason'); the incident is gone.
 */
export function dismissSuggestion(
  found: Incident | undefined,
  suggestion: SuggestionRef,
  reason: string,
  ctx: CommandContext,
): Outcome<Incident> {
  const why = reason.trim();
  if (!why) throw new RepoError('Say why you are dismissing it: it goes on the record.', 'reason');
  const incident = existing(found, 'incident');
  const next = handled(incident, suggestion, ctx.now);
  const entry = systemEntry(
    incident.id,
    `Escalation suggestion dismissed: ${suggestion.title}. Reason: ${why}`,
    { type: 'escalation', field: suggestion.key, to: 'dismissed', reason: why },
    ctx,
  );
  return { changes: changes().update('incidents', next).record(entry).build(), result: next };
}
