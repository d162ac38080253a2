import type { Block, Doc, Inline } from './doc';
import { cellText, cleanText, fitRow, safeHref, singleLine, textLines } from './doc';

/**
 * Slack mrkdwn renderer. Slack defines escapes only for `&`, `<` and `>`; those are always
 * escaped, so user text can never form a link, a mention (`<!channel>`, `<@U123>`) or a quote.
 * Slack has no escape for `*`, `_`, `~` or backticks, so a marker in user text that could open or
 * close a style (one not between two letters or digits, as in `payments_db`) is fenced with zero
 * width spaces: Slack styles a run only when its marker touches a word on the inside and a space
 * or punctuation on the outside, and a zero width space on both sides rules that out whether
 * Slack reads it as a space or as a letter. `Calls to /v1/** and 2**10` stays literal. Slack has
 * no tables, so tables become bullet lines.
 */

const ZWSP = '\u200b';

/** Escapes `&`, `<` and `>`, the only escapes Slack defines. */
function escapeEntities(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const WORD = /[\p{L}\p{N}]/u;

/** Fences every style marker of `value` that could open or close a style (see above). */
function neutraliseMarkers(value: string): string {
  return value.replace(/[*_~`]+/g, (run, offset: number) => {
    const before = value[offset - 1] ?? '';
    const after = value[offset + run.length] ?? '';
    if (run.length === 1 && WORD.test(before) && WORD.test(after)) return run;
    return `${ZWSP}${[...run].join(ZWSP)}${ZWSP}`;
  });
}

/** Escapes user text for Slack mrkdwn: entities, then style markers fenced. */
export function escapeSlack(value: string): string {
  return neutraliseMarkers(escapeEntities(value));
}

/**
 * `marker`-styled text. When the text itself starts or ends with a fenced marker, the style is
 * left off (a zero width space next to our own marker could stop Slack styling, leaving stray
 * asterisks); the text stays intact either way.
 */
function styled(value: string, marker: string): string {
  const body = singleLine(value);
  if (!body) return value.length > 0 ? ' ' : '';
  const lead = /^\s/.test(value) ? ' ' : '';
  const trail = /\s$/.test(value) ? ' ' : '';
  const escaped = escapeSlack(body);
  const plain = escaped.startsWith(ZWSP) || escaped.endsWith(ZWSP);
  return plain ? `${lead}${escaped}${trail}` : `${lead}${marker}${escaped}${marker}${trail}`;
}

function inlineSlack(run: Inline): string {
  switch (run.kind) {
    case 'text':
      return escapeSlack(cleanText(run.text));
    case 'bold':
      return styled(run.text, '*');
    case 'italic':
      return styled(run.text, '_');
    case 'code': {
      // A backtick cannot be escaped inside Slack code, so it is shown as a straight quote.
      const body = singleLine(run.text).replace(/`/g, "'");
      return body ? `\`${escapeEntities(body)}\`` : '';
    }
    case 'link': {
      const href = safeHref(run.href);
      const label = escapeSlack(singleLine(run.text));
      if (!href) return label;
      return label && label !== href ? `<${href}|${label}>` : `<${href}>`;
    }
  }
}

function linesOf(runs: readonly Inline[]): string[] {
  return textLines(runs.map(inlineSlack).join(''));
}

/** Two columns read as "first — second"; wider tables name each value by its column. */
function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (header.length === 0) return '';
  const names = header.map(cellText);
  return rows
    .map((row) => {
      const [head = '', ...others] = fitRow(row, header.length).map(cellText);
      const rest = others.map(escapeSlack);
      const tail =
        header.length === 2
          ? rest.filter((c) => c)
          : rest.flatMap((c, i) => (c ? [`${escapeSlack(names[i + 1] ?? '')}: ${c}`] : []));
      const lead = styled(head, '*');
      return `• ${[lead, tail.join(' · ')].filter((p) => p).join(' — ')}`.trimEnd();
    })
    .join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      return styled(singleLine(block.text), '*');
    }
    case 'paragraph':
      return linesOf(block.inlines).join('\n');
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${i + 1}.` : '•';
          return `${marker} ${linesOf(item).join(`\n${' '.repeat(marker.length + 1)}`)}`.trimEnd();
        })
        .join('\n');
    case 'table':
      return renderTable(block.header, block.rows);
    case 'rule':
      return '───';
  }
}

/** Renders a document as Slack mrkdwn, ending with one newline. */
export function renderSlack(doc: Doc): string {
  const out = doc.blocks.map(renderBlock).filter((b) => b.length > 0);
  return `${out.join('\n\n')}\n`;
}
