import { describe, expect, it } from 'vitest';
import { formatUsersAffected, validateDeclaration } from './incident';

const NOW = Date.UTC(2026, 10, 22, 14, 0);

describe('validateDeclaration', () => {
  it('accepts a complete declaration', () => {
    expect(
      validateDeclaration({ title: 'Checkout errors', severity: 'SEV2', startedAt: NOW }, NOW),
    ).toEqual({});
  });
  it('requires a trimmed title of at most 200 characters', () => {
    expect(
      validateDeclaration({ title: '   ', severity: 'SEV2', startedAt: NOW }, NOW).title,
    ).toMatch(/title/);
    expect(
      validateDeclaration({ title: 'x'.repeat(200), severity: 'SEV2', startedAt: NOW }, NOW).title,
    ).toBeUndefined();
    expect(
      validateDeclaration({ title: 'x'.repeat(201), severity: 'SEV2', startedAt: NOW }, NOW).title,
    ).toMatch(/200/);
  });
  it('requires a severity', () => {
    expect(
      validateDeclaration({ title: 'a', severity: null, startedAt: NOW }, NOW).severity,
    ).toBeDefined();
    expect(
      validateDeclaration({ title: 'a', severity: 'SEV5', startedAt: NOW }, NOW).severity,
    ).toBeDefined();
  });
  it('allows a backdated start but never a future one', () => {
    expect(
      validateDeclaration({ title: 'a', severity: 'SEV1', startedAt: NOW - 86_400_000 }, NOW),
    ).toEqual({});
    expect(
      validateDeclaration({ title: 'a', severity: 'SEV1', startedAt: NOW + 30_000 }, NOW),
    ).toEqual({});
    expect(
      validateDeclaration({ title: 'a', severity: 'SEV1', startedAt: NOW + 120_000 }, NOW)
        .startedAt,
    ).toMatch(/future/);
    expect(
      validateDeclaration({ title: 'a', severity: 'SEV1', startedAt: null }, NOW).startedAt,
    ).toBeDefined();
  });
});

describe('validateDeclaration: Detected and Acknowledged', () => {
  const now = Date.UTC(2026, 10, 22, 14, 0);
  const MIN = 60_000;
  const base = { title: 'T', severity: 'SEV2', startedAt: now - 15 * MIN };
  it.each<[string, { detectedAt?: number | null; acknowledgedAt?: number | null }, object]>([
    ['both empty', {}, {}],
    ['both in order', { detectedAt: now - 10 * MIN, acknowledgedAt: now - 5 * MIN }, {}],
    ['equal times', { detectedAt: now - 15 * MIN, acknowledgedAt: now - 15 * MIN }, {}],
    [
      'Detected before Started',
      { detectedAt: now - 20 * MIN },
      { detectedAt: 'Detected must be at or after Started (2026-11-22 13:45 UTC).' },
    ],
    [
      'Acknowledged before Detected',
      { detectedAt: now - 5 * MIN, acknowledgedAt: now - 10 * MIN },
      { acknowledgedAt: 'Acknowledged must be at or after Detected (2026-11-22 13:55 UTC).' },
    ],
    [
      'Acknowledged given, Detected left empty (= now)',
      { acknowledgedAt: now - 10 * MIN },
      {
        acknowledgedAt:
          'Acknowledged must be at or after Detected (2026-11-22 14:00 UTC). Left empty, Detected is the moment of declaring: give it too.',
      },
    ],
    [
      'in the future',
      { detectedAt: now + 10 * MIN },
      { detectedAt: 'This time is in the future: give when it happened, or leave it empty.' },
    ],
    [
      'unreadable',
      { acknowledgedAt: null },
      { acknowledgedAt: 'Enter a date and time, or leave it empty.' },
    ],
  ])('%s', (_, given, errors) => {
    expect(validateDeclaration({ ...base, ...given }, now)).toEqual(errors);
  });
});

describe('formatUsersAffected: one form everywhere', () => {
  it.each([
    [{ value: 12000, unit: 'users' as const }, '12,000 users'],
    [{ value: 1, unit: 'users' as const }, '1 user'],
    [{ value: 1.44, unit: 'percent' as const }, '1.44% of users'],
    [{ value: 0.0125, unit: 'percent' as const }, '0.0125% of users'],
    [{ value: 100, unit: 'percent' as const }, '100% of users'],
  ])('%o → %s', (u, text) => {
    expect(formatUsersAffected(u)).toBe(text);
  });

  it('says what the caller says when nothing is recorded', () => {
    expect(formatUsersAffected(null)).toBe('Not yet known');
    expect(formatUsersAffected(null, 'not yet known')).toBe('not yet known');
  });
});
