import type { Incident } from '../../../shared/domain/incident';
import type { Suggestion } from '../../../shared/logic/escalation';
import type { WarroomDb } from '../schema';
import type { CommandContext } from '../../../shared/commands/context';
import { makeEntry, systemEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';
import { changeSeverity } from './incidents';

/** What the repo needs of a suggestion: the trigger, the situation it saw, and the change. */
export type SuggestionRef = Pick<Suggestion, 'key' | 'fingerprint' | 'title' | 'action'>;

async function mustGet(db: WarroomDb, id: string): Promise<Incident> {
  const incident = await db.incidents.get(id);
  if (!incident) throw new RepoError('This incident no longer exists.');
  return incident;
}

/**
 * Accepts an escalation suggestion, in one transaction:
 * - a severity suggestion changes severity with the suggestion's reason (changeSeverity writes
 *   the pinned severity entry and the cadence re-plan);
 * - an escalate suggestion records a pinned decision entry "Escalated to <who>: <reason>" and
 *   marks the trigger handled (dismissedSuggestions[key] = fingerprint) so it does not nag again
 *   until the situation changes.
 */
export async function acceptSuggestion(
  db: WarroomDb,
  incidentId: string,
  suggestion: SuggestionRef,
  ctx: CommandContext,
): Promise<void> {
  const { action } = suggestion;
  await db.transaction('rw', [db.incidents, db.timelineEntries, db.settings], async () => {
    if (action.type === 'severity') {
      await changeSeverity(db, incidentId, action.to, action.reason, ctx);
      return;
    }
    const incident = await mustGet(db, incidentId);
    await db.incidents.put({
      ...incident,
      dismissedSuggestions: {
        ...incident.dismissedSuggestions,
        [suggestion.key]: suggestion.fingerprint,
      },
      updatedAt: ctx.now,
    });
    await db.timelineEntries.add(
      makeEntry(incidentId, 'decision', `Escalated to ${action.to}: ${action.reason}`, ctx, {
        pinned: true,
        change: {
          type: 'escalation',
          field: suggestion.key,
          to: action.to,
          reason: action.reason,
        },
      }),
    );
  });
}

/**
 * Dismisses a suggestion with a required reason, in one transaction: stores the situation's
 * fingerprint under the trigger's key (the suggestion stays away until the situation changes)
 * and records the decision on the timeline.
 */
export async function dismissSuggestion(
  db: WarroomDb,
  incidentId: string,
  suggestion: SuggestionRef,
  reason: string,
  ctx: CommandContext,
): Promise<Incident> {
  const why = reason.trim();
  if (!why) throw new RepoError('Say why you are dismissing it: it goes on the record.', 'reason');
  return db.transaction('rw', [db.incidents, db.timelineEntries], async () => {
    const incident = await mustGet(db, incidentId);
    const next: Incident = {
      ...incident,
      dismissedSuggestions: {
        ...incident.dismissedSuggestions,
        [suggestion.key]: suggestion.fingerprint,
      },
      updatedAt: ctx.now,
    };
    await db.incidents.put(next);
    await db.timelineEntries.add(
      systemEntry(
        incidentId,
        `Escalation suggestion dismissed: ${suggestion.title}. Reason: ${why}`,
        { type: 'escalation', field: suggestion.key, to: 'dismissed', reason: why },
        ctx,
      ),
    );
    return next;
  });
}
