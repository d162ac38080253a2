import { describe, expect, it } from 'vitest';
import { FOLD_MAX_CHARS, FOLD_MAX_LINES, foldEntryText } from './entry-fold';

describe('foldEntryText', () => {
  it.each([
    ['a one-line note', 'Restarted the payments pods', false],
    [
      'exactly the line limit',
      Array.from({ length: FOLD_MAX_LINES }, (_, i) => `line ${i}`).join('\n'),
      false,
    ],
    ['exactly the character limit', 'x'.repeat(FOLD_MAX_CHARS), false],
    [
      'one line over',
      Array.from({ length: FOLD_MAX_LINES + 1 }, (_, i) => `line ${i}`).join('\n'),
      true,
    ],
    ['one character over', 'x'.repeat(FOLD_MAX_CHARS + 1), true],
    ['a pasted stack trace', `Error: boom\n${'    at frame (file.ts:1:1)\n'.repeat(40)}`, true],
    ['the longest entry', 'word '.repeat(4000), true],
  ])('%s: folded %s', (_name, text, folded) => {
    const r = foldEntryText(text);
    expect(r.folded).toBe(folded);
    if (!folded) expect(r.preview).toBe(text);
    else {
      expect(r.preview.length).toBeLessThan(text.length);
      expect(text.startsWith(r.preview)).toBe(true);
      expect(r.preview.split('\n').length).toBeLessThanOrEqual(FOLD_MAX_LINES);
      expect(Array.from(r.preview).length).toBeLessThanOrEqual(FOLD_MAX_CHARS);
    }
  });

  it('counts lines and characters as a person would (code points, not UTF-16 units)', () => {
    const r = foldEntryText('🔥'.repeat(10) + '\nsecond');
    expect(r).toMatchObject({ folded: false, lines: 2, chars: 17 });
  });

  it('keeps the first eight lines of a many-line entry', () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
    const r = foldEntryText(text);
    expect(r.preview).toBe(Array.from({ length: 8 }, (_, i) => `line ${i + 1}`).join('\n'));
    expect(r.lines).toBe(30);
  });

  it('cuts between words, and never inside an emoji', () => {
    const words = foldEntryText('alpha beta gamma '.repeat(100));
    expect(
      words.preview.endsWith('alpha') ||
        words.preview.endsWith('beta') ||
        words.preview.endsWith('gamma'),
    ).toBe(true);
    // A flag, a ZWJ sequence and a letter with a combining accent are one character each.
    for (const ch of ['🇺🇸', '👩‍💻', '👨‍👩‍👧', 'e\u0301']) {
      const r = foldEntryText('a' + ch.repeat(FOLD_MAX_CHARS + 2));
      expect(r.chars).toBe(FOLD_MAX_CHARS + 3);
      expect(r.preview).toBe('a' + ch.repeat(FOLD_MAX_CHARS - 1));
    }
    const emoji = foldEntryText('🔥'.repeat(FOLD_MAX_CHARS + 5));
    expect(emoji.preview).toBe('🔥'.repeat(FOLD_MAX_CHARS));
    expect(emoji.chars).toBe(FOLD_MAX_CHARS + 5);
  });

  it('folds a single unbroken line (base64, a URL dump) at the character limit', () => {
    const r = foldEntryText('A'.repeat(12_000));
    expect(r.preview).toBe('A'.repeat(FOLD_MAX_CHARS));
    expect(r).toMatchObject({ folded: true, lines: 1, chars: 12_000 });
  });
});
