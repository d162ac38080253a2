/**
 * The post-mortem document, built from plain data in the seed template's order and rendered in
 * any format. Free text comes from `postmortem.sections` (ids in POSTMORTEM_SECTIONS); the
 * timeline, responders and action items come from the record itself.
 */
import { formatCount } from '../domain/text';
import { formatUsersAffected, type Incident } from '../domain/incident';
import type { ActionItem, Postmortem, Service } from '../domain/records';
import { ACTION_STATUS_LABELS, CAUSE_CATEGORY_LABELS, IMPACT_KIND_LABELS } from '../domain/records';
import { causesOf } from '../logic/causes';
import type { RoleAssignment } from '../domain/roles';
import type { TimelineEntry } from '../domain/timeline';
import { impactTotals, periodEnd, periodMs, sortWindows } from '../logic/impact-windows';
import { postmortemTimelineRows, type TimelineRow } from '../logic/key-events';
import {
  actionLinkOf,
  customSectionsOf,
  impactWindowsOf,
  isWebLink,
  sectionTitle,
  whysChainsOf,
} from '../logic/postmortem-structure';
import { formatFigure, incidentSpend, shareText, windowBudget } from '../logic/slo';
import type { TimeZoneMode } from '../logic/time';
import { impossibleSpanNote } from '../logic/milestones';
import {
  formatDate,
  formatDuration,
  formatEventTime,
  formatTimeOfDay,
  formatTimeRange,
  spansDays,
  zoneName,
} from '../logic/time';
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
  /** The "SLO budget consumed" text, from incidentBudgetText (shared/logic/slo.ts); null when not known. */
  sloBudgetConsumed?: string | null;
  /** Services with their SLO targets, for each impact window's budget share (none: not shown). */
  sloServices?: readonly Pick<Service, 'name' | 'sloTarget' | 'sloWindowDays'>[];
  /** The clock (epoch ms) an open impact window counts up to; defaults to the last update. */
  now?: number;
  timeZone: TimeZoneMode;
}

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

/** The zone named in headings: "UTC", or "local time, America/New_York". */
function zoneLabel(tz: TimeZoneMode): string {
  return tz === 'utc' ? 'UTC' : `local time, ${zoneName(tz)}`;
}

/** "14:05 – 16:00 UTC (1 h 55 min)"; in local time each end carries its zone when they differ. */
function durationText({ start, end }: Span, tz: TimeZoneMode): string {
  if (end === null) return formatTimeRange(start, null, tz);
  // Older records may have the end before the start: say so, never "(0 min)".
  const total =
    end >= start ? formatDuration(end - start) : `— ${impossibleSpanNote('started', 'resolved')}`;
  return `${formatTimeRange(start, end, tz)} (${total})`;
}

/**
 * A table cell's time: in UTC the heading names the zone ("Timeline (UTC)"); in local time every
 * cell carries its own marker, since rows on both sides of a daylight-saving change differ.
 */
function cellTime(at: number, tz: TimeZoneMode, withDate: boolean): string {
  if (tz !== 'utc') return formatEventTime(at, tz, withDate);
  return withDate ? `${formatDate(at, tz)} ${formatTimeOfDay(at, tz)}` : formatTimeOfDay(at, tz);
}

function usersAffected(incident: Incident): string {
  return formatUsersAffected(incident.impact.usersAffected);
}

/**
 * The post-mortem's timeline rows: milestones and the entries the key-event rule
 * (shared/logic/key-events.ts) and the author's Timeline curation include, oldest first.
 */
export function postmortemTimeline(input: PostmortemInput): TimelineRow[] {
  return postmortemTimelineRows({
    incident: input.incident,
    entries: input.entries,
    choices: input.postmortem.timelineChoices,
    allEntries: input.postmortem.allEntries,
  });
}

/** "18,000" / "Not recorded" for a count that may be absent. */
function countText(n: number | null | undefined): string {
  return n === null || n === undefined ? 'Not recorded' : formatCount(n);
}

