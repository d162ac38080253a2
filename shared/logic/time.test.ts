import { describe, expect, it } from 'vitest';
import { tzScan } from '@date-fns/tz';
import fc from 'fast-check';
import { withZone } from './testing/with-zone';
import {
  formatClock,
  formatCountdown,
  formatDate,
  formatDateTime,
  formatDuration,
  formatElapsed,
  formatEventTime,
  formatTimeOfDay,
  formatTimeRange,
  parseDateTimeInput,
  reexpressDateTimeDraft,
  settleDateTimeInput,
  spansDays,
  toDateTimeInputValue,
  zoneLabel,
  zoneName,
} from './time';

const S = 1000;
const M = 60_000;
const H = 60 * M;
const D = 24 * H;

describe('elapsed and countdown text', () => {
  it.each([
    [0, 'T+0:00'],
    [5 * M + 59_000, 'T+0:05'],
    [26 * H + 40 * M, 'T+26:40'],
    [-3 * M, 'T-0:03'],
  ])('formatElapsed(%i) = %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));

  it.each([
    [15 * M, '15:00'],
    [12 * M + 4_000, '12:04'],
    [-5_000, '0:00'],
    [999, '0:00'],
  ])('formatClock(%i) = %s', (ms, text) => expect(formatClock(ms)).toBe(text));

  // Under an hour a countdown is m:ss; from an hour on it could be read as a time of day
  // ("1:02:03", "47:59:00"), so it is a duration.
  it.each([
    [12 * M + 4_000, '12:04'],
    [59 * M + 59 * S, '59:59'],
    [H, '1 h'],
    [H + 2 * M + 3_000, '1 h 2 min'],
    [47 * H + 59 * M, '1 d 23 h 59 min'],
    [-1, '0:00'],
  ])('formatCountdown(%i) = %s', (ms, text) => expect(formatCountdown(ms)).toBe(text));
});

describe('formatDuration: one style, rounded to the nearest shown unit', () => {
  it.each([
    // Issue 11's examples.
    [24 * H + 44 * M, '1 d 0 h 44 min'], // never "1 d"
    [(3 * M + 2 * M) / 2, '2 min 30 s'], // MTTA of 3 and 2 min: never "2 min"
    [5 * M + 59 * S, '5 min 59 s'], // never "5 min" beside a "< 5 min" target
    [32 * H + 30 * M, '1 d 8 h 30 min'], // never "1 d 8 h"
    [20 * M + 27 * S, '20 min'],
    [111 * H + 46 * M, '4 d 15 h 46 min'],
    // Seconds below 10 minutes, rounded.
    [0, '0 s'],
    [400, '0 s'],
    [600, '1 s'],
    [45 * S, '45 s'],
    [M, '1 min'],
    [5 * M, '5 min'],
    [9 * M + 59 * S + 400, '9 min 59 s'],
    [9 * M + 59 * S + 600, '10 min'],
    // Minutes from 10 minutes on, rounded (29.5 s up, 29.4 s down), carrying into hours and days.
    [45 * M + 29 * S, '45 min'],
    [45 * M + 30 * S, '46 min'],
    [59 * M + 30 * S, '1 h'],
    [2 * H, '2 h'],
    [2 * H + 5 * M, '2 h 5 min'],
    [2 * H + 4 * M + 31 * S, '2 h 5 min'],
    [D, '1 d'],
    [D + 30 * S, '1 d 0 h 1 min'],
    [D + 5 * M, '1 d 0 h 5 min'],
    [D + 3 * H, '1 d 3 h'],
    [76 * H, '3 d 4 h'],
    [2 * D - 20 * S, '2 d'],
    // A negative span keeps its sign rather than showing 0.
    [-3 * M, '−3 min'],
  ])('formatDuration(%i) = %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it.each([
    [14 * M + 29 * S, 'minute', 'short', '14 min'],
    [14 * M + 30 * S, 'minute', 'short', '15 min'],
    [2 * H + 3 * S, 'second', 'short', '2 h 0 min 3 s'],
    [15 * M, 'minute', 'words', '15 minutes'],
    [M, 'minute', 'words', '1 minute'],
    [H + 5 * M, 'auto', 'words', '1 hour 5 minutes'],
    [24 * H + 44 * M, 'auto', 'words', '1 day 0 hours 44 minutes'],
    [2 * M + 30 * S, 'auto', 'words', '2 minutes 30 seconds'],
  ] as const)('formatDuration(%i, %s, %s) = %s', (ms, precision, style, text) =>
    expect(formatDuration(ms, { precision, style })).toBe(text),
  );

  it('never drops a unit between two shown ones, and never shows more than it has', () => {
    for (let ms = 0; ms < 3 * D; ms += 7 * M + 13 * S) {
      const text = formatDuration(ms);
      if (text.includes(' d ')) expect(text).toMatch(/^\d+ d \d+ h( \d+ min)?$/);
      const [d, h, m] = [/(\d+) d/, /(\d+) h/, /(\d+) min/].map((re) =>
        Number(re.exec(text)?.[1] ?? 0),
      );
      const s = text.includes(' s') ? Number(/(\d+) s/.exec(text)?.[1]) : 0;
      const shown = (d ?? 0) * D + (h ?? 0) * H + (m ?? 0) * M + s * S;
      const unit = ms < 10 * M ? S : M;
      expect(Math.abs(shown - ms)).toBeLessThanOrEqual(unit / 2);
    }
  });
});

