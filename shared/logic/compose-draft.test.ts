import { describe, expect, it } from 'vitest';
import {
  composeDraftKey,
  composeDraftText,
  parseComposeDraft,
  type ComposeDraft,
} from './compose-draft';

const draft: ComposeDraft = {
  audience: 'executives',
  type: 'update',
  typeTouched: true,
  variant: 'standard',
  subject: null,
  message: '## Status\n\nWe rolled back the deploy. 😀 مرحبا',
  savedAt: Date.UTC(2026, 11, 3, 7, 0),
};

describe('compose drafts', () => {
  it('keys one draft per incident', () => {
    expect(composeDraftKey('abc')).toBe('compose:abc');
  });

  it('round-trips an edited draft, text untouched', () => {
    expect(parseComposeDraft(composeDraftText(draft))).toEqual(draft);
  });

  it('keeps nothing when neither subject nor message is edited', () => {
    expect(composeDraftText({ ...draft, message: null })).toBe('');
  });

  it.each([
    ['not JSON', '{oops'],
    ['another version', JSON.stringify({ ...draft, v: 2 })],
    ['an unknown audience', JSON.stringify({ ...draft, v: 1, audience: 'board' })],
    ['nothing edited', JSON.stringify({ ...draft, v: 1, message: null })],
    ['a plain string', '"hello"'],
  ])('refuses %s', (_, text) => {
    expect(parseComposeDraft(text)).toBeNull();
  });
});
