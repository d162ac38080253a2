import type { Doc, RenderFormat } from './doc';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderPlain } from './plain';
import { renderSlack } from './slack';

/** Renders a document in any of the four export formats. */
export function renderDoc(doc: Doc, format: RenderFormat): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(doc);
    case 'plain':
      return renderPlain(doc);
    case 'slack':
      return renderSlack(doc);
    case 'html':
      return renderHtml(doc);
  }
}
