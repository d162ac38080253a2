import { describe, expect, it } from 'vitest';
import { AUDIENCES } from '../domain/audience';
import { MESSAGE_TYPES } from '../domain/records';
import { DEFAULT_TEMPLATES, REPORT_TEMPLATES, formatIn } from '../logic/comms-templates';
import { validateTemplate } from '../logic/placeholders';
import { buildMessage, renderMessage, templateToDoc } from './comms';
import { renderMarkdown } from './markdown';
import type { DataLoss } from '../domain/incident-facts';
import { at, commsContext } from './testing/fixture';
import { expectGolden } from './testing/golden';
import { nodeTypes, parseMarkdown } from './testing/markdown-ast';

/** Subject as a first line, then the body: what the golden files hold. */
function goldenText(subject: string, body: string): string {
  return `Subject: ${subject}\n\n${body}`;
}

/**
 * Golden files: tests/fixtures/golden/comms/<audience>-<type>.md, plus plain (.txt), Slack
 * (.slack.txt) and HTML (.rich.txt: not .html, so Prettier leaves the exact output alone).
 * Rewrite them with UPDATE_GOLDEN=1 npx vitest run --project shared.
 */
describe('stakeholder messages: golden files', () => {
  for (const audience of AUDIENCES) {
    for (const type of MESSAGE_TYPES) {
      it(`${audience} × ${type} (Markdown)`, () => {
        const m = renderMessage(commsContext(audience, type), 'markdown');
        expectGolden(`comms/${audience}-${type}.md`, goldenText(m.subject, m.body));
      });
    }
  }

  it('engineering tactical report and executive report', () => {
    const tactical = renderMessage(commsContext('engineering', 'update', 'report'), 'markdown');
    expectGolden('comms/engineering-tactical.md', goldenText(tactical.subject, tactical.body));
    const exec = renderMessage(commsContext('executives', 'update', 'report'), 'markdown');
    expectGolden('comms/executives-report.md', goldenText(exec.subject, exec.body));
  });

  it.each([
    ['engineering', 'update', 'plain', 'txt'],
    ['engineering', 'update', 'slack', 'slack.txt'],
    ['customers', 'resolved', 'plain', 'txt'],
    ['executives', 'initial', 'html', 'rich.txt'],
  ] as const)('%s × %s as %s', (audience, type, format, ext) => {
    const m = renderMessage(commsContext(audience, type), format);
    expectGolden(`comms/${audience}-${type}.${ext}`, goldenText(m.subject, m.body));
  });
});

