import { describe, expect, it } from 'vitest';
import { validateDeclaration } from './incident';

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
