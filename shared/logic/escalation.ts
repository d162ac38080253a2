import {
  formatUsersAffected,
  usersAffectedSchema,
  type Incident,
  type UsersAffected,
} from '../domain/incident';
import {
  SEVERITY_MATRIX,
  severityRank,
  severitySchema,
  upgradeSeverity,
  type Severity,
} from '../domain/severity';
import type { TimelineEntry } from '../domain/timeline';
import { milestoneSpan } from './milestones';
import { formatDuration } from './time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Stable ids of the seed's escalation triggers (keys of Incident.dismissedSuggestions). */
export const SUGGESTION_KEYS = {
  dataIntegrity: 'data-integrity',
  noRootCause: 'no-root-cause',
  impactDoubled: 'impact-doubled',
  payingCustomerReport: 'paying-customer-report',
} as const;
export type SuggestionKey = (typeof SUGGESTION_KEYS)[keyof typeof SUGGESTION_KEYS];

/** How long a severity may go without an identified cause before escalating (seed). */
export const NO_CAUSE_AFTER_MS: Readonly<Partial<Record<Severity, number>>> = {
  SEV1: 30 * MINUTE,
  SEV2: 2 * HOUR,
};

/** The seed's deadline for a post-mortem: 48 hours after resolution. */
export const POSTMORTEM_DUE_MS = 48 * HOUR;

export type SuggestionAction =
  | { type: 'severity'; to: Severity; reason: string }
  | { type: 'escalate'; to: string; reason: string };

/** A suggestion for the IC, who decides; the decision and its reason go on the timeline. */
export interface Suggestion {
  key: SuggestionKey;
  /** Changes when the situation does, so a dismissed suggestion can come back. */
  fingerprint: string;
  title: string;
  detail: string;
  action: SuggestionAction;
}

export type EscalationIncident = Pick<
  Incident,
  'severity' | 'status' | 'milestones' | 'createdAt' | 'dismissedSuggestions'
> & {
  impact: Pick<Incident['impact'], 'usersAffected' | 'payingAccounts' | 'dataIntegrity'>;
  detection: Pick<Incident['detection'], 'source'>;
};

export type EscalationEntry = Pick<TimelineEntry, 'kind' | 'change' | 'occurredAt'>;

export interface EscalationInput {
  incident: EscalationIncident;
  now: number;
  /** The incident's timeline (system entries are what matter: impact and severity changes). */
  entries?: readonly EscalationEntry[];
  /** A hypothesis was confirmed: the cause is known even if the Identified milestone is not set. */
  confirmedHypothesis?: boolean;
}

/**
 * Who a severity's matrix row escalates to, without its timing words:
 * "VP Eng + CTO immediately" → "VP Eng + CTO", "Eng Manager within 15 min" → "Eng Manager".
 */
export function escalationContact(severity: Severity): string {
  return SEVERITY_MATRIX[severity].escalation.replace(
    /\s+(?:immediately|within\b.*|next\b.*)$/i,
    '',
  );
}

/**
 * The seed's escalation triggers as suggestions, most severe target first, leaving out those the
 * IC dismissed while the situation was the same (same fingerprint). Resolved incidents get none.
 */
export function escalationSuggestions(input: EscalationInput): Suggestion[] {
  const { incident } = input;
  if (incident.status === 'resolved') return [];
  const all = [
    dataIntegrity(incident),
    noRootCause(input),
    impactDoubled(input),
    payingReport(incident),
  ];
  return all
    .filter((s): s is Suggestion => s !== null)
    .filter((s) => incident.dismissedSuggestions[s.key] !== s.fingerprint)
    .sort((a, b) => targetRank(a) - targetRank(b));
}

function targetRank(s: Suggestion): number {
  // Escalating to people is as pressing as a move to SEV1; the stable sort keeps ties in rule order.
  return s.action.type === 'severity' ? severityRank(s.action.to) : 1;
}

function dataIntegrity(incident: EscalationIncident): Suggestion | null {
  if (!incident.impact.dataIntegrity || incident.severity === 'SEV1') return null;
  return {
    key: SUGGESTION_KEYS.dataIntegrity,
    fingerprint: incident.severity,
    title: 'Data-integrity concern: make this SEV1',
    detail: `Any data-integrity concern is SEV1 at once; this incident is ${incident.severity}.`,
    action: { type: 'severity', to: 'SEV1', reason: 'Data-integrity concern' },
  };
}

