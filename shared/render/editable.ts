/**
 * The composer's editable message: a `Doc` shown as GitHub-flavoured Markdown that a person can
 * edit in a textarea, and read back into a `Doc` so every export format follows their edits.
 *
 * Both directions use the reference mdast toolchain (CommonMark + GFM): `mdast-util-to-markdown`
 * writes the text, `mdast-util-from-markdown` with `micromark-extension-gfm` reads it back. Record
 * text enters the Markdown as mdast text nodes, so the serialiser escapes every character that
 * would otherwise mean something (`*`, `_`, `~`, backticks, brackets, `<`, `|`, `\`, `#` or
 * `1.` at a line start, …): impact text `Calls to /v1/** and 2**10 buckets fail` reads back as
 * exactly that text, edited or not. Only what the person types themselves becomes formatting.
 */
import type {
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableRow,
  Text,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import type { Block, Doc, HeadingLevel, Inline } from './doc';
import {
  bold,
  cellText,
  cleanText,
  code,
  heading,
  italic,
  labelled,
  link,
  list,
  paragraph,
  rule,
  safeHref,
  singleLine,
  table,
  text,
} from './doc';

/** Parses GitHub-flavoured Markdown (CommonMark + GFM tables, strikethrough, autolinks). */
export function parseGfm(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * Serialises an mdast tree as GitHub-flavoured Markdown in the composer's style: `-` bullets,
 * `**bold**`, `*italic*`, `---` rules, one space after list markers. Text nodes are escaped by
 * the serialiser wherever they would otherwise be read as markup.
 */
export function serialiseGfm(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    listItemIndent: 'one',
    fences: true,
  });
}

/**
 * One line of record text as literal Markdown: parsing the result with any CommonMark/GFM parser
 * gives back exactly `value` as text (line breaks become spaces). For inserting record text into
 * Markdown that is built as a string (the runbook template, for example).
 */
export function markdownLiteral(value: string): string {
  const line = singleLine(value);
  if (!line) return '';
  return serialiseGfm({
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: line }] }],
  }).replace(/\n+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Doc → mdast

/** Paragraph text: clean, with blank lines folded (a blank line would end the paragraph). */
function blockText(value: string): string {
  return cleanText(value).replace(/\n(?:[ \t]*\n)+/g, '\n');
}

/** A styled run with its surrounding spaces moved outside the markers (`** x**` is not bold). */
function styledRun(value: string, wrap: (body: Text) => PhrasingContent): PhrasingContent[] {
  const body = singleLine(value);
  if (!body) return value.length > 0 ? [{ type: 'text', value: ' ' }] : [];
  const out: PhrasingContent[] = [];
  if (/^\s/.test(value)) out.push({ type: 'text', value: ' ' });
  out.push(wrap({ type: 'text', value: body }));
  if (/\s$/.test(value)) out.push({ type: 'text', value: ' ' });
  return out;
}

function inlineToMdast(run: Inline): PhrasingContent[] {
  switch (run.kind) {
    case 'text': {
      const value = blockText(run.text);
      return value ? [{ type: 'text', value }] : [];
    }
    case 'bold':
      return styledRun(run.text, (t) => ({ type: 'strong', children: [t] }));
    case 'italic':
      return styledRun(run.text, (t) => ({ type: 'emphasis', children: [t] }));
    case 'code': {
      const value = singleLine(run.text);
      return value ? [{ type: 'inlineCode', value }] : [];
    }
    case 'link': {
      const href = safeHref(run.href);
      const label = singleLine(run.text) || href || '';
      if (!label) return [];
      if (!href) return [{ type: 'text', value: label }];
      return [{ type: 'link', url: href, title: null, children: [{ type: 'text', value: label }] }];
    }
  }
}

/** Adjacent text nodes as one (the serialiser escapes each node on its own). */
function mergeText(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out;
}

/**
 * A line of runs as phrasing content. Spaces at the ends of lines go, as every renderer drops
 * them (`textLines`); otherwise the serialiser would have to spell them as `&#x20;`.
 */
function phrasing(runs: readonly Inline[]): PhrasingContent[] {
  const nodes = mergeText(runs.flatMap(inlineToMdast));
  nodes.forEach((node, i) => {
    if (node.type !== 'text') return;
    let value = node.value.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{2,}/g, '\n');
    if (i === 0) value = value.replace(/^\s+/, '');
    if (i === nodes.length - 1) value = value.replace(/\s+$/, '');
    node.value = value;
  });
  return nodes.filter((n) => n.type !== 'text' || n.value.length > 0);
}

