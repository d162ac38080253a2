import { ownValue } from './own-value';

/**
 * Named placeholders for editable message templates: `{{service}}`, `{{ nextUpdateTime }}`.
 * A placeholder is `{{`, optional spaces, a name, optional spaces, `}}`. Single braces are plain
 * text (so JSON or `{x}` in a template is fine); a lone `{{` or `}}` is an error, because it is
 * almost always a typo that would otherwise reach a customer verbatim.
 */

/** Every placeholder a template may use, with what it becomes. */
export const PLACEHOLDERS = {
  severity: 'Severity level, e.g. SEV1',
  severityName: 'Severity name, e.g. Critical',
  ref: 'Incident reference, e.g. INC-2026-11-22-001',
  title: 'Incident title',
  channel: 'Incident channel, e.g. #inc-2026-11-22-checkout-api-errors',
  service: 'First affected service (or the title when none is listed)',
  services: 'All affected services, comma-separated',
  impact: 'Impact summary (for customers, the Public summary, never internal text)',
  usersAffected: 'Users affected, e.g. "12% of users", or "not yet known"',
  businessEffect: 'Customer-facing, paying accounts, revenue and data-integrity flags in words',
  revenueImpact: 'Revenue impact as entered, or "not yet estimated"',
  detection: 'How the incident was detected, with the alert name',
  status: 'Current status, e.g. Mitigating',
  statusLine: 'Status in a sentence; "No change: still …" when nothing is new',
  cause: 'The cause (Current understanding or confirmed hypothesis), or what is known of it',
  eta: 'Expected time to resolution, or "not yet known"',
  nextUpdate: 'Next update sentence, e.g. "Next update at 14:45 UTC (in 15 minutes)."',
  nextUpdateTime: 'Time of the next update, e.g. 14:45 UTC',
  nextUpdateIn: 'Time until the next update, e.g. 15 minutes',
  now: 'Date and time the message is written',
  start: 'When impact started',
  end: 'When the incident was resolved',
  duration: 'Total duration, e.g. 1 h 5 min',
  resolution: 'Resolution summary as entered',
  dataLoss:
    'Whether any data was lost, as recorded (Unknown / None / Some data lost), as a sentence',
  followUp: 'Post-mortem date and where action items are tracked, as sentences',
  understanding: 'List: the cause as the record supports it, confirmed hypotheses, latest findings',
  findings: 'List: latest findings',
  hypotheses: 'List: confirmed hypotheses',
  actions: 'List: actions since the last update to this audience',
  decisions: 'List: decisions since the last update to this audience',
  nextSteps: 'List: next steps',
  needs: 'List: what responders need (tactical report)',
} as const satisfies Record<string, string>;

/** A placeholder name. */
export type PlaceholderName = keyof typeof PLACEHOLDERS;

/** Placeholders whose value is a list: alone on a template line they become a bulleted list. */
export const LIST_PLACEHOLDERS: ReadonlySet<PlaceholderName> = new Set<PlaceholderName>([
  'understanding',
  'findings',
  'hypotheses',
  'actions',
  'decisions',
  'nextSteps',
  'needs',
]);

/** Values for a fill; lists are joined with "; " when used inline. */
export type TemplateValues = Partial<Record<string, string | readonly string[]>>;

/** One problem in a template. */
export interface TemplateError {
  kind: 'unknown-placeholder' | 'unclosed' | 'unopened' | 'empty-placeholder';
  /** UTF-16 offset of the offending `{{` or `}}`. */
  index: number;
  /** The placeholder name, for unknown placeholders. */
  name?: string;
  message: string;
}

/** A template split into literal text and placeholders. */
export type TemplateToken =
  { kind: 'text'; text: string } | { kind: 'placeholder'; name: string; index: number };

const TOKEN = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}|\{\{|\}\}/g;

/** Splits a template into text and placeholders; malformed braces stay as text. */
export function tokenizeTemplate(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    if (m[1] === undefined) continue;
    if (m.index > last) tokens.push({ kind: 'text', text: template.slice(last, m.index) });
    tokens.push({ kind: 'placeholder', name: m[1], index: m.index });
    last = m.index + m[0].length;
  }
  if (last < template.length) tokens.push({ kind: 'text', text: template.slice(last) });
  return tokens;
}

/** True when `name` is a known placeholder. */
export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/**
 * Checks a template: unknown placeholder names, `{{` without `}}`, `}}` without `{{`, and
 * `{{ }}` with no name. Returns the problems in text order (empty when the template is valid).
 */
export function validateTemplate(template: string): TemplateError[] {
  const errors: TemplateError[] = [];
  for (const m of template.matchAll(TOKEN)) {
    const name = m[1];
    if (name !== undefined) {
      if (!isPlaceholderName(name))
        errors.push({
          kind: 'unknown-placeholder',
          index: m.index,
          name,
          message: `Unknown placeholder {{${name}}}. Known: ${Object.keys(PLACEHOLDERS).join(', ')}.`,
        });
    } else if (m[0] === '{{') {
      const empty = /^\{\{\s*\}\}/.test(template.slice(m.index));
      errors.push(
        empty
          ? { kind: 'empty-placeholder', index: m.index, message: '{{ }} has no placeholder name.' }
          : {
              kind: 'unclosed',
              index: m.index,
              message:
                '{{ is not closed with }} (or the name has characters other than letters and digits).',
            },
      );
    } else if (!/\{\{\s*$/.test(template.slice(0, m.index))) {
      errors.push({ kind: 'unopened', index: m.index, message: '}} has no matching {{.' });
    }
  }
  return errors;
}

/** Text of a value: lists joined with "; ". */
export function valueText(value: string | readonly string[]): string {
  return typeof value === 'string' ? value : value.join('; ');
}

/**
 * Replaces each known placeholder that has a value. Placeholders without a value are left as
 * written (`{{name}}`), so a gap is visible rather than silently blank.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  return tokenizeTemplate(template)
    .map((t) => {
      if (t.kind === 'text') return t.text;
      // Own keys only: `{{constructor}}` must not find Object.prototype.constructor.
      const value = ownValue(values, t.name);
      return value === undefined ? `{{${t.name}}}` : valueText(value);
    })
    .join('');
}
