import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonValue } from './json';
import { LIMITS, limitedText, limitProblem } from './limits';
import { incidentSchema } from './incident';
import { settingSchema } from './records';
import { incidentRow } from './testing/incident';
import { heading, paragraph } from '../render/doc';
import { renderHtml } from '../render/html';
import { renderMarkdown } from '../render/markdown';
import {
  cleanText,
  formatCount,
  hasBidiControls,
  isBlankText,
  isolateBidi,
  nameKey,
  neutraliseBidi,
  textSchema,
} from './text';

describe('cleanText', () => {
  it.each([
    ['NUL is removed', 'db\u0000-primary', 'db-primary'],
    ['C0 controls are removed, tab and newline kept', 'a\u0007b\tc\nd\u001Be', 'ab\tc\nde'],
    ['CR LF and lone CR become LF', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['DEL and C1 controls are removed', 'x\u007Fy\u0085z', 'xyz'],
    ['decomposed é is composed (NFC)', 'cafe\u0301', 'caf\u00E9'],
    ['a paired surrogate (emoji) is kept', 'fire \uD83D\uDD25', 'fire \uD83D\uDD25'],
    ['bidi controls are kept for display to isolate', 'a\u202Eb', 'a\u202Eb'],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toEqual({ ok: true, text: expected });
  });

  it.each([
    ['a lone high surrogate', 'abc\uD83D', 4, 'D83D'],
    ['a lone low surrogate', '\uDD25abc', 1, 'DD25'],
    ['two high surrogates', 'x\uD83D\uD83D\uDD25', 2, 'D83D'],
  ])('refuses %s with its position', (_name, input, position, code) => {
    const checked = cleanText(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.message).toContain(`position ${position}`);
      expect(checked.message).toContain(`U+${code}`);
    }
  });

  it('is idempotent and leaves no control character or lone surrogate (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const first = cleanText(s);
        if (!first.ok) return;
        expect(cleanText(first.text)).toEqual(first);
        // eslint-disable-next-line no-control-regex
        expect(first.text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        expect(first.text).not.toMatch(
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
        );
      }),
    );
  }, 30_000);
});

describe('bidi controls', () => {
  it('exports drop the right-to-left override (U+202E) and its kin', () => {
    expect(neutraliseBidi('Checkout \u202Esrorre IPA\u202C down')).toBe('Checkout srorre IPA down');
    expect(neutraliseBidi('\u2066x\u2067y\u2068z\u2069\u202A\u202B\u202D')).toBe('xyz');
    expect(hasBidiControls('plain')).toBe(false);
    expect(hasBidiControls('a\u202Eb')).toBe(true);
    // Repeated calls: the shared /g regex keeps no state between them.
    expect(hasBidiControls('a\u202Eb')).toBe(true);
  });

  it('every export format drops them', () => {
    const doc = {
      blocks: [heading(1, 'Checkout \u202Esrorre'), paragraph('Impact: \u2067x\u2069')],
    };
    for (const out of [renderMarkdown(doc), renderHtml(doc)]) {
      expect(hasBidiControls(out)).toBe(false);
      expect(out).toContain('Checkout srorre');
    }
  });

  it('text that cannot hold markup is wrapped in an isolate only when it needs one', () => {
    expect(isolateBidi('Checkout errors')).toBe('Checkout errors');
    expect(isolateBidi('a\u202Eb')).toBe('\u2068a\u202Eb\u2069');
  });
});

