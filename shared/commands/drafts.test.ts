import { describe, expect, it } from 'vitest';
import { clearDraft, saveDraft, timelineDraftKey } from './drafts';

describe('draft commands', () => {
  it.each([
    ['text', { drafts: { updated: [{ key: 'k', text: 'text', updatedAt: 7 }] } }],
    ['', { drafts: { removed: ['k'] } }],
    [' ', { drafts: { updated: [{ key: 'k', text: ' ', updatedAt: 7 }] } }],
  ])('saveDraft(%j)', (text, expected) => expect(saveDraft('k', text, 7)).toEqual(expected));

  it('clears by key; the log field has its key per incident', () => {
    expect(clearDraft('k')).toEqual({ drafts: { removed: ['k'] } });
    expect(timelineDraftKey('inc-1')).toBe('timeline:inc-1');
  });
});