/**
 * The Data loss fact (impact.dataLoss, added by the messages work) read defensively: rows
 * written before it existed lack it, and anything not of the expected shape reads as absent.
 */
function dataLossText(incident: Incident): string {
  const raw: unknown = (incident.impact as { dataLoss?: unknown }).dataLoss;
  if (!raw || typeof raw !== 'object') return 'Not recorded';
  const { state, what, window } = raw as { state?: unknown; what?: unknown; window?: unknown };
  if (state === 'none') return 'None';
  if (state === 'some') {
    const w = typeof what === 'string' ? what.trim() : '';
    const when = typeof window === 'string' ? window.trim() : '';
    return `Some data lost${w ? `: ${w}` : ''}${when ? ` (${when})` : ''}`;
  }
  return 'Unknown';
}

function impactBlocks(input: PostmortemInput): Block[] {
  const { incident, postmortem: pm, timeZone: tz } = input;
  const tickets = incident.impact.supportTickets;
  const blocks: Block[] = [
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
      [bold('Data loss:'), text(` ${dataLossText(incident)}`)],
      [bold('Affected users (count):'), text(` ${countText(pm.affectedUsers)}`)],
      [bold('Affected records:'), text(` ${countText(pm.affectedRecords)}`)],
    ]),
  ];
  const windows = sortWindows(impactWindowsOf(pm));
  if (!windows.length) return blocks;
  const now = input.now ?? incident.updatedAt;
  const first = windows[0]?.start ?? 0;
  const last = Math.max(...windows.map((w) => periodEnd(w, now)));
  const withDate = spansDays(first, last, tz);
  const time = (at: number): string =>
    withDate ? `${formatDate(at, tz)} ${formatTimeOfDay(at, tz)}` : formatTimeOfDay(at, tz);
  const services = input.sloServices ?? [];
  // Each window's figure is what it spent of the error budget: its minutes × the share of users,
  // by the rule the Services page and the SLO line above use (slo.ts). It is not Metrics'
  // customer-impact minutes, which are not weighted by the share (and count customer-facing
  // incidents only), so it is labelled as what it is.
  const rows = windows.map((w, i) => {
    const { spend, budgetText } = windowBudget(incident, services, w, now);
    const row = [
      String(i + 1),
      IMPACT_KIND_LABELS[w.kind],
      time(w.start),
      w.end === null ? 'ongoing' : time(w.end),
      `${formatDuration(periodMs(w, now))}${w.end === null ? ' so far' : ''}`,
      `${formatFigure(spend.consumedMs / 60_000)} min`,
    ];
    return services.length ? [...row, budgetText || '—'] : row;
  });
  const header = ['#', 'Kind', 'Start', 'End', 'Duration', 'Error budget spent'];
  const totals = impactTotals(windows, now);
  // The whole incident by the same rule: the union of the windows (an overlap counts once).
  const spent = incidentSpend(incident, now, undefined, windows);
  const parts = [
    totals.outageMs ? `${formatDuration(totals.outageMs)} outage` : '',
    totals.degradedMs ? `${formatDuration(totals.degradedMs)} degraded` : '',
  ].filter(Boolean);
  blocks.push(
    heading(3, `Impact windows (${zoneLabel(tz)})`),
    table(services.length ? [...header, 'SLO budget consumed'] : header, rows),
    paragraph(
      bold('Total:'),
      text(
        ` ${formatDuration(totals.totalMs)} of impact${totals.ongoing ? ' so far' : ''}` +
          `${parts.length ? ` (${parts.join(', ')})` : ''}; ` +
          (incident.drill
            ? 'no error budget spent (a drill).'
            : `${formatFigure(spent.consumedMs / 60_000)} min of error budget spent ` +
              `(${formatFigure(spent.impactMinutes)} min of impact × ${shareText(incident.impact)}).`),
      ),
    ),
  );
  return blocks;
}

