import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIENCES } from '../domain/audience';
import { MESSAGE_TYPES } from '../domain/records';
import { buildMessage } from './comms';
import type { Doc, RenderFormat } from './doc';
import {
  bold,
  code,
  heading,
  italic,
  labelled,
  link,
  list,
  paragraph,
  rule,
  singleLine,
  table,
  text,
} from './doc';
import { docToEditable, editableToDoc, markdownLiteral, withSubject } from './editable';
import { renderDoc } from './render-doc';
import { INCIDENT, commsContext } from './testing/fixture';
import { normaliseText, parseMarkdown, nodeText } from './testing/markdown-ast';
import { userText } from './testing/user-text';
import { visibleText } from './testing/visible';

const FORMATS: readonly RenderFormat[] = ['markdown', 'plain', 'slack', 'html'];

/** What a reader compares: whitespace folded, zero width spaces (Slack's fences) ignored. */
const seen = (value: string): string => normaliseText(value.replaceAll('\u200b', ''));

/** The composer's path: the message as editable text, optionally typed into, read back. */
const edit = (doc: Doc, typed = ''): Doc => editableToDoc(docToEditable(doc) + typed);

const ISSUE_IMPACT = 'Calls to /v1/** and 2**10 buckets fail';

describe('editable message: the issue example', () => {
  const doc: Doc = { blocks: [labelled('Impact', ISSUE_IMPACT)] };

  it('escapes record text where it enters the Markdown', () => {
    expect(docToEditable(doc)).toBe('**Impact:** Calls to /v1/\\*\\* and 2\\*\\*10 buckets fail');
  });

  it('keeps the text in every format after one character is added', () => {
    const edited = edit(doc, '!');
    expect(renderDoc(edited, 'markdown')).toBe(
      '**Impact:** Calls to /v1/\\*\\* and 2\\*\\*10 buckets fail!\n',
    );
    expect(renderDoc(edited, 'plain')).toBe('Impact: Calls to /v1/** and 2**10 buckets fail!\n');
    expect(renderDoc(edited, 'slack')).toBe(
      '*Impact:* Calls to /v1/\u200b*\u200b*\u200b and 2\u200b*\u200b*\u200b10 buckets fail!\n',
    );
    expect(renderDoc(edited, 'html')).toBe(
      '<p><strong>Impact:</strong> Calls to /v1/** and 2**10 buckets fail!</p>\n',
    );
  });

  it('keeps the text in a whole generated update, for every audience', () => {
    for (const audience of AUDIENCES) {
      const ctx = commsContext(audience, 'initial');
      // Customers read the public summary, everyone else the internal impact text.
      ctx.incident = {
        ...ctx.incident,
        impact: { ...ctx.incident.impact, summary: ISSUE_IMPACT, publicSummary: ISSUE_IMPACT },
      };
      const edited = edit(buildMessage(ctx).doc, 'x');
      for (const format of FORMATS)
        expect(seen(visibleText(format, renderDoc(edited, format)))).toContain(ISSUE_IMPACT);
    }
  });
});

