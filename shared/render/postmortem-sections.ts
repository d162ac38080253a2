/**
 * The post-mortem's free-text sections (for the editor) and their first drafts, derived from
 * the incident record so nobody starts from a blank page.
 */
import { dataLossOf, understandingOf } from '../domain/incident-facts';
import { dataLossSentence } from '../logic/comms-templates';
import { formatUsersAffected, type Incident } from '../domain/incident';
import { SEVERITY_MATRIX } from '../domain/severity';
import type { TimelineEntry } from '../domain/timeline';
import { severityAtDeclaration } from '../logic/escalation';
import { milestoneSpan } from '../logic/milestones';
import type { TimeZoneMode } from '../logic/time';
import { formatDateTime, formatDuration } from '../logic/time';

/** One free-text section of the post-mortem, in document order. */
export interface PostmortemSection {
  id: string;
  title: string;
  /** What to write, shown as the editor's placeholder. */
  hint: string;
}

/** Free-text sections in the seed's order; fishbone ones are optional. */
export const POSTMORTEM_SECTIONS = [
  {
    id: 'executiveSummary',
    title: 'Executive Summary',
    hint: 'Two or three sentences: what happened, who was affected, how it was resolved.',
  },
  {
    id: 'whatHappened',
    title: 'What happened',
    hint: 'The failure chain, step by step, in technical detail.',
  },
  { id: 'immediateCause', title: 'Immediate cause', hint: 'The direct trigger.' },
  { id: 'underlyingCause', title: 'Underlying cause', hint: 'Why the trigger was possible.' },
  {
    id: 'systemicCause',
    title: 'Systemic cause',
    hint: 'What organisational or process gap allowed it.',
  },
  {
    id: 'wentWell',
    title: 'What Went Well',
    hint: 'Things, processes and tools that helped the response. One per line, starting with "- ".',
  },
  {
    id: 'wentPoorly',
    title: 'What Went Poorly',
    hint: 'What slowed detection or resolution; gaps it exposed. One per line, starting with "- ".',
  },
  {
    id: 'lessons',
    title: 'Lessons Learned',
    hint: 'Takeaways that should shape future architecture and process.',
  },
  {
    id: 'fishbonePeople',
    title: 'People',
    hint: 'Fishbone (optional): staffing, fatigue, knowledge gaps.',
  },
  {
    id: 'fishboneProcess',
    title: 'Process',
    hint: 'Fishbone (optional): deploy, review, testing, rollback process.',
  },
  {
    id: 'fishboneTechnology',
    title: 'Technology',
    hint: 'Fishbone (optional): code, data stores, caches, capacity.',
  },
  {
    id: 'fishboneEnvironment',
    title: 'Environment',
    hint: 'Fishbone (optional): cloud, region, network.',
  },
  {
    id: 'fishboneExternal',
    title: 'External',
    hint: 'Fishbone (optional): vendors, traffic, attacks.',
  },
] as const satisfies readonly PostmortemSection[];

/** A section id. */
export type PostmortemSectionId = (typeof POSTMORTEM_SECTIONS)[number]['id'];

/** Ids of the optional fishbone categories. */
export const FISHBONE_SECTION_IDS: readonly PostmortemSectionId[] = [
  'fishbonePeople',
  'fishboneProcess',
  'fishboneTechnology',
  'fishboneEnvironment',
  'fishboneExternal',
];

/** What a first draft is derived from. */
export interface PrefillInput {
  incident: Incident;
  entries: readonly TimelineEntry[];
  /** Texts of confirmed hypotheses, oldest first. */
  confirmedHypotheses?: readonly string[];
  timeZone: TimeZoneMode;
}

/** "INC-2026-11-22-001-postmortem.md". */
export function postmortemFileName(ref: string): string {
  const safe = ref.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'incident';
  return `${safe}-postmortem.md`;
}

function usersAffectedText(incident: Incident): string {
  return formatUsersAffected(incident.impact.usersAffected, 'an unknown number of users');
}

function sentence(value: string): string {
  const t = value.trim();
  return !t || /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * First drafts of the free-text sections, from the record: an executive summary from title,
 * impact, duration and the recorded Data loss; what happened from findings and confirmed
 * hypotheses; the immediate cause from the Current understanding, else the first confirmed
 * hypothesis; what went well or poorly from detection, response
 * and mitigation times against the severity's targets. Sections with nothing to derive are left
 * out, so the caller can merge without overwriting what someone wrote.
 */
export function prefillPostmortem(
  input: PrefillInput,
): Partial<Record<PostmortemSectionId, string>> {
  const { incident, timeZone: tz } = input;
  const m = incident.milestones;
  const start = m.started ?? m.declared ?? incident.createdAt;
  const out: Partial<Record<PostmortemSectionId, string>> = {};
  const live = input.entries.filter((e) => e.deletedAt === null);
  const findings = live.filter((e) => e.kind === 'finding').map((e) => e.text.trim());
  const confirmed = (input.confirmedHypotheses ?? []).map((h) => h.trim()).filter(Boolean);

  const span =
    milestoneSpan(start, m.resolved) !== null && m.resolved !== undefined
      ? `For ${formatDuration(m.resolved - start)} (${formatDateTime(start, tz)} to ${formatDateTime(m.resolved, tz)}), `
      : `From ${formatDateTime(start, tz)}, `;
  out.executiveSummary = [
    `${span}${incident.services.length ? incident.services.join(', ') : sentence(incident.title).replace(/\.$/, '')} affected ${usersAffectedText(incident)}.`,
    sentence(incident.impact.summary),
    sentence(incident.resolutionSummary ?? ''),
    // The recorded Data loss fact, once known (nothing is claimed while it is Unknown).
    dataLossOf(incident).state === 'unknown' ? '' : dataLossSentence(dataLossOf(incident)),
  ]
    .filter(Boolean)
    .join(' ');

  const happened = [...confirmed.map((h) => `- Confirmed: ${h}`), ...findings.map((f) => `- ${f}`)];
  if (happened.length) out.whatHappened = happened.join('\n');
  const cause = understandingOf(incident) || confirmed[0];
  if (cause) out.immediateCause = sentence(cause);

  // Judged against the severity in force at declaration: a later upgrade does not make a
  // response that met its target late.
  const target = SEVERITY_MATRIX[severityAtDeclaration(incident, input.entries)];
  const well: string[] = [];
  const poorly: string[] = [];
  const judge = (
    from: number | undefined,
    to: number | undefined,
    limit: number,
    what: string,
  ): void => {
    // Missing, or out of order (older records): an impossible time is not judged at all.
    const ms = milestoneSpan(from, to);
    if (ms === null) return;
    const line = `- ${what} ${formatDuration(ms)}`;
    (ms <= limit ? well : poorly).push(`${line} (target ${formatDuration(limit)}).`);
  };
  judge(m.started, m.detected, 5 * 60_000, 'Detected the impact within');
  judge(m.detected, m.acknowledged, target.responseTargetMs, 'Acknowledged the page within');
  judge(start, m.mitigated, 30 * 60_000, 'Mitigated within');
  if (well.length) out.wentWell = well.join('\n');
  if (poorly.length) out.wentPoorly = poorly.join('\n');
  return out;
}
