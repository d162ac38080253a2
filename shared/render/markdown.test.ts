import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  singleLine,
  table,
  text,
} from './doc';
import { renderMarkdown } from './markdown';
import {
  allNodes,
  nodeText,
  nodeTypes,
  normaliseText,
  parseMarkdown,
  tableText,
  tables,
} from './testing/markdown-ast';
import { userText } from './testing/user-text';

/**
 * Round-trip normalisation (documented for users of the export): runs of whitespace fold to one
 * space and ends are trimmed; in table cells each line break reads " / " and blank lines go;
 * control characters other than tab and LF are dropped, NUL becomes U+FFFD.
 */
function expectedCell(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(normaliseText)
    .filter((l) => l.length > 0)
    .join(' / ');
}

const md = (...blocks: Parameters<typeof renderMarkdown>[0]['blocks']) =>
  renderMarkdown({ blocks });

describe('renderMarkdown', () => {
  it('renders each block kind', () => {
    expect(
      md(
        heading(1, 'Title'),
        paragraph(bold('Status:'), text(' ok '), italic('now'), text(' '), code('a`b')),
        list(['one', 'two'], true),
        table(['Time', 'Event'], [['14:02', 'Alert fired']]),
        rule(),
      ),
    ).toBe(
      [
        '# Title',
        '',
        '**Status:** ok *now* ``a`b``',
        '',
        '1. one',
        '2. two',
        '',
        '| Time | Event |',
        '| --- | --- |',
        '| 14:02 | Alert fired |',
        '',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown, GFM and HTML in user text', () => {
    const out = md(paragraph('*a* _b_ `c` [d](e) <b>&amp; ~~s~~ | x & y'));
    expect(out).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) &lt;b>&amp;amp; \\~\\~s\\~\\~ \\| x & y\n',
    );
    expect(nodeText(parseMarkdown(out))).toBe('*a* _b_ `c` [d](e) <b>&amp; ~~s~~ | x & y');
  });

  it('escapes what would start a block at the start of a line', () => {
    const out = md(paragraph('# h\n> q\n- i\n+ j\n1. n\n2) m\n===\n---\n    code'));
    const root = parseMarkdown(out);
    expect(root.children.map((n) => n.type)).toEqual(['paragraph']);
    expect(nodeText(root)).toBe('# h\n> q\n- i\n+ j\n1. n\n2) m\n===\n---\ncode');
  });

  it('keeps headings on one line and escapes closing hashes', () => {
    expect(md(heading(2, 'a\nb #'))).toBe('## a b \\#\n');
  });

  it('links only to http, https and mailto URLs', () => {
    expect(md(paragraph(link('dash', 'https://grafana.example.com/d/x y)')))).toBe(
      '[dash](https://grafana.example.com/d/x%20y%29)\n',
    );
    expect(md(paragraph(link('click', 'javascript:alert(1)')))).toBe('click\n');
  });

  it('keeps two adjacent lists apart', () => {
    const root = parseMarkdown(md(list(['a']), list(['b']), list(['c'], true), list(['d'], true)));
    expect(root.children.map((n) => n.type)).toEqual(['list', 'list', 'list', 'list']);
  });

  it('keeps multi-line list items inside their item', () => {
    const root = parseMarkdown(md(list(['first\n- not an item\n\nstill first', 'second'])));
    const items = allNodes(root).filter((n) => n.type === 'listItem');
    expect(items.map((i) => normaliseText(nodeText(i)))).toEqual([
      'first - not an item still first',
      'second',
    ]);
  });

  it('pads short rows and cuts long ones to the header width', () => {
    const root = parseMarkdown(md(table(['a', 'b'], [['1'], ['1', '2', '3']])));
    expect(tableText(tables(root)[0]!)).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['1', '2'],
    ]);
  });
});

describe('renderMarkdown: properties', () => {
  it('keeps every table intact and every cell as text, with no HTML', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) =>
          fc.record({
            header: fc.array(userText, { minLength: cols, maxLength: cols }),
            rows: fc.array(fc.array(userText, { minLength: cols, maxLength: cols }), {
              maxLength: 5,
            }),
            around: userText,
          }),
        ),
        ({ header, rows, around }) => {
          const root = parseMarkdown(
            md(paragraph(around), table(header, rows), paragraph(around), list([around])),
          );
          expect(nodeTypes(root).has('html')).toBe(false);
          const found = tables(root);
          expect(found).toHaveLength(1);
          expect(tableText(found[0]!)).toEqual([header, ...rows].map((r) => r.map(expectedCell)));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('keeps headings, paragraphs and lists as they were built, text intact', () => {
    fc.assert(
      fc.property(
        userText,
        userText,
        fc.array(userText, { maxLength: 4 }),
        fc.webUrl(),
        (a, b, items, url) => {
          const root = parseMarkdown(
            md(
              heading(2, a),
              paragraph(bold(a), text(' '), text(b), text(' '), link(b, url), text(' '), code(a)),
              list(items),
              rule(),
            ),
          );
          expect(nodeTypes(root).has('html')).toBe(false);
          expect(root.children.map((n) => n.type)).toEqual([
            'heading',
            'paragraph',
            ...(items.length ? ['list'] : []),
            'thematicBreak',
          ]);
          expect(normaliseText(nodeText(root.children[0]!))).toBe(normaliseText(a));
          const p = root.children[1]!;
          // GFM links bare URLs and e-mail addresses itself; every link must go somewhere safe.
          const links = allNodes(p).filter((n) => n.type === 'link');
          expect(links.length).toBeGreaterThanOrEqual(1);
          for (const l of links) expect(l.url).toMatch(/^(https?:\/\/|mailto:)/);
          const label = singleLine(b) || safeHref(url) || '';
          expect(normaliseText(nodeText(p))).toBe(
            normaliseText(`${singleLine(a)} ${b} ${label} ${singleLine(a)}`),
          );
          const listNode = root.children.find((n) => n.type === 'list');
          const got = listNode ? allNodes(listNode).filter((n) => n.type === 'listItem') : [];
          expect(got.map((i) => normaliseText(nodeText(i)))).toEqual(items.map(normaliseText));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
