/**
 * The post-mortem's timeline: the one rule for which timeline entries are key events, and the
 * rows the document shows (seed post-mortem template, "Timeline": the events that explain the
 * incident's course, not every note). Pure; the editor's Timeline curation view and the export
 * both read it, so what the author sees ticked is what the document holds.
 */
import { AUDIENCE_LABELS } from '../domain/audience';
import type { Incident } from '../domain/incident';
import { MESSAGE_TYPE_LABELS } from '../domain/records';
import type { Milestone } from '../domain/status';
import { MILESTONES, STATUS_MILESTONE, parseStatus } from '../domain/status';
import type { TimelineEntry } from '../domain/timeline';
import { compareEntries, isFollowUpBookkeeping } from '../domain/timeline';

/** Why an entry is a key event. */
export type KeyReason =
  | 'milestone'
  | 'declared'
  | 'status'
  | 'severity'
  | 'role'
  | 'decision'
  | 'hypothesis'
  | 'comms'
  | 'pinned'
  | 'highlight';

/** Milestones as the document names them. */
export const MILESTONE_EVENTS: Readonly<Record<Milestone, string>> = {
  started: 'Impact started',
  detected: 'Incident detected',
  acknowledged: 'Page acknowledged',
  declared: 'Incident declared',
  identified: 'Cause identified',
  mitigated: 'Impact mitigated',
  resolved: 'Incident resolved',
  postmortemCompleted: 'Post-mortem completed',
};

/** Longest event text in a timeline row; longer entries are cut with "…". */
export const EVENT_TEXT_MAX = 240;

/**
 * Bookkeeping: entries about the paperwork rather than the incident's course (action items,
 * the post-mortem's own status, milestone corrections, renames, impact-field edits, update
 * cadence and snoozes). Never key events by their kind alone.
 */
export function isBookkeeping(entry: Pick<TimelineEntry, 'kind' | 'change' | 'text'>): boolean {
  const type = entry.change?.type;
  if (
    type === 'action-item' ||
    type === 'milestone' ||
    type === 'title' ||
    type === 'impact' ||
    type === 'cadence' ||
    type === 'snooze'
  )
    return true;
  return entry.kind === 'note' && /^Post-mortem status:/.test(entry.text);
}

/**
 * Why `entry` is a key event by default, or null when it is not. The rule, in order:
 * - deleted entries and bookkeeping (see `isBookkeeping`) are not, unless pinned or marked as a
 *   highlight (`!` prefix) — and action items never are, since the post-mortem lists them in
 *   their own table;
 * - after the incident was resolved (by `occurredAt`, epoch ms), only what still changes its
 *   course counts: status and severity changes (a reopening), sent updates, pinned entries and
 *   highlights;
 * - otherwise: milestones, the declaration, status and severity changes, role handoffs,
 *   decisions, hypotheses confirmed or ruled out, sent updates, pinned entries and highlights.
 */
export function keyEventReason(
  entry: TimelineEntry,
  resolvedAt: number | undefined,
): KeyReason | null {
  if (entry.deletedAt !== null) return null;
  if (entry.change?.type === 'action-item') return null;
  const marked: KeyReason | null =
    entry.highlight === true ? 'highlight' : entry.pinned ? 'pinned' : null;
  if (isBookkeeping(entry)) return marked;
  const type = entry.change?.type;
  const after = resolvedAt !== undefined && entry.occurredAt > resolvedAt;
  if (type === 'status') return 'status';
  if (type === 'severity') return 'severity';
  if (entry.kind === 'comms') return 'comms';
  if (marked) return marked;
  if (after) return null;
  if (entry.kind === 'milestone') return 'milestone';
  if (type === 'declared') return 'declared';
  // A handoff names a person on one side; "Role added" (nobody on either side) is not one.
  if (type === 'role' && (entry.change?.from || entry.change?.to)) return 'role';
  if (entry.kind === 'decision') return 'decision';
  if (
    type === 'hypothesis' &&
    (entry.change?.to === 'confirmed' || entry.change?.to === 'ruled-out')
  )
    return 'hypothesis';
  return null;
}

/** Curation over the default: entry id → include (true) or leave out (false). */
export type TimelineChoices = Readonly<Record<string, boolean>>;

/** What the timeline is chosen from. */
export interface TimelineSource {
  incident: Pick<Incident, 'milestones'>;
  entries: readonly TimelineEntry[];
  /** The author's include/exclude choices (absent on older post-mortems). */
  choices?: TimelineChoices;
  /** Every live entry by default instead of key events only (the older "all entries" option). */
  allEntries?: boolean;
}

/** Whether a live entry is in the timeline: the author's choice, else the default. */
export function isIncluded(entry: TimelineEntry, source: TimelineSource): boolean {
  if (entry.deletedAt !== null) return false;
  const choice = source.choices?.[entry.id];
  if (choice !== undefined) return choice;
  // Every live entry, but never follow-up bookkeeping logged after resolution (action items,
  // the post-mortem's own status, an import's reference note): those are not the incident's course.
  if (source.allEntries) return !isFollowUpBookkeeping(entry, source.incident.milestones.resolved);
  return keyEventReason(entry, source.incident.milestones.resolved) !== null;
}

