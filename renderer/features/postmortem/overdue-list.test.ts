import { describe, expect, it } from 'vitest';
import { RESOLVED, INCIDENT } from '../../../shared/render/testing/fixture';
import { overduePostmortems } from './overdue-list';

const HOUR = 3600_000;
const resolvedAt = RESOLVED.milestones.resolved!;

describe('overduePostmortems', () => {
  it('lists resolved incidents past 48 h whose post-mortem is not final', () => {
    const b = {
      ...RESOLVED,
      id: 'b',
      milestones: { ...RESOLVED.milestones, resolved: resolvedAt - HOUR },
    };
    const rows = [
      { incident: RESOLVED, status: 'draft' as const },
      { incident: b, status: null },
      { incident: { ...RESOLVED, id: 'c' }, status: 'final' as const },
      { incident: INCIDENT, status: null },
      {
        incident: {
          ...RESOLVED,
          id: 'd',
          milestones: { ...RESOLVED.milestones, postmortemCompleted: resolvedAt },
        },
        status: 'review' as const,
      },
    ];
    expect(overduePostmortems(rows, resolvedAt + 46.5 * HOUR)).toEqual([]);
    expect(overduePostmortems(rows, resolvedAt + 48.5 * HOUR).map((r) => r.incident.id)).toEqual([
      'b',
      'inc-1',
    ]);
  });
});