describe('limits', () => {
  it('the log field takes 20,000 characters and the title 200 (issue 12)', () => {
    expect(LIMITS.entryText.max).toBe(20_000);
    expect(LIMITS.title.max).toBe(200);
  });

  it('every limit is a positive whole number with a label', () => {
    for (const [key, { label, max }] of Object.entries(LIMITS)) {
      expect(Number.isInteger(max) && max > 0, key).toBe(true);
      expect(label, key).toMatch(/^The /);
    }
  });

  it('a 1 MB impact summary is refused in plain words', () => {
    const r = limitedText('impactSummary').safeParse('x'.repeat(1_000_000));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      'The impact summary is 1,000,000 characters; the limit is 5,000.',
    );
    expect(limitProblem('impactSummary', 'x'.repeat(5_001))).toBe(
      'The impact summary is 5,001 characters; the limit is 5,000.',
    );
    expect(limitProblem('impactSummary', 'x'.repeat(5_000))).toBeNull();
  });

  it('the limit is counted after cleaning: exactly at the limit passes, one over fails', () => {
    const schema = textSchema('The field', 10);
    expect(schema.parse('a\u0000'.repeat(10))).toBe('a'.repeat(10));
    expect(schema.safeParse('a'.repeat(11)).success).toBe(false);
  });

  it('a required field refuses blank text', () => {
    expect(limitedText('title', { min: 1 }).safeParse('   ').success).toBe(false);
  });

  it.each([
    ['zero-width spaces and a non-joiner', '\u200B\u200B\u200C'],
    ['a zero-width joiner', '\u200D'],
    ['direction marks', '\u200E\u200F \u061C'],
    ['a Hangul filler', '\u3164'],
    ['a half-width Hangul filler and a word joiner', '\uFFA0\u2060'],
    ['a variation selector and a combining grapheme joiner', '\uFE0F\u034F'],
    ['the Mongolian vowel separator', '\u180E'],
    ['a blank Braille pattern', '\u2800\u2800'],
    ['a soft hyphen and a byte-order mark', '\u00AD\uFEFF'],
  ])('a required field refuses text that shows nothing: %s', (_, text) => {
    expect(isBlankText(text)).toBe(true);
    const r = limitedText('title', { min: 1 }).safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('The title is empty.');
  });

  it.each(['Login failures', 'a\u200Db', '👩‍💻 on call', 'می\u200Cخواهم', 'ok\u2800'])(
    'visible text with invisible characters inside it is kept as typed: %s',
    (text) => {
      expect(isBlankText(text)).toBe(false);
      expect(limitedText('title', { min: 1 }).parse(text)).toBe(text);
    },
  );

  it('a stored title with NUL is cleaned, with a lone surrogate refused with a message', () => {
    const base = incidentRow();
    expect(incidentSchema.parse({ ...base, title: 'DB\u0000 down' }).title).toBe('DB down');
    const r = incidentSchema.safeParse({ ...base, title: 'DB \uD83D down' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['title']);
    expect(r.error?.issues[0]?.message).toMatch(/^The title contains a broken character/);
  });
});

describe('checkJsonValue', () => {
  const nest = (depth: number): unknown => {
    let v: unknown = 'leaf';
    for (let i = 0; i < depth; i++) v = { a: v };
    return v;
  };

  it('refuses a value nested 100,000 deep without exhausting the stack', () => {
    const problem = checkJsonValue(nest(100_000));
    expect(problem?.message).toBe('Nested deeper than 16 levels.');
    expect(problem?.path).toHaveLength(17);
  });

  it('accepts the deepest allowed value and refuses one level more', () => {
    expect(checkJsonValue(nest(15))).toBeNull();
    expect(checkJsonValue(nest(16))).toBeNull();
    expect(checkJsonValue(nest(17))?.message).toBe('Nested deeper than 16 levels.');
  });

  it('refuses oversized data and non-JSON values, by path', () => {
    expect(checkJsonValue({ big: 'x'.repeat(200_001) })?.message).toBe(
      'Larger than 200,000 characters of data.',
    );
    expect(checkJsonValue({ list: [1, Infinity] })).toEqual({
      path: ['list', 1],
      message: 'Not a finite number.',
    });
    expect(checkJsonValue({ when: new Date(0) })?.path).toEqual(['when']);
  });

  it('a setting with a deeply nested value is refused at its path', () => {
    const r = settingSchema.safeParse({ key: 'theme', value: nest(50_000) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path.slice(0, 2)).toEqual(['value', 'a']);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12000, '12,000'],
    [1000001, '1,000,001'],
    [-2500, '-2,500'],
    [1.5, '1.5'],
    [1234.5678, '1,234.568'],
  ])('%s → %s, as toLocaleString("en-US") writes it', (n, text) => {
    expect(formatCount(n)).toBe(text);
    expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });
});

it('formatCount agrees with toLocaleString("en-US") on any whole number', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }),
  );
});

describe('nameKey', () => {
  it.each([
    ['Bob Smith', 'bob smith'],
    ['  Ｂob  Smith ', 'bob smith'],
    ['Bob\u00A0Smith', 'bob smith'],
    ['Bob\tSmith', 'bob smith'],
    ['Bob\u200B Smith', 'bob smith'],
    ['\uFEFFcheckout-api', 'checkout-api'],
    ['check\u00ADout-api', 'checkout-api'],
    ['Bob\u2060 \u2003Smith', 'bob smith'],
    ['👩\u200D💻 Dana', '👩\u200D💻 dana'],
  ])('%j → %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe('textSchema with a minimum', () => {
  const title = textSchema('Title', 200, { min: 1 });
  it.each(['', '   ', '\u200B', ' \u200B\uFEFF ', '\u00AD', '\u2060\n'])(
    'refuses %j as empty',
    (v) => {
      const r = title.safeParse(v);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('Title is empty.');
    },
  );
  it.each(['A', ' x\u200B', '👩\u200D💻'])('accepts %j', (v) => {
    expect(title.safeParse(v).success).toBe(true);
  });
});
