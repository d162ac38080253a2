/**
 * Test-only helpers: parse renderer output with the reference CommonMark + GFM parser, so tests
 * check structure as GitHub would see it rather than by string matching.
 */
import type { Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Parses GitHub-flavoured Markdown into an mdast tree. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Every node of a tree, depth first. */
export function allNodes(node: Nodes): Nodes[] {
  const children = 'children' in node ? (node.children as Nodes[]) : [];
  return [node, ...children.flatMap(allNodes)];
}

/** Text content of a node: text, inline code and hard breaks (as LF). */
export function nodeText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? (node.children as Nodes[]).map(nodeText).join('') : '';
}

/**
 * The whitespace normalisation under which text round-trips: runs of whitespace become one space
 * and ends are trimmed (renderers fold line breaks in cells and headings, and drop blank lines).
 * Control characters are dropped as `cleanText` does.
 */
export function normaliseText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      .replace(/\0/g, '\uFFFD')
      // eslint-disable-next-line no-control-regex -- mirrors cleanText
      .replace(/[\x01-\x08\x0B-\x1F\x7F]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Node types found anywhere in a tree. */
export function nodeTypes(root: Root): Set<string> {
  return new Set(allNodes(root).map((n) => n.type));
}

/** Tables in a tree, in order. */
export function tables(root: Root): Table[] {
  return allNodes(root).filter((n): n is Table => n.type === 'table');
}

/** A table's cells as normalised text, header row first. */
export function tableText(t: Table): string[][] {
  return t.children.map((row) => row.children.map((cell) => normaliseText(nodeText(cell))));
}
