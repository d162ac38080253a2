import { describe, expect, it } from 'vitest';
import type { ContributingCause } from '../domain/records';
import { postmortemSchema } from '../domain/records';
import {
  addCause,
  causeSuggestions,
  causeKeysOf,
  causesOf,
  normaliseCauseTag,
  removeCause,
  sharedCauseKeys,
} from './causes';

describe('normaliseCauseTag', () => {
  it.each([
    ['Connection-Pool  exhaustion', 'connection pool exhaustion'],
    ['  missing_canary ', 'missing canary'],
    ['ＤＮＳ TTL', 'dns ttl'],
    ['   ', ''],
    ['Cert\texpiry', 'cert expiry'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCauseTag(input)).toBe(expected);
  });
});

describe('causes of a post-mortem', () => {
  const pm = (causes?: ContributingCause[]) => ({ causes });
  it('reads older rows as no causes', () => {
    expect(causesOf(pm())).toEqual([]);
    expect(causesOf(null)).toEqual([]);
    expect(causeKeysOf(undefined).size).toBe(0);
  });
  it('shares causes by normalised tag, not by category', () => {
    const a = pm([
      { tag: 'Connection pool exhaustion', category: 'technology' },
      { tag: 'missing canary', category: 'process' },
    ]);
    const b = pm([{ tag: 'connection-pool exhaustion', category: 'other' }]);
    expect(sharedCauseKeys(a, b)).toEqual(['connection pool exhaustion']);
    expect(sharedCauseKeys(a, pm())).toEqual([]);
  });
  it('adds once per normalised tag and removes by tag', () => {
    let list = addCause([], { tag: ' Missing  canary ', category: 'process' });
    expect(list).toEqual([{ tag: 'Missing canary', category: 'process' }]);
    list = addCause(list, { tag: 'missing-canary', category: 'technology' });
    expect(list).toHaveLength(1);
    list = addCause(list, { tag: '  ', category: 'other' });
    expect(list).toHaveLength(1);
    expect(removeCause(list, 'MISSING CANARY')).toEqual([]);
  });
  it('is held to its limits by the stored schema', () => {
    const base = {
      incidentId: 'i',
      status: 'draft',
      author: '',
      sections: {},
      fiveWhys: [],
      allEntries: true,
      updatedAt: 1,
    };
    expect(postmortemSchema.safeParse({ ...base }).success).toBe(true);
    expect(
      postmortemSchema.safeParse({ ...base, causes: [{ tag: 'x', category: 'process' }] }).success,
    ).toBe(true);
    expect(
      postmortemSchema.safeParse({ ...base, causes: [{ tag: 'x', category: 'weather' }] }).success,
    ).toBe(false);
    expect(
      postmortemSchema.safeParse({ ...base, causes: [{ tag: 'x'.repeat(81), category: 'other' }] })
        .success,
    ).toBe(false);
  });
});

describe('causeSuggestions', () => {
  const pm = (...causes: [string, ContributingCause['category']][]) => ({
    causes: causes.map(([tag, category]) => ({ tag, category })),
  });
  it('offers each tag once, most used first, with its most used category', () => {
    const found = causeSuggestions([
      pm(['Connection pool exhaustion', 'technology'], ['missing canary', 'process']),
      pm(['connection-pool  exhaustion', 'technology'], ['Connection pool exhaustion', 'other']),
      pm(['connection pool exhaustion', 'other'], ['Cert expiry', 'technology']),
      pm(['CONNECTION POOL EXHAUSTION', 'other']),
      null,
      { causes: undefined },
    ]);
    expect(found).toEqual([
      // Technology twice, Other twice (a post-mortem naming it twice counts once): the first wins.
      { tag: 'Connection pool exhaustion', category: 'technology', uses: 4 },
      { tag: 'Cert expiry', category: 'technology', uses: 1 },
      { tag: 'missing canary', category: 'process', uses: 1 },
    ]);
  });
  it('leaves out the causes already on the post-mortem and blank tags', () => {
    expect(
      causeSuggestions(
        [pm(['DNS TTL', 'environment'], ['  ', 'other'], ['Cert expiry', 'technology'])],
        [{ tag: 'dns-ttl', category: 'other' }],
      ).map((s) => s.tag),
    ).toEqual(['Cert expiry']);
  });
});
