import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Doc } from './doc';
import {
  bold,
  code,
  heading,
  italic,
  link,
  list,
  paragraph,
  rule,
  safeHref,
  table,
  text,
} from './doc';
import { HTML_TAGS, renderHtml } from './html';
import { renderPlain } from './plain';
import { renderDoc } from './render-doc';
import { renderSlack } from './slack';
import { userText } from './testing/user-text';

const SAMPLE: Doc = {
  blocks: [
    heading(1, 'Title'),
    paragraph(
      bold('Status:'),
      text(' ok '),
      italic('now'),
      text(' '),
      code('x`y'),
      text(' '),
      link('dash', 'https://d.example.com/a|b'),
    ),
    list(['one', 'two\nlines']),
    table(
      ['Time', 'Event'],
      [
        ['14:02 UTC', 'Alert fired'],
        ['14:10 UTC', 'Rolled back\nconfig'],
      ],
    ),
    rule(),
  ],
};

describe('renderPlain', () => {
  it('underlines headings and aligns table columns', () => {
    expect(renderPlain(SAMPLE)).toBe(
      [
        'Title',
        '=====',
        '',
        'Status: ok now x`y dash (https://d.example.com/a%7Cb)',
        '',
        '- one',
        '- two',
        '  lines',
        '',
        'Time       Event',
        '---------  --------------------',
        '14:02 UTC  Alert fired',
        '14:10 UTC  Rolled back / config',
        '',
        '----------------------------------------',
        '',
      ].join('\n'),
    );
  });
});

describe('renderSlack', () => {
  it('uses mrkdwn, escapes &<>, and turns tables into lines', () => {
    expect(renderSlack(SAMPLE)).toBe(
      [
        '*Title*',
        '',
        "*Status:* ok _now_ `x'y` <https://d.example.com/a%7Cb|dash>",
        '',
        '• one',
        '• two',
        '  lines',
        '',
        '• *14:02 UTC* — Alert fired',
        '• *14:10 UTC* — Rolled back / config',
        '',
        '───',
        '',
      ].join('\n'),
    );
    expect(renderSlack({ blocks: [paragraph('<!channel> & <@U1> ```x```')] })).toBe(
      '&lt;!channel&gt; &amp; &lt;@U1&gt; \u200b`\u200b`\u200b`\u200bx\u200b`\u200b`\u200b`\u200b\n',
    );
    // Markers that could style are fenced; one between letters or digits cannot, and stays.
    expect(renderSlack({ blocks: [paragraph('payments_db *not bold* ~x~ 2**10 _')] })).toBe(
      'payments_db \u200b*\u200bnot bold\u200b*\u200b \u200b~\u200bx\u200b~\u200b 2\u200b*\u200b*\u200b10 \u200b_\u200b\n',
    );
    // A heading or label that starts or ends with a marker is left unstyled, text intact.
    expect(renderSlack({ blocks: [heading(2, '_init_'), heading(2, 'ok')] })).toBe(
      '\u200b_\u200binit\u200b_\u200b\n\n*ok*\n',
    );
  });

  it('names the values of wide tables by column', () => {
    expect(
      renderSlack({ blocks: [table(['ID', 'Action', 'Owner'], [['1', 'Add test', '']])] }),
    ).toBe('• *1* — Action: Add test\n');
  });
});

describe('renderHtml', () => {
  it('renders a fragment with escaped text', () => {
    expect(renderHtml({ blocks: [paragraph(bold('A&B'), text(' <i>"x"\ny')), rule()] })).toBe(
      '<p><strong>A&amp;B</strong> &lt;i&gt;&quot;x&quot;<br>y</p>\n<hr>\n',
    );
    expect(renderHtml({ blocks: [paragraph(link('x', 'javascript:alert(1)'))] })).toBe(
      '<p>x</p>\n',
    );
  });

  it('never emits a tag the renderer did not make, whatever users type', () => {
    const allowed = new Set<string>(HTML_TAGS);
    fc.assert(
      fc.property(userText, userText, fc.array(userText, { maxLength: 3 }), (a, b, cells) => {
        const doc: Doc = {
          blocks: [
            heading(2, a),
            paragraph(bold(a), text(b), italic(a), code(b), link(a, b)),
            list([a, b], true),
            table([a, ...cells], [[b, ...cells]]),
          ],
        };
        const html = renderHtml(doc);
        // Every "<" starts one of our tags; user "<" only ever appears as &lt;.
        for (const m of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)) {
          expect(allowed.has(m[1] ?? '')).toBe(true);
          const attrs = m[2] ?? '';
          expect(attrs).toMatch(/^(?: (?:style|href)="[^"<>]*")*$/);
        }
        const stripped = html.replace(/<\/?[a-z0-9]+(?: (?:style|href)="[^"<>]*")*>/g, '');
        expect(stripped).not.toMatch(/[<>]/);
        if (a.includes('<script>')) expect(html).toContain('&lt;script&gt;');
      }),
      { numRuns: 300 },
    );
  });
});

describe('shared helpers', () => {
  it('accepts only http, https and mailto links', () => {
    expect(safeHref('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1#z');
    expect(safeHref('mailto:ops@example.com')).toBe('mailto:ops@example.com');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });

  it('dispatches on format', () => {
    const doc: Doc = { blocks: [paragraph('x')] };
    expect(renderDoc(doc, 'markdown')).toBe('x\n');
    expect(renderDoc(doc, 'plain')).toBe('x\n');
    expect(renderDoc(doc, 'slack')).toBe('x\n');
    expect(renderDoc(doc, 'html')).toBe('<p>x</p>\n');
  });
});
