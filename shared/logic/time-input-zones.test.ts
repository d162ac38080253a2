import { describe, expect, it } from 'vitest';
import { withZone } from './testing/with-zone';
import {
  dateTimeInputProblem,
  parseDateTimeInput,
  reexpressDateTimeInput,
  settleDateTimeInput,
  toDateTimeInputValue,
} from './time';

const M = 60_000;

// The fault this guards: a "now" written in UTC under a "Local time (Europe/Berlin)" hint; a
// nudge of 10 minutes earlier then recorded a start 70 minutes early.
describe.each([
  ['Europe/Berlin', '2026-01-15T13:00', '2026-01-15T12:50'],
  ['America/New_York', '2026-01-15T07:00', '2026-01-15T06:50'],
])('datetime inputs in local time (%s)', (zone, shownNow, nudged) => {
  withZone(zone);
  const now = Date.UTC(2026, 0, 15, 12, 0);

  it('shows "now" as the local wall clock and reads a nudge back as the same zone', () => {
    expect(toDateTimeInputValue(now, 'local')).toBe(shownNow);
    expect(settleDateTimeInput(shownNow, 'local', null)).toEqual({ ok: true, at: now });
    expect(settleDateTimeInput(nudged, 'local', null)).toEqual({ ok: true, at: now - 10 * M });
  });

  it('rewrites a typed time for another zone so it names the same instant', () => {
    expect(reexpressDateTimeInput('2026-01-15T12:00', 'utc', 'local')).toBe(shownNow);
    expect(reexpressDateTimeInput(shownNow, 'local', 'utc')).toBe('2026-01-15T12:00');
    expect(reexpressDateTimeInput('2026-01-15T12:00:30', 'utc', 'local')).toBe(`${shownNow}:30`);
    // Empty or half-typed text is left alone.
    expect(reexpressDateTimeInput('', 'utc', 'local')).toBe('');
    expect(reexpressDateTimeInput('2026-01-1', 'utc', 'local')).toBe('2026-01-1');
  });
});

describe('reexpressDateTimeInput across a fall-back night (America/New_York)', () => {
  withZone('America/New_York');
  it('keeps the chosen instant of a time that happened twice, else leaves the text', () => {
    const second = parseDateTimeInput('2026-11-01T01:30', 'local');
    expect(second.kind).toBe('ambiguous');
    if (second.kind !== 'ambiguous') return;
    const at = second.choices[1].at;
    expect(reexpressDateTimeInput('2026-11-01T01:30', 'local', 'utc', at)).toBe('2026-11-01T06:30');
    expect(reexpressDateTimeInput('2026-11-01T01:30', 'local', 'utc')).toBe('2026-11-01T01:30');
  });
});

describe('times outside what Warroom stores', () => {
  it('refuses 1901 in words, with the earliest date, as typed and on submit', () => {
    const message = dateTimeInputProblem('1901-01-01T00:00', 'utc');
    expect(message).toMatch(/earliest date Warroom accepts is 1970-01-01/);
    expect(message).not.toMatch(/expected|>=|Too small/);
    expect(settleDateTimeInput('1901-01-01T00:00', 'utc', null)).toEqual({
      ok: false,
      error: message,
    });
    expect(dateTimeInputProblem('1970-01-01T00:00', 'utc')).toBeNull();
    expect(dateTimeInputProblem('2026-11-22T14:05', 'utc')).toBeNull();
  });
});
