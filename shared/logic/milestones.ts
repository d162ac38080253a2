import type { Milestones } from '../domain/incident';
import { MILESTONE_LABELS, MILESTONES, type Milestone } from '../domain/status';
import { formatDateTime, formatDuration, type TimeZoneMode } from './time';

/**
 * The ordering rule of milestones, as pairs [earlier, later]: `earlier` must be at or before
 * `later` whenever both are set. From DOMAIN.md's lifecycle (issue 11 §3):
 * - every milestone is at or after Started (impact began before anything else happened);
 * - Detected ≤ Acknowledged (a page is acknowledged after it fires);
 * - Identified ≤ Mitigated ≤ Resolved;
 * - Resolved is at or after every other milestone of the response, and the post-mortem is
 *   completed after resolution.
 * Equal times are allowed everywhere (a milestone given to the minute can coincide with another).
 */
export const MILESTONE_ORDER: readonly (readonly [Milestone, Milestone])[] = [
  ...MILESTONES.filter((m) => m !== 'started').map((m) => ['started', m] as const),
  ['detected', 'acknowledged'],
  ['identified', 'mitigated'],
  ...(['detected', 'acknowledged', 'declared', 'identified', 'mitigated'] as const).map(
    (m) => [m, 'resolved'] as const,
  ),
  ['resolved', 'postmortemCompleted'],
];

/** One milestone out of order, and the milestones it conflicts with (each in lifecycle order). */
export interface MilestoneConflict {
  milestone: Milestone;
  /** Milestones `milestone` must be at or before, but is after. */
  mustPrecede: Milestone[];
  /** Milestones `milestone` must be at or after, but is before. */
  mustFollow: Milestone[];
}

function conflictOf(milestones: Milestones, subject: Milestone): MilestoneConflict | null {
  const at = milestones[subject];
  if (at === undefined) return null;
  const mustPrecede: Milestone[] = [];
  const mustFollow: Milestone[] = [];
  for (const [earlier, later] of MILESTONE_ORDER) {
    if (earlier === subject) {
      const other = milestones[later];
      if (other !== undefined && at > other) mustPrecede.push(later);
    } else if (later === subject) {
      const other = milestones[earlier];
      if (other !== undefined && at < other) mustFollow.push(earlier);
    }
  }
  const byOrder = (a: Milestone, b: Milestone) => MILESTONES.indexOf(a) - MILESTONES.indexOf(b);
  if (mustPrecede.length === 0 && mustFollow.length === 0) return null;
  return {
    milestone: subject,
    mustPrecede: mustPrecede.sort(byOrder),
    mustFollow: mustFollow.sort(byOrder),
  };
}

/**
 * Checks a set of milestones (epoch ms, UTC) against {@link MILESTONE_ORDER}. With `changed`,
 * only the conflicts of that milestone are reported (the one being set or corrected), so the
 * message names what it conflicts with; without it, the first milestone in lifecycle order that
 * is out of place. Returns null when the set is in order. Unset milestones never conflict.
 */
export function checkMilestoneOrder(
  milestones: Milestones,
  changed?: Milestone,
): MilestoneConflict | null {
  if (changed !== undefined) return conflictOf(milestones, changed);
  for (const m of MILESTONES) {
    const c = conflictOf(milestones, m);
    if (c) return c;
  }
  return null;
}

/** Every milestone the conflict names (what it must precede, then what it must follow). */
export function conflictingMilestones(c: MilestoneConflict): Milestone[] {
  return [...c.mustPrecede, ...c.mustFollow];
}

function listOf(names: string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * A refusal in words, naming the conflicting milestones with their times:
 * "Started must be at or before Detected (2026-11-22 14:02 UTC) and Resolved (2026-11-22 14:10
 * UTC)." or "Mitigated must be at or after Identified (2026-11-22 14:30 UTC)."
 */
export function describeMilestoneConflict(
  c: MilestoneConflict,
  milestones: Milestones,
  zone: TimeZoneMode,
): string {
  const named = (list: Milestone[]) =>
    listOf(
      list.map((m) => {
        const at = milestones[m];
        return at === undefined
          ? MILESTONE_LABELS[m]
          : `${MILESTONE_LABELS[m]} (${formatDateTime(at, zone)})`;
      }),
    );
  const parts: string[] = [];
  if (c.mustPrecede.length) parts.push(`at or before ${named(c.mustPrecede)}`);
  if (c.mustFollow.length) parts.push(`at or after ${named(c.mustFollow)}`);
  return `${MILESTONE_LABELS[c.milestone]} must be ${parts.join(', and ')}.`;
}

/**
 * The span from one milestone to another in ms, or null when either is missing or the span is
 * negative. A negative span means the record contradicts itself (milestones out of order, from
 * data written before the ordering rule was enforced); it is shown as "—" with a note, never
 * clamped to 0, which would claim an instant response.
 */
export function milestoneSpan(from: number | undefined, to: number | undefined): number | null {
  if (from === undefined || to === undefined) return null;
  const ms = to - from;
  return ms >= 0 ? ms : null;
}

/**
 * The note shown beside "—" where a duration between two milestones is impossible (negative):
 * "Resolved is before Started; correct the milestones".
 */
export function impossibleSpanNote(from: Milestone, to: Milestone): string {
  return `${MILESTONE_LABELS[to]} is before ${MILESTONE_LABELS[from]}; correct the milestones`;
}

/**
 * A duration between two milestones for display: "2 h 5 min", or "— (Resolved is before Started;
 * correct the milestones)" when the record has them out of order. Never "0 min" for a negative.
 */
export function milestoneSpanText(from: number, to: number, names: [Milestone, Milestone]): string {
  const ms = milestoneSpan(from, to);
  return ms === null ? `— (${impossibleSpanNote(names[0], names[1])})` : formatDuration(ms);
}
