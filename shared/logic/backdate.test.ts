import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withZone } from './testing/with-zone';
import { takeBackdate, YESTERDAY_ASK_AFTER_MS } from './backdate';
import { parseLogLine } from './commands';
import { formatDate } from './time';

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
      type: 'ask',
      choices: [
        { at: first, label: `${firstLabel} (first)` },
        { at: second, label: `${secondLabel} (second)` },
      ],
    });
    const asked = parseLogLine(text, { now: c.fallNow, timeZone: 'local' });
    expect(asked).toMatchObject({ type: 'error', choices: [{ at: first }, { at: second }] });
    expect(
      parseLogLine(text, { now: c.fallNow, timeZone: 'local', chosenAt: first }),
    ).toMatchObject({ type: 'entry', occurredAt: first, text: 'failover started' });
    expect(
      parseLogLine(text, { now: c.fallNow, timeZone: 'local', chosenAt: second }),
    ).toMatchObject({ type: 'entry', occurredAt: second });
  });

  it('takes the second one chosen within the minute before it, as now, without asking again', () => {
    const [first, , second, secondLabel] = c.overlap;
    const now = second - 30_000; // the wall clock shows hh:29:30, the second time around
    const text = `${c.overlapToken} failover started`;
    expect(takeBackdate(text, now, 'local')).toMatchObject({
      type: 'ask',
      choices: [{ at: first }, { at: second, label: `${secondLabel} (second)` }],
    });
    // Answered a few seconds later: still the skew, logged as the moment it is answered.
    expect(
      parseLogLine(text, { now: now + 5_000, timeZone: 'local', chosenAt: second }),
    ).toMatchObject({ type: 'entry', occurredAt: now + 5_000 });
    expect(
      parseLogLine(text, { now: now + 60_000, timeZone: 'local', chosenAt: second }),
    ).toMatchObject({ type: 'entry', occurredAt: second });
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

describe('@hh:mm before a gap still to come reads as yesterday, far back, so it asks', () => {
  withZone('America/New_York');
  it('at 01:00 EST on the spring-forward day, @02:30 offers the day before (22 h 30 min back)', () => {
    const now = Date.UTC(2026, 2, 8, 6, 0);
    const yesterday = Date.UTC(2026, 2, 7, 7, 30);
    expect(takeBackdate('@02:30 x', now, 'local')).toMatchObject({
      type: 'ask',
      choices: [{ at: yesterday, label: 'Yesterday, 2026-03-07 02:30 EST' }],
    });
    expect(takeBackdate('@02:30 x', now, 'local', yesterday)).toEqual({
      type: 'ok',
      at: yesterday,
      rest: 'x',
    });
  });

  it("the day after, @02:30 still to come is refused: yesterday's 02:30 never happened", () => {
    const now = Date.UTC(2026, 2, 9, 5, 0); // 01:00 EDT on 9 March
    const r = takeBackdate('@02:30 x', now, 'local');
    expect(r.type).toBe('error');
    expect(r.type === 'error' && r.message).toContain('still to come today');
    expect(r.type === 'error' && r.message).toContain('2026-03-08');
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

const H = 3_600_000;
const M = 60_000;

/**
 * "@hh:mm" still to come today. Yesterday's reading is taken while it is at most
 * YESTERDAY_ASK_AFTER_MS (12 h of real time) back, and asked about beyond: around midnight it is
 * minutes back, far from midnight it is most of a day, almost surely a slip. Each row: the zone,
 * the mode, now, the token, and either the instant taken or the one offered with its button.
 */
describe.each([
  // UTC, around midnight: the yesterday rule is right.
  ['UTC', 'utc', Date.UTC(2026, 11, 2, 0, 10), '@23:55', { ok: Date.UTC(2026, 11, 1, 23, 55) }],
  ['UTC', 'utc', Date.UTC(2026, 11, 2, 0, 10), '@00:05', { ok: Date.UTC(2026, 11, 2, 0, 5) }],
  [
    'UTC',
    'utc',
    Date.UTC(2026, 11, 2, 2, 0),
    '@22:15:30',
    { ok: Date.UTC(2026, 11, 1, 22, 15, 30) },
  ],
  // UTC, far from midnight: a time still to come asks.
  [
    'UTC',
    'utc',
    Date.UTC(2026, 11, 2, 14, 20),
    '@14:30',
    {
      ask: Date.UTC(2026, 11, 1, 14, 30),
      label: 'Yesterday, 2026-12-01 14:30 UTC',
      ago: '23 h 50 min ago',
    },
  ],
  ['UTC', 'utc', Date.UTC(2026, 11, 2, 14, 20), '@14:00', { ok: Date.UTC(2026, 11, 2, 14, 0) }],
  // A minute ahead is clock skew: now, not yesterday; 90 s ahead is not.
  ['UTC', 'utc', Date.UTC(2026, 11, 2, 14, 20), '@14:21', { ok: Date.UTC(2026, 11, 2, 14, 20) }],
  [
    'UTC',
    'utc',
    Date.UTC(2026, 11, 2, 14, 20),
    '@14:21:30',
    { ask: Date.UTC(2026, 11, 1, 14, 21, 30), label: 'Yesterday, 2026-12-01 14:21:30 UTC' },
  ],
  // Noon, on either side of the threshold: 12 h back is taken, 12 h 1 min asks.
  ['UTC', 'utc', Date.UTC(2026, 11, 2, 11, 0), '@23:00', { ok: Date.UTC(2026, 11, 1, 23, 0) }],
  [
    'UTC',
    'utc',
    Date.UTC(2026, 11, 2, 11, 0),
    '@22:59',
    { ask: Date.UTC(2026, 11, 1, 22, 59), label: 'Yesterday, 2026-12-01 22:59 UTC' },
  ],
  // A local zone on an ordinary day.
  [
    'America/New_York',
    'local',
    Date.UTC(2026, 11, 2, 19, 20), // 14:20 EST
    '@14:30',
    {
      ask: Date.UTC(2026, 11, 1, 19, 30),
      label: 'Yesterday, 2026-12-01 14:30 EST',
      ago: '23 h 50 min ago',
    },
  ],
  [
    'America/New_York',
    'local',
    Date.UTC(2026, 11, 2, 5, 10), // 00:10 EST
    '@23:55',
    { ok: Date.UTC(2026, 11, 2, 4, 55) },
  ],
  // The spring-forward day is 23 h long: yesterday's 14:30 is 22 h 50 min before 14:20 EDT.
  [
    'America/New_York',
    'local',
    Date.UTC(2026, 2, 8, 18, 20), // 14:20 EDT
    '@14:30',
    {
      ask: Date.UTC(2026, 2, 7, 19, 30),
      label: 'Yesterday, 2026-03-07 14:30 EST',
      ago: '22 h 50 min ago',
    },
  ],
  // The threshold is real time: 12 h 30 min of wall clock, but 11 h 30 min across the jump.
  [
    'America/New_York',
    'local',
    Date.UTC(2026, 2, 8, 15, 30), // 11:30 EDT
    '@23:00',
    { ok: Date.UTC(2026, 2, 8, 4, 0) }, // 23:00 EST on 7 March
  ],
  [
    'America/New_York',
    'local',
    Date.UTC(2026, 2, 8, 5, 30),
    '@23:55',
    { ok: Date.UTC(2026, 2, 8, 4, 55) },
  ],
  // The fall-back day is 25 h long: 12 h of wall clock is 13 h back, so it asks.
  [
    'America/New_York',
    'local',
    Date.UTC(2026, 10, 1, 15, 30), // 10:30 EST
    '@22:30',
    {
      ask: Date.UTC(2026, 10, 1, 2, 30),
      label: 'Yesterday, 2026-10-31 22:30 EDT',
      ago: '13 h ago',
    },
  ],
  [
    'America/New_York',
    'local',
    Date.UTC(2026, 10, 2, 5, 10), // 00:10 EST on 2 November
    '@23:50',
    { ok: Date.UTC(2026, 10, 2, 4, 50) },
  ],
  // Sydney's spring-forward day (4 October 2026), and an ordinary day in a zone east of UTC.
  [
    'Australia/Sydney',
    'local',
    Date.UTC(2026, 9, 4, 3, 20), // 14:20 AEDT
    '@14:30',
    {
      ask: Date.UTC(2026, 9, 3, 4, 30),
      label: 'Yesterday, 2026-10-03 14:30 UTC+10:00',
      ago: '22 h 50 min ago',
    },
  ],
  [
    'Australia/Sydney',
    'local',
    Date.UTC(2026, 6, 1, 14, 10), // 00:10 AEST on 2 July
    '@23:55',
    { ok: Date.UTC(2026, 6, 1, 13, 55) },
  ],
] as const)('%s (%s) at %i: %s', (zone, mode, now, token, want) => {
  withZone(zone);

  if ('ok' in want) {
    it(`is taken as ${new Date(want.ok).toISOString()}`, () => {
      expect(takeBackdate(`${token} restarted pods`, now, mode)).toEqual({
        type: 'ok',
        at: want.ok,
        rest: 'restarted pods',
      });
      expect(now - want.ok).toBeLessThanOrEqual(YESTERDAY_ASK_AFTER_MS);
    });
    return;
  }

  it(`asks, offering ${want.label}`, () => {
    const r = takeBackdate(`${token} restarted pods`, now, mode);
    expect(r).toMatchObject({ type: 'ask', choices: [{ at: want.ask, label: want.label }] });
    expect(r.type === 'ask' && r.choices).toHaveLength(1);
    expect(now - want.ask).toBeGreaterThan(YESTERDAY_ASK_AFTER_MS);
    const message = r.type === 'ask' ? r.message : '';
    expect(message).toContain('still to come today');
    // It says what to write for a time today instead.
    expect(message).toMatch(/@\d\d:\d\d or earlier is today, and -10m is 10 minutes ago/);
    if ('ago' in want) expect(message).toContain(want.ago);
  });

  it('the log line keeps asking until answered, then logs at the instant chosen', () => {
    const line = `${token} restarted pods`;
    expect(parseLogLine(line, { now, timeZone: mode })).toMatchObject({
      type: 'error',
      choices: [{ at: want.ask }],
    });
    expect(parseLogLine(`a: ${line}`, { now, timeZone: mode })).toMatchObject({
      type: 'error',
      choices: [{ at: want.ask }],
    });
    expect(parseLogLine(line, { now, timeZone: mode, chosenAt: want.ask })).toMatchObject({
      type: 'entry',
      occurredAt: want.ask,
      backdated: true,
      text: 'restarted pods',
    });
  });
});

describe('answers to the yesterday question', () => {
  const now = Date.UTC(2026, 11, 2, 14, 20);
  const yesterday = Date.UTC(2026, 11, 1, 14, 30);

  it('refuses an instant the time does not name, or one still to come, and asks again', () => {
    for (const chosenAt of [Date.UTC(2026, 11, 2, 14, 30), yesterday + M, yesterday - 3 * 24 * H])
      expect(takeBackdate('@14:30 x', now, 'utc', chosenAt)).toMatchObject({
        type: 'ask',
        choices: [{ at: yesterday }],
      });
  });

  it('still takes the chosen instant when the answer comes after midnight', () => {
    const asked = Date.UTC(2026, 11, 1, 23, 50);
    const before = Date.UTC(2026, 10, 30, 23, 55);
    expect(takeBackdate('@23:55 x', asked, 'utc')).toMatchObject({
      type: 'ask',
      choices: [{ at: before }],
    });
    expect(takeBackdate('@23:55 x', Date.UTC(2026, 11, 2, 0, 1), 'utc', before)).toEqual({
      type: 'ok',
      at: before,
      rest: 'x',
    });
  });

  it('is ignored by a relative backdate', () => {
    expect(takeBackdate('-10m x', now, 'utc', yesterday)).toEqual({
      type: 'ok',
      at: now - 10 * M,
      rest: 'x',
    });
  });
});

describe('@hh:mm whose yesterday was a fall-back night', () => {
  withZone('America/New_York');
  it("offers both of yesterday's 01:30s, each named, and takes the one chosen", () => {
    const now = Date.UTC(2026, 10, 2, 5, 30); // 00:30 EST on 2 November
    const edt = Date.UTC(2026, 10, 1, 5, 30);
    const est = Date.UTC(2026, 10, 1, 6, 30);
    const r = takeBackdate('@01:30 x', now, 'local');
    expect(r).toMatchObject({
      type: 'ask',
      choices: [
        { at: edt, label: 'Yesterday, 2026-11-01 01:30 EDT (first)' },
        { at: est, label: 'Yesterday, 2026-11-01 01:30 EST (second)' },
      ],
    });
    expect(r.type === 'ask' && r.message).toContain('happened twice');
    expect(takeBackdate('@01:30 x', now, 'local', est)).toEqual({ type: 'ok', at: est, rest: 'x' });
  });
});

/**
 * Whatever the moment and the time typed: an "@hh:mm" taken without a question is today's
 * (already past) or yesterday's at most YESTERDAY_ASK_AFTER_MS back, never a day away unasked;
 * a question offers only past instants, and one about yesterday only far-back ones.
 */
describe.each(['UTC', 'America/New_York', 'Australia/Sydney'])(
  'no silent day away (%s)',
  (zone) => {
    withZone(zone);
    it('holds for any moment and any time of day', () => {
      const mode = zone === 'UTC' ? ('utc' as const) : ('local' as const);
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          (now, h, mi) => {
            const token = `@${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
            const r = takeBackdate(`${token} x`, now, mode);
            if (r.type === 'ok') {
              expect(r.at).toBeLessThanOrEqual(now);
              const sameDay = formatDate(r.at, mode) === formatDate(now, mode);
              expect(sameDay || now - r.at <= YESTERDAY_ASK_AFTER_MS).toBe(true);
            } else if (r.type === 'ask') {
              for (const c of r.choices) expect(c.at).toBeLessThanOrEqual(now);
              if (r.choices.length === 1)
                expect(now - r.choices[0].at).toBeGreaterThan(YESTERDAY_ASK_AFTER_MS);
              // Answering with any choice logs exactly that instant.
              for (const c of r.choices)
                expect(takeBackdate(`${token} x`, now, mode, c.at)).toEqual({
                  type: 'ok',
                  at: c.at,
                  rest: 'x',
                });
            } else expect(r.type).toBe('error');
          },
        ),
        { numRuns: 2000 },
      );
    });
  },
);
