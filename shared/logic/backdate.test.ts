import { describe, expect, it } from 'vitest';
import { withZone } from './testing/with-zone';
import { takeBackdate } from './backdate';
import { parseLogLine } from './commands';

/**
 * "@hh:mm" read in local time on the nights of a daylight-saving change. `now` is when the line
 * is logged; the expectation is the instant, an error, or the two instants to choose from.
 */
describe.each([
  {
    zone: 'America/New_York',
    // Spring forward: 2026-03-08 02:00 EST → 03:00 EDT (07:00 UTC).
    springNow: Date.UTC(2026, 2, 8, 8, 0), // 04:00 EDT
    gapToken: '@02:30',
    beforeGap: ['@01:30', Date.UTC(2026, 2, 8, 6, 30)], // 01:30 EST
    afterGap: ['@03:30', Date.UTC(2026, 2, 8, 7, 30)], // 03:30 EDT
    // Fall back: 2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC).
    fallNow: Date.UTC(2026, 10, 1, 7, 0), // 02:00 EST, both 01:30s are past
    overlapToken: '@01:30',
    overlap: [Date.UTC(2026, 10, 1, 5, 30), '01:30 EDT', Date.UTC(2026, 10, 1, 6, 30), '01:30 EST'],
    // At 01:45 EDT only the first 01:30 has happened: no question.
    firstPassNow: Date.UTC(2026, 10, 1, 5, 45),
  },
  {
    zone: 'Europe/London',
    springNow: Date.UTC(2026, 2, 29, 3, 0), // 04:00 BST
    gapToken: '@01:30',
    beforeGap: ['@00:30', Date.UTC(2026, 2, 29, 0, 30)],
    afterGap: ['@02:30', Date.UTC(2026, 2, 29, 1, 30)],
    fallNow: Date.UTC(2026, 9, 25, 2, 30), // 02:30 GMT
    overlapToken: '@01:30',
    overlap: [
      Date.UTC(2026, 9, 25, 0, 30),
      '01:30 UTC+01:00',
      Date.UTC(2026, 9, 25, 1, 30),
      '01:30 GMT',
    ],
    firstPassNow: Date.UTC(2026, 9, 25, 0, 45),
  },
  {
    zone: 'Australia/Sydney',
    // Spring forward: 2026-10-04 02:00 AEST → 03:00 AEDT (16:00 UTC on 3 October).
    springNow: Date.UTC(2026, 9, 3, 18, 0), // 05:00 AEDT
    gapToken: '@02:30',
    beforeGap: ['@01:30', Date.UTC(2026, 9, 3, 15, 30)],
    afterGap: ['@03:30', Date.UTC(2026, 9, 3, 16, 30)],
    // Fall back: 2026-04-05 03:00 AEDT → 02:00 AEST (16:00 UTC on 4 April).
    fallNow: Date.UTC(2026, 3, 4, 18, 0), // 04:00 AEST
    overlapToken: '@02:30',
    overlap: [
      Date.UTC(2026, 3, 4, 15, 30),
      '02:30 UTC+11:00',
      Date.UTC(2026, 3, 4, 16, 30),
      '02:30 UTC+10:00',
    ],
    firstPassNow: Date.UTC(2026, 3, 4, 15, 45),
  },
] as const)('@hh:mm in local time, $zone', (c) => {
  withZone(c.zone);

  it(`refuses ${c.gapToken} on the spring-forward day instead of moving it an hour`, () => {
    const r = takeBackdate(`${c.gapToken} restarted the primary`, c.springNow, 'local');
    expect(r.type).toBe('error');
    expect(r.type === 'error' && r.message).toContain('did not happen');
    const line = parseLogLine(`${c.gapToken} restarted the primary`, {
      now: c.springNow,
      timeZone: 'local',
    });
    expect(line).toMatchObject({ type: 'error' });
  });

  it('reads the times either side of the gap exactly', () => {
    for (const [token, at] of [c.beforeGap, c.afterGap])
      expect(takeBackdate(`${token} x`, c.springNow, 'local')).toEqual({
        type: 'ok',
        at,
        rest: 'x',
      });
  });

  it(`asks which ${c.overlapToken} once both have happened, and takes the one chosen`, () => {
    const [first, firstLabel, second, secondLabel] = c.overlap;
    const text = `${c.overlapToken} failover started`;
    expect(takeBackdate(text, c.fallNow, 'local')).toMatchObject({
      type: 'ambiguous',
      choices: [
        { at: first, label: firstLabel },
        { at: second, label: secondLabel },
      ],
    });
    const asked = parseLogLine(text, { now: c.fallNow, timeZone: 'local' });
    expect(asked).toMatchObject({ type: 'error', choices: [{ at: first }, { at: second }] });
    expect(
      parseLogLine(text, { now: c.fallNow, timeZone: 'local', fold: 'earlier' }),
    ).toMatchObject({ type: 'entry', occurredAt: first, text: 'failover started' });
    expect(parseLogLine(text, { now: c.fallNow, timeZone: 'local', fold: 'later' })).toMatchObject({
      type: 'entry',
      occurredAt: second,
    });
  });

  it('does not ask while only the first of the two has happened', () => {
    const [first] = c.overlap;
    expect(takeBackdate(`${c.overlapToken} x`, c.firstPassNow, 'local')).toEqual({
      type: 'ok',
      at: first,
      rest: 'x',
    });
  });
});

describe('@hh:mm before a gap still to come means yesterday', () => {
  withZone('America/New_York');
  it('at 01:00 EST on the spring-forward day, @02:30 is the day before', () => {
    const now = Date.UTC(2026, 2, 8, 6, 0);
    expect(takeBackdate('@02:30 x', now, 'local')).toEqual({
      type: 'ok',
      at: Date.UTC(2026, 2, 7, 7, 30),
      rest: 'x',
    });
  });

  it('UTC mode has no gap', () => {
    const now = Date.UTC(2026, 2, 8, 8, 0);
    expect(takeBackdate('@02:30 x', now, 'utc')).toEqual({
      type: 'ok',
      at: Date.UTC(2026, 2, 8, 2, 30),
      rest: 'x',
    });
  });
});
