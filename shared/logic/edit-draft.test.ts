import { describe, expect, it } from 'vitest';
import {
  editDraftText,
  parseEditDraft,
  readRunbookEdit,
  readUnderstandingEdit,
  runbookEditDraftKey,
  understandingDraftKey,
} from './edit-draft';

const AT = Date.UTC(2026, 11, 3, 7, 0);

describe('edit drafts', () => {
  it('keys one draft per record', () => {
    expect(runbookEditDraftKey('r1')).toBe('runbook-edit:r1');
    expect(runbookEditDraftKey(null)).toBe('runbook-edit:new');
    expect(understandingDraftKey('i1')).toBe('understanding:i1');
  });

  it('round-trips a runbook edit and an understanding, text untouched', () => {
    const edit = { title: 'Pool', service: 'checkout', body: '# Steps 😀 مرحبا\n- [ ] x' };
    expect(parseEditDraft(editDraftText(edit, AT), readRunbookEdit)).toEqual({
      value: edit,
      savedAt: AT,
    });
    expect(parseEditDraft(editDraftText('', AT), readUnderstandingEdit)).toEqual({
      value: '',
      savedAt: AT,
    });
  });

  it.each([
    ['not JSON', '{oops'],
    ['another version', JSON.stringify({ v: 2, savedAt: AT, value: 'x' })],
    ['no time', JSON.stringify({ v: 1, value: 'x' })],
    ['another form’s value', editDraftText({ title: 'x' }, AT)],
  ])('refuses %s', (_, text) => {
    expect(parseEditDraft(text, readRunbookEdit)).toBeNull();
  });
});
