import { BIDI_CONTROLS } from '../domain/text';

/**
 * A tiny document model. A stakeholder message or a post-mortem is built once as a `Doc` and
 * rendered four ways (Markdown, plain text, Slack mrkdwn, HTML). Every string in a `Doc` is
 * plain text: renderers escape it for their format, so user text can never change structure.
 */

import { DOCUMENT_LINK_PROTOCOLS, parseLink } from '../security/links';

/** One run of inline text. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

/** Heading levels the renderers support. */
export type HeadingLevel = 1 | 2 | 3 | 4;

/** One block of a document. */
export type Block =
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][]; ordered: boolean }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      /** Optional links, cell by cell: a cell with a safe href renders as a link where possible. */
      hrefs?: (string | null)[][];
    }
  | { kind: 'rule' };

/** A whole document: blocks in reading order. */
export interface Doc {
  blocks: Block[];
}

/** The output formats every `Doc` can be rendered to. */
export type RenderFormat = 'markdown' | 'plain' | 'slack' | 'html';

/** A plain text run. */
export function text(value: string): Inline {
  return { kind: 'text', text: value };
}

/** A bold run. */
export function bold(value: string): Inline {
  return { kind: 'bold', text: value };
}

/** An italic run. */
export function italic(value: string): Inline {
  return { kind: 'italic', text: value };
}

/** An inline code run. */
export function code(value: string): Inline {
  return { kind: 'code', text: value };
}

/** A link; renderers show only the text when the href is not a safe URL (see `safeHref`). */
export function link(value: string, href: string): Inline {
  return { kind: 'link', text: value, href };
}

/** A heading block. */
export function heading(level: HeadingLevel, value: string): Block {
  return { kind: 'heading', level, text: value };
}

/** A paragraph of runs; plain strings become text runs. */
export function paragraph(...runs: (Inline | string)[]): Block {
  return { kind: 'paragraph', inlines: runs.map((r) => (typeof r === 'string' ? text(r) : r)) };
}

/** "**Label:** value" — the shape of most lines in a stakeholder update. */
export function labelled(label: string, value: string): Block {
  return paragraph(bold(`${label}:`), text(` ${value}`));
}

/** A list; each item is one line of runs (plain strings become text runs). */
export function list(items: readonly (readonly Inline[] | string)[], ordered = false): Block {
  return {
    kind: 'list',
    ordered,
    items: items.map((i) => (typeof i === 'string' ? [text(i)] : [...i])),
  };
}

/**
 * A table; rows are padded or cut to the header's width when rendered. `hrefs` (optional,
 * row by row and cell by cell, null for none) makes a cell a link in Markdown; other formats
 * show the cell's text.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  hrefs?: readonly (readonly (string | null)[])[],
): Block {
  const block: Block = { kind: 'table', header: [...header], rows: rows.map((r) => [...r]) };
  return hrefs ? { ...block, hrefs: hrefs.map((r) => [...r]) } : block;
}

/** A horizontal rule. */
export function rule(): Block {
  return { kind: 'rule' };
}

/**
 * Normalises user text before any renderer sees it: CRLF and lone CR become LF, NUL becomes
 * U+FFFD (as CommonMark does) and other control characters except tab and LF are dropped,
 * because no output format can show them and some (form feed, vertical tab) act as line breaks.
 * Bidirectional controls (U+202A–U+202E, U+2066–U+2069) are dropped too (shared/domain/text.ts).
 */
export function cleanText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      .replace(/\0/g, '\uFFFD')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
      .replace(/[\x01-\x08\x0B-\x1F\x7F]/g, '')
      // Bidi overrides and isolates: a U+202E in a title must not reverse the pasted document.
      .replace(BIDI_CONTROLS, '')
  );
}

/** Text as one line: runs of whitespace (newlines included) become one space; trimmed. */
export function singleLine(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

/**
 * Table-cell text: one line, each line break shown as " / " (no format we emit allows a raw
 * line break inside a cell, and HTML `<br>` is not allowed in the Markdown).
 */
export function cellText(value: string): string {
  return cleanText(value)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join(' / ');
}

/**
 * Non-blank lines of a paragraph or list item, each trimmed. Blank lines are dropped because a
 * blank line would end a Markdown paragraph or list item early.
 */
export function textLines(value: string): string[] {
  return cleanText(value)
    .split('\n')
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((l) => l.length > 0);
}

/**
 * The href as a safe absolute URL, or null. Only http, https and mailto survive: anything else
 * (javascript:, data:, relative paths) is shown as text only. Characters that could end a
 * Markdown destination, a Slack link or a table cell are percent-encoded.
 */
export function safeHref(href: string): string | null {
  // The app's one URL policy (shared/security/links.ts), with mailto added for documents.
  const url = parseLink(href, DOCUMENT_LINK_PROTOCOLS);
  if (!url) return null;
  return url.href.replace(
    /[()'"`<>|\\ ]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Plain text of a run list (formatting dropped; links keep their text). */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => r.text).join('');
}

/** Pads or cuts a row to `width` cells. */
export function fitRow(row: readonly string[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => row[i] ?? '');
}
