import { describe, expect, it } from 'vitest';
import type { Hypothesis } from '../domain/records';
import { DEFAULT_SETTINGS } from '../domain/settings';
import {
  confirmedHypothesisTexts,
  DEFAULT_TIMEBOX_MS,
  extendHypothesis,
  hypothesisDueAt,
  hypothesisState,
  hypothesisTimeboxMs,
} from './hypotheses';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 22, 14, 0, 0);

const open: Hypothesis = {
  id: 'h1',
  incidentId: 'i1',
  text: 'bad config push',
  owner: 'Dana',
  status: 'open',
  openedAt: T0,
  dueAt: hypothesisDueAt(T0),
  closedAt: null,
  extensions: [],
};

describe('timebox length', () => {
  it('defaults to 15 minutes and follows settings', () => {
    expect(DEFAULT_TIMEBOX_MS).toBe(15 * MIN);
    expect(hypothesisTimeboxMs()).toBe(15 * MIN);
    expect(hypothesisTimeboxMs(DEFAULT_SETTINGS)).toBe(15 * MIN);
    expect(hypothesisTimeboxMs({ hypothesisTimeboxMinutes: 20 })).toBe(20 * MIN);
    expect(hypothesisTimeboxMs({ hypothesisTimeboxMinutes: -1 })).toBe(15 * MIN);
    // Out of range (stored before the 24 h bound) or not whole: the seed's 15 minutes.
    expect(hypothesisTimeboxMs({ hypothesisTimeboxMinutes: 1e9 })).toBe(15 * MIN);
    expect(hypothesisTimeboxMs({ hypothesisTimeboxMinutes: 2.5 })).toBe(15 * MIN);
    expect(hypothesisTimeboxMs({ hypothesisTimeboxMinutes: 1440 })).toBe(1440 * MIN);
    expect(hypothesisDueAt(T0, 20 * MIN)).toBe(T0 + 20 * MIN);
  });
});

describe('hypothesisState', () => {
  it.each([
    [0, { remainingMs: 15 * MIN, expired: false, text: '15:00' }],
    [2 * MIN + 56_000, { remainingMs: 12 * MIN + 4_000, expired: false, text: '12:04' }],
    [15 * MIN - 1, { remainingMs: 1, expired: false, text: '0:00' }],
    [15 * MIN, { remainingMs: 0, expired: true, overdueMs: 0, text: 'Expired just now' }],
    [
      18 * MIN + 5_000,
      { remainingMs: 0, expired: true, overdueMs: 185_000, text: 'Expired 3 min 5 s ago' },
    ],
    // Issue 11: "Expired 20:27" read as a time of day; an age reads as a duration.
    [
      35 * MIN + 27_000,
      { expired: true, overdueMs: 20 * MIN + 27_000, text: 'Expired 20 min ago' },
    ],
    [15 * MIN + 24 * 3_600_000 + 44 * MIN, { expired: true, text: 'Expired 1 d 0 h 44 min ago' }],
    [-10 * MIN, { remainingMs: 15 * MIN, expired: false, text: '15:00' }], // clock went back
  ])('at T0 + %d ms', (offset, expected) => {
    expect(hypothesisState(open, T0 + offset)).toMatchObject({ open: true, ...expected });
  });

  it.each([
    ['confirmed', 'Confirmed'],
    ['ruled-out', 'Ruled out'],
    ['abandoned', 'Abandoned'],
  ] as const)('a %s hypothesis has no running timer', (status, text) => {
    expect(hypothesisState({ ...open, status }, T0 + 20 * MIN)).toEqual({
      open: false,
      remainingMs: 0,
      expired: false,
      overdueMs: 0,
      text,
    });
  });
});

describe('extendHypothesis', () => {
  it('adds to the due time while still running, and records the extension', () => {
    const r = extendHypothesis(open, 10 * MIN, '  waiting for the heap dump ', T0 + 5 * MIN);
    expect(r).toEqual({
      ok: true,
      dueAt: T0 + 25 * MIN,
      extensions: [{ at: T0 + 5 * MIN, addedMs: 10 * MIN, reason: 'waiting for the heap dump' }],
    });
  });

  it('counts from now once expired, and keeps earlier extensions', () => {
    const once = {
      ...open,
      dueAt: T0 + 25 * MIN,
      extensions: [{ at: T0, addedMs: 10 * MIN, reason: 'a' }],
    };
    const r = extendHypothesis(once, 5 * MIN, 'b', T0 + 30 * MIN);
    expect(r.ok && r.dueAt).toBe(T0 + 35 * MIN);
    expect(r.ok && r.extensions.map((e) => e.reason)).toEqual(['a', 'b']);
    expect(r.ok && hypothesisState({ ...once, dueAt: r.dueAt }, T0 + 30 * MIN).text).toBe('5:00');
  });

  it.each([
    [{ ...open, status: 'confirmed' as const }, 5 * MIN, 'x', /open hypothesis/],
    [open, 0, 'x', /positive/],
    [open, Number.NaN, 'x', /positive/],
    [open, 5 * MIN, '   ', /Say why/],
  ])('refuses bad extensions (%#)', (h, added, reason, error) => {
    const r = extendHypothesis(h, added, reason, T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe('confirmedHypothesisTexts', () => {
  const h = (
    id: string,
    status: Hypothesis['status'],
    text: string,
    openedAt: number,
    closedAt: number | null = null,
  ) => ({
    id,
    status,
    text,
    openedAt,
    closedAt,
  });
  it('lists confirmed ones in the order they were confirmed, trimmed, blanks left out', () => {
    expect(
      confirmedHypothesisTexts([
        h('c', 'confirmed', ' pool exhausted ', 1, 30),
        h('a', 'ruled-out', 'DNS', 2, 10),
        h('b', 'confirmed', 'bad deploy', 3, 20),
        h('d', 'open', 'cache stampede', 4),
        h('e', 'confirmed', '   ', 5, 40),
      ]),
    ).toEqual(['bad deploy', 'pool exhausted']);
  });
  it('orders one without a close time by when it was opened, and ties by id', () => {
    expect(
      confirmedHypothesisTexts([
        h('y', 'confirmed', 'second', 1, 20),
        h('x', 'confirmed', 'first', 1, 20),
        h('z', 'confirmed', 'earliest', 5),
      ]),
    ).toEqual(['earliest', 'first', 'second']);
  });
});
