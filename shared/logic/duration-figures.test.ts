/**
 * Issue 11 (§2, §8): every duration figure is rounded to the nearest shown unit and keeps its
 * hours and minutes past a day, wherever it appears (Metrics, post-mortem, escalation, nudges).
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import { INCIDENT } from '../render/testing/fixture';
import { prefillPostmortem } from '../render/postmortem-sections';
import { computeIncidentMetrics, formatMean, rowCells } from './incident-metrics';
import type { RoleAssignment } from '../domain/roles';
import { icNudge } from './roles';

const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 11, 31, 12, 0);

function incident(
  startedAgo: number,
  m: Partial<Record<'detected' | 'acknowledged' | 'resolved', number>>,
): Incident {
  const started = NOW - startedAgo;
  const milestones: Incident['milestones'] = { started };
  for (const [k, v] of Object.entries(m)) milestones[k as keyof typeof m] = started + v;
  return { ...INCIDENT, id: `i${startedAgo}`, severity: 'SEV2', createdAt: started, milestones };
}

describe('means on the Metrics page', () => {
  it('MTTA of 3 and 2 minutes is 2 min 30 s, not "2 min"', () => {
    const m = computeIncidentMetrics(
      [
        incident(2 * HOUR, { detected: 0, acknowledged: 3 * MIN }),
        incident(3 * HOUR, { detected: 0, acknowledged: 2 * MIN }),
      ],
      [],
      { period: '7d', now: NOW, includeDrills: false },
    );
    const sev2 = m.rows.find((r) => r.severity === 'SEV2');
    expect(sev2 && rowCells(sev2)[3]).toBe('2 min 30 s');
  });

  it.each([
    [5 * MIN + 59 * S, '5 min 59 s'], // beside a "< 5 min" target, never "5 min"
    [32 * HOUR + 30 * MIN, '1 d 8 h 30 min'], // never "1 d 8 h"
    [24 * HOUR + 44 * MIN, '1 d 0 h 44 min'], // never "1 d"
    [29 * MIN + 40 * S, '30 min'],
    [null, '—'],
  ])('formatMean(%s) = %s', (ms, text) => expect(formatMean(ms)).toBe(text));
});

describe('post-mortem prefill', () => {
  it('judges 5 min 59 s to detect against the 5 min target and shows it exactly', () => {
    const started = Date.UTC(2026, 10, 22, 14, 0);
    const out = prefillPostmortem({
      incident: {
        ...INCIDENT,
        milestones: {
          started,
          detected: started + 5 * MIN + 59 * S,
          resolved: started + 25 * HOUR,
        },
      },
      entries: [],
      timeZone: 'utc',
    });
    expect(out.wentPoorly).toContain('- Detected the impact within 5 min 59 s (target 5 min).');
    expect(out.executiveSummary).toMatch(
      /^For 1 d 1 h \(2026-11-22 14:00 UTC to 2026-11-23 15:00 UTC\)/,
    );
  });
});

describe('handoff nudge', () => {
  it('keeps the minutes of a day-long tenure', () => {
    const alice: RoleAssignment = {
      id: 'a1',
      incidentId: 'inc',
      role: 'ic',
      roleName: 'Incident Commander',
      person: 'Alice',
      startedAt: NOW - (24 * HOUR + 44 * MIN),
      endedAt: null,
      note: '',
      assignedBy: 'Me',
    };
    expect(icNudge([alice], NOW, 4, 'investigating')?.text).toBe(
      'Alice has been Incident Commander for 1 d 0 h 44 min — consider a handoff',
    );
  });
});