/** A comms entry's sent-update type, read from its text ("Status update sent to …"). */
function updateType(text: string): string {
  for (const label of Object.values(MESSAGE_TYPE_LABELS))
    if (text.startsWith(`${label} sent to `)) return label;
  return 'Update';
}

/**
 * The event text of one entry in a timeline row: one line, at most EVENT_TEXT_MAX characters.
 * A sent update is one line naming its type and audience ("Status update sent to Customers"),
 * never its message body; decisions and hypotheses are labelled.
 */
export function eventText(entry: Pick<TimelineEntry, 'kind' | 'text' | 'audience'>): string {
  if (entry.kind === 'comms') {
    if (entry.audience)
      return `${updateType(entry.text)} sent to ${AUDIENCE_LABELS[entry.audience]}`;
    // No audience recorded (a hand-written comms entry): its own first line names who got what,
    // up to the format note or subject ("Resolved sent to Customers (copied as …): …").
    const line = (entry.text.split(/\r?\n/)[0] ?? '').replace(/\s*(\(|:\s).*$/, '').trim();
    return line && line.length <= EVENT_TEXT_MAX
      ? line
      : `${updateType(entry.text)} sent to stakeholders`;
  }
  const prefix =
    entry.kind === 'hypothesis' ? 'Hypothesis: ' : entry.kind === 'decision' ? 'Decision: ' : '';
  const line = `${prefix}${entry.text}`.replace(/\s+/g, ' ').trim();
  return line.length <= EVENT_TEXT_MAX ? line : `${line.slice(0, EVENT_TEXT_MAX - 1).trimEnd()}…`;
}

/** One row of the post-mortem's timeline. */
export interface TimelineRow {
  /** When it happened, epoch ms. */
  at: number;
  event: string;
  /** The entry it shows; null for a milestone with no entry of its own. */
  entryId: string | null;
  /** The entry was marked as a highlight. */
  highlight: boolean;
}

/** A status change (or the declaration) that stamped `milestone` at the same minute. */
function stampsMilestone(entry: TimelineEntry, milestone: Milestone, at: number): boolean {
  if (Math.abs(entry.occurredAt - at) >= 60_000) return false;
  const c = entry.change;
  if (!c) return false;
  if (milestone === 'declared') return c.type === 'declared';
  if (c.type !== 'status') return false;
  const to = parseStatus(c.to ?? '');
  return to !== null && STATUS_MILESTONE[to] === milestone;
}

/**
 * The post-mortem's timeline rows, oldest first: every milestone, plus each included entry (see
 * `isIncluded`). A status change that stamped a milestone shares the milestone's row
 * ("Incident resolved — Status: Mitigated → Resolved. Resolution: …") instead of repeating it.
 * Ties: milestones before entries at the same time, entries in timeline order.
 */
export function postmortemTimelineRows(source: TimelineSource): TimelineRow[] {
  const included = source.entries.filter((e) => isIncluded(e, source)).sort(compareEntries);
  const merged = new Set<string>();
  const rows: (TimelineRow & { order: number; i: number })[] = [];
  MILESTONES.forEach((key, order) => {
    const at = source.incident.milestones[key];
    if (at === undefined) return;
    const entry = included.find((e) => !merged.has(e.id) && stampsMilestone(e, key, at));
    if (entry) merged.add(entry.id);
    rows.push({
      at,
      order,
      i: rows.length,
      event: entry ? `${MILESTONE_EVENTS[key]} — ${eventText(entry)}` : MILESTONE_EVENTS[key],
      entryId: entry?.id ?? null,
      highlight: entry?.highlight === true,
    });
  });
  for (const e of included) {
    if (merged.has(e.id)) continue;
    rows.push({
      at: e.occurredAt,
      order: MILESTONES.length,
      i: rows.length,
      event: eventText(e),
      entryId: e.id,
      highlight: e.highlight === true,
    });
  }
  return rows
    .sort((a, b) => a.at - b.at || a.order - b.order || a.i - b.i)
    .map(({ at, event, entryId, highlight }) => ({ at, event, entryId, highlight }));
}

/**
 * The choices after the author ticks or unticks one entry: a choice equal to the default is
 * dropped, so a later change of the rule (or of the entry, e.g. pinning it) still applies.
 */
export function toggleChoice(
  source: TimelineSource,
  entry: TimelineEntry,
  include: boolean,
): Record<string, boolean> {
  const next: Record<string, boolean> = { ...source.choices };
  delete next[entry.id];
  const byDefault = isIncluded(entry, { ...source, choices: {} });
  if (include !== byDefault) next[entry.id] = include;
  return next;
}