function cellRow(cells: readonly string[], width: number): TableRow {
  return {
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i) => {
      const value = cellText(cells[i] ?? '');
      return { type: 'tableCell', children: value ? [{ type: 'text', value }] : [] };
    }),
  };
}

function blockToMdast(block: Block): RootContent | null {
  switch (block.kind) {
    case 'heading': {
      const value = singleLine(block.text);
      return {
        type: 'heading',
        depth: block.level,
        children: value ? [{ type: 'text', value }] : [],
      };
    }
    case 'paragraph': {
      const children = phrasing(block.inlines);
      return children.length ? { type: 'paragraph', children } : null;
    }
    case 'list':
      return {
        type: 'list',
        ordered: block.ordered,
        start: block.ordered ? 1 : null,
        spread: false,
        children: block.items.map((item): ListItem => ({
          type: 'listItem',
          spread: false,
          checked: null,
          children: [{ type: 'paragraph', children: phrasing(item) }].filter(
            (p) => p.children.length > 0,
          ) as Paragraph[],
        })),
      };
    case 'table': {
      const width = block.header.length;
      if (width === 0) return null;
      return {
        type: 'table',
        align: block.header.map(() => null),
        children: [block.header, ...block.rows].map((r) => cellRow(r, width)),
      };
    }
    case 'rule':
      return { type: 'thematicBreak' };
  }
}

/** A document as an mdast tree; every string in the document becomes a text node. */
export function docToMdast(doc: Doc): Root {
  return {
    type: 'root',
    children: doc.blocks.map(blockToMdast).filter((b): b is RootContent => b !== null),
  };
}

/**
 * A document as editable GitHub-flavoured Markdown (no trailing newline). Record text in the
 * document is escaped where needed, so it reads back as the same text.
 */
export function docToEditable(doc: Doc): string {
  return withoutNeedlessEscapes(serialiseGfm(docToMdast(doc)).replace(/\n+$/, ''));
}

/**
 * Escapes the composer may drop: brackets, underscores and hashes, which mean something only in
 * a few places (a link, an intraword-safe emphasis, a line-start heading). Asterisks, backticks,
 * tildes, `<` and backslashes keep theirs: they turn into formatting too easily while editing.
 */