describe('stakeholder messages: content rules', () => {
  it('does not state "not customer-facing" from an unticked box: it says it is not recorded', () => {
    let stated = 0;
    for (const type of MESSAGE_TYPES) {
      const base = commsContext('executives', type);
      const ctx = {
        ...base,
        incident: { ...base.incident, impact: { ...base.incident.impact, customerFacing: false } },
      };
      const text = renderMessage(ctx, 'plain').body;
      if (!/customer-facing/i.test(renderMessage(base, 'plain').body)) continue;
      stated++;
      expect(text).toContain('Not recorded as customer-facing');
      expect(text).not.toMatch(/(^|[^ ])Not customer-facing/);
    }
    expect(stated).toBeGreaterThan(0);
  });

  it('does not state "no paying accounts" from an unticked box: it says none is recorded yet', () => {
    for (const type of MESSAGE_TYPES) {
      const base = commsContext('executives', type);
      const ctx = {
        ...base,
        incident: { ...base.incident, impact: { ...base.incident.impact, payingAccounts: false } },
      };
      const text = renderMessage(ctx, 'plain').body;
      expect(text).toContain('paying accounts: none recorded as affected');
      expect(text.includes('none recorded as affected yet')).toBe(
        ctx.incident.status !== 'resolved',
      );
      expect(text).not.toMatch(/no paying accounts/i);
      const ticked = {
        ...ctx,
        incident: { ...ctx.incident, impact: { ...ctx.incident.impact, payingAccounts: true } },
      };
      expect(renderMessage(ticked, 'plain').body).toContain('paying accounts affected');
    }
  });

  it('uses the seed subject lines', () => {
    expect(buildMessage(commsContext('engineering', 'initial')).subject).toBe(
      '[SEV1] checkout-api — Some customers cannot complete checkout.',
    );
    expect(buildMessage(commsContext('engineering', 'update')).subject).toBe(
      '[SEV1 UPDATE] checkout-api — Identified',
    );
    expect(buildMessage(commsContext('executives', 'resolved')).subject).toBe(
      '[RESOLVED] checkout-api — Checkout API returning 5xx errors',
    );
  });

  it('says when the next update comes, in the seed wording', () => {
    const body = renderMessage(commsContext('engineering', 'initial'), 'plain').body;
    expect(body).toContain('Next update at 14:25 UTC (in 15 minutes).');
  });

  it('says "No change: still …" when an update has nothing new', () => {
    const ctx = {
      ...commsContext('executives', 'update'),
      findings: [],
      confirmedHypotheses: [],
      actionsSinceLastUpdate: [],
    };
    expect(renderMessage(ctx, 'plain').body).toContain(
      'No change: still identified — we have found the cause and are working on a fix.',
    );
    const inv = { ...ctx, incident: { ...ctx.incident, status: 'investigating' as const } };
    expect(renderMessage(inv, 'plain').body).toContain(
      'No change: still investigating — we are looking for the cause.',
    );
    // Something changed on the record since the last update: not "No change".
    expect(renderMessage({ ...ctx, recordChanged: true }, 'plain').body).not.toContain('No change');
    expect(
      renderMessage({ ...ctx, decisionsSinceLastUpdate: ['Roll back'] }, 'plain').body,
    ).not.toContain('No change');
  });

  it('says whether data was lost when resolved, as recorded', () => {
    const base = commsContext('customers', 'resolved');
    const withLoss = (dataLoss: DataLoss | undefined) => ({
      ...base,
      incident: { ...base.incident, impact: { ...base.incident.impact, dataLoss } },
    });
    expect(renderMessage(base, 'plain').body).toContain('No data was lost.');
    expect(renderMessage(base, 'plain').body).not.toContain('still confirming');
    const some = withLoss({ state: 'some', what: 'New comments', window: '17:20–23:25 UTC' });
    expect(renderMessage(some, 'plain').body).toContain(
      'Some data was lost: New comments (17:20–23:25 UTC).',
    );
    expect(renderMessage(withLoss(undefined), 'plain').body).toContain(
      'We are still confirming whether any data was lost.',
    );
  });

  it('gives the duration from start to end with the total', () => {
    const body = renderMessage(commsContext('engineering', 'resolved'), 'plain').body;
    expect(body).toContain('2026-11-22 14:02 UTC to 2026-11-22 14:30 UTC (28 min)');
    expect(body).toContain('Post-mortem scheduled for 2026-11-24.');
  });

  it('keeps customer messages free of internal names with the default templates', () => {
    for (const type of MESSAGE_TYPES) {
      const m = buildMessage(commsContext('customers', type));
      expect(m.warnings).toEqual([]);
      const all = `${m.subject}\n${renderMarkdown(m.doc)}`;
      for (const internal of ['checkout-api', 'payments-db', 'SEV1', 'INC-', '#inc', 'Bob', 'DBA'])
        expect(all).not.toContain(internal);
    }
  });

  it('warns when a customer message would carry internal details', () => {
    const ctx = commsContext('customers', 'initial');
    const leaky = {
      ...ctx,
      incident: {
        ...ctx.incident,
        impact: {
          ...ctx.incident.impact,
          publicSummary: 'db-prod-3.internal is down; @alice is on it',
        },
      },
    };
    expect(buildMessage(leaky).warnings.map((w) => w.kind)).toEqual(
      expect.arrayContaining(['hostname', 'handle']),
    );
    expect(buildMessage({ ...leaky, audience: 'engineering' }).warnings).toEqual([]);
  });

  it('never lets user text change the structure of the Markdown', () => {
    const ctx = commsContext('engineering', 'update');
    const evil = '<script>alert(1)</script> | ## not a heading\n- not an item **bold?**';
    const m = renderMessage(
      { ...ctx, findings: [evil], actionsSinceLastUpdate: [evil], nextSteps: [evil] },
      'markdown',
    );
    const root = parseMarkdown(m.body);
    expect(nodeTypes(root).has('html')).toBe(false);
    expect(root.children.filter((n) => n.type === 'heading')).toHaveLength(6);
    expect(nodeTypes(root).has('strong')).toBe(true); // the template's own labels only
    expect(m.body).not.toContain('<script>');
  });
});

