import { describe, expect, it } from 'vitest';
import { timelineEntrySchema } from './timeline';
import { MAX_TIMESTAMP, timestampSchema } from './timestamp';

describe('timestampSchema', () => {
  it('accepts instants a Date can format and rejects the rest', () => {
    expect(timestampSchema.safeParse(Date.UTC(2026, 10, 22)).success).toBe(true);
    expect(timestampSchema.safeParse(MAX_TIMESTAMP).success).toBe(true);
    for (const bad of [1e300, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_TIMESTAMP + 1]) {
      expect(timestampSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('keeps an entry whose time would crash formatting out of the database', () => {
    const entry = {
      id: 'e',
      incidentId: 'i',
      kind: 'note',
      text: 'x',
      occurredAt: 1e300,
      loggedAt: 0,
      author: 'a',
      pinned: false,
      deletedAt: null,
      revisions: [],
      change: null,
      audience: null,
    };
    expect(timelineEntrySchema.safeParse(entry).success).toBe(false);
  });
});