const DROPPABLE = /\\([[\]_#])/g;

/** The parsed Markdown without source positions: what the text means. */
function meaning(markdown: string): string {
  return JSON.stringify(parseGfm(cleanText(markdown)), (key, value: unknown) =>
    key === 'position' ? undefined : value,
  );
}

/**
 * The serialiser escapes conservatively (`\[Public summary not written yet\]`, `snake\_case`),
 * and those backslashes are all a person sees of Markdown in the composer. Drops each droppable
 * escape whose removal parses to the same Markdown tree: all at once, else one character at a
 * time (at most five parses). An escape that matters (`\[a](b)`, `\# at a line start`) stays.
 */
export function withoutNeedlessEscapes(markdown: string): string {
  if (!DROPPABLE.test(markdown)) return markdown;
  const reference = meaning(markdown);
  const all = markdown.replace(DROPPABLE, '$1');
  if (meaning(all) === reference) return all;
  let out = markdown;
  for (const ch of ['[', ']', '_', '#']) {
    const candidate = out.replace(DROPPABLE, (m, c: string) => (c === ch ? c : m));
    if (candidate !== out && meaning(candidate) === reference) out = candidate;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// mdast → Doc

/** The text a reader sees in a node: text, code, alt text; hard breaks as LF. */
function visible(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'html':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    default:
      return 'children' in node ? node.children.map((c) => visible(c as Nodes)).join('') : '';
  }
}

/** The exact source text of a node (escapes and markers included), or its visible text. */
function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? visible(node) : source.slice(start, end);
}

/**
 * A link GFM made by itself from a bare URL, `www.` name or e-mail address (not written as
 * `[text](url)` or `<url>`). Its text is the URL as typed, so it stays text and every renderer
 * shows it exactly as typed.
 */
function isLiteralLink(node: Nodes, source: string): boolean {
  return !/^[[<]/.test(sourceOf(node, source));
}

function phrasingRuns(nodes: readonly PhrasingContent[], source: string): Inline[] {
  const runs: Inline[] = [];
  const push = (run: Inline): void => {
    const last = runs[runs.length - 1];
    if (run.kind === 'text' && last?.kind === 'text') last.text += run.text;
    else if (run.text) runs.push(run);
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'strong':
        push(bold(visible(node)));
        break;
      case 'emphasis':
        push(italic(visible(node)));
        break;
      case 'inlineCode':
        push(code(node.value));
        break;
      case 'link':
      case 'image': {
        const label = visible(node);
        if (node.type === 'link' && isLiteralLink(node, source)) push(text(label));
        else if (safeHref(node.url)) push(link(label || node.url, node.url));
        else push(text(label));
        break;
      }
      case 'delete': {
        // The Doc model has no strikethrough: keep the tildes, so nothing typed disappears.
        const marker = /^~+/.exec(sourceOf(node, source))?.[0] ?? '~~';
        push(text(`${marker}${visible(node)}${marker}`));
        break;
      }
      default:
        push(text(visible(node)));
    }
  }
  return runs;
}

/** Lines of a list item: its paragraphs, then nested items, one per line. */
function itemRuns(item: ListItem, source: string): Inline[] {
  const runs: Inline[] = [];
  const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
  if (task) runs.push(text(task));
  item.children.forEach((child, i) => {
    if (i > 0) runs.push(text('\n'));
    if (child.type === 'paragraph' || child.type === 'heading')
      runs.push(...phrasingRuns(child.children, source));
    else if (child.type === 'list')
      child.children.forEach((sub, j) => {
        if (j > 0) runs.push(text('\n'));
        runs.push(...itemRuns(sub, source));
      });
    else runs.push(text(visible(child)));
  });
  // Adjacent text runs as one, as `phrasingRuns` does.
  return runs.reduce<Inline[]>((acc, run) => {
    const last = acc[acc.length - 1];
    if (run.kind === 'text' && last?.kind === 'text') last.text += run.text;
    else if (run.text) acc.push({ ...run });
    return acc;
  }, []);
}

function tableToDoc(node: Table): Block {
  const rows = node.children.map((row) => row.children.map((cell) => visible(cell)));
  const [header = [], ...body] = rows;
  return table(header, body);
}

function headingToDoc(node: Heading): Block {
  return heading(Math.min(4, node.depth) as HeadingLevel, singleLine(visible(node)));
}

function listToDoc(node: List, source: string): Block {
  return list(
    node.children.map((item) => itemRuns(item, source)),
    node.ordered === true,
  );
}

function blocksOf(nodes: readonly RootContent[], source: string): Block[] {
  return nodes.flatMap((node): Block[] => {
    switch (node.type) {
      case 'heading':
        return [headingToDoc(node)];
      case 'paragraph': {
        const runs = phrasingRuns(node.children, source);
        return runs.length ? [paragraph(...runs)] : [];
      }
      case 'list':
        return [listToDoc(node, source)];
      case 'table':
        return [tableToDoc(node)];
      case 'thematicBreak':
        return [rule()];
      case 'blockquote':
      case 'footnoteDefinition':
        return blocksOf(node.children, source);
      case 'code':
      case 'html':
        return node.value.trim() ? [paragraph(text(node.value))] : [];
      default: {
        // Definitions and anything newer: the text as typed, never lost.
        const raw = sourceOf(node, source).trim();
        return raw ? [paragraph(text(raw))] : [];
      }
    }
  });
}

/**
 * Reads edited Markdown back into a document. Headings (levels below 4 become 4), paragraphs,
 * lists, tables and rules keep their structure; bold, italic, code and links keep their style;
 * block quotes, code blocks and raw HTML become plain paragraphs of their literal text, so no
 * markup typed here can ever reach an export as HTML. Escaped characters are plain text.
 */
export function editableToDoc(value: string): Doc {
  const source = cleanText(value);
  return { blocks: blocksOf(parseGfm(source).children, source) };
}

/** The document with its subject line first, so every copy carries it. */
export function withSubject(subject: string, doc: Doc): Doc {
  return { blocks: [labelled('Subject', subject), ...doc.blocks] };
}