function timelineBlock(input: PostmortemInput): Block {
  const rows = postmortemTimeline(input);
  const tz = input.timeZone;
  const first = rows[0]?.at ?? 0;
  const last = rows[rows.length - 1]?.at ?? 0;
  const withDate = spansDays(first, last, tz);
  const time = (at: number): string => cellTime(at, tz, withDate);
  return table(
    ['Time', 'Event'],
    rows.map((r) => [time(r.at), r.event]),
  );
}

function respondersBlock(input: PostmortemInput): Block {
  const tz = input.timeZone;
  const { start, end } = incidentSpan(input.incident);
  const withDate = spansDays(start, end ?? start, tz);
  const time = (at: number): string => cellTime(at, tz, withDate);
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
    ['ID', 'Action', 'Owner', 'Priority', 'Due Date', 'Status', 'Link'],
    items.map((a, i) => [
      String(i + 1),
      a.title,
      a.owner,
      a.priority,
      a.dueDate,
      ACTION_STATUS_LABELS[a.status],
      actionLinkOf(a),
    ]),
    // Only http(s) URLs become links; a ticket reference ("OPS-123") stays plain, escaped text.
    items.map((a) => {
      const ref = actionLinkOf(a);
      return [null, null, null, null, null, null, isWebLink(ref) ? ref : null];
    }),
  );
}

function whysBlocks(pm: Postmortem): Block[] {
  const chains = whysChainsOf(pm);
  const out: Block[] = [];
  chains.forEach((c, i) => {
    const whys = c.whys.map((w) => w.trim()).filter(Boolean);
    const question = c.question.trim();
    // Later chains with nothing written are left out; the first always shows.
    if (i > 0 && !whys.length && !question) return;
    out.push(heading(3, i === 0 ? '5 Whys' : `5 Whys (${i + 1})`));
    if (question) out.push(paragraph(bold('Question:'), text(` ${question}`)));
    out.push(whys.length ? list(whys, true) : paragraph(italic(NOT_WRITTEN)));
  });
  return out;
}

/**
 * The tagged contributing causes, each "tag (Category)" in the order they were added; nothing
 * when none are tagged (older post-mortems read the same as before).
 */
function causeBlocks(pm: Postmortem): Block[] {
  const causes = causesOf(pm).filter((c) => c.tag.trim());
  if (!causes.length) return [];
  return [
    heading(3, 'Contributing Causes'),
    list(
      causes.map((c) => [
        text(c.tag.trim().replace(/\s+/g, ' ')),
        italic(` (${CAUSE_CATEGORY_LABELS[c.category] ?? c.category})`),
      ]),
    ),
  ];
}

function customSectionBlocks(pm: Postmortem): Block[] {
  return customSectionsOf(pm).flatMap((s) => [
    heading(2, sectionTitle(s)),
    ...freeTextBlocks(s.body),
  ]);
}

/** Builds the post-mortem document. */
export function buildPostmortem(input: PostmortemInput): Doc {
  const { incident, postmortem: pm, timeZone: tz } = input;
  const span = incidentSpan(incident);
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
    ...impactBlocks(input),
    heading(2, `Timeline (${zoneLabel(tz)})`),
    timelineBlock(input),
    heading(2, 'Responders'),
    respondersBlock(input),
    heading(2, 'Root Cause Analysis'),
    heading(3, 'What happened'),
    ...freeTextBlocks(section(pm, 'whatHappened')),
    heading(3, 'Contributing Factors'),
    list(factorItems, true),
    ...causeBlocks(pm),
    ...whysBlocks(pm),
    heading(2, 'What Went Well'),
    ...freeTextBlocks(section(pm, 'wentWell')),
    heading(2, 'What Went Poorly'),
    ...freeTextBlocks(section(pm, 'wentPoorly')),
    ...customSectionBlocks(pm),
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