describe('templates', () => {
  it('ships default templates with no errors', () => {
    for (const audience of AUDIENCES)
      for (const type of MESSAGE_TYPES) {
        const t = DEFAULT_TEMPLATES[audience][type];
        expect(validateTemplate(t.subject)).toEqual([]);
        expect(validateTemplate(t.body)).toEqual([]);
      }
    for (const t of Object.values(REPORT_TEMPLATES)) expect(validateTemplate(t.body)).toEqual([]);
  });

  it('renders a custom template, keeping unknown placeholders visible', () => {
    const m = buildMessage(commsContext('engineering', 'update'), {
      subject: '{{ref}} {{status}} {{oops}}',
      body: '## {{title}}\n- first {{status}}\n- **second**\n{{actions}}\n---\n{{nextUpdateTime}} / {{nextUpdateIn}}',
    });
    expect(m.subject).toBe('INC-2026-11-22-001 Identified {{oops}}');
    expect(m.doc.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'list',
      'list',
      'rule',
      'paragraph',
    ]);
    expect(renderMessage(commsContext('engineering', 'update'), 'plain').body).toContain(
      '15 minutes',
    );
  });

  it('shows a fallback sentence for an empty list placeholder', () => {
    const doc = templateToDoc('{{actions}}', { actions: [] });
    expect(doc.blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [{ kind: 'text', text: 'No new actions since the last update.' }],
      },
    ]);
  });

  it('formats the time to the next update in words, rounded to the nearest minute', () => {
    expect(formatIn(15 * 60_000)).toBe('15 minutes');
    expect(formatIn(60_000)).toBe('1 minute');
    expect(formatIn(14 * 60_000 + 1)).toBe('14 minutes');
    expect(formatIn(14 * 60_000 + 30_000)).toBe('15 minutes');
    expect(formatIn(65 * 60_000)).toBe('1 hour 5 minutes');
    expect(formatIn(2 * 60 * 60_000)).toBe('2 hours');
    expect(formatIn(27 * 60 * 60_000)).toBe('1 day 3 hours');
    // Issue 11: a day or more keeps its hours and minutes.
    expect(formatIn((24 * 60 + 44) * 60_000)).toBe('1 day 0 hours 44 minutes');
    expect(formatIn(-5)).toBe('0 minutes');
    expect(at(0, 0)).toBeLessThan(at(0, 1));
  });
});

describe('templateToDoc: prototype names in a template body', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    '{{%s}} stays visible as written instead of crashing',
    (name) => {
      const doc = templateToDoc(`Status: {{${name}}} and {{severity}}`, { severity: 'SEV1' });
      expect(renderMarkdown(doc)).toContain(`{{${name}}}`);
      expect(renderMarkdown(doc)).toContain('SEV1');
    },
  );

  it('a whole line holding only {{constructor}} is not a list', () => {
    expect(() => templateToDoc('{{constructor}}', {})).not.toThrow();
  });
});
