import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../shared/render/comms';
import { renderDoc } from '../../../shared/render/render-doc';
import { commsContext } from '../../../shared/render/testing/fixture';
import { AUDIENCES } from '../../../shared/domain/audience';
import { MESSAGE_TYPES } from '../../../shared/domain/records';
import { docToEditable, editableToDoc, withSubject } from './editable-message';

describe('editable message', () => {
  it('round-trips every generated message unchanged', () => {
    for (const audience of AUDIENCES)
      for (const type of MESSAGE_TYPES) {
        const { doc } = buildMessage(commsContext(audience, type));
        const back = editableToDoc(docToEditable(doc));
        expect(renderDoc(back, 'markdown')).toBe(renderDoc(doc, 'markdown'));
      }
  });

  it('shows headings, labels and lists as the user would type them', () => {
    const { doc } = buildMessage(commsContext('engineering', 'update'));
    const text = docToEditable(doc);
    expect(text).toContain('**Status:** Identified');
    expect(text).toContain('\n\n## Actions taken\n- Paused the deploy pipeline.');
  });

  it('turns edited lines into paragraphs and lists; markup in text never becomes HTML', () => {
    const doc = editableToDoc(
      'Hello <b>team</b>\n\n- one\n* two\n1. first\nplain **bold** tail\n---\n### Next',
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'list',
      'list',
      'paragraph',
      'rule',
      'heading',
    ]);
    const html = renderDoc(doc, 'html');
    expect(html).toContain('Hello &lt;b&gt;team&lt;/b&gt;');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<ol>');
  });

  it('puts the subject first in every format', () => {
    const doc = withSubject('[SEV1] x', editableToDoc('Body'));
    expect(renderDoc(doc, 'plain')).toBe('Subject: [SEV1] x\n\nBody\n');
  });
});