describe('UTC formatting', () => {
  const at = Date.UTC(2026, 10, 22, 14, 5, 9);
  it('formats UTC with its zone marker', () => {
    expect(formatTimeOfDay(at, 'utc')).toBe('14:05');
    expect(formatTimeOfDay(at, 'utc', true)).toBe('14:05:09');
    expect(formatDateTime(at, 'utc')).toBe('2026-11-22 14:05 UTC');
    expect(formatEventTime(at, 'utc', false)).toBe('14:05 UTC');
    expect(formatEventTime(at, 'utc', true)).toBe('2026-11-22 14:05 UTC');
    expect(zoneLabel(at, 'utc')).toBe('UTC');
    expect(zoneName('utc')).toBe('UTC');
  });

  it('knows when an incident spans days', () => {
    expect(spansDays(Date.UTC(2026, 10, 22, 23, 0), Date.UTC(2026, 10, 23, 1, 0), 'utc')).toBe(
      true,
    );
    expect(spansDays(Date.UTC(2026, 10, 22, 1, 0), Date.UTC(2026, 10, 22, 23, 0), 'utc')).toBe(
      false,
    );
  });

  it.each([
    [Date.UTC(2026, 10, 22, 14, 5), Date.UTC(2026, 10, 22, 16, 0), '14:05 – 16:00 UTC'],
    [
      Date.UTC(2026, 10, 22, 23, 10),
      Date.UTC(2026, 10, 23, 1, 0),
      '2026-11-22 23:10 – 2026-11-23 01:00 UTC',
    ],
    [Date.UTC(2026, 10, 22, 14, 5), null, '2026-11-22 14:05 UTC – ongoing'],
  ])('formatTimeRange(%i, %s) = %s', (from, to, text) =>
    expect(formatTimeRange(from, to, 'utc')).toBe(text),
  );

  it('round-trips datetime-local values and rejects bad dates', () => {
    const at2 = Date.UTC(2026, 10, 22, 14, 5);
    const settle = (value: string) => settleDateTimeInput(value, 'utc', null);
    expect(settle(toDateTimeInputValue(at2, 'utc'))).toEqual({ ok: true, at: at2 });
    expect(settle('2026-11-22T14:05')).toEqual({ ok: true, at: at2 });
    expect(settle('2026-02-31T10:00')).toEqual({ ok: false, error: null });
    expect(settle('2026-11-22T25:00')).toEqual({ ok: false, error: null });
    expect(settle('')).toEqual({ ok: false, error: null });
    expect(parseDateTimeInput('yesterday', 'local')).toEqual({ kind: 'invalid' });
    // UTC has no daylight-saving change: New York's gap and overlap are plain times in UTC.
    expect(parseDateTimeInput('2026-03-08T02:30', 'utc')).toEqual({
      kind: 'ok',
      at: Date.UTC(2026, 2, 8, 2, 30),
    });
  });
});

/**
 * Daylight-saving changes in 2026: New York springs forward on 8 March at 02:00 EST (to 03:00
 * EDT) and falls back on 1 November at 02:00 EDT (to 01:00 EST); London on 29 March at 01:00 GMT
 * and 25 October at 02:00 BST; Sydney falls back on 5 April at 03:00 AEDT and springs forward on
 * 4 October at 02:00 AEST. Each case: the zone, a wall time typed, and what it must be.
 */