/**
 * SEV1 without an identified cause 30 minutes after impact began, SEV2 after 2 hours: escalate to
 * the next tier. "Next tier" is read as the escalation column of the next more severe level (for
 * SEV2, VP Eng + CTO), because the current tier's contact was engaged at declaration; SEV1 has no
 * level above, so it names its own column (VP Eng + CTO) again.
 */
function noRootCause(input: EscalationInput): Suggestion | null {
  const { incident, now } = input;
  const limit = NO_CAUSE_AFTER_MS[incident.severity];
  if (limit === undefined || incident.milestones.identified !== undefined) return null;
  if (input.confirmedHypothesis === true) return null;
  const start = incident.milestones.started ?? incident.milestones.declared ?? incident.createdAt;
  const elapsed = now - start;
  if (elapsed < limit) return null;
  const tier = upgradeSeverity(incident.severity);
  const to = escalationContact(tier);
  // "SEV1 for …" counts the time at this severity, not since impact began: raised to SEV1 after
  // 5 hours, it has been SEV1 for a minute, and says so beside the time since the start.
  const atSeverityMs = Math.max(0, now - atCurrentSeveritySince(incident, input.entries));
  const sinceStart =
    atSeverityMs < elapsed ? ` (${formatDuration(elapsed)} since impact began)` : '';
  return {
    key: SUGGESTION_KEYS.noRootCause,
    fingerprint: `${incident.severity}@${start}`,
    title: `No root cause after ${formatDuration(limit)}: escalate to ${to}`,
    detail:
      `${incident.severity} for ${formatDuration(atSeverityMs)}${sinceStart} with no identified cause. ` +
      `Escalate to the next tier: ${SEVERITY_MATRIX[tier].escalation}.`,
    action: {
      type: 'escalate',
      to,
      reason: `No root cause identified ${formatDuration(limit)} after start (${incident.severity})`,
    },
  };
}

