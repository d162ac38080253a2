import { afterEach, describe, expect, it } from 'vitest';
import { isTypingTarget } from './console-shortcuts';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isTypingTarget', () => {
  it.each([
    ['<textarea></textarea>', true],
    ['<input type="text">', true],
    ['<input>', true],
    ['<input type="search">', true],
    ['<input type="datetime-local">', true],
    ['<select><option>a</option></select>', true],
    ['<div contenteditable="true"></div>', true],
    ['<input type="checkbox">', false],
    ['<button>Pin</button>', false],
    ['<h1>Title</h1>', false],
  ])('%s → %s', (html, expected) => {
    document.body.innerHTML = html;
    const el = document.body.firstElementChild!;
    // jsdom does not implement isContentEditable: mirror the attribute.
    if (el.getAttribute('contenteditable') === 'true')
      Object.defineProperty(el, 'isContentEditable', { value: true });
    expect(isTypingTarget(el)).toBe(expected);
  });

  it('is false for nothing focused', () => {
    expect(isTypingTarget(null)).toBe(false);
  });
});
