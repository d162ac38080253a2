import type { Block, Doc, Inline } from './doc';
import { cellText, cleanText, fitRow, safeHref, singleLine, textLines } from './doc';

/**
 * Slack mrkdwn renderer. Slack defines escapes only for `&`, `<` and `>`; those are always
 * escaped, so user text can never form a link, a mention (`<!channel>`, `<@U123>`) or a quote.
 * Slack has no escape for `*`, `_`, `~` or backticks: a triple backtick is broken up with zero
 * width spaces so user text cannot open a code block that swallows the rest of the message; lone
 * markers may still style a word, which cannot hide or reorder content. Slack has no tables, so
 * tables become bullet lines.
 */

const ZWSP = '\u200b';

/** Escapes user text for Slack mrkdwn. */
export function escapeSlack(value: string): string {
  return value
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/```/g, `\`${ZWSP}\`${ZWSP}\``);
}

function styled(value: string, marker: string): string {
  const body = singleLine(value);
  if (!body) return value.length > 0 ? ' ' : '';
  const lead = /^\s/.test(value) ? ' ' : '';
  const trail = /\s$/.test(value) ? ' ' : '';
  return `${lead}${marker}${escapeSlack(body)}${marker}${trail}`;
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
      return body ? `\`${escapeSlack(body)}\`` : '';
    }
    case 'link': {
      const href = safeHref(run.href);
      const label = escapeSlack(singleLine(run.text));
      if (!href) return label;
      return label ? `<${href}|${label}>` : `<${href}>`;
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
      const cells = fitRow(row, header.length).map((c) => escapeSlack(cellText(c)));
      const [first = '', ...rest] = cells;
      const tail =
        header.length === 2
          ? rest.filter((c) => c)
          : rest.flatMap((c, i) => (c ? [`${escapeSlack(names[i + 1] ?? '')}: ${c}`] : []));
      const lead = first ? `*${first}*` : '';
      return `• ${[lead, tail.join(' · ')].filter((p) => p).join(' — ')}`.trimEnd();
    })
    .join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const title = escapeSlack(singleLine(block.text));
      return title ? `*${title}*` : '';
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
