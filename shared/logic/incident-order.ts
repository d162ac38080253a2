import type { Incident } from '../domain/incident';
import { severityRank } from '../domain/severity';

/**
 * The incident list's order: active incidents first, most severe first, then the longest-running
 * first; resolved incidents below, most recently resolved first.
 */
export function compareIncidents(a: Incident, b: Incident): number {
  const aResolved = a.status === 'resolved';
  const bResolved = b.status === 'resolved';
  if (aResolved !== bResolved) return aResolved ? 1 : -1;
  if (aResolved) {
    const ar = a.milestones.resolved ?? a.updatedAt;
    const br = b.milestones.resolved ?? b.updatedAt;
    return br - ar || b.createdAt - a.createdAt;
  }
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity) return bySeverity;
  const aStart = a.milestones.started ?? a.createdAt;
  const bStart = b.milestones.started ?? b.createdAt;
  return aStart - bStart || a.ref.localeCompare(b.ref);
}
