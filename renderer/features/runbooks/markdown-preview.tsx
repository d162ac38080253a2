import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { parseLink, WEB_LINK_PROTOCOLS } from '../../../shared/security/links';
import { useExternalLinkGuard } from '../shell/external-links';

/**
 * Safe Markdown preview for runbooks. The text is parsed to a syntax tree (GitHub-flavoured:
 * tables, task lists, strikethrough) and every node is mapped to a React element, so nothing is
 * ever injected as HTML: raw HTML in the source shows as its literal text (React escapes it),
 * images show as their alt text (no remote loads), and links keep their href only for http(s)
 * URLs, opening in a new window — which the Electron shell hands to the system browser. A link
 * that is not plain https (http:, credentials before the host, a look-alike host, text naming
 * another site) asks first, naming the real host (renderer/features/shell/external-links.tsx).
 */

/** Parses GitHub-flavoured Markdown into an mdast tree. */
export function parseMarkdown(source: string): Root {
  return fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * Re-levels a document's headings into an outline that never skips a level (axe's
 * heading-order rule, WCAG 1.3.1): the shallowest becomes depth 1 — the seed template starts at
 * `##`, which rendered an h4 straight under the preview's h2 — and each heading goes at most one
 * level deeper than the one before it. The tree is changed in place and returned.
 */
export function outlineHeadings(tree: Root): Root {
  const headings: { depth: number }[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'heading') headings.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  if (!headings.length) return tree;
  const shift = Math.min(...headings.map((h) => h.depth)) - 1;
  let previous = 0;
  for (const h of headings) {
    const depth = Math.min(h.depth - shift, previous + 1) as 1 | 2 | 3 | 4 | 5 | 6;
    h.depth = depth;
    previous = depth;
  }
  return tree;
}

/**
 * The href to keep: absolute http(s) URLs with a host only, by the app's one link policy
 * (shared/security/links.ts); anything else (javascript:, data:, relative) is dropped.
 */
export function safeLinkHref(url: string): string | null {
  return parseLink(url, WEB_LINK_PROTOCOLS)?.href ?? null;
}

function children(node: Parents, keyPrefix: string): ReactNode[] {
  return node.children.map((child, i) => renderNode(child as Nodes, `${keyPrefix}.${i}`));
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((c) => plainText(c as Nodes)).join('');
  return '';
}

function renderNode(node: Nodes, key: string): ReactNode {
  switch (node.type) {
    case 'root':
      return <>{children(node, key)}</>;
    case 'paragraph':
      return <p key={key}>{children(node, key)}</p>;
    case 'heading': {
      // Runbook headings sit under the page's h1 and the runbook's h2.
      const Tag = `h${Math.min(6, node.depth + 2)}` as 'h3';
      return <Tag key={key}>{children(node, key)}</Tag>;
    }
    case 'thematicBreak':
      return <hr key={key} />;
    case 'blockquote':
      return <blockquote key={key}>{children(node, key)}</blockquote>;
    case 'list': {
      const Tag = node.ordered ? 'ol' : 'ul';
      return (
        <Tag
          key={key}
          start={node.ordered && node.start !== 1 ? (node.start ?? undefined) : undefined}
        >
          {children(node, key)}
        </Tag>
      );
    }
    case 'listItem': {
      // Tight list items wrap their text in a paragraph; render it inline.
      const content = node.children.flatMap((c, i) =>
        c.type === 'paragraph' && !node.spread
          ? children(c, `${key}.${i}`)
          : [renderNode(c, `${key}.${i}`)],
      );
      if (node.checked === null || node.checked === undefined) return <li key={key}>{content}</li>;
      return (
        <li key={key} className="task-item">
          <span className="task-box" role="img" aria-label={node.checked ? 'Done:' : 'To do:'}>
            {node.checked ? '☑' : '☐'}
          </span>{' '}
          {content}
        </li>
      );
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      );
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'html':
      // Never markup: shown as the literal text the author typed.
      return node.value.includes('\n') ? (
        <pre key={key}>{node.value}</pre>
      ) : (
        <span key={key}>{node.value}</span>
      );
    case 'text':
      return node.value;
    case 'emphasis':
      return <em key={key}>{children(node, key)}</em>;
    case 'strong':
      return <strong key={key}>{children(node, key)}</strong>;
    case 'delete':
      return <del key={key}>{children(node, key)}</del>;
    case 'break':
      return <br key={key} />;
    case 'link': {
      const href = safeLinkHref(node.url);
      return href ? (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer">
          {children(node, key)}
        </a>
      ) : (
        <span key={key}>{children(node, key)}</span>
      );
    }
    case 'image':
    case 'imageReference':
      return node.alt ? <span key={key}>[{node.alt}]</span> : null;
    case 'table': {
      const [head, ...rows] = node.children;
      return (
        <table key={key}>
          {head ? (
            <thead>
              <tr>
                {head.children.map((cell, i) => (
                  <th key={i}>{children(cell, `${key}.h${i}`)}</th>
                ))}
              </tr>
            </thead>
          ) : null}
          <tbody>{rows.map((row, i) => renderNode(row, `${key}.${i}`))}</tbody>
        </table>
      );
    }
    case 'tableRow':
      return <tr key={key}>{children(node, key)}</tr>;
    case 'tableCell':
      return <td key={key}>{children(node, key)}</td>;
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return null;
    default:
      // linkReference, footnoteReference and anything newer: their text, nothing more.
      return <span key={key}>{plainText(node)}</span>;
  }
}

/** The rendered runbook, re-parsed only when the text changes (deferred while typing). */
export function MarkdownPreview({ source, label }: { source: string; label?: string }) {
  const deferred = useDeferredValue(source);
  const tree = useMemo(() => outlineHeadings(parseMarkdown(deferred)), [deferred]);
  const { handlers, confirmDialog } = useExternalLinkGuard();
  return (
    <div
      className="markdown-preview"
      aria-label={label}
      role={label ? 'region' : undefined}
      {...handlers}
    >
      {renderNode(tree, 'md')}
      {confirmDialog}
    </div>
  );
}
