import type { Incident } from '../domain/incident';
import type { Severity } from '../domain/severity';
import { incidentDurations } from './metrics';
import { impossibleSpanNote, milestoneSpan } from './milestones';
import {
  latestVotes,
  parseChecklist,
  runbookUseOf,
  tickedWordings,
  type RunbookUseEntry,
} from './runbook';

/** The fields of an incident the effectiveness table reads. */
export type EffectivenessIncident = Pick<
  Incident,
  'id' | 'ref' | 'title' | 'severity' | 'drill' | 'milestones'
>;

/** An entry with the incident it belongs to. */
export type EffectivenessEntry = RunbookUseEntry & { incidentId: string };

/**
 * The responders' verdict in one incident, from each responder's latest vote: all helpful,
 * all not helpful, some of each, or null when nobody voted.
 */
export type HelpfulVerdict = 'helpful' | 'not-helpful' | 'mixed' | null;

/** One incident a runbook was used in. Times are epoch ms (UTC); spans are ms. */
export interface RunbookIncidentUse {
  incidentId: string;
  ref: string;
  title: string;
  severity: Severity;
  drill: boolean;
  /** The earliest `occurredAt` of a live entry recording the runbook's use here. */
  firstUsedAt: number;
  /** Started → Mitigated (DOMAIN.md's time to mitigate); null until mitigated or when out of order. */
  timeToMitigate: number | null;
  /** First use → Mitigated; null until mitigated, or when first used only after mitigation. */
  mitigatedAfterUse: number | null;
  /** True once the incident has a Mitigated milestone. */
  mitigated: boolean;
  /** Checklist steps whose latest state in this incident is ticked (at most `stepsTotal`). */
  stepsTicked: number;
  /**
   * The checklist's length as the responders saw it (from the latest step entry), or the
   * runbook's current length when no entry says.
   */
  stepsTotal: number;
  /** Latest vote per responder: how many said helpful and not helpful. */
  helpfulVotes: number;
  notHelpfulVotes: number;
  verdict: HelpfulVerdict;
}

/** The runbook's record over real incidents; drills are listed but left out of these figures. */
export interface EffectivenessSummary {
  /** Real (non-drill) incidents the runbook was used in. */
  incidents: number;
  /** Drills it was used in. */
  drills: number;
  /** Median time to mitigate (ms) of those real incidents that have one; null when none do. */
  medianTimeToMitigate: number | null;
  /** How many real incidents the median is over. */
  mitigatedIncidents: number;
  /** Responder votes (latest per responder per incident) over real incidents. */
  helpfulVotes: number;
  votes: number;
  /** helpfulVotes / votes, 0–1; null without votes. */
  helpfulShare: number | null;
}

export interface RunbookEffectiveness {
  /** Newest first (by first use), then by reference. */
  uses: RunbookIncidentUse[];
  summary: EffectivenessSummary;
}

/** Median of the numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

function verdictOf(helpful: number, notHelpful: number): HelpfulVerdict {
  if (helpful + notHelpful === 0) return null;
  if (notHelpful === 0) return 'helpful';
  if (helpful === 0) return 'not-helpful';
  return 'mixed';
}

/**
 * One incident's use of the runbook from that incident's entries, or null when no live entry
 * records a use (opened, a step ticked or unticked, a helpful vote). See {@link runbookUseOf}
 * for which entries count (by runbook id; older step entries by the current title).
 */
export function incidentUse(
  runbook: { id: string; title: string; body: string },
  incident: EffectivenessIncident,
  entries: readonly RunbookUseEntry[],
): RunbookIncidentUse | null {
  let firstUsedAt = Infinity;
  let latestOf: { loggedAt: number; of: number } | null = null;
  for (const e of entries) {
    const use = runbookUseOf(e, runbook);
    if (!use) continue;
    firstUsedAt = Math.min(firstUsedAt, e.occurredAt);
    if (use.action === 'step' && use.of !== null && (!latestOf || e.loggedAt >= latestOf.loggedAt))
      latestOf = { loggedAt: e.loggedAt, of: use.of };
  }
  if (firstUsedAt === Infinity) return null;
  const ticked = [...tickedWordings(entries, runbook).values()].filter(Boolean).length;
  const stepsTotal = latestOf?.of ?? parseChecklist(runbook.body).length;
  const votes = [...latestVotes(entries, runbook).values()];
  const helpfulVotes = votes.filter((v) => v).length;
  const notHelpfulVotes = votes.length - helpfulVotes;
  const mitigatedAt = incident.milestones.mitigated;
  return {
    incidentId: incident.id,
    ref: incident.ref,
    title: incident.title,
    severity: incident.severity,
    drill: incident.drill,
    firstUsedAt,
    timeToMitigate: incidentDurations(incident.milestones).timeToMitigate,
    mitigatedAfterUse: milestoneSpan(firstUsedAt, mitigatedAt),
    mitigated: mitigatedAt !== undefined,
    stepsTicked: Math.min(ticked, stepsTotal),
    stepsTotal,
    helpfulVotes,
    notHelpfulVotes,
    verdict: verdictOf(helpfulVotes, notHelpfulVotes),
  };
}

