/**
 * The post-mortem document, built from plain data in the seed template's order and rendered in
 * any format. Free text comes from `postmortem.sections` (ids in POSTMORTEM_SECTIONS); the
 * timeline, responders and action items come from the record itself.
 */
import type { Incident } from '../domain/incident';
import type { ActionItem, Postmortem } from '../domain/records';
import { ACTION_STATUS_LABELS } from '../domain/records';
import type { RoleAssignment } from '../domain/roles';
import type { Milestone } from '../domain/status';
import { MILESTONES } from '../domain/status';
import type { TimelineEntry } from '../domain/timeline';
import { compareEntries, isFollowUpBookkeeping } from '../domain/timeline';
import type { TimeZoneMode } from '../logic/time';
import { formatDate, formatDuration, formatTimeOfDay, spansDays } from '../logic/time';
import type { Block, Doc, Inline, RenderFormat } from './doc';
import { bold, heading, italic, labelled, list, paragraph, table, text, textLines } from './doc';
import type { PostmortemSectionId } from './postmortem-sections';
import { FISHBONE_SECTION_IDS, POSTMORTEM_SECTIONS } from './postmortem-sections';
import { renderDoc } from './render-doc';

/** Everything the post-mortem is built from. */
export interface PostmortemInput {
  incident: Incident;
  postmortem: Postmortem;
  entries: readonly TimelineEntry[];
  roleHistory: readonly RoleAssignment[];
  actionItems: readonly ActionItem[];
  /** e.g. "42% of the monthly error budget", computed by the caller; null when not known. */
  sloBudgetConsumed?: string | null;
  timeZone: TimeZoneMode;
}

const MILESTONE_EVENTS: Readonly<Record<Milestone, string>> = {
  started: 'Impact started',
  detected: 'Incident detected',
  acknowledged: 'Page acknowledged',
  declared: 'Incident declared',
  identified: 'Cause identified',
  mitigated: 'Impact mitigated',
  resolved: 'Incident resolved',
  postmortemCompleted: 'Post-mortem completed',
};

const STATUS_TITLES = { draft: 'Draft', review: 'Review', final: 'Final' } as const;

const NOT_WRITTEN = 'Not yet written.';

function section(pm: Postmortem, id: PostmortemSectionId): string {
  return pm.sections[id]?.trim() ?? '';
}

/**
 * Free text as blocks: lines starting with "- " or "* " become list items, runs of other lines
 * become paragraphs (line breaks kept). Empty text reads "Not yet written."
 */
export function freeTextBlocks(value: string): Block[] {
  const blocks: Block[] = [];
  let items: string[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (items.length) blocks.push(list(items));
    if (lines.length) blocks.push(paragraph(text(lines.join('\n'))));
    items = [];
    lines = [];
  };
  for (const line of textLines(value)) {
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    if (bullet) {
      if (lines.length) flush();
      items.push(bullet[1] ?? '');
    } else {
      if (items.length) flush();
      lines.push(line);
    }
  }
  flush();
  return blocks.length ? blocks : [paragraph(italic(NOT_WRITTEN))];
}

interface Span {
  start: number;
  end: number | null;
}

function incidentSpan(incident: Incident): Span {
  const m = incident.milestones;
  return { start: m.started ?? m.declared ?? incident.createdAt, end: m.resolved ?? null };
}

function zoneLabel(tz: TimeZoneMode): string {
  return tz === 'utc' ? 'UTC' : 'local time';
}

function durationText({ start, end }: Span, tz: TimeZoneMode): string {
  const zone = tz === 'utc' ? ' UTC' : '';
  if (end === null)
    return `${formatDate(start, tz)} ${formatTimeOfDay(start, tz)}${zone} – ongoing`;
  const to = spansDays(start, end, tz)
    ? `${formatDate(end, tz)} ${formatTimeOfDay(end, tz)}`
    : formatTimeOfDay(end, tz);
  return `${formatTimeOfDay(start, tz)} – ${to}${zone} (${formatDuration(end - start)})`;
}

function usersAffected(incident: Incident): string {
  const u = incident.impact.usersAffected;
  if (!u) return 'Not yet known';
  return u.unit === 'percent' ? `${u.value}% of users` : `${u.value.toLocaleString('en-US')} users`;
}

/**
 * Milestones plus pinned entries (every live entry when `allEntries`), oldest first. Follow-up
 * bookkeeping after resolution (action items, the post-mortem's own status) is not an event of
 * the incident and is left out ({@link isFollowUpBookkeeping}).
 */
export function postmortemTimeline(input: PostmortemInput): { at: number; event: string }[] {
  const rows: { at: number; order: number; id: string; event: string }[] = [];
  MILESTONES.forEach((key, order) => {
    const at = input.incident.milestones[key];
    if (at !== undefined) rows.push({ at, order, id: '', event: MILESTONE_EVENTS[key] });
  });
  const resolvedAt = input.incident.milestones.resolved;
  const sorted = input.entries
    .filter(
      (e) =>
        e.deletedAt === null &&
        (input.postmortem.allEntries || e.pinned) &&
        !isFollowUpBookkeeping(e, resolvedAt),
    )
    .sort(compareEntries);
  for (const e of sorted) {
    const prefix =
      e.kind === 'hypothesis' ? 'Hypothesis: ' : e.kind === 'decision' ? 'Decision: ' : '';
    rows.push({
      at: e.occurredAt,
      order: MILESTONES.length,
      id: e.id,
      event: `${prefix}${e.text}`,
    });
  }
  // Stable: by time, milestones before entries at the same minute, entries in timeline order.
  return rows
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => a.at - b.at || a.order - b.order || a.i - b.i)
    .map(({ at, event }) => ({ at, event }));
}

