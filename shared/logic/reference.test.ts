import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelSlug,
  formatReference,
  nextCounter,
  parseReference,
  referenceCounter,
  referencePrefix,
  seatTag,
  slugWords,
  utcDateKey,
} from './reference';

const AT = Date.UTC(2026, 10, 22, 23, 59, 0);

describe('references', () => {
  it.each([
    [1, 'INC-2026-11-22-001'],
    [42, 'INC-2026-11-22-042'],
    [999, 'INC-2026-11-22-999'],
    [1000, 'INC-2026-11-22-1000'],
  ])('counter %i → %s', (n, ref) => {
    expect(formatReference(AT, n)).toBe(ref);
    expect(referenceCounter(ref)).toBe(n);
  });

  it('uses the UTC day, not the local one', () => {
    expect(utcDateKey(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('2026-01-01');
    expect(referencePrefix(Date.UTC(2025, 11, 31, 23, 59, 59))).toBe('INC-2025-12-31-');
  });

  it('continues from the highest counter, ignoring gaps and junk', () => {
    expect(nextCounter([])).toBe(1);
    expect(nextCounter(['INC-2026-11-22-001', 'INC-2026-11-22-007', 'nonsense'])).toBe(8);
  });

  it('rejects non-positive counters', () => {
    expect(() => formatReference(AT, 0)).toThrow(RangeError);
  });
});

describe('seat-tagged references', () => {
  it('tags a reference with 4 Crockford base32 characters, the same for one seat every time', () => {
    const tag = seatTag('0194a1b2-0000-7000-8000-000000000001');
    expect(tag).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(seatTag('0194a1b2-0000-7000-8000-000000000001')).toBe(tag);
    expect(seatTag()).toBe(seatTag(''));
    expect(formatReference(AT, 7, tag)).toBe(`INC-2026-11-22-007-${tag}`);
    expect(() => formatReference(AT, 1, 'ILOU')).toThrow(RangeError);
  });

  it('spreads similar seat ids over the tags like a random draw', () => {
    const tags = new Set(Array.from({ length: 2000 }, (_, i) => seatTag(`seat-${i}`)));
    // 2,000 random draws among 2^20 tags share about 2000²/2^21 ≈ 1.9 tags (birthday bound).
    expect(tags.size).toBeGreaterThanOrEqual(2000 - 6);
  });

  it.each([
    ['INC-2026-11-22-001', { day: '2026-11-22', counter: 1, tag: null }],
    ['INC-2026-11-22-1000-AB12', { day: '2026-11-22', counter: 1000, tag: 'AB12' }],
    ['INC-2026-11-22-001-ab12', null],
    ['INC-2026-11-22-001-ABC', null],
    ['INC-2026-11-22-01', null],
  ])('parses %s', (ref, parts) => {
    expect(parseReference(ref)).toEqual(parts);
  });

  it('counts a seat’s own references and untagged ones, never another seat’s', () => {
    const refs = ['INC-2026-11-22-002', 'INC-2026-11-22-004-AAAA', 'INC-2026-11-22-009-BBBB'];
    expect(nextCounter(refs, 'AAAA')).toBe(5);
    expect(nextCounter(refs, 'CCCC')).toBe(3);
    expect(nextCounter(refs)).toBe(10);
  });
});

describe('channelSlug', () => {
  const DAY = Date.UTC(2026, 10, 30, 9, 0, 0);
  const LONG =
    'Checkout API returning intermittent gateway timeouts for European customers during peak traffic';

  it.each([
    ['plain English', 'Checkout API errors', 1, '#inc-2026-11-30-checkout-api-errors'],
    ['punctuation and spaces', '  Checkout: API 502s!! ', 1, '#inc-2026-11-30-checkout-api-502s'],
    ['accented Latin', 'Café crème déjà vu', 1, '#inc-2026-11-30-cafe-creme-deja-vu'],
    [
      'Latin letters NFKD keeps',
      'Straße Æsir Øre Łódź',
      2,
      '#inc-2026-11-30-strasse-aesir-ore-lodz',
    ],
    ['Turkish dotted and dotless i', 'İzmir ışık', 1, '#inc-2026-11-30-izmir-isik'],
    ['full-width and ligatures', 'ＡＰＩ ﬁle ①', 1, '#inc-2026-11-30-api-file-1'],
    ['Chinese', '支付服务故障', 1, '#inc-2026-11-30-001'],
    ['Japanese', '決済サービスの障害', 2, '#inc-2026-11-30-002'],
    ['Cyrillic', 'Сбой оплаты', 3, '#inc-2026-11-30-003'],
    ['Arabic', 'تعطل خدمة الدفع', 4, '#inc-2026-11-30-004'],
    ['emoji only', '🔥🔥', 5, '#inc-2026-11-30-005'],
    ['punctuation only', '?!… — ***', 12, '#inc-2026-11-30-012'],
    ['Chinese with a Latin name', '支付 API 故障', 1, '#inc-2026-11-30-api'],
    ['a counter past 999', '🔥', 1000, '#inc-2026-11-30-1000'],
    [
      'a very long title, cut after a whole word',
      LONG,
      1,
      '#inc-2026-11-30-checkout-api-returning-intermittent-gateway-timeouts-for-european',
    ],
    ['one word longer than the limit', 'x'.repeat(90), 7, '#inc-2026-11-30-007'],
  ])('%s: %s → %s', (_kind, title, counter, slug) => {
    expect(channelSlug(DAY, title, counter)).toBe(slug);
    expect(slug.length).toBeLessThanOrEqual(81);
  });

  it('makes the same title unique on the same day with the counter, never cutting a word', () => {
    const first = channelSlug(DAY, 'Checkout API errors', 1);
    expect(first).toBe('#inc-2026-11-30-checkout-api-errors');
    const second = channelSlug(DAY, 'Checkout API errors', 2, [first]);
    expect(second).toBe('#inc-2026-11-30-checkout-api-errors-002');
    expect(channelSlug(DAY, 'Checkout API errors', 3, [first, second])).toBe(
      '#inc-2026-11-30-checkout-api-errors-003',
    );
    // Room for the counter is made by dropping whole words.
    const long = channelSlug(DAY, LONG, 1);
    expect(channelSlug(DAY, LONG, 2, [long])).toBe(
      '#inc-2026-11-30-checkout-api-returning-intermittent-gateway-timeouts-for-002',
    );
    // A title that spells another incident's fallback does not take it.
    expect(channelSlug(DAY, '001', 2, ['#inc-2026-11-30-001'])).toBe('#inc-2026-11-30-001-002');
    expect(channelSlug(DAY, '支付', 2, ['#inc-2026-11-30-002', '#inc-2026-11-30-002-2'])).toBe(
      '#inc-2026-11-30-002-3',
    );
  });

  it('is a valid channel name of at most 80 characters, unique, with only whole words', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
        (title, counter, others) => {
          const taken = others.map((t, i) => channelSlug(DAY, t, i + 1));
          const slug = channelSlug(DAY, title, counter, taken);
          expect(slug).toMatch(/^#inc-2026-11-30(-[a-z0-9]+)+$/);
          expect(slug.length).toBeLessThanOrEqual(81);
          expect(taken).not.toContain(slug);
          const words = slugWords(title);
          const part = slug.slice('#inc-2026-11-30-'.length).split('-');
          // Every title word in the slug is whole and in order (a prefix of the title's words).
          const kept = part.slice(0, words.length).filter((w, i) => w === words[i]);
          expect(words.slice(0, kept.length)).toEqual(kept);
        },
      ),
      { numRuns: 500 },
    );
  });
});
