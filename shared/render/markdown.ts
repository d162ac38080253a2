import type { Block, Doc, Inline } from './doc';
import { cellText, cleanText, fitRow, safeHref, singleLine } from './doc';

/**
 * GitHub-flavoured Markdown renderer. Every user string is escaped so that it can only ever be
 * text: no emphasis, links, HTML, headings, lists, tables or code can come out of user input.
 * No raw HTML is ever emitted, so the output is safe to paste anywhere Markdown is rendered.
 */

/** Characters that carry inline meaning in CommonMark or GFM, escaped with a backslash. */
const INLINE_SPECIALS = /[\\`*_[\]|~]/g;

/**
 * Escapes one line of user text for inline use: `<` and entity-like `&` become entities so
 * nothing can be read as HTML, an autolink or a character reference; the rest get a backslash.
 */
export function escapeMarkdownInline(value: string): string {
  return (
    value
      .replace(INLINE_SPECIALS, (c) => `\\${c}`)
      // `<` starts HTML and autolinks; `&` only matters where it would spell an entity. A `>`
      // only matters at the start of a line (block quote), which `escapeLineStart` handles.
      .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
      .replace(/</g, '&lt;')
      // GFM's syntax-level autolinks (bare URLs, www. names) would keep our backslash escapes
      // literally inside the link text; breaking the trigger stops that. GFM still links bare
      // URLs, www. names and e-mail addresses afterwards, from the unescaped text, which keeps
      // the text intact (and only ever yields http(s) or mailto links).
      .replace(/:\/\//g, '\\://')
      .replace(/(www)\./gi, '$1\\.')
  );
}

/**
 * Escapes what would start a block if it came first on a line: ATX headings, block quotes,
 * bullets, ordered-list numbers, setext underlines, thematic breaks and table delimiters.
 */
function escapeLineStart(line: string): string {
  const numbered = /^(\d{1,9})([.)])/.exec(line);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${line.slice(numbered[0].length)}`;
  return /^[#>+\-=:]/.test(line) ? `\\${line}` : line;
}

/** A code span whose fence is longer than any backtick run inside it. */
function codeSpan(value: string): string {
  const body = singleLine(value);
  if (!body) return '';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Wraps escaped text in emphasis markers. Surrounding spaces go outside the markers, because
 * `** x**` is not emphasis in CommonMark and the stars would show literally.
 */
function emphasis(value: string, marker: string): string {
  const body = singleLine(value);
  if (!body) return value.length > 0 ? ' ' : '';
  const lead = /^\s/.test(value) ? ' ' : '';
  const trail = /\s$/.test(value) ? ' ' : '';
  return `${lead}${marker}${escapeMarkdownInline(body)}${marker}${trail}`;
}

function renderInline(run: Inline): string {
  switch (run.kind) {
    case 'text':
      // Keep user line breaks as LF for now; `renderLines` turns them into hard breaks.
      return cleanText(run.text).split('\n').map(escapeMarkdownInline).join('\n');
    case 'bold':
      return emphasis(run.text, '**');
    case 'italic':
      return emphasis(run.text, '*');
    case 'code':
      return codeSpan(run.text);
    case 'link': {
      const href = safeHref(run.href);
      const label = singleLine(run.text) || href || '';
      return href ? `[${escapeMarkdownInline(label)}](${href})` : escapeMarkdownInline(label);
    }
  }
}

/** Inline runs as lines joined by hard breaks (`\` at end of line); blank lines dropped. */
function renderLines(runs: readonly Inline[], indent: string): string {
  const lines = runs
    .map(renderInline)
    .join('')
    .split('\n')
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((l) => l.length > 0)
    .map(escapeLineStart);
  return lines.join(`\\\n${indent}`);
}

function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  hrefs: readonly (readonly (string | null)[])[] = [],
): string {
  if (header.length === 0) return '';
  const cell = (c: string, href: string | null | undefined): string => {
    const safe = href ? safeHref(href) : null;
    const label = escapeMarkdownInline(cellText(c));
    return safe && label ? `[${label}](${safe})` : label;
  };
  const line = (cells: readonly string[], links: readonly (string | null)[] = []): string =>
    `| ${cells.map((c, i) => cell(c, links[i])).join(' | ')} |`;
  return [
    line(header),
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r, i) => line(fitRow(r, header.length), hrefs[i])),
  ].join('\n');
}

function renderBlock(block: Block, listMarkerAlt: boolean): string {
  switch (block.kind) {
    case 'heading':
      // `#` is escaped everywhere in a heading: a trailing ` #` would be read as a closing sequence.
      return `${'#'.repeat(block.level)} ${escapeMarkdownInline(singleLine(block.text)).replace(/#/g, '\\#')}`.trimEnd();
    case 'paragraph':
      return renderLines(block.inlines, '');
    case 'list':
      return block.items
        .map((item, i) => {
          // Alternating markers keep two adjacent lists from merging into one.
          const marker = block.ordered
            ? `${i + 1}${listMarkerAlt ? ')' : '.'}`
            : listMarkerAlt
              ? '*'
              : '-';
          const body = renderLines(item, ' '.repeat(marker.length + 1));
          return body ? `${marker} ${body}` : marker;
        })
        .join('\n');
    case 'table':
      return renderTable(block.header, block.rows, block.hrefs);
    case 'rule':
      return '---';
  }
}

/** Renders a document as GitHub-flavoured Markdown, ending with one newline. */
export function renderMarkdown(doc: Doc): string {
  const out: string[] = [];
  let previous: Block | undefined;
  let alt = false;
  for (const block of doc.blocks) {
    alt = block.kind === 'list' && previous?.kind === 'list' ? !alt : false;
    const rendered = renderBlock(block, alt);
    if (rendered) out.push(rendered);
    previous = block;
  }
  return `${out.join('\n\n')}\n`;
}
