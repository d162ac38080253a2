import type { Block, Doc, Inline } from './doc';
import { cellText, cleanText, fitRow, safeHref, singleLine, textLines } from './doc';

/**
 * Safe HTML fragment for the rich-text clipboard. Every text node and attribute value is
 * escaped, the only tags are the ones below, and the only attributes are fixed inline styles and
 * vetted http(s)/mailto hrefs, so user text can never add markup.
 */

/** Tags this renderer can emit; tests check that nothing else ever appears. */
export const HTML_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'strong',
  'em',
  'code',
  'a',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
] as const;

const CELL_STYLE = 'border:1px solid #c8c8c8;padding:4px 8px;text-align:left;vertical-align:top';

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

function inlineHtml(run: Inline): string {
  switch (run.kind) {
    case 'text':
      return escapeHtml(cleanText(run.text));
    case 'bold':
      return `<strong>${escapeHtml(cleanText(run.text))}</strong>`;
    case 'italic':
      return `<em>${escapeHtml(cleanText(run.text))}</em>`;
    case 'code':
      return `<code>${escapeHtml(singleLine(run.text))}</code>`;
    case 'link': {
      const href = safeHref(run.href);
      const label = escapeHtml(singleLine(run.text) || href || '');
      return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    }
  }
}

function runsHtml(runs: readonly Inline[]): string {
  return textLines(runs.map(inlineHtml).join('')).join('<br>');
}

function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (header.length === 0) return '';
  const cells = (row: readonly string[], tag: 'th' | 'td'): string =>
    fitRow(row, header.length)
      .map((c) => `<${tag} style="${CELL_STYLE}">${escapeHtml(cellText(c))}</${tag}>`)
      .join('');
  return [
    '<table style="border-collapse:collapse">',
    `<thead><tr>${cells(header, 'th')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(singleLine(block.text))}</h${block.level}>`;
    case 'paragraph': {
      const body = runsHtml(block.inlines);
      return body ? `<p>${body}</p>` : '';
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${runsHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return renderTable(block.header, block.rows);
    case 'rule':
      return '<hr>';
  }
}

/** Renders a document as an HTML fragment (no <html> or <body>), one block per line. */
export function renderHtml(doc: Doc): string {
  const out = doc.blocks.map(renderBlock).filter((b) => b.length > 0);
  return `${out.join('\n')}\n`;
}
