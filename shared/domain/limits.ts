import './plain-errors';
import { textSchema, tooLongMessage } from './text';

/**
 * Every free-text field's limit, in one place, in characters (UTF-16 code units, as the fields'
 * counters and `String.length` count). The stored record schemas use these (so an import is held
 * to them), the repo write guard refuses a row over them (so every form is), and forms show the
 * message beside the field. Figures are generous for what a person writes during an incident
 * and small enough that one field cannot fill the disk or freeze a render:
 *
 * | field                          | limit   | why                                               |
 * | ------------------------------ | ------- | ------------------------------------------------- |
 * | incident title                 | 200     | a headline; the slug and tab title derive from it |
 * | timeline entry, revisions      | 20,000  | a pasted log excerpt fits, a whole log file not   |
 * | hypothesis, action item title  | 20,000  | both come from a log line (`h:`, `todo:`)         |
 * | impact summary, resolution     | 5,000   | a few paragraphs                                  |
 * | post-mortem section            | 50,000  | a long narrative per section                      |
 * | runbook body                   | 100,000 | a full procedure with code blocks                 |
 * | stakeholder update body        | 50,000  | a long update with its timeline                   |
 * | names, teams, handles, owners  | 100     | a person's or a service's name (role names: 60)   |
 *
 * The rest (reasons, notes, subjects, alert names) are in the object below. Settings values are
 * bounded by depth and size instead (JSON_VALUE_MAX_DEPTH, JSON_VALUE_MAX_CHARS).
 */
export const LIMITS = {
  /** Incident title (issue 12: "as the title's 200"). */
  title: { label: 'The title', max: 200 },
  slug: { label: 'The channel name', max: 300 },
  /** One timeline entry's text, and each earlier revision of it. */
  entryText: { label: 'The entry', max: 20_000 },
  impactSummary: { label: 'The impact summary', max: 5_000 },
  revenueImpact: { label: 'The revenue impact', max: 500 },
  alertName: { label: 'The alert name', max: 200 },
  resolutionSummary: { label: 'The resolution summary', max: 5_000 },
  /** The incident's current understanding of the cause (what messages state). */
  understanding: { label: 'The current understanding', max: 5_000 },
  /** The customers' wording of the impact. */
  publicSummary: { label: 'The public summary', max: 5_000 },
  dataLossWhat: { label: 'The description of what was lost', max: 500 },
  dataLossWindow: { label: 'The time window', max: 500 },
  /** A post-mortem's custom section title, a whys chain's question. */
  sectionTitle: { label: 'The title', max: 200 },
  whysQuestion: { label: 'The question', max: 500 },
  /** An action item's link or ticket reference. */
  link: { label: 'The link', max: 2_000 },
  snoozeReason: { label: 'The snooze reason', max: 500 },
  /** What a system entry records (from/to/reason): the longest is an entry's text. */
  changeText: { label: 'The recorded change', max: 20_000 },
  /** A hypothesis comes from a log line (`h: …`), so it takes what an entry takes. */
  hypothesis: { label: 'The hypothesis', max: 20_000 },
  extensionReason: { label: 'The reason for the extension', max: 500 },
  handoffNote: { label: 'The handoff note', max: 2_000 },
  roleName: { label: 'The role name', max: 60 },
  commsSubject: { label: 'The subject', max: 300 },
  commsBody: { label: 'The update', max: 50_000 },
  /** An action item comes from a log line (`todo: …`) too. */
  actionTitle: { label: 'The action item title', max: 20_000 },
  postmortemSection: { label: 'The section', max: 50_000 },
  fiveWhy: { label: 'The answer', max: 2_000 },
  /** A contributing-cause tag ("connection pool exhaustion", "missing canary"). */
  causeTag: { label: 'The cause', max: 80 },
  runbookTitle: { label: 'The runbook title', max: 200 },
  runbookBody: { label: 'The runbook', max: 100_000 },
  /** People, services, teams, handles, owners, authors, role holders. */
  name: { label: 'The name', max: 100 },
  /** Generated ids and keys (a file carrying a 1 MB "id" is not a backup). */
  id: { label: 'The id', max: 200 },
  /** A draft keeps whatever is being typed, over the field's own limit too (the text is kept). */
  draft: { label: 'The draft', max: 1_000_000 },
} as const satisfies Record<string, { label: string; max: number }>;
export type LimitKey = keyof typeof LIMITS;

/** How many items a list field may hold (services of an incident, revisions of an entry…). */
export const LIST_LIMITS = {
  services: 100,
  revisions: 1_000,
  extensions: 200,
  fiveWhys: 50,
  /** Contributing causes of one post-mortem. */
  causes: 30,
  /** Post-mortem sections and other keyed maps of text. */
  mapEntries: 100,
} as const;

/**
 * A settings value (and any free-form JSON a record carries): nested at most this deep and at
 * most this many characters as JSON. Deeper data made validation recurse until "Maximum call
 * stack size exceeded" (issue 12).
 */
export const JSON_VALUE_MAX_DEPTH = 16;
export const JSON_VALUE_MAX_CHARS = 200_000;

/** The zod schema of a free-text field by its key in {@link LIMITS}. */
export function limitedText(key: LimitKey, opts: { min?: number } = {}) {
  const { label, max } = LIMITS[key];
  return textSchema(label, max, opts);
}

/** Checks one value against a limit without zod: the message, or null when it fits. */
export function limitProblem(key: LimitKey, value: string): string | null {
  const { label, max } = LIMITS[key];
  return value.length > max ? tooLongMessage(label, value.length, max) : null;
}