describe.each([
  {
    zone: 'America/New_York',
    normal: ['2026-11-22T09:00', Date.UTC(2026, 10, 22, 14, 0), '2026-11-22 09:00 EST'],
    summer: ['2026-07-01T09:00', Date.UTC(2026, 6, 1, 13, 0), '2026-07-01 09:00 EDT'],
    gap: '2026-03-08T02:30',
    overlap: [
      '2026-11-01T01:30',
      Date.UTC(2026, 10, 1, 5, 30),
      '01:30 EDT',
      Date.UTC(2026, 10, 1, 6, 30),
      '01:30 EST',
    ],
  },
  {
    zone: 'Europe/London',
    normal: ['2026-11-22T09:00', Date.UTC(2026, 10, 22, 9, 0), '2026-11-22 09:00 GMT'],
    summer: ['2026-07-01T09:00', Date.UTC(2026, 6, 1, 8, 0), '2026-07-01 09:00 UTC+01:00'],
    gap: '2026-03-29T01:30',
    overlap: [
      '2026-10-25T01:30',
      Date.UTC(2026, 9, 25, 0, 30),
      '01:30 UTC+01:00',
      Date.UTC(2026, 9, 25, 1, 30),
      '01:30 GMT',
    ],
  },
  {
    zone: 'Australia/Sydney',
    normal: ['2026-07-01T09:00', Date.UTC(2026, 5, 30, 23, 0), '2026-07-01 09:00 UTC+10:00'],
    summer: ['2026-01-15T09:00', Date.UTC(2026, 0, 14, 22, 0), '2026-01-15 09:00 UTC+11:00'],
    gap: '2026-10-04T02:30',
    overlap: [
      '2026-04-05T02:30',
      Date.UTC(2026, 3, 4, 15, 30),
      '02:30 UTC+11:00',
      Date.UTC(2026, 3, 4, 16, 30),
      '02:30 UTC+10:00',
    ],
  },
] as const)('local time in $zone', ({ zone, normal, summer, gap, overlap }) => {
  withZone(zone);

  it('is the zone the machine is set to', () => expect(zoneName('local')).toBe(zone));

  it.each([normal, summer])('%s is %i, shown as %s', (typed, at, shown) => {
    expect(parseDateTimeInput(typed, 'local')).toEqual({ kind: 'ok', at });
    expect(formatDateTime(at, 'local')).toBe(shown);
    expect(toDateTimeInputValue(at, 'local')).toBe(typed);
    expect(formatEventTime(at, 'local', false)).toBe(shown.slice(11));
  });

  it(`refuses ${gap}, which the clocks skipped`, () => {
    const r = parseDateTimeInput(gap, 'local');
    expect(r.kind).toBe('gap');
    expect(r.kind === 'gap' && r.message).toContain('did not happen');
    const settled = settleDateTimeInput(gap, 'local', null);
    expect(settled.ok).toBe(false);
    expect(!settled.ok && settled.error).toContain('did not happen');
  });

  it(`asks which ${overlap[0]}, which happened twice`, () => {
    const [typed, first, firstLabel, second, secondLabel] = overlap;
    expect(parseDateTimeInput(typed, 'local')).toMatchObject({
      kind: 'ambiguous',
      choices: [
        { at: first, label: firstLabel },
        { at: second, label: secondLabel },
      ],
    });
    // Settled only once a choice is made, and only to one of its own instants.
    expect(settleDateTimeInput(typed, 'local', null)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/happened twice.*Choose one below\.$/) as string,
    });
    expect(settleDateTimeInput(typed, 'local', first + M)).toMatchObject({ ok: false });
    expect(settleDateTimeInput(typed, 'local', second)).toEqual({ ok: true, at: second });
    // Shown in UTC and back, the choice is kept: the same instant, no second question.
    const utc = reexpressDateTimeDraft(typed, second, 'local', 'utc');
    expect(settleDateTimeInput(utc.value, 'utc', utc.chosenAt)).toEqual({ ok: true, at: second });
    const back = reexpressDateTimeDraft(utc.value, utc.chosenAt, 'utc', 'local');
    expect(back).toEqual({ value: typed, chosenAt: second });
    // A UTC time that lands in the repeated hour keeps naming its own instant, not asking.
    const firstInUtc = toDateTimeInputValue(first, 'utc');
    const local = reexpressDateTimeDraft(firstInUtc, null, 'utc', 'local');
    expect(local).toEqual({ value: typed, chosenAt: first });
    expect(settleDateTimeInput(local.value, 'local', local.chosenAt)).toEqual({
      ok: true,
      at: first,
    });
    // Both instants read back as the same wall time, each with its own marker.
    expect(formatTimeOfDay(first, 'local')).toBe(formatTimeOfDay(second, 'local'));
    expect(zoneLabel(first, 'local')).not.toBe(zoneLabel(second, 'local'));
  });

  it('formats every instant of the change night with its marker and in order', () => {
    const [, first, , second] = overlap;
    const times = [first - H, first, first + 10 * M, second, second + H].map((at) =>
      formatEventTime(at, 'local', true),
    );
    expect(new Set(times).size).toBe(times.length);
    for (const t of times) expect(t).toMatch(/ (UTC([+−]\d\d:\d\d)?|[A-Z]{2,5})$/);
    expect(formatDate(first, 'local')).toBe(overlap[0].slice(0, 10));
  });
});