/**
 * A runbook's effectiveness: the incidents it was used in ({@link incidentUse}) and a summary
 * over the real ones. `entries` may hold any incidents' entries (only those of `incidents` are
 * read, and only those recording this runbook's use count); incidents without a use are left
 * out. Helpful share counts votes, each responder's latest per incident, so one incident with
 * five responders weighs more than one with a single voter: it is the share of responders who
 * found it helpful. Drills are listed (flagged) but left out of the summary: a staged outage's
 * time to mitigate says little about a real one.
 */
export function runbookEffectiveness(
  runbook: { id: string; title: string; body: string },
  incidents: readonly EffectivenessIncident[],
  entries: readonly EffectivenessEntry[],
): RunbookEffectiveness {
  const byIncident = new Map<string, EffectivenessEntry[]>();
  for (const e of entries) {
    const list = byIncident.get(e.incidentId);
    if (list) list.push(e);
    else byIncident.set(e.incidentId, [e]);
  }
  const uses: RunbookIncidentUse[] = [];
  for (const incident of incidents) {
    const own = byIncident.get(incident.id);
    const use = own ? incidentUse(runbook, incident, own) : null;
    if (use) uses.push(use);
  }
  uses.sort(
    (a, b) => b.firstUsedAt - a.firstUsedAt || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
  );
  const real = uses.filter((u) => !u.drill);
  const times = real.flatMap((u) => (u.timeToMitigate === null ? [] : [u.timeToMitigate]));
  const helpfulVotes = real.reduce((n, u) => n + u.helpfulVotes, 0);
  const votes = real.reduce((n, u) => n + u.helpfulVotes + u.notHelpfulVotes, 0);
  return {
    uses,
    summary: {
      incidents: real.length,
      drills: uses.length - real.length,
      medianTimeToMitigate: median(times),
      mitigatedIncidents: times.length,
      helpfulVotes,
      votes,
      helpfulShare: votes ? helpfulVotes / votes : null,
    },
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The verdict in words for the table: "Helpful", "Not helpful", "Mixed (2 helpful, 1 not)",
 * or "No vote". A count follows when more than one responder voted the same way
 * ("Helpful (3 votes)").
 */
export function verdictText(
  use: Pick<RunbookIncidentUse, 'helpfulVotes' | 'notHelpfulVotes'>,
): string {
  const { helpfulVotes: yes, notHelpfulVotes: no } = use;
  const verdict = verdictOf(yes, no);
  if (verdict === null) return 'No vote';
  if (verdict === 'mixed') return `Mixed (${yes} helpful, ${no} not)`;
  const n = yes + no;
  const label = verdict === 'helpful' ? 'Helpful' : 'Not helpful';
  return n > 1 ? `${label} (${n} votes)` : label;
}

/**
 * The summary line under the table, e.g. "Used in 3 incidents and 1 drill · median time to
 * mitigation 42 min (3 incidents) · helpful to 4 of 5 responders (80%)". Drills are named but not
 * in the figures. Durations by `formatSpan` (ms → text), so the page and tests share the style.
 */
export function summaryText(s: EffectivenessSummary, formatSpan: (ms: number) => string): string {
  const used =
    `Used in ${plural(s.incidents, 'incident', 'incidents')}` +
    (s.drills ? ` and ${plural(s.drills, 'drill', 'drills')}` : '');
  const mttm =
    s.medianTimeToMitigate === null
      ? 'no time to mitigation yet'
      : `median time to mitigation ${formatSpan(s.medianTimeToMitigate)} (${plural(s.mitigatedIncidents, 'incident', 'incidents')})`;
  const share =
    s.helpfulShare === null
      ? 'no helpful votes yet'
      : `helpful to ${s.helpfulVotes} of ${plural(s.votes, 'responder', 'responders')} (${Math.round(s.helpfulShare * 100)}%)`;
  return s.incidents === 0
    ? `${used}; drills are left out of the figures`
    : `${used} · ${mttm} · ${share}`;
}

/**
 * The time to mitigation cell: "1 h 5 min (40 min after first use)", "25 min (used after
 * mitigation)" when first used only once mitigated, "Not mitigated yet", or "— (Mitigated is
 * before Started; correct the milestones)" for a record out of order. Durations by `formatSpan`.
 */
export function mitigationText(
  use: Pick<RunbookIncidentUse, 'mitigated' | 'timeToMitigate' | 'mitigatedAfterUse'>,
  formatSpan: (ms: number) => string,
): string {
  if (!use.mitigated) return 'Not mitigated yet';
  if (use.timeToMitigate === null) return `— (${impossibleSpanNote('started', 'mitigated')})`;
  const after =
    use.mitigatedAfterUse === null
      ? 'used after mitigation'
      : `${formatSpan(use.mitigatedAfterUse)} after first use`;
  return `${formatSpan(use.timeToMitigate)} (${after})`;
}
