import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Milestones } from '../domain/incident';
import { MILESTONES, type Milestone } from '../domain/status';
import { incidentDurations } from './metrics';
import {
  checkMilestoneOrder,
  conflictingMilestones,
  describeMilestoneConflict,
  impossibleSpanNote,
  milestoneSpan,
} from './milestones';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 22, 14, 0, 0);
const at = (minutes: number) => T + minutes * MIN;

/** A complete, ordered record: started 14:00 … resolved 14:10, post-mortem the next day. */
const ordered: Milestones = {
  started: at(0),
  detected: at(2),
  acknowledged: at(3),
  declared: at(4),
  identified: at(6),
  mitigated: at(8),
  resolved: at(10),
  postmortemCompleted: at(24 * 60),
};

describe('checkMilestoneOrder: the ordering rule', () => {
  it('accepts an ordered record, equal times, and unset milestones', () => {
    expect(checkMilestoneOrder(ordered)).toBeNull();
    const same = at(5);
    expect(
      checkMilestoneOrder({ started: same, detected: same, acknowledged: same, resolved: same }),
    ).toBeNull();
    expect(checkMilestoneOrder({})).toBeNull();
    expect(checkMilestoneOrder({ started: at(0) })).toBeNull();
    // Declared before Detected and Identified before Detected are not part of the rule.
    expect(checkMilestoneOrder({ started: at(0), declared: at(1), detected: at(2) })).toBeNull();
    expect(checkMilestoneOrder({ started: at(0), identified: at(1), detected: at(2) })).toBeNull();
  });

  // [what changes, to when (minutes from 14:00), must precede, must follow]
  const cases: [Milestone, number, Milestone[], Milestone[]][] = [
    // The example: Started corrected to 14:50, after Resolved (14:10).
    [
      'started',
      50,
      ['detected', 'acknowledged', 'declared', 'identified', 'mitigated', 'resolved'],
      [],
    ],
    ['started', 7, ['detected', 'acknowledged', 'declared', 'identified'], []],
    ['started', 5, ['detected', 'acknowledged', 'declared'], []],
    ['started', 2, [], []],
    ['detected', -1, [], ['started']],
    ['detected', 4, ['acknowledged'], []],
    ['acknowledged', 1, [], ['detected']],
    ['acknowledged', 11, ['resolved'], []],
    ['declared', -5, [], ['started']],
    ['declared', 12, ['resolved'], []],
    ['identified', 9, ['mitigated'], []],
    ['identified', 11, ['mitigated', 'resolved'], []],
    ['mitigated', 5, [], ['identified']],
    ['mitigated', 10, [], []],
    ['mitigated', 11, ['resolved'], []],
    ['resolved', 7, [], ['mitigated']],
    ['resolved', 3.5, [], ['declared', 'identified', 'mitigated']],
    ['resolved', 25 * 60, ['postmortemCompleted'], []],
    ['postmortemCompleted', 9, [], ['resolved']],
  ];
  it.each(cases)(
    '%s at 14:00 + %d min → must precede %j, follow %j',
    (m, minutes, before, after) => {
      const changed = { ...ordered, [m]: at(minutes) };
      const conflict = checkMilestoneOrder(changed, m);
      if (before.length === 0 && after.length === 0) {
        expect(conflict).toBeNull();
        return;
      }
      expect(conflict).toEqual({ milestone: m, mustPrecede: before, mustFollow: after });
      // Without naming the change, the whole set is still found out of order.
      expect(checkMilestoneOrder(changed)).not.toBeNull();
    },
  );

  it('names the conflict in words, with times in the chosen zone', () => {
    const changed = { ...ordered, started: at(50) };
    const c = checkMilestoneOrder(changed, 'started');
    expect(c).not.toBeNull();
    if (!c) return;
    expect(conflictingMilestones(c)).toContain('resolved');
    expect(describeMilestoneConflict(c, changed, 'utc')).toBe(
      'Started must be at or before Detected (2026-11-22 14:02 UTC), Acknowledged (2026-11-22 14:03 UTC), ' +
        'Declared (2026-11-22 14:04 UTC), Identified (2026-11-22 14:06 UTC), Mitigated (2026-11-22 14:08 UTC) ' +
        'and Resolved (2026-11-22 14:10 UTC).',
    );
    const m = { ...ordered, mitigated: at(5) };
    const mc = checkMilestoneOrder(m, 'mitigated');
    expect(mc && describeMilestoneConflict(mc, m, 'utc')).toBe(
      'Mitigated must be at or after Identified (2026-11-22 14:06 UTC).',
    );
  });

  it('reports a milestone squeezed from both sides', () => {
    const m = { started: at(0), identified: at(20), mitigated: at(30), resolved: at(25) };
    const c = checkMilestoneOrder(m, 'mitigated');
    expect(c).toEqual({ milestone: 'mitigated', mustPrecede: ['resolved'], mustFollow: [] });
    const both = { started: at(10), detected: at(5), acknowledged: at(1) };
    expect(checkMilestoneOrder(both, 'detected')).toEqual({
      milestone: 'detected',
      mustPrecede: ['acknowledged'],
      mustFollow: ['started'],
    });
    const bc = checkMilestoneOrder(both, 'detected');
    expect(bc && describeMilestoneConflict(bc, both, 'utc')).toBe(
      'Detected must be at or before Acknowledged (2026-11-22 14:01 UTC), and at or after Started (2026-11-22 14:10 UTC).',
    );
  });
});

describe('milestoneSpan', () => {
  it.each([
    [at(0), at(10), 10 * MIN],
    [at(10), at(10), 0],
    // The example: started 14:50, resolved 14:10 is not "0 min", it is impossible.
    [at(50), at(10), null],
    [undefined, at(10), null],
    [at(0), undefined, null],
  ])('%s → %s = %s', (from, to, want) => {
    expect(milestoneSpan(from, to)).toBe(want);
  });

  it('explains an impossible span', () => {
    expect(impossibleSpanNote('started', 'resolved')).toBe(
      'Resolved is before Started; correct the milestones',
    );
  });
});

describe('property: a milestone set the rule accepts never yields a negative or missing duration', () => {
  it('holds for random milestone sets', () => {
    const set = fc.record(
      Object.fromEntries(MILESTONES.map((m) => [m, fc.integer({ min: 0, max: 10 * 24 * 60 })])),
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(set, (minutes) => {
        const ms: Milestones = Object.fromEntries(
          Object.entries(minutes).map(([k, v]) => [k, T + (v as number) * MIN]),
        );
        const d = incidentDurations(ms);
        if (checkMilestoneOrder(ms) === null) {
          // In order: every duration whose milestones are both set is there and ≥ 0.
          if (ms.started !== undefined && ms.resolved !== undefined)
            expect(d.timeToResolve).toBeGreaterThanOrEqual(0);
          if (ms.detected !== undefined && ms.acknowledged !== undefined)
            expect(d.timeToAcknowledge).toBeGreaterThanOrEqual(0);
        }
        // Whatever the order, nothing reads as a negative time.
        for (const v of Object.values(d)) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
