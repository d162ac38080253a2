import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module used by the bench runner.
import { percentile, seededRandom, summarize } from './stats.mjs';

describe('bench statistics', () => {
  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect((percentile as (v: number[], p: number) => number)(values, 50)).toBe(50);
    expect((percentile as (v: number[], p: number) => number)(values, 95)).toBe(95);
    expect((summarize as (v: number[]) => { count: number; max: number })(values)).toMatchObject({
      count: 100,
      max: 100,
    });
  });
  it('generates the same sequence for the same seed', () => {
    const a = (seededRandom as (s: number) => () => number)(7);
    const b = (seededRandom as (s: number) => () => number)(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
