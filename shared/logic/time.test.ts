import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatDuration,
  formatElapsed,
  formatEventTime,
  formatTimeOfDay,
  fromDateTimeInputValue,
  spansDays,
  toDateTimeInputValue,
} from './time';

const M = 60_000;
const H = 60 * M;

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
    [H + 2 * M + 3_000, '1:02:03'],
    [-5_000, '0:00'],
    [999, '0:00'],
  ])('formatClock(%i) = %s', (ms, text) => expect(formatClock(ms)).toBe(text));

  it.each([
    [45 * M, '45 min'],
    [2 * H, '2 h'],
    [2 * H + 5 * M, '2 h 5 min'],
    [76 * H, '3 d 4 h'],
  ])('formatDuration(%i) = %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('UTC and local formatting', () => {
  const at = Date.UTC(2026, 10, 22, 14, 5, 9);
  it('formats UTC with its zone marker', () => {
    expect(formatTimeOfDay(at, 'utc')).toBe('14:05');
    expect(formatTimeOfDay(at, 'utc', true)).toBe('14:05:09');
    expect(formatDateTime(at, 'utc')).toBe('2026-11-22 14:05 UTC');
    expect(formatEventTime(at, 'utc', false)).toBe('14:05 UTC');
    expect(formatEventTime(at, 'utc', true)).toBe('2026-11-22 14:05 UTC');
  });

  it('formats local time in the machine zone, without a UTC marker', () => {
    const local = new Date(at);
    const hh = String(local.getHours()).padStart(2, '0');
    const mm = String(local.getMinutes()).padStart(2, '0');
    expect(formatEventTime(at, 'local', false)).toBe(`${hh}:${mm}`);
  });

  it('knows when an incident spans days', () => {
    expect(spansDays(Date.UTC(2026, 10, 22, 23, 0), Date.UTC(2026, 10, 23, 1, 0), 'utc')).toBe(
      true,
    );
    expect(spansDays(Date.UTC(2026, 10, 22, 1, 0), Date.UTC(2026, 10, 22, 23, 0), 'utc')).toBe(
      false,
    );
  });

  it('round-trips datetime-local values in both zones and rejects bad dates', () => {
    const at2 = Date.UTC(2026, 10, 22, 14, 5);
    for (const zone of ['utc', 'local'] as const) {
      expect(fromDateTimeInputValue(toDateTimeInputValue(at2, zone), zone)).toBe(at2);
    }
    expect(fromDateTimeInputValue('2026-11-22T14:05', 'utc')).toBe(at2);
    expect(fromDateTimeInputValue('2026-02-31T10:00', 'utc')).toBeNull();
    expect(fromDateTimeInputValue('2026-11-22T25:00', 'utc')).toBeNull();
    expect(fromDateTimeInputValue('', 'utc')).toBeNull();
    expect(fromDateTimeInputValue('yesterday', 'local')).toBeNull();
  });
});
