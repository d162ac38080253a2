import { describe, expect, it } from 'vitest';
import {
  composeDraftKey,
  composeDraftText,
  composeReopenDraftKey,
  composeSessionDraftKey,
  composeSessionDraftText,
  parseComposeDraft,
  parseComposeSessionDraft,
  type ComposeDraft,
  type ReopenedUpdate,
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

describe('compose drafts over a Reopen (a sent update being corrected)', () => {
  const sent: ReopenedUpdate = {
    id: 'u1',
    audience: 'executives',
    type: 'update',
    subject: 'Search latency: investigating',
    body: '## Status\n\nWe are looking into it.',
  };
  const asSent: ComposeDraft = {
    audience: sent.audience,
    type: sent.type,
    typeTouched: true,
    variant: 'standard',
    subject: sent.subject,
    message: sent.body,
    savedAt: Date.UTC(2026, 11, 3, 7, 5),
  };
  const corrected: ComposeDraft = {
    ...asSent,
    subject: 'Search latency: investigating (corrected)',
  };

  it('keys the correction by the reopened update, apart from the next update', () => {
    expect(composeReopenDraftKey('abc', 'u1')).toBe('compose-reopen:abc:u1');
    expect(composeSessionDraftKey('abc', sent)).toBe('compose-reopen:abc:u1');
    expect(composeSessionDraftKey('abc', { ...sent, id: 'u2' })).toBe('compose-reopen:abc:u2');
    expect(composeSessionDraftKey('abc', undefined)).toBe(composeDraftKey('abc'));
    expect(composeSessionDraftKey('abc', sent)).not.toBe(composeDraftKey('abc'));
  });

  it('keeps a correction and restores it when the same update is reopened', () => {
    const text = composeSessionDraftText(corrected, sent);
    expect(text).not.toBe('');
    expect(parseComposeSessionDraft(text, sent)).toEqual(corrected);
  });

  it('keeps nothing while the session says just what was sent', () => {
    expect(composeSessionDraftText(asSent, sent)).toBe('');
    expect(parseComposeSessionDraft(JSON.stringify({ v: 1, ...asSent }), sent)).toBeNull();
  });

  it.each([
    ['another audience', { audience: 'customers' as const }],
    ['another type', { type: 'resolved' as const }],
    ['an edited message', { message: `${sent.body}\nMore soon.` }],
    ['a regenerated message', { subject: null, message: null }],
  ])('keeps %s as a correction', (_, change) => {
    const draft = { ...asSent, ...change };
    expect(parseComposeSessionDraft(composeSessionDraftText(draft, sent), sent)).toEqual(draft);
  });

  it('next-update drafts are written and read as before', () => {
    expect(composeSessionDraftText(draft, undefined)).toBe(composeDraftText(draft));
    expect(composeSessionDraftText({ ...draft, message: null }, undefined)).toBe('');
    expect(parseComposeSessionDraft(composeDraftText(draft), undefined)).toEqual(draft);
  });
});