function parseUsers(json: string | null | undefined): UsersAffected | null {
  if (json === null || json === undefined) return null;
  try {
    const parsed = usersAffectedSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function describeUsers(u: UsersAffected): string {
  return formatUsersAffected(u);
}

/**
 * The users-affected value to compare against: the one in effect at the latest severity change,
 * or at declaration when severity never changed. Measuring from the latest change means that
 * once the IC acts on a doubling, it takes another doubling to suggest the next level.
 * The history is the system entries `{ type: 'impact', field: 'usersAffected', from, to }`
 * (JSON of UsersAffected); the first entry's `from` is the declared value. When there was no
 * value at that point, the first value recorded afterwards is used. With no history the value
 * has not changed, so there is nothing to compare (null).
 */
export function usersAffectedBaseline(entries: readonly EscalationEntry[]): UsersAffected | null {
  const changes = entries
    .filter((e) => e.change?.type === 'impact' && e.change.field === 'usersAffected')
    .sort((a, b) => a.occurredAt - b.occurredAt);
  const first = changes[0];
  if (!first) return null;
  const since = entries.reduce(
    (latest, e) => (e.change?.type === 'severity' ? Math.max(latest, e.occurredAt) : latest),
    -Infinity,
  );
  const upTo = changes.filter((e) => e.occurredAt <= since);
  const before = upTo.at(-1);
  const known = before ? parseUsers(before.change?.to) : parseUsers(first.change?.from);
  if (known) return known;
  // No value then (none declared, or it was cleared): the first one recorded after stands in.
  for (const e of changes.slice(upTo.length)) {
    const next = parseUsers(e.change?.to);
    if (next) return next;
  }
  return null;
}

function impactDoubled(input: EscalationInput): Suggestion | null {
  const { incident } = input;
  const current = incident.impact.usersAffected;
  if (incident.severity === 'SEV1' || !current) return null;
  const base = usersAffectedBaseline(input.entries ?? []);
  // Units that differ (a head count then a share) cannot be compared honestly; zero cannot double.
  if (!base || base.unit !== current.unit || base.value <= 0) return null;
  const ratio = current.value / base.value;
  if (ratio < 2) return null;
  const to = upgradeSeverity(incident.severity);
  const factor = 2 ** Math.floor(Math.log2(ratio));
  return {
    key: SUGGESTION_KEYS.impactDoubled,
    fingerprint: `${incident.severity}|${base.value}${base.unit}|x${factor}`,
    title: `Impact has doubled: upgrade to ${to}`,
    detail: `Users affected went from ${describeUsers(base)} to ${describeUsers(current)}. When the impact scope doubles, upgrade one level.`,
    action: {
      type: 'severity',
      to,
      reason: `Users affected doubled (${describeUsers(base)} → ${describeUsers(current)})`,
    },
  };
}

function payingReport(incident: EscalationIncident): Suggestion | null {
  const { severity } = incident;
  if (incident.detection.source !== 'customer-report' || !incident.impact.payingAccounts)
    return null;
  if (severityRank(severity) <= 2) return null;
  return {
    key: SUGGESTION_KEYS.payingCustomerReport,
    fingerprint: severity,
    title: 'Customer-reported, paying accounts affected: at least SEV2',
    detail: `A customer-reported incident affecting paying accounts is at least SEV2; this one is ${severity}.`,
    action: {
      type: 'severity',
      to: 'SEV2',
      reason: 'Customer-reported incident affecting paying accounts',
    },
  };
}

export interface ResponseMeasure {
  /** The measured time (ms, never negative). */
  metMs: number;
  targetMs: number;
  /** Within the matrix's "< N" target: strictly less than it. */
  met: boolean;
}

/**
 * The severity in force when the incident was declared: the `declared` entry's severity, else
 * the `from` of the earliest severity change, else the current one (never changed). Response
 * times are judged against it, because that is the target the responders were working to; a
 * later upgrade (SEV3 → SEV1) must not turn a response that met its target into a miss.
 */
export function severityAtDeclaration(
  incident: Pick<Incident, 'severity'>,
  entries: readonly EscalationEntry[] = [],
): Severity {
  const parse = (v: string | null | undefined): Severity | null => {
    const r = severitySchema.safeParse(v);
    return r.success ? r.data : null;
  };
  const declared = entries.find((e) => e.change?.type === 'declared');
  const atDeclaration = parse(declared?.change?.to);
  if (atDeclaration) return atDeclaration;
  const firstChange = entries
    .filter((e) => e.change?.type === 'severity')
    .reduce<EscalationEntry | null>((a, e) => (a && a.occurredAt <= e.occurredAt ? a : e), null);
  return parse(firstChange?.change?.from) ?? incident.severity;
}

/**
 * When the incident reached its current severity (epoch ms): the latest severity change, or the
 * start of impact (then declaration, then creation) when severity never changed.
 */
export function atCurrentSeveritySince(
  incident: Pick<Incident, 'milestones' | 'createdAt'>,
  entries: readonly EscalationEntry[] = [],
): number {
  const start = incident.milestones.started ?? incident.milestones.declared ?? incident.createdAt;
  return entries.reduce(
    (latest, e) => (e.change?.type === 'severity' ? Math.max(latest, e.occurredAt) : latest),
    start,
  );
}

/**
 * Response time against the target of the severity in force at declaration (see
 * {@link severityAtDeclaration}; pass the timeline's declared and severity entries), from
 * detection to acknowledgement and to declaration; each measure is null while either of its
 * milestones is missing, and when the milestones are out of order (a negative time is not a
 * response time, it is a record to correct).
 */
export function responseTimeStatus(
  incident: Pick<Incident, 'severity' | 'milestones'>,
  entries: readonly EscalationEntry[] = [],
): {
  severity: Severity;
  acknowledge: ResponseMeasure | null;
  declare: ResponseMeasure | null;
} {
  const { detected, acknowledged, declared } = incident.milestones;
  const severity = severityAtDeclaration(incident, entries);
  const targetMs = SEVERITY_MATRIX[severity].responseTargetMs;
  const measure = (end: number | undefined): ResponseMeasure | null => {
    const metMs = milestoneSpan(detected, end);
    return metMs === null ? null : { metMs, targetMs, met: metMs < targetMs };
  };
  return { severity, acknowledge: measure(acknowledged), declare: measure(declared) };
}

/**
 * The post-mortem deadline, 48 hours after resolution; null before resolution and once the
 * post-mortem is completed.
 */
export function postmortemDue(
  incident: Pick<Incident, 'milestones'>,
  now: number,
): { dueAt: number; remainingMs: number; overdue: boolean; overdueMs: number } | null {
  const { resolved, postmortemCompleted } = incident.milestones;
  if (resolved === undefined || postmortemCompleted !== undefined) return null;
  const dueAt = resolved + POSTMORTEM_DUE_MS;
  return {
    dueAt,
    remainingMs: Math.max(0, dueAt - now),
    overdue: now >= dueAt,
    overdueMs: Math.max(0, now - dueAt),
  };
}
