/** Test-only: arbitrary user text for property tests, biased towards markup characters. */
import fc from 'fast-check';

/** Characters that mean something to Markdown, GFM or HTML, weighted in so the fuzzing finds them. */
const SPECIALS = [
  ...'*_`[]()<>&#|\\~!-+=:.>{}"\'@/ \t\n\r',
  '1.',
  '1)',
  '---',
  '===',
  '```',
  '~~~',
  '    ',
  '<script>',
  '</td>',
  '<!--',
  '&amp;',
  '&#123;',
  'http://a.b/c_d',
  'www.example.com',
  'a@b.co',
  '[x](javascript:alert(1))',
  '![i](x)',
  '| --- |',
  '[^1]',
  '[ ] ',
  '\u00a0',
  '\u200b',
  '\0',
  '\f',
];

/** Arbitrary user text: a mix of unicode, ASCII and Markdown specials. */
export const userText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
      { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
