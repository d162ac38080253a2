import { describe, expect, it } from 'vitest';
import { nextFreeReference, referenceDay, uniqueSlug } from './import-references';

describe('nextFreeReference', () => {
  it.each([
    ['INC-2026-11-30-001', ['INC-2026-11-30-001'], 'INC-2026-11-30-002'],
    [
      'INC-2026-11-30-001',
      ['INC-2026-11-30-001', 'INC-2026-11-30-003', 'INC-2026-11-29-009'],
      'INC-2026-11-30-004',
    ],
    ['INC-2026-11-30-002', ['INC-2026-11-30-002', 'INC-2026-12-01-005'], 'INC-2026-11-30-003'],
    ['INC-2026-11-30-999', ['INC-2026-11-30-999'], 'INC-2026-11-30-1000'],
    // A seat-tagged reference keeps its tag, counting its seat's and untagged references.
    [
      'INC-2026-11-30-001-AB12',
      ['INC-2026-11-30-001-AB12', 'INC-2026-11-30-002', 'INC-2026-11-30-005-ZZZZ'],
      'INC-2026-11-30-003-AB12',
    ],
  ])('%s with %j taken → %s', (ref, taken, expected) => {
    expect(nextFreeReference(ref, taken)).toBe(expected);
  });

  it('refuses something that is not a reference', () => {
    expect(() => nextFreeReference('INC-x', [])).toThrow(RangeError);
    expect(referenceDay('INC-2026-02-30-001')).toBe(Date.UTC(2026, 2, 2));
  });
});

describe('uniqueSlug', () => {
  it.each([
    ['#inc-2026-11-30-db-outage', 'INC-2026-11-30-004', [], '#inc-2026-11-30-db-outage'],
    [
      '#inc-2026-11-30-db-outage',
      'INC-2026-11-30-004',
      ['#inc-2026-11-30-db-outage'],
      '#inc-2026-11-30-db-outage-4',
    ],
    [
      '#inc-2026-11-30-db-outage',
      'INC-2026-11-30-004',
      ['#inc-2026-11-30-db-outage', '#inc-2026-11-30-db-outage-4'],
      '#inc-2026-11-30-db-outage-4-2',
    ],
  ])('%s as %s with %j taken → %s', (slug, ref, taken, expected) => {
    expect(uniqueSlug(slug, ref, new Set(taken))).toBe(expected);
  });

  it('keeps whole words within the 80-character channel limit', () => {
    const long = `#inc-2026-11-30-${'storage-'.repeat(9)}end`;
    const out = uniqueSlug(long, 'INC-2026-11-30-012', new Set([long]));
    expect(out.length - 1).toBeLessThanOrEqual(80);
    expect(out).toMatch(/^#inc-2026-11-30-(storage-)+12$/);
  });
});
