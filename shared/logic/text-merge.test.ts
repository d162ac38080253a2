import { describe, expect, it } from 'vitest';
import { mergeText } from './text-merge';

describe('mergeText: both people’s words are kept', () => {
  it.each([
    [
      'nobody changed it',
      'Checkout failed.',
      'Checkout failed.',
      'Checkout failed.',
      'Checkout failed.',
    ],
    [
      'only I changed it',
      'Checkout failed.',
      'Checkout failed at 14:05.',
      'Checkout failed.',
      'Checkout failed at 14:05.',
    ],
    [
      'only they changed it',
      'Checkout failed.',
      'Checkout failed.',
      'Checkout API failed.',
      'Checkout API failed.',
    ],
    ['we made the same change', 'a', 'ab', 'ab', 'ab'],
    [
      'different places',
      'Checkout failed. Pool exhausted.',
      '[A] Checkout failed. Pool exhausted.',
      'Checkout failed. Pool exhausted. [B]',
      '[A] Checkout failed. Pool exhausted. [B]',
    ],
    [
      'one deletes a sentence, the other appends',
      'One. Two. Three.',
      'One. Three.',
      'One. Two. Three. Four.',
      'One. Three. Four.',
    ],
    ['their text emptied, mine appended', 'abc', 'abc d', '', ' d'],
    [
      'my save read its base too early: my words are already there, with theirs',
      'Cache expired.',
      'Cache expired. [Dana]',
      '[Alice] Cache expired. [Dana]',
      '[Alice] Cache expired. [Dana]',
    ],
    [
      'part of my words already there (an earlier save of mine), the rest not',
      'Cache expired. [Da',
      'Cache expired. [Dana] Rolled back.',
      '[Alice] Cache expired. [Dana]',
      '[Alice] Cache expired. [Dana] Rolled back.',
    ],
    [
      'we both removed the same sentence, and I added one',
      'One. Two. Three.',
      'One. Three. Four.',
      'One. Three.',
      'One. Three. Four.',
    ],
    [
      'we both inserted at the same place, different words: both kept',
      'Cause: pool.',
      'Cause: pool. [A]',
      'Cause: pool. [B]',
      'Cause: pool. [A] [B]',
    ],
  ])('%s', (_what, base, mine, theirs, merged) => {
    expect(mergeText(base, mine, theirs)).toBe(merged);
  });
});
