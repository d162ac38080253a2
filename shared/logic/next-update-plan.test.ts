import { describe, expect, it } from 'vitest';
import { planNextUpdate } from './cadence';

const MIN = 60_000;
const at = (h: number, m: number, day = 2) => Date.UTC(2026, 11, day, h, m);

describe('planNextUpdate (UTC)', () => {
  it.each([
    // typed, now, cadence (min), expected instant, passed today, warned
    { typed: '15:00', now: at(14, 42), cadence: 30, want: at(15, 0), passed: false, warned: false },
    {
      typed: '15:12',
      now: at(14, 42),
      cadence: 30,
      want: at(15, 12),
      passed: false,
      warned: false,
    },
    { typed: '15:13', now: at(14, 42), cadence: 30, want: at(15, 13), passed: false, warned: true },
    { typed: '18:00', now: at(14, 42), cadence: 30, want: at(18, 0), passed: false, warned: true },
    // The reported case: 14:00 typed at 14:42 against a 30-minute cadence.
    {
      typed: '14:00',
      now: at(14, 42),
      cadence: 30,
      want: at(14, 0, 3),
      passed: true,
      warned: true,
    },
    {
      typed: '14:42',
      now: at(14, 42),
      cadence: 30,
      want: at(14, 42, 3),
      passed: true,
      warned: true,
    },
    { typed: '9:05', now: at(14, 42), cadence: 240, want: at(9, 5, 3), passed: true, warned: true },
    // Across midnight within the cadence: the next 00:30, not a mistake.
    {
      typed: '00:30',
      now: at(23, 50),
      cadence: 60,
      want: at(0, 30, 3),
      passed: false,
      warned: false,
    },
    {
      typed: '00:30',
      now: at(23, 50),
      cadence: 30,
      want: at(0, 30, 3),
      passed: true,
      warned: true,
    },
  ])(
    '$typed at now with a $cadence min cadence',
    ({ typed, now, cadence, want, passed, warned }) => {
      const plan = planNextUpdate(typed, now, 'utc', cadence * MIN);
      expect(plan).toMatchObject({ at: want, passedToday: passed });
      expect('warning' in plan && !!plan.warning).toBe(warned);
    },
  );

  it('says how far and what the cadence is', () => {
    const plan = planNextUpdate('14:00', at(14, 42), 'utc', 30 * MIN);
    expect(plan).toHaveProperty(
      'warning',
      'That is 23 hours 18 minutes from now, beyond this audience’s cadence of an update every 30 minutes.',
    );
  });

  it.each(['', '25:00', '14:60', '2pm', '14.00'])('refuses %j', (typed) => {
    expect(planNextUpdate(typed, at(14, 42), 'utc', 30 * MIN)).toHaveProperty('error');
  });
});
