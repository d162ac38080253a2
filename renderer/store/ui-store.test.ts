import { describe, expect, it } from 'vitest';
import { emptyDeclareDraft, isBlankDeclareDraft, parseDeclareDraft } from './ui-store';

describe('Declare dialog drafts', () => {
  it('round-trips through the drafts table text', () => {
    const draft = {
      ...emptyDeclareDraft('2026-11-22T14:00'),
      title: 'Checkout errors',
      severity: 'SEV2' as const,
      services: ['checkout-api'],
      customerFacing: true,
    };
    expect(parseDeclareDraft(JSON.stringify(draft))).toEqual(draft);
  });

  it('reads damaged or foreign text as no draft, and never throws', () => {
    for (const text of ['', '{', 'null', '42', '{"title": 3}', '[]']) {
      expect(parseDeclareDraft(text), text).toBeNull();
    }
    expect(parseDeclareDraft('{"title":"x","severity":"SEV9","services":[1,"a"]}')).toMatchObject({
      title: 'x',
      severity: '',
      services: ['a'],
    });
  });

  it('does not keep a draft with nothing typed', () => {
    expect(isBlankDeclareDraft(emptyDeclareDraft('2026-11-22T14:00'))).toBe(true);
    expect(isBlankDeclareDraft({ ...emptyDeclareDraft(''), impact: 'slow' })).toBe(false);
  });
});
