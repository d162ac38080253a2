import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelSlug,
  formatReference,
  nextCounter,
  referenceCounter,
  referencePrefix,
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

describe('channelSlug', () => {
  it.each([
    ['Checkout API errors', '#inc-2026-11-22-checkout-api-errors'],
    ['  Checkout: API 502s!! ', '#inc-2026-11-22-checkout-api-502s'],
    ['Café crème déjà vu', '#inc-2026-11-22-cafe-creme-deja-vu'],
    ['🔥🔥', '#inc-2026-11-22'],
  ])('%s → %s', (title, slug) => {
    expect(channelSlug(AT, title)).toBe(slug);
  });

  it('always yields a valid channel name of at most 80 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (title) => {
        const slug = channelSlug(AT, title);
        expect(slug).toMatch(/^#inc-2026-11-22(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(81);
      }),
    );
  });
});
