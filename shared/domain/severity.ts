import { z } from 'zod';

/** Severity levels, most severe first. */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One row of the severity matrix. */
export interface SeverityLevel {
  id: Severity;
  name: string;
  criteria: string;
  /** Response-time target as the matrix words it. */
  responseTime: string;
  /** Response-time target in ms (SEV4's "next business day" is taken as 24 h). */
  responseTargetMs: number;
  /** Default update cadence in ms (editable in Settings). */
  cadenceMs: number;
  cadenceLabel: string;
  /** Who to escalate to, and how fast. */
  escalation: string;
}

/** The seed severity matrix (DOMAIN.md), as data. */
export const SEVERITY_MATRIX: Readonly<Record<Severity, SeverityLevel>> = {
  SEV1: {
    id: 'SEV1',
    name: 'Critical',
    criteria: 'Full service outage, data loss risk, security breach',
    responseTime: '< 5 min',
    responseTargetMs: 5 * MINUTE,
    cadenceMs: 15 * MINUTE,
    cadenceLabel: 'every 15 min',
    escalation: 'VP Eng + CTO immediately',
  },
  SEV2: {
    id: 'SEV2',
    name: 'Major',
    criteria: 'Degraded service for >25% users, key feature down',
    responseTime: '< 15 min',
    responseTargetMs: 15 * MINUTE,
    cadenceMs: 30 * MINUTE,
    cadenceLabel: 'every 30 min',
    escalation: 'Eng Manager within 15 min',
  },
  SEV3: {
    id: 'SEV3',
    name: 'Moderate',
    criteria: 'Minor feature broken, workaround available',
    responseTime: '< 1 hour',
    responseTargetMs: HOUR,
    cadenceMs: 2 * HOUR,
    cadenceLabel: 'every 2 hours',
    escalation: 'Team lead next standup',
  },
  SEV4: {
    id: 'SEV4',
    name: 'Low',
    criteria: 'Cosmetic issue, no user impact, tech debt trigger',
    responseTime: 'next business day',
    responseTargetMs: 24 * HOUR,
    cadenceMs: 24 * HOUR,
    cadenceLabel: 'daily',
    escalation: 'Backlog triage',
  },
};

/** 1 for SEV1 … 4 for SEV4: lower is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity) + 1;
}

/** The level one step more severe, or the same when already SEV1. */
export function upgradeSeverity(severity: Severity): Severity {
  const i = SEVERITIES.indexOf(severity);
  return SEVERITIES[Math.max(0, i - 1)] ?? 'SEV1';
}

/** The more severe of two levels. */
export function mostSevere(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b;
}

/** Parses "1", "sev1", "SEV 1" … into a severity, or null. */
export function parseSeverity(input: string): Severity | null {
  const m = /^\s*(?:sev\s*-?\s*)?([1-4])\s*$/i.exec(input);
  return m ? (`SEV${m[1]}` as Severity) : null;
}
