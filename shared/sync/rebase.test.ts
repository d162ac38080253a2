import { describe, expect, it } from 'vitest';
import { rebaseRow } from './rebase';
import { mergeText } from '../logic/text-merge';

describe('rebaseRow keeps exactly this seat’s edit', () => {
  it.each([
    [
      'a peer pinned the entry while this seat edited its text',
      { text: 'a', pinned: false },
      { text: 'b', pinned: false },
      { text: 'a', pinned: true },
      { text: 'b', pinned: true },
    ],
    [
      'a peer deleted it while this seat pinned it',
      { text: 'a', pinned: false },
      { text: 'a', pinned: true },
      { text: 'a', pinned: false, deletedAt: 5 },
      { text: 'a', pinned: true, deletedAt: 5 },
    ],
    [
      'this seat cleared a field',
      { text: 'a', note: 'x' },
      { text: 'a' },
      { text: 'c', note: 'x' },
      { text: 'c' },
    ],
    [
      'nested fields merge one by one',
      { impact: { summary: 's', users: 1 } },
      { impact: { summary: 's', users: 2 } },
      { impact: { summary: 't', users: 1 } },
      { impact: { summary: 't', users: 2 } },
    ],
    [
      'arrays are taken whole',
      { services: ['a'] },
      { services: ['a', 'b'] },
      { services: ['c'] },
      { services: ['a', 'b'] },
    ],
    ['nothing changed: current kept', { a: 1 }, { a: 1 }, { a: 2, b: 3 }, { a: 2, b: 3 }],
  ])('%s', (_what, before, after, current, expected) => {
    expect(rebaseRow(before as object, after as object, current as object)).toEqual(expected);
  });

  it('merges changed text three ways when asked', () => {
    const out = rebaseRow(
      { sections: { summary: 'Checkout failed.', impact: 'x' } },
      { sections: { summary: 'Checkout failed. [B]', impact: 'x' } },
      { sections: { summary: '[A] Checkout failed.', impact: 'y' } },
      (_p, b, a, c) => mergeText(b, a, c),
    );
    expect(out).toEqual({ sections: { summary: '[A] Checkout failed. [B]', impact: 'y' } });
  });
});