function timelineBlock(input: PostmortemInput): Block {
  const rows = postmortemTimeline(input);
  const tz = input.timeZone;
  const first = rows[0]?.at ?? 0;
  const last = rows[rows.length - 1]?.at ?? 0;
  const withDate = spansDays(first, last, tz);
  const time = (at: number): string =>
    withDate ? `${formatDate(at, tz)} ${formatTimeOfDay(at, tz)}` : formatTimeOfDay(at, tz);
  return table(
    ['Time', 'Event'],
    rows.map((r) => [time(r.at), r.event]),
  );
}

function respondersBlock(input: PostmortemInput): Block {
  const tz = input.timeZone;
  const { start, end } = incidentSpan(input.incident);
  const withDate = spansDays(start, end ?? start, tz);
  const time = (at: number): string =>
    withDate ? `${formatDate(at, tz)} ${formatTimeOfDay(at, tz)}` : formatTimeOfDay(at, tz);
  const rows = [...input.roleHistory]
    .sort((a, b) => a.startedAt - b.startedAt || a.roleName.localeCompare(b.roleName))
    .map((r) => [
      r.roleName,
      r.person,
      time(r.startedAt),
      r.endedAt === null ? 'end' : time(r.endedAt),
    ]);
  return table(['Role', 'Person', 'From', 'To'], rows);
}

function actionItemsBlock(items: readonly ActionItem[]): Block {
  return table(
    ['ID', 'Action', 'Owner', 'Priority', 'Due Date', 'Status'],
    items.map((a, i) => [
      String(i + 1),
      a.title,
      a.owner,
      a.priority,
      a.dueDate,
      ACTION_STATUS_LABELS[a.status],
    ]),
  );
}

/** Builds the post-mortem document. */
export function buildPostmortem(input: PostmortemInput): Doc {
  const { incident, postmortem: pm, timeZone: tz } = input;
  const span = incidentSpan(incident);
  const whys = pm.fiveWhys.map((w) => w.trim()).filter(Boolean);
  const factors: [string, PostmortemSectionId][] = [
    ['Immediate cause', 'immediateCause'],
    ['Underlying cause', 'underlyingCause'],
    ['Systemic cause', 'systemicCause'],
  ];
  const factorItems: Inline[][] = factors.map(([label, id]) => [
    bold(`${label}:`),
    text(` ${section(pm, id).replace(/\s+/g, ' ') || NOT_WRITTEN}`),
  ]);
  const fishbone = FISHBONE_SECTION_IDS.filter((id) => section(pm, id));
  const tickets = incident.impact.supportTickets;
  const titleOf = (id: PostmortemSectionId): string =>
    POSTMORTEM_SECTIONS.find((s) => s.id === id)?.title ?? id;

  const blocks: Block[] = [
    heading(1, `Post-Mortem: ${incident.title}`),
    labelled('Incident', `${incident.ref}${incident.drill ? ' (drill)' : ''}`),
    labelled('Date', formatDate(span.start, tz)),
    labelled('Severity', incident.severity),
    labelled('Duration', durationText(span, tz)),
    labelled('Author', pm.author.trim() || 'Not yet assigned'),
    labelled('Status', STATUS_TITLES[pm.status]),
    heading(2, 'Executive Summary'),
    ...freeTextBlocks(section(pm, 'executiveSummary')),
    heading(2, 'Impact'),
    list([
      [bold('Users affected:'), text(` ${usersAffected(incident)}`)],
      [bold('Revenue impact:'), text(` ${incident.impact.revenueImpact.trim() || 'N/A'}`)],
      [
        bold('SLO budget consumed:'),
        text(` ${input.sloBudgetConsumed?.trim() || 'Not calculated'}`),
      ],
      [
        bold('Support tickets created:'),
        text(` ${tickets === null ? 'Not recorded' : String(tickets)}`),
      ],
    ]),
    heading(2, `Timeline (${zoneLabel(tz)})`),
    timelineBlock(input),
    heading(2, 'Responders'),
    respondersBlock(input),
    heading(2, 'Root Cause Analysis'),
    heading(3, 'What happened'),
    ...freeTextBlocks(section(pm, 'whatHappened')),
    heading(3, 'Contributing Factors'),
    list(factorItems, true),
    heading(3, '5 Whys'),
    whys.length ? list(whys, true) : paragraph(italic(NOT_WRITTEN)),
    heading(2, 'What Went Well'),
    ...freeTextBlocks(section(pm, 'wentWell')),
    heading(2, 'What Went Poorly'),
    ...freeTextBlocks(section(pm, 'wentPoorly')),
    heading(2, 'Action Items'),
    input.actionItems.length
      ? actionItemsBlock(input.actionItems)
      : paragraph(italic('No action items yet.')),
    heading(2, 'Lessons Learned'),
    ...freeTextBlocks(section(pm, 'lessons')),
  ];
  if (fishbone.length) {
    blocks.push(
      heading(2, 'Fishbone'),
      table(
        ['Category', 'Contributing factors'],
        FISHBONE_SECTION_IDS.map((id) => [titleOf(id), section(pm, id) || '—']),
      ),
    );
  }
  return { blocks };
}

/** Renders the post-mortem; Markdown unless another format is asked for. */
export function renderPostmortem(
  input: PostmortemInput,
  format: RenderFormat = 'markdown',
): string {
  return renderDoc(buildPostmortem(input), format);
}
