import { describe, expect, it } from 'vitest';
import { hitRoute, paletteFilter } from './full-text-results';
import type { ResultHit } from './protocol';
import { NO_SEARCH_FILTERS, activeFilterCount, toSearchFilters } from './search-filters';

describe('toSearchFilters', () => {
  it('turns UTC days into a whole-day range and leaves empty fields out', () => {
    const { filters, dateError } = toSearchFilters({
      ...NO_SEARCH_FILTERS,
      severity: 'SEV1',
      service: ' checkout ',
      from: '2026-03-01',
      to: '2026-03-01',
      kind: 'entry',
    });
    expect(dateError).toBeNull();
    expect(filters).toEqual({
      severities: ['SEV1'],
      service: 'checkout',
      from: Date.UTC(2026, 2, 1),
      to: Date.UTC(2026, 2, 2) - 1,
      kinds: ['entry'],
      drills: 'include',
      includeDeleted: false,
    });
  });

  it('says so when From is after To, and ignores what is not a date', () => {
    expect(
      toSearchFilters({ ...NO_SEARCH_FILTERS, from: '2026-03-02', to: '2026-03-01' }).dateError,
    ).toMatch(/From is after To/);
    const { filters } = toSearchFilters({ ...NO_SEARCH_FILTERS, from: 'yesterday' });
    expect(filters.from).toBeUndefined();
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount(NO_SEARCH_FILTERS)).toBe(0);
    expect(
      activeFilterCount({
        ...NO_SEARCH_FILTERS,
        from: '2026-01-01',
        to: '2026-02-01',
        includeDeleted: true,
      }),
    ).toBe(2);
  });
});

const hit = (over: Partial<ResultHit>): ResultHit => ({
  id: 'x',
  kind: 'entry',
  label: 'Finding',
  entryId: null,
  runbookId: null,
  occurredAt: 0,
  deleted: false,
  snippet: [],
  ...over,
});

describe('hitRoute', () => {
  it.each([
    [{ kind: 'entry' as const, entryId: 'e 1' }, 'i1', '/incidents/i1?entry=e%201'],
    [{ kind: 'postmortem' as const }, 'i1', '/incidents/i1/postmortem'],
    [{ kind: 'incident' as const }, 'i1', '/incidents/i1'],
    [{ kind: 'runbook' as const, runbookId: 'r1' }, null, '/runbooks/r1'],
    [{ kind: 'action-item' as const }, null, '/action-items'],
  ])('%o in %s → %s', (over, incidentId, route) => {
    expect(hitRoute({ incidentId }, hit(over))).toBe(route);
  });
});

describe('paletteFilter', () => {
  it('ranks full-text hits below any name match, in the index order', () => {
    const first = paletteFilter('fulltext:0:a', 'pool');
    const second = paletteFilter('fulltext:1:b', 'pool');
    expect(first).toBeGreaterThan(second);
    expect(second).toBeGreaterThan(0);
    expect(paletteFilter('Toggle theme', 'toggle')).toBeGreaterThan(first);
    // A typo in a command's name still beats the hits…
    expect(paletteFilter('Declare incident', 'delcare', ['new'])).toBeGreaterThan(first);
    // …letters scattered through its name and keywords do not, but it stays listed.
    const scattered = paletteFilter('Compose update', 'pool', ['stakeholder', 'comms']);
    expect(scattered).toBeLessThan(second);
    expect(scattered).toBeGreaterThan(0);
  });
});
