import { z } from 'zod';

/** Incident statuses in their usual order; a status may also move back. */
export const STATUSES = [
  'investigating',
  'identified',
  'mitigating',
  'monitoring',
  'resolved',
] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  mitigating: 'Mitigating',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** Parses a status name case-insensitively ("Mitigating", "mitigating"), or null. */
export function parseStatus(input: string): Status | null {
  const s = input.trim().toLowerCase();
  return (STATUSES as readonly string[]).includes(s) ? (s as Status) : null;
}

/** Milestones in lifecycle order. Each is an epoch-ms timestamp on the incident. */
export const MILESTONES = [
  'started',
  'detected',
  'acknowledged',
  'declared',
  'identified',
  'mitigated',
  'resolved',
  'postmortemCompleted',
] as const;
export const milestoneSchema = z.enum(MILESTONES);
export type Milestone = z.infer<typeof milestoneSchema>;

export const MILESTONE_LABELS: Readonly<Record<Milestone, string>> = {
  started: 'Started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  declared: 'Declared',
  identified: 'Identified',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  postmortemCompleted: 'Post-mortem completed',
};

/** The milestone a status change stamps (the first time the incident reaches it). */
export const STATUS_MILESTONE: Readonly<Partial<Record<Status, Milestone>>> = {
  identified: 'identified',
  monitoring: 'mitigated',
  resolved: 'resolved',
};
