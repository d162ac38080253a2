import { LIMITS } from '../domain/limits';
import type { TimelineEntry } from '../domain/timeline';
import { markdownLiteral } from '../render/editable';

const DAY = 24 * 60 * 60_000;

/** A runbook counts as stale when its last drill is older than this (the seed's "a quarter"). */
export const RUNBOOK_STALE_DAYS = 90;

/** Longest runbook title the editor accepts. */
export const RUNBOOK_TITLE_MAX = LIMITS.runbookTitle.max;

/** Longest runbook body (a long runbook fits; a pasted log dump does not). */
export const RUNBOOK_BODY_MAX = LIMITS.runbookBody.max;

/**
 * The seed's runbook template as Markdown, with the service filled in (as literal text) when known. Section order
 * follows DOMAIN.md: Quick reference, Detection, Diagnosis, Remediation, Verification,
 * Communication. The verification steps are task items so the console can tick them.
 */
export function runbookTemplate(service = ''): string {
  // The service name is record text: escaped so `payments_*` or `<svc>` reads as itself.
  const name = markdownLiteral(service) || '<service>';
  return `## Quick reference

- **Service:** ${name}
- **Owner team:** <team>
- **On-call:** <rotation or pager link>
- **Dashboards:** <https://dashboards.example.com/…>
- **Last tested:** recorded by "Mark tested"

## Detection

- **Alert:** <alert name and threshold>
- **Symptoms:** <what users and graphs show>
- **False-positive check:** <how to confirm the alert is real>

## Diagnosis steps

1. Check recent deploys and config changes for ${name}.
2. Check the error rate and latency dashboards.
3. Check dependencies (database, queues, upstream APIs).

## Remediation options

- **Rollback:** \`<command to roll back the last deploy>\`
- **Restart:** \`<command to restart the service>\`
- **Scale:** \`<command to add capacity>\`

## Verification checklist

- [ ] Error rate back to baseline
- [ ] Latency back to baseline
- [ ] Synthetic checks passing
- [ ] No new alerts for 15 minutes

## Communication

- Post a status update to stakeholders after remediation.
- Update the status page if customers were affected.
`;
}

/** One task item of a runbook's verification checklist. */
export interface ChecklistStep {
  /** Position among the checklist's steps, from 0. */
  index: number;
  /** The step's text, trimmed. */
  text: string;
}

const TASK = /^\s{0,3}(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s+(.+?)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The verification checklist: the task items ("- [ ] …") under the first heading that mentions
 * "verification", up to the next heading of the same or a higher level. Without such a heading,
 * every task item in the runbook counts. Lines inside fenced code blocks are never steps.
 */
export function parseChecklist(body: string): ChecklistStep[] {
  const all: string[] = [];
  const inSection: string[] = [];
  let fence: string | null = null;
  let sectionLevel: number | null = null;
  let sectionSeen = false;
  for (const line of body.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (f?.[1]) {
      const marker = f[1];
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = HEADING.exec(line);
    if (h?.[1]) {
      const level = h[1].length;
      if (sectionLevel !== null && level <= sectionLevel) sectionLevel = null;
      if (!sectionSeen && /verif/i.test(h[2] ?? '')) {
        sectionLevel = level;
        sectionSeen = true;
      }
      continue;
    }
    const t = TASK.exec(line);
    if (t?.[1]) {
      all.push(t[1]);
      if (sectionLevel !== null) inSection.push(t[1]);
    }
  }
  return (sectionSeen ? inSection : all).map((text, index) => ({ index, text }));
}

/** True when the runbook was never drilled, or its last drill is 90 days old or more. */
export function isRunbookStale(lastTestedAt: number | null, now: number): boolean {
  return lastTestedAt === null || now - lastTestedAt >= RUNBOOK_STALE_DAYS * DAY;
}

/**
 * Timeline text recording a verification step. The console derives the ticked state from these
 * entries (kind 'action'), so the record is the only truth: no extra table, no schema change.
 */
export function stepEntryText(title: string, step: string, checked: boolean): string {
  return `Runbook ${title}: ${checked ? 'verified' : 'unchecked'} ${step}`;
}

/**
 * Which steps are ticked for one incident: for each step, the latest live action entry that
 * verifies or unchecks it (in the order they were logged) wins. Deleting that entry from the timeline undoes
 * it. Renaming the runbook or rewording a step starts that step afresh, since what was verified
 * was the old wording.
 */
export function verifiedSteps(
  entries: readonly Pick<
    TimelineEntry,
    'kind' | 'text' | 'deletedAt' | 'occurredAt' | 'loggedAt' | 'id'
  >[],
  title: string,
  steps: readonly ChecklistStep[],
): Set<number> {
  const live = entries
    .filter((e) => e.kind === 'action' && e.deletedAt === null)
    .sort((a, b) => a.loggedAt - b.loggedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const state = new Map<string, boolean>();
  for (const e of live) {
    for (const step of steps) {
      if (e.text === stepEntryText(title, step.text, true)) state.set(step.text, true);
      else if (e.text === stepEntryText(title, step.text, false)) state.set(step.text, false);
    }
  }
  return new Set(steps.filter((s) => state.get(s.text) === true).map((s) => s.index));
}
