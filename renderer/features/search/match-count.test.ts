import { describe, expect, it } from 'vitest';
import { matchCountLabel } from './search-client';

describe('matchCountLabel', () => {
  it.each([
    [0, false, '0 full-text matches'],
    [1, false, '1 full-text match'],
    [1, true, '1+ full-text matches'],
    [0, true, 'No full-text match in the likeliest places: add a word or a filter'],
    [1376, true, '1,376+ full-text matches'],
    [12000, false, '12,000 full-text matches'],
  ])('%i (more: %s) → %s', (total, more, label) =>
    expect(matchCountLabel({ total, more })).toBe(label),
  );
});