describe('the night New York falls back (issue 11)', () => {
  withZone('America/New_York');
  const edt = Date.UTC(2026, 10, 1, 5, 40); // 01:40 EDT
  const est = Date.UTC(2026, 10, 1, 6, 10); // 01:10 EST, 30 minutes later

  it('shows 01:40 EDT and the later 01:10 EST each with its offset', () => {
    expect(formatEventTime(edt, 'local', false)).toBe('01:40 EDT');
    expect(formatEventTime(est, 'local', false)).toBe('01:10 EST');
    expect(formatTimeRange(edt, est, 'local')).toBe('01:40 EDT – 01:10 EST');
    expect(formatDuration(est - edt)).toBe('30 min');
  });

  it('puts the zone on a local date and time (the stakeholder message example)', () => {
    expect(formatDateTime(Date.UTC(2026, 10, 22, 14, 0), 'local')).toBe('2026-11-22 09:00 EST');
    expect(
      formatTimeRange(Date.UTC(2026, 10, 22, 14, 0), Date.UTC(2026, 10, 22, 16, 30), 'local'),
    ).toBe('09:00 – 11:30 EST');
  });
});

describe('properties (fast-check)', () => {
  const parseShown = (text: string): number => {
    const unit: Record<string, number> = { d: D, h: H, min: M, s: S };
    let sum = 0;
    for (const [, n, u] of text.matchAll(/(\d+) (d|h|min|s)\b/g))
      sum += Number(n) * (unit[u!] ?? 0);
    return text.startsWith('−') ? -sum : sum;
  };

  it('formatDuration is within half a shown unit of the real span, units never skipped', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40 * D, max: 40 * D }), (ms) => {
        const text = formatDuration(ms);
        const unit = Math.abs(ms) < 10 * M - S / 2 ? S : M;
        expect(Math.abs(parseShown(text) - ms)).toBeLessThanOrEqual(unit / 2);
        expect(text).not.toMatch(/\d+ d \d+ min|\d+ h \d+ s|\d+ d \d+ s/);
      }),
    );
  });

  for (const zone of ['America/New_York', 'Europe/London', 'Australia/Sydney']) {
    describe(zone, () => {
      withZone(zone);
      it('every instant, shown as a local wall time and typed back, is found again', () => {
        fc.assert(
          fc.property(
            // Anywhere in three years, and often within two hours of one of the zone's changes.
            fc.oneof(
              fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
              fc
                .constantFrom(
                  ...tzScan(zone, {
                    start: new Date(Date.UTC(2025, 0, 1)),
                    end: new Date(Date.UTC(2028, 0, 1)),
                  }).map((c) => c.date.getTime()),
                )
                .chain((t) => fc.integer({ min: t - 2 * H, max: t + 2 * H })),
            ),
            (raw) => {
              const at = Math.floor(raw / M) * M;
              const r = parseDateTimeInput(toDateTimeInputValue(at, 'local'), 'local');
              if (r.kind === 'ok') expect(r.at).toBe(at);
              else if (r.kind === 'ambiguous') expect(r.choices.map((c) => c.at)).toContain(at);
              else expect.fail(`${r.kind} for an instant that happened`);
            },
          ),
        );
      });
    });
  }
});