describe('editable message', () => {
  it('round-trips every generated message unchanged, in every format', () => {
    for (const audience of AUDIENCES)
      for (const type of MESSAGE_TYPES) {
        const { doc } = buildMessage(commsContext(audience, type));
        const back = edit(doc);
        for (const format of FORMATS) expect(renderDoc(back, format)).toBe(renderDoc(doc, format));
      }
  });

  it('shows headings, labels and lists as Markdown a person would type', () => {
    const text = docToEditable(buildMessage(commsContext('engineering', 'update')).doc);
    expect(text).toContain('**Status:** Identified');
    expect(text).toContain('\n\n## Actions taken\n\n- Paused the deploy pipeline.\n');
  });

  it.each([
    ['asterisks', 'a*b* **c**', 'a\\*b\\* \\*\\*c\\*\\*'],
    ['underscores', '_x_ snake_case __y__', '\\_x\\_ snake_case \\_\\_y\\_\\_'],
    ['tildes', '~~gone~~ ~1', '\\~\\~gone\\~\\~ \\~1'],
    ['backticks', '`code` ``x``', '\\`code\\` \\`\\`x\\`\\`'],
    ['brackets', '[link](https://e.example) [^1]', '[link]\\(https\\://e.example) [^1]'],
    [
      'angle brackets',
      '<b>bold</b> <https://x.example>',
      '\\<b>bold\\</b> \\<https\\://x.example>',
    ],
    ['pipes and backslashes', 'a | b \\* c \\', 'a | b \\\\\\* c \\\\'],
    ['hash at line start', '# not a heading', '\\# not a heading'],
    ['numbered-list look-alike', '2026. was a year', '2026\\. was a year'],
    ['bullet look-alike', '- not an item', '\\- not an item'],
    ['HTML comment', '<!-- hidden -->', '\\<!-- hidden -->'],
    ['entity', '&amp; &#123;', '\\&amp; \\&#123;'],
  ])('keeps %s literal (%s)', (_kind, value, markdown) => {
    const doc: Doc = { blocks: [paragraph(value)] };
    expect(docToEditable(doc)).toBe(markdown);
    const back = edit(doc, '!');
    for (const format of FORMATS)
      expect(seen(visibleText(format, renderDoc(back, format)))).toBe(seen(`${value}!`));
  });

  it('keeps a URL in record text as typed, in every format', () => {
    const doc: Doc = {
      blocks: [paragraph('See https://status.example.com/a_b_ and www.example.com.')],
    };
    const back = edit(doc);
    expect(renderDoc(back, 'plain')).toBe(
      'See https://status.example.com/a_b_ and www.example.com.\n',
    );
    for (const format of FORMATS) expect(renderDoc(back, format)).toBe(renderDoc(doc, format));
  });

  it('reads what a person types as Markdown; HTML they type stays text', () => {
    const doc = editableToDoc(
      'Hello <b>team</b>\n\n- one\n- two\n\n1. first\n\nplain **bold** *it* `c` [dash](https://d.example)\n\n---\n\n### Next\n\n> quoted\n\n```\nfenced *x*\n```',
    );
    expect(doc.blocks).toEqual([
      paragraph('Hello <b>team</b>'),
      list(['one', 'two']),
      list(['first'], true),
      paragraph(
        text('plain '),
        bold('bold'),
        text(' '),
        italic('it'),
        text(' '),
        code('c'),
        text(' '),
        link('dash', 'https://d.example'),
      ),
      rule(),
      heading(3, 'Next'),
      paragraph('quoted'),
      paragraph('fenced *x*'),
    ]);
    expect(renderDoc(doc, 'html')).toContain('<p>Hello &lt;b&gt;team&lt;/b&gt;</p>');
  });

  it('keeps typed strikethrough and task boxes as their characters', () => {
    expect(editableToDoc('~~old~~ new\n\n- [ ] todo')).toEqual({
      blocks: [paragraph('~~old~~ new'), list(['[ ] todo'])],
    });
  });

  it('keeps tables, and two adjacent lists apart', () => {
    const doc: Doc = {
      blocks: [
        table(['Time', 'Event | note'], [['14:02', 'a*b*']]),
        list(['a']),
        list(['b']),
        list(['c'], true),
        list(['d'], true),
      ],
    };
    expect(edit(doc)).toEqual(doc);
  });

  it('puts the subject first in every format', () => {
    const doc = withSubject('[SEV1] x', editableToDoc('Body'));
    expect(renderDoc(doc, 'plain')).toBe('Subject: [SEV1] x\n\nBody\n');
  });

  it('makes one line of record text literal Markdown', () => {
    expect(markdownLiteral('payments_db *v2*\n# x')).toBe('payments_db \\*v2\\* # x');
    expect(nodeText(parseMarkdown(markdownLiteral('a **b** <c> [d]'))).trim()).toBe(
      'a **b** <c> [d]',
    );
    expect(markdownLiteral('  ')).toBe('');
  });
});

describe('editable message: properties', () => {
  // Styled runs are trimmed, as labels are: the renderers disagree on spaces inside markers.
  const docOf = (a: string, b: string, items: string[], cells: string[], url: string): Doc => ({
    blocks: [
      heading(2, a),
      paragraph(
        bold(singleLine(a)),
        text(' '),
        text(b),
        text(' '),
        italic(singleLine(b)),
        code(a),
        link(b, url),
      ),
      list(items),
      list(items, true),
      table([a, ...cells], [[b, ...cells]]),
      rule(),
      paragraph(b),
    ],
  });

  /** Empty paragraphs and lists render as nothing, so they do not come back. */
  const shows = (b: Doc['blocks'][number]): boolean =>
    b.kind === 'paragraph'
      ? renderDoc({ blocks: [b] }, 'plain').trim() !== ''
      : b.kind !== 'list' || b.items.length > 0;

  it('reads back any document it wrote, showing the same text in every format', () => {
    fc.assert(
      fc.property(
        userText,
        userText,
        fc.array(userText, { maxLength: 3 }),
        fc.array(userText, { maxLength: 2 }),
        fc.webUrl(),
        (a, b, items, cells, url) => {
          const doc = docOf(a, b, items, cells, url);
          const back = edit(doc);
          expect(back.blocks.map((b) => b.kind)).toEqual(
            doc.blocks.filter(shows).map((b) => b.kind),
          );
          for (const format of FORMATS)
            expect(seen(visibleText(format, renderDoc(back, format)))).toBe(
              seen(visibleText(format, renderDoc(doc, format))),
            );
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('shows any record text the same in every format, edited or not', () => {
    fc.assert(
      fc.property(
        userText,
        fc.constantFrom(...AUDIENCES),
        fc.constantFrom(...MESSAGE_TYPES),
        fc.constantFrom('', 'x', '.', '!', ' ok'),
        (record, audience, type, typed) => {
          const ctx = commsContext(audience, type);
          ctx.incident = {
            ...INCIDENT,
            ...ctx.incident,
            title: record,
            impact: { ...ctx.incident.impact, summary: record, publicSummary: record },
          };
          const doc = buildMessage(ctx).doc;
          const edited = edit(doc, typed);
          const expected = seen(record);
          for (const format of FORMATS) {
            const before = seen(visibleText(format, renderDoc(doc, format)));
            const after = seen(visibleText(format, renderDoc(edited, format)));
            expect(before).toContain(expected);
            expect(after).toBe(seen(`${before}${typed}`));
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
