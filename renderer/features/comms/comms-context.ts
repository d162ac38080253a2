/**
 * The composer's facts, from the incident as it stands: pure, so the message a person sees is
 * testable without a database. Which facts count as "new" depends on the audience: actions and
 * findings since the last update to THAT audience (its countdown's anchor).
 */
import type { Audience } from '../../../shared/domain/audience';
import type { Incident } from '../../../shared/domain/incident';
import type {
  ActionItem,
  Hypothesis,
  MessageType,
  Person,
  Service,
} from '../../../shared/domain/records';
import type { AppSettings } from '../../../shared/domain/settings';
import { compareEntries, type TimelineEntry } from '../../../shared/domain/timeline';
import { nameKey } from '../../../shared/domain/text';
import { cadenceMsFor } from '../../../shared/logic/cadence';
import {
  effectiveMessageType,
  type CommsContext,
  type CommsVariant,
} from '../../../shared/logic/comms-templates';
import { POSTMORTEM_DUE_MS } from '../../../shared/logic/escalation';
import { formatDate } from '../../../shared/logic/time';
import { confirmedHypothesisTexts } from '../../../shared/logic/hypotheses';

/** Everything the composer reads besides the incident. */
export interface ComposeData {
  entries: readonly TimelineEntry[];
  hypotheses: readonly Hypothesis[];
  actionItems: readonly ActionItem[];
  people: readonly Person[];
  /** The service catalog, for the customer-audience internal-detail check. */
  services?: readonly Pick<Service, 'name'>[];
}

/** What the user chose in the composer. */
export interface ComposeChoice {
  audience: Audience;
  type: MessageType;
  variant: CommsVariant;
}

/** How many of the latest findings an update lists. */
export const MAX_FINDINGS = 5;

const withOwner = (text: string, owner: string): string =>
  owner.trim() ? `${text} (${owner.trim()})` : text;

/** System changes after which an update may not say "No change". */
const RECORD_CHANGES: ReadonlySet<string> = new Set([
  'status',
  'severity',
  'impact',
  'understanding',
  'hypothesis',
  'milestone',
]);

/** The message type to start with: Resolved once resolved, Initial before the first update. */
export function defaultMessageType(incident: Incident, audience: Audience): MessageType {
  if (incident.status === 'resolved') return 'resolved';
  return incident.cadence[audience]?.lastSentAt == null ? 'initial' : 'update';
}

/**
 * Builds the context for `buildMessage`. The message type is the one the record supports
 * (`effectiveMessageType`: Resolved once resolved, never before). Findings: the latest few,
 * since the last update to the audience for a status update. Confirmed hypotheses: all of them
 * (the cause stays the cause). Actions and decisions since the last update; actions exclude
 * to-dos (`todo:` entries), which are next steps until done. Next steps: open hypotheses whose
 * timebox has not expired (an expired one is due a pivot or escalation, not more testing), then
 * open action items; expired ones become needs (a decision: pivot or escalate). `recordChanged`: no update went to this audience yet, or a status,
 * severity, impact, cause, hypothesis or milestone entry was logged since. The next update is
 * one cadence from now, since sending this message restarts the countdown; none after
 * resolution.
 */
export function buildCommsContext(
  incident: Incident,
  data: ComposeData,
  choice: ComposeChoice,
  now: number,
  settings: Pick<AppSettings, 'timeZone' | 'cadenceMinutes'>,
): CommsContext {
  const lastSentAt = incident.cadence[choice.audience]?.lastSentAt ?? null;
  const type = effectiveMessageType(incident, choice.type);
  const live = data.entries.filter((e) => e.deletedAt === null).sort(compareEntries);
  const since = (e: TimelineEntry) => lastSentAt === null || e.occurredAt > lastSentAt;
  const onlyNew = type === 'update';
  const findings = live
    .filter((e) => e.kind === 'finding' && (!onlyNew || since(e)))
    .map((e) => e.text.trim())
    .slice(-MAX_FINDINGS);
  const confirmed = confirmedHypothesisTexts(data.hypotheses);
  const actions = live
    .filter((e) => e.kind === 'action' && e.change?.type !== 'action-item' && since(e))
    .map((e) => e.text.trim());
  const decisions = live.filter((e) => e.kind === 'decision' && since(e)).map((e) => e.text.trim());
  const recordChanged =
    lastSentAt === null ||
    live.some(
      (e) =>
        e.kind === 'system' &&
        e.change !== null &&
        RECORD_CHANGES.has(e.change.type) &&
        // Logged since, even when backdated to before the last update.
        (since(e) || e.loggedAt > lastSentAt),
    );
  const nextSteps = [
    ...data.hypotheses
      .filter((h) => h.incidentId === incident.id && h.status === 'open' && h.dueAt > now)
      .sort((a, b) => a.dueAt - b.dueAt)
      .map((h) => withOwner(`Test hypothesis: ${h.text.trim()}`, h.owner)),
    ...data.actionItems
      .filter(
        (a) =>
          a.incidentId === incident.id &&
          (a.status === 'not-started' || a.status === 'in-progress'),
      )
      .map((a) => withOwner(a.title, a.owner)),
  ];
  // An open hypothesis past its timebox is due a pivot or an escalation, not more testing.
  const expired = data.hypotheses
    .filter((h) => h.incidentId === incident.id && h.status === 'open' && h.dueAt <= now)
    .sort((a, b) => a.dueAt - b.dueAt)
    .map((h) => `A decision on "${h.text.trim()}": its timebox expired (pivot or escalate).`);
  const resolved = type === 'resolved';
  const resolvedAt = incident.milestones.resolved;
  return {
    incident,
    audience: choice.audience,
    type,
    variant: choice.variant,
    now,
    timeZone: settings.timeZone,
    nextUpdateAt: resolved ? null : now + cadenceMsFor(incident.severity, settings),
    findings,
    confirmedHypotheses: confirmed,
    actionsSinceLastUpdate: actions,
    decisionsSinceLastUpdate: decisions,
    recordChanged,
    nextSteps,
    needs: expired,
    durationMs: null,
    postmortemDate:
      resolvedAt === undefined
        ? null
        : formatDate(resolvedAt + POSTMORTEM_DUE_MS, settings.timeZone),
    actionItemsWhere: null,
    eta: null,
    // The directory, plus whoever wrote on the record or owns a hypothesis (not always listed).
    people: [
      ...data.people.map((p) => ({ name: p.name, handle: p.handle })),
      ...[...new Set([...live.map((e) => e.author), ...data.hypotheses.map((h) => h.owner)])]
        .map((name) => name.trim())
        .filter((name) => name && !data.people.some((p) => nameKey(p.name) === nameKey(name)))
        .map((name) => ({ name, handle: '' })),
    ],
    serviceNames: (data.services ?? []).map((s) => s.name),
  };
}
