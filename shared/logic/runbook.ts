import { nameKey } from '../domain/text';
import { LIMITS } from '../domain/limits';
import type { RunbookUse, TimelineEntry } from '../domain/timeline';
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
 * Timeline text recording a verification step ("Runbook DB failover: verified Errors normal").
 * Entries written since issue 16 also carry the step as data (`entry.runbook`, by runbook id);
 * older ones are this text alone, which {@link runbookUseOf} still reads.
 */
export function stepEntryText(title: string, step: string, checked: boolean): string {
  return `Runbook ${title}: ${checked ? 'verified' : 'unchecked'} ${step}`;
}

/** Timeline text recording that a runbook was opened in the incident: "Opened runbook DB failover". */
export function openedEntryText(title: string): string {
  return `Opened runbook ${title}`;
}

/**
 * Timeline text recording a "Was this runbook helpful?" answer: "Runbook DB failover: marked
 * helpful" / "… marked not helpful", or "… helpful vote withdrawn" (`helpful` null).
 */
export function voteEntryText(title: string, helpful: boolean | null): string {
  if (helpful === null) return `Runbook ${title}: helpful vote withdrawn`;
  return `Runbook ${title}: marked ${helpful ? 'helpful' : 'not helpful'}`;
}

/** The fields of a timeline entry the runbook-use rules read. */
export type RunbookUseEntry = Pick<
  TimelineEntry,
  'id' | 'kind' | 'text' | 'deletedAt' | 'occurredAt' | 'loggedAt' | 'author'
> & { runbook?: RunbookUse | undefined };

/** One use of a runbook as read from an entry; `of` is null on step entries written before issue 16. */
export type FoundRunbookUse =
  | { action: 'opened' }
  | { action: 'step'; step: string; checked: boolean; of: number | null }
  | { action: 'vote'; helpful: boolean | null };

/**
 * What a live (not deleted) entry records about `runbook`'s use, or null when nothing. Entries
 * carrying `runbook` data are matched by id alone, so a renamed runbook keeps its history and a
 * new runbook given an old title does not inherit it. Step entries written before that data
 * existed are matched by their text under the runbook's current title (their only link to it):
 * an action entry "Runbook <title>: verified|unchecked <step>" exactly.
 */
export function runbookUseOf(
  entry: RunbookUseEntry,
  runbook: { id: string; title: string },
): FoundRunbookUse | null {
  if (entry.deletedAt !== null) return null;
  const use = entry.runbook;
  if (use) {
    if (use.runbookId !== runbook.id) return null;
    if (use.action === 'opened') return { action: 'opened' };
    if (use.action === 'vote') return { action: 'vote', helpful: use.helpful };
    return { action: 'step', step: use.step, checked: use.checked, of: use.of };
  }
  if (entry.kind !== 'action') return null;
  for (const checked of [true, false]) {
    const prefix = stepEntryText(runbook.title, '', checked);
    if (entry.text.startsWith(prefix) && entry.text.length > prefix.length)
      return { action: 'step', step: entry.text.slice(prefix.length), checked, of: null };
  }
  return null;
}

/** Entries in the order they were written down: loggedAt, then id (ids are time-ordered). */
export function inLoggedOrder<T extends Pick<TimelineEntry, 'loggedAt' | 'id'>>(
  entries: readonly T[],
): T[] {
  return [...entries].sort(
    (a, b) => a.loggedAt - b.loggedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Which steps are ticked for one incident: for each step (by wording), the latest live entry that
 * ticks or unticks it for this runbook (see {@link runbookUseOf}; in the order they were logged)
 * wins. Deleting that entry from the timeline undoes it. Rewording a step starts that step
 * afresh, since what was verified was the old wording; renaming the runbook does not.
 */
export function verifiedSteps(
  entries: readonly RunbookUseEntry[],
  runbook: { id: string; title: string },
  steps: readonly ChecklistStep[],
): Set<number> {
  const state = tickedWordings(entries, runbook);
  return new Set(steps.filter((s) => state.get(s.text) === true).map((s) => s.index));
}

/** Each step wording's latest ticked state in these entries, for this runbook. */
export function tickedWordings(
  entries: readonly RunbookUseEntry[],
  runbook: { id: string; title: string },
): Map<string, boolean> {
  const state = new Map<string, boolean>();
  for (const e of inLoggedOrder(entries)) {
    const use = runbookUseOf(e, runbook);
    if (use?.action === 'step') state.set(use.step, use.checked);
  }
  return state;
}

/**
 * The one definition of "the same responder" for helpful votes: the author's name in Unicode
 * NFKC, trimmed, inner white space made one space, lower-cased.
 */
export function responderKey(author: string): string {
  return nameKey(author);
}

/**
 * "Was this runbook helpful?" in one incident: each responder's latest vote (in logged order),
 * keyed by {@link responderKey}; a withdrawn vote removes it. So a responder changes their mind
 * by voting again, and two responders' votes both count.
 */
export function latestVotes(
  entries: readonly RunbookUseEntry[],
  runbook: { id: string; title: string },
): Map<string, boolean> {
  const votes = new Map<string, boolean>();
  for (const e of inLoggedOrder(entries)) {
    const use = runbookUseOf(e, runbook);
    if (use?.action !== 'vote') continue;
    const who = responderKey(e.author);
    if (use.helpful === null) votes.delete(who);
    else votes.set(who, use.helpful);
  }
  return votes;
}

/** True when a live entry already records that `runbook` was opened in the incident. */
export function wasOpened(
  entries: readonly RunbookUseEntry[],
  runbook: { id: string; title: string },
): boolean {
  return entries.some((e) => runbookUseOf(e, runbook)?.action === 'opened');
}
