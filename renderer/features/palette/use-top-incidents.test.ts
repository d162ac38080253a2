import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { incidentRow } from '../../../shared/domain/testing/incident';
import { PALETTE_INCIDENTS_MAX, paletteIncidents } from './palette-items';
import { RATED_PER_TASK, useTopPaletteIncidents } from './use-top-incidents';

const many = paletteIncidents(
  Array.from({ length: RATED_PER_TASK * 3 + 7 }, (_, n) =>
    incidentRow({
      id: `i${n}`,
      ref: `INC-2026-01-01-${String(n).padStart(3, '0')}`,
      title: n === 5 ? 'Checkout outage' : n === 400 ? 'Checkout slow' : `Search latency ${n}`,
      createdAt: n,
    }),
  ),
);
const rated: Array<[string, string]> = [];
/** Rates a title holding the word 1, else 0; remembers what it was asked. */
const score = (value: string, search: string) => {
  rated.push([value, search]);
  return value.toLowerCase().includes(search.toLowerCase()) ? 1 : 0;
};

describe('useTopPaletteIncidents', () => {
  it('lists the newest with nothing typed, then the best matches once every slice is rated', async () => {
    const { result, rerender } = renderHook(({ q }) => useTopPaletteIncidents(many, q, score), {
      initialProps: { q: '' },
    });
    expect(result.current).toHaveLength(PALETTE_INCIDENTS_MAX);
    expect(result.current[0]?.id).toBe(`i${many.length - 1}`);
    rerender({ q: 'checkout' });
    // Nothing is rated during the keystroke's render; the list changes only when all are.
    expect(result.current[0]?.id).toBe(`i${many.length - 1}`);
    await waitFor(() => expect(result.current.map((i) => i.id)).toEqual(['i400', 'i5']));
  });

  it('drops a rating that a newer query overtook', async () => {
    rated.length = 0;
    const { result, rerender } = renderHook(({ q }) => useTopPaletteIncidents(many, q, score), {
      initialProps: { q: 'checkout' },
    });
    rerender({ q: 'slow' });
    await waitFor(() => expect(result.current.map((i) => i.id)).toEqual(['i400']));
    // The overtaken query stopped before its first slice.
    expect(rated.filter(([, q]) => q === 'checkout')).toHaveLength(0);
    expect(rated.filter(([, q]) => q === 'slow')).toHaveLength(many.length);
  });
});
