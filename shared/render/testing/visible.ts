/**
 * Test-only readers: the text a person sees when each export format is displayed, so tests can
 * check that record text survives every format. Markdown is read with the reference CommonMark +
 * GFM parser; HTML by dropping our tags and decoding entities; Slack by a deliberately generous
 * model of mrkdwn styling (below); plain text is what it is.
 */
import type { RenderFormat } from '../doc';
import { allNodes, nodeText, parseMarkdown } from './markdown-ast';

/** Visible text of Markdown: each block and list item on its own line. */
export function visibleMarkdown(markdown: string): string {
  const root = parseMarkdown(markdown);
  const lines: string[] = [];
  for (const node of allNodes(root)) {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
      lines.push(nodeText(node));
  }
  return lines.join('\n');
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Visible text of an HTML fragment: tags dropped (blocks and `<br>` as line breaks), entities decoded. */
export function visibleHtml(html: string): string {
  return html
    .replace(/<br>|<\/(?:p|h[1-6]|li|th|td|tr)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/** How the Slack model reads a zero width space: as a space or as a letter. */
export type ZwspReading = 'space' | 'word';

const ZWSP = '\u200b';
const MARKERS = new Set(['*', '_', '~', '`']);

/**
 * Removes the style markers a generous model of Slack would apply on one line. A marker opens a
 * style when the character before it is not a letter or digit and the one after it is not a
 * space; the same marker closes it when the character before is not a space and the one after is
 * not a letter or digit. Real Slack styles less than this, so text that survives the model
 * survives Slack. `zwsp` says how a zero width space counts.
 */
function slackLine(line: string, zwsp: ZwspReading): string {
  const chars = [...line];
  const isSpace = (c: string | undefined): boolean =>
    c === undefined || /\s/.test(c) || (zwsp === 'space' && c === ZWSP);
  const isWord = (c: string | undefined): boolean =>
    c !== undefined && (/[\p{L}\p{N}]/u.test(c) || (zwsp === 'word' && c === ZWSP));
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] ?? '';
    if (MARKERS.has(c) && !isWord(chars[i - 1]) && !isSpace(chars[i + 1])) {
      let close = -1;
      for (let j = i + 2; j < chars.length; j++) {
        if (chars[j] === c && !isSpace(chars[j - 1]) && !isWord(chars[j + 1])) {
          close = j;
          break;
        }
      }
      if (close > 0) {
        const inner = chars.slice(i + 1, close).join('');
        out.push(c === '`' ? inner : slackLine(inner, zwsp));
        i = close + 1;
        continue;
      }
    }
    out.push(c);
    i += 1;
  }
  return out.join('');
}

/** Visible text of Slack mrkdwn under the model above: styles applied, links as their labels. */
export function visibleSlack(mrkdwn: string, zwsp: ZwspReading): string {
  // Links are atomic: each is set aside as one private-use character while styles are read.
  // The placeholders come from a private-use block the text does not use.
  const links: string[] = [];
  const base =
    [0xe000, 0xf0000, 0x100000].find(
      (b) =>
        ![...mrkdwn].some(
          (c) => (c.codePointAt(0) ?? 0) - b >= 0 && (c.codePointAt(0) ?? 0) - b < 0x1000,
        ),
    ) ?? 0xe000;
  const held = mrkdwn.replace(/<([^|>]*)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => {
    links.push(label ?? url);
    return String.fromCodePoint(base + links.length - 1);
  });
  return [
    ...held
      .split('\n')
      .map((line) => slackLine(line, zwsp))
      .join('\n'),
  ]
    .map((c) => {
      const i = (c.codePointAt(0) ?? 0) - base;
      return i >= 0 && i < links.length ? (links[i] ?? '') : c;
    })
    .join('')
    .replace(/&(?:amp|lt|gt);/g, (e) => ENTITIES[e] ?? e)
    .replaceAll(ZWSP, '');
}

/** Visible text of `output` rendered in `format` (Slack under both readings, which must agree). */
export function visibleText(format: RenderFormat, output: string): string {
  switch (format) {
    case 'markdown':
      return visibleMarkdown(output);
    case 'html':
      return visibleHtml(output);
    case 'plain':
      return output;
    case 'slack': {
      const asSpace = visibleSlack(output, 'space');
      const asWord = visibleSlack(output, 'word');
      return asSpace === asWord ? asSpace : `${asSpace}\n≠\n${asWord}`;
    }
  }
}
