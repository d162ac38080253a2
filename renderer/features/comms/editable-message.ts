/**
 * The composer's editable message: a document shown as lightly marked lines (`## Heading`,
 * `- item`, `**Label:** text`) that a person can edit in a textarea, and read back into a
 * document so every export format follows their edits. Nothing here is escaped or interpreted
 * as HTML: the text goes back into a `Doc` as plain runs, and the renderers escape it.
 */
import type { Block, Doc, HeadingLevel, Inline } from '../../../shared/render/doc';
import { bold, heading, labelled, list, paragraph, rule, text } from '../../../shared/render/doc';

function runsToText(runs: readonly Inline[]): string {
  return runs
    .map((r) => {
      if (r.kind === 'bold') return `**${r.text}**`;
      if (r.kind === 'link') return r.text === r.href ? r.text : `${r.text} (${r.href})`;
      return r.text;
    })
    .join('');
}

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${block.text}`];
    case 'paragraph':
      return runsToText(block.inlines).split('\n');
    case 'list':
      return block.items.map(
        (item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${runsToText(item).replace(/\n/g, ' ')}`,
      );
    case 'table':
      return [block.header, ...block.rows].map((r) => `- ${r.join(' | ')}`);
    case 'rule':
      return ['---'];
  }
}

/** A document as editable lines; a blank line before each heading, for readability. */
export function docToEditable(doc: Doc): string {
  const lines: string[] = [];
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'heading' && i > 0) lines.push('');
    lines.push(...blockLines(block));
  });
  return lines.join('\n');
}

/** `**` toggles bold; everything else is text. */
function lineRuns(line: string): Inline[] {
  const runs: Inline[] = [];
  line.split('**').forEach((part, i) => {
    if (part) runs.push(i % 2 === 1 ? bold(part) : text(part));
  });
  return runs;
}

/**
 * Reads edited lines back into a document: `#`…`####` headings, `- `/`* `/`• ` bullets,
 * `1. ` numbered items, `---` rules, and one paragraph per other line (blank lines only
 * separate). An unmatched `**` just ends in bold; it can never change the document's structure.
 */
export function editableToDoc(value: string): Doc {
  const blocks: Block[] = [];
  let items: Inline[][] = [];
  let ordered = false;
  const flush = (): void => {
    if (items.length) blocks.push(list(items, ordered));
    items = [];
  };
  for (const raw of value.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flush();
      blocks.push(rule());
      continue;
    }
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    const numbered = /^\d{1,3}[.)]\s+(.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const isOrdered = numbered !== null && bullet === null;
      if (items.length && isOrdered !== ordered) flush();
      ordered = isOrdered;
      items.push(lineRuns(item[1] ?? ''));
      continue;
    }
    flush();
    const head = /^(#{1,4})\s+(.*)$/.exec(line);
    if (head) blocks.push(heading((head[1] ?? '#').length as HeadingLevel, head[2] ?? ''));
    else blocks.push(paragraph(...lineRuns(line)));
  }
  flush();
  return { blocks };
}

/** The document with its subject line first, so every copy carries it. */
export function withSubject(subject: string, doc: Doc): Doc {
  return { blocks: [labelled('Subject', subject), ...doc.blocks] };
}
