import { describe, expect, it } from 'vitest';
import {
  mostSevere,
  parseSeverity,
  SEVERITIES,
  SEVERITY_MATRIX,
  severityRank,
  upgradeSeverity,
} from './severity';

describe('severity matrix', () => {
  it('matches the seed matrix', () => {
    const rows = SEVERITIES.map((s) => {
      const l = SEVERITY_MATRIX[s];
      return [s, l.name, l.criteria, l.responseTime, l.cadenceMs / 60_000, l.escalation];
    });
    expect(rows).toEqual([
      [
        'SEV1',
        'Critical',
        'Full service outage, data loss risk, security breach',
        '< 5 min',
        15,
        'VP Eng + CTO immediately',
      ],
      [
        'SEV2',
        'Major',
        'Degraded service for >25% users, key feature down',
        '< 15 min',
        30,
        'Eng Manager within 15 min',
      ],
      [
        'SEV3',
        'Moderate',
        'Minor feature broken, workaround available',
        '< 1 hour',
        120,
        'Team lead next standup',
      ],
      [
        'SEV4',
        'Low',
        'Cosmetic issue, no user impact, tech debt trigger',
        'next business day',
        1440,
        'Backlog triage',
      ],
    ]);
    expect(SEVERITY_MATRIX.SEV1.responseTargetMs).toBe(5 * 60_000);
    expect(SEVERITY_MATRIX.SEV3.responseTargetMs).toBe(60 * 60_000);
  });

  it('ranks, upgrades and compares levels', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([1, 2, 3, 4]);
    expect(upgradeSeverity('SEV3')).toBe('SEV2');
    expect(upgradeSeverity('SEV1')).toBe('SEV1');
    expect(mostSevere('SEV3', 'SEV2')).toBe('SEV2');
  });

  it.each([
    ['1', 'SEV1'],
    ['sev2', 'SEV2'],
    ['SEV 3', 'SEV3'],
    [' Sev-4 ', 'SEV4'],
    ['5', null],
    ['sev', null],
    ['', null],
  ])('parseSeverity(%j) = %s', (input, out) => expect(parseSeverity(input)).toBe(out));
});
