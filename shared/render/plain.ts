import type { Block, Doc, Inline } from './doc';
import { cellText, cleanText, fitRow, safeHref, singleLine, textLines } from './doc';

/**
 * Plain-text renderer for e-mail bodies and status pages: no markup at all, headings underlined,
 * tables as aligned columns. Nothing needs escaping, because nothing is interpreted.
 */

/** Display width of a string, counted in code points (close enough for Latin text and digits). */
function width(value: string): number {
  return [...value].length;
}

function inlinePlain(run: Inline): string {
  if (run.kind === 'text') return cleanText(run.text);
  if (run.kind === 'link') {
    const label = singleLine(run.text);
    const href = safeHref(run.href);
    if (!href) return label;
    return !label || label === href ? href : `${label} (${href})`;
  }
  return singleLine(run.text);
}

function linesOf(runs: readonly Inline[]): string[] {
  return textLines(runs.map(inlinePlain).join(''));
}

function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (header.length === 0) return '';
  const all = [header, ...rows].map((r) => fitRow(r, header.length).map(cellText));
  // The last column is left ragged so a long event or action never pads every other line.
  const widths = header.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) =>
        c === cells.length - 1 ? cell : cell + ' '.repeat((widths[c] ?? 0) - width(cell)),
      )
      .join('  ')
      .trimEnd();
  const [head, ...body] = all;
  const underline = widths.map((w) => '-'.repeat(Math.max(1, w)));
  return [line(head ?? []), underline.join('  '), ...body.map(line)].join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const title = singleLine(block.text);
      if (block.level > 2) return title;
      return `${title}\n${(block.level === 1 ? '=' : '-').repeat(Math.max(3, width(title)))}`;
    }
    case 'paragraph':
      return linesOf(block.inlines).join('\n');
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${i + 1}.` : '-';
          const pad = ' '.repeat(marker.length + 1);
          return `${marker} ${linesOf(item).join(`\n${pad}`)}`.trimEnd();
        })
        .join('\n');
    case 'table':
      return renderTable(block.header, block.rows);
    case 'rule':
      return '-'.repeat(40);
  }
}

/** Renders a document as plain text, ending with one newline. */
export function renderPlain(doc: Doc): string {
  const out = doc.blocks.map(renderBlock).filter((b) => b.length > 0);
  return `${out.join('\n\n')}\n`;
}
