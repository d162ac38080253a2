import { describe, expect, it } from 'vitest';
import { withZone } from '../../shared/logic/testing/with-zone';
import {
  LAST_SEEN_SHOWN_MS,
  lastSeenRows,
  lastSeenText,
  noteSeen,
  type SeenPeople,
} from './last-seen';
import { presenceOf, type Presence } from './presence';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 22, 14, 0);

/** Awareness states as a seat's providers hold them (window id → what the seat said). */
type States = Record<string, { name: string; role?: string }>;

const ana = { name: 'Ana', role: 'Incident Commander' };
const bo = { name: 'Bo', role: 'Scribe' };
const cy = { name: 'Cy' };

/** The awareness map of one document: client id → state, each naming its window. */
function statesOf(states: States): Map<number, unknown> {
  return new Map(
    Object.entries(states).map(([win, s], i): [number, unknown] => [
      i + 1,
      { ...s, presence: win },
    ]),
  );
}

/**
 * One reading of the room, as the Room takes it: the awareness states it holds, whether its
 * socket is connected, and the time it passes (now while connected; while not, when it last
 * heard from the room).
 */
interface Reading {
  states: States;
  connected: boolean;
  at: number;
}

/** Runs the readings from an empty memory (a fresh seat), then lists the rows at `now`. */
function rowsAfter(readings: Reading[], now: number, lostAt: number | null) {
  let seen: SeenPeople = new Map();
  let present: Presence[] = [];
  for (const r of readings) {
    present = presenceOf([statesOf(r.states)], 'w-me', r.connected);
    seen = noteSeen(seen, present, r.at, r.connected);
  }
  return lastSeenRows(seen, present, lostAt, now).map((row) => ({
    name: row.name,
    role: row.role,
    at: row.at,
  }));
}

const on = (at: number, states: States): Reading => ({ states, connected: true, at });
const off = (lostAt: number, states: States): Reading => ({ states, connected: false, at: lostAt });
const L = T0 + 10 * MIN; // the connection is lost

describe('lastSeenRows over a session', () => {
  it.each([
    {
      what: 'people present are not last seen',
      readings: [on(T0, { 'w-me': ana, 'w-bo': bo })],
      now: T0 + MIN,
      lostAt: null,
      rows: [],
    },
    {
      what: 'the connection is lost: everyone who was there, last seen when the room was last heard',
      readings: [
        on(T0, { 'w-me': ana, 'w-bo': bo, 'w-cy': cy }),
        off(L, { 'w-me': ana, 'w-bo': bo }),
      ],
      now: L + 3 * MIN,
      lostAt: L,
      rows: [
        { name: 'Bo', role: 'Scribe', at: L },
        { name: 'Cy', role: undefined, at: L },
      ],
    },
    {
      what: 'offline for two hours: still listed, still at the time of the loss',
      readings: [
        on(T0, { 'w-me': ana, 'w-bo': bo }),
        off(L, { 'w-me': ana }),
        off(L, { 'w-me': ana }),
      ],
      now: L + 120 * MIN,
      lostAt: L,
      rows: [{ name: 'Bo', role: 'Scribe', at: L }],
    },
    {
      what: 'back in the room with Bo: present again, not last seen',
      readings: [
        on(T0, { 'w-me': ana, 'w-bo': bo }),
        off(L, { 'w-me': ana }),
        on(L + 5 * MIN, { 'w-me': ana }),
        on(L + 5 * MIN, { 'w-me': ana, 'w-bo': bo }),
      ],
      now: L + 6 * MIN,
      lostAt: null,
      rows: [],
    },
    {
      what: 'back in the room before Bo: Bo still last seen at the loss',
      readings: [
        on(T0, { 'w-me': ana, 'w-bo': bo }),
        off(L, { 'w-me': ana }),
        on(L + 5 * MIN, { 'w-me': ana }),
      ],
      now: L + 5 * MIN,
      lostAt: null,
      rows: [{ name: 'Bo', role: 'Scribe', at: L }],
    },
    {
      what: 'someone who left while connected: listed from when they left',
      readings: [on(T0, { 'w-me': ana, 'w-bo': bo }), on(T0 + 2 * MIN, { 'w-me': ana })],
      now: T0 + 7 * MIN,
      lostAt: null,
      rows: [{ name: 'Bo', role: 'Scribe', at: T0 + 2 * MIN }],
    },
    {
      what: `someone who left ${LAST_SEEN_SHOWN_MS / MIN} min ago while connected: no longer listed`,
      readings: [on(T0, { 'w-me': ana, 'w-bo': bo }), on(T0 + 2 * MIN, { 'w-me': ana })],
      now: T0 + 2 * MIN + LAST_SEEN_SHOWN_MS,
      lostAt: null,
      rows: [],
    },
    {
      what: 'left 5 min before the loss: listed offline, at the time they left',
      readings: [
        on(T0, { 'w-me': ana, 'w-bo': bo, 'w-cy': cy }),
        on(L - 5 * MIN, { 'w-me': ana, 'w-cy': cy }),
        off(L, { 'w-me': ana }),
      ],
      now: L + MIN,
      lostAt: L,
      rows: [
        { name: 'Cy', role: undefined, at: L },
        { name: 'Bo', role: 'Scribe', at: L - 5 * MIN },
      ],
    },
    {
      what: 'left long before the loss (and not forgotten yet): not listed offline',
      readings: [
        on(T0, { 'w-me': ana, 'w-bo': bo }),
        on(T0 + MIN, { 'w-me': ana }),
        off(T0 + 40 * MIN, { 'w-me': ana }),
      ],
      now: T0 + 41 * MIN,
      lostAt: T0 + 40 * MIN,
      rows: [],
    },
    {
      what: 'a window that reloaded: present under its new window, not last seen',
      readings: [
        on(T0, { 'w-me': ana, 'w-bo': bo }),
        on(T0 + MIN, { 'w-me': ana }),
        on(T0 + 2 * MIN, { 'w-me': ana, 'w-bo-2': bo }),
      ],
      now: T0 + 3 * MIN,
      lostAt: null,
      rows: [],
    },
    {
      what: 'two windows of one name gone: one line, the later',
      readings: [
        on(T0, { 'w-me': ana, 'w-bo': bo }),
        on(T0 + MIN, { 'w-me': ana, 'w-bo-2': bo }),
        on(T0 + 3 * MIN, { 'w-me': ana }),
      ],
      now: T0 + 4 * MIN,
      lostAt: null,
      rows: [{ name: 'Bo', role: 'Scribe', at: T0 + 3 * MIN }],
    },
    {
      what: 'latest first, then by name',
      readings: [
        on(T0, { 'w-me': ana, 'w-cy': cy, 'w-bo': bo, 'w-di': { name: 'Di' } }),
        on(T0 + MIN, { 'w-me': ana, 'w-cy': cy, 'w-bo': bo }),
        off(L, { 'w-me': ana }),
      ],
      now: L + MIN,
      lostAt: L,
      rows: [
        { name: 'Bo', role: 'Scribe', at: L },
        { name: 'Cy', role: undefined, at: L },
        { name: 'Di', role: undefined, at: T0 + MIN },
      ],
    },
    {
      what: 'after a reload while offline: nobody (presence is never stored)',
      readings: [off(L, { 'w-me': ana })],
      now: L + MIN,
      lostAt: L,
      rows: [],
    },
    {
      what: 'this seat itself is never last seen',
      readings: [on(T0, { 'w-me': ana }), off(L, {})],
      now: L + MIN,
      lostAt: L,
      rows: [],
    },
  ])('$what', ({ readings, now, lostAt, rows }) => {
    expect(rowsAfter(readings, now, lostAt)).toEqual(rows);
  });
});

describe('noteSeen', () => {
  const present = (states: States, connected = true) =>
    presenceOf([statesOf(states)], 'w-me', connected);
  it('keeps the time someone went through later readings', () => {
    let seen = noteSeen(new Map(), present({ 'w-me': ana, 'w-bo': bo }), T0, true);
    seen = noteSeen(seen, present({ 'w-me': ana }, false), L, false);
    seen = noteSeen(seen, present({ 'w-me': ana }, false), L, false);
    seen = noteSeen(seen, present({ 'w-me': ana }), L + 10 * MIN, true);
    expect(seen.get('w-bo')?.goneAt).toBe(L);
  });
  it('forgets people gone too long only while connected', () => {
    const gone = noteSeen(
      noteSeen(new Map(), present({ 'w-me': ana, 'w-bo': bo }), T0, true),
      present({ 'w-me': ana }),
      T0 + MIN,
      true,
    );
    const later = T0 + MIN + LAST_SEEN_SHOWN_MS;
    expect(noteSeen(gone, present({ 'w-me': ana }, false), later, false).has('w-bo')).toBe(true);
    expect(noteSeen(gone, present({ 'w-me': ana }), later, true).has('w-bo')).toBe(false);
  });
  it('keeps those lost with the room for the full time after a long outage, from the reconnect', () => {
    let seen = noteSeen(new Map(), present({ 'w-me': ana, 'w-bo': bo }), T0, true);
    seen = noteSeen(seen, present({ 'w-me': ana }, false), L, false);
    const back = L + 60 * MIN; // an hour offline
    seen = noteSeen(seen, present({ 'w-me': ana }), back, true);
    expect(seen.get('w-bo')).toMatchObject({ goneAt: L, shownFrom: back });
    expect(lastSeenRows(seen, present({ 'w-me': ana }), null, back + MIN)).toEqual([
      { window: 'w-bo', name: 'Bo', role: 'Scribe', at: L },
    ]);
    // Later readings keep counting from the reconnect, then let them go.
    seen = noteSeen(seen, present({ 'w-me': ana }), back + 10 * MIN, true);
    expect(seen.get('w-bo')?.shownFrom).toBe(back);
    seen = noteSeen(seen, present({ 'w-me': ana }), back + LAST_SEEN_SHOWN_MS, true);
    expect(seen.has('w-bo')).toBe(false);
  });
  it('lists a peer who left with the same name as this seat', () => {
    const twin = { name: 'Ana', role: 'Scribe' };
    let seen = noteSeen(new Map(), present({ 'w-me': ana, 'w-twin': twin }), T0, true);
    seen = noteSeen(seen, present({ 'w-me': ana }), T0 + MIN, true);
    expect(lastSeenRows(seen, present({ 'w-me': ana }), null, T0 + 2 * MIN)).toEqual([
      { window: 'w-twin', name: 'Ana', role: 'Scribe', at: T0 + MIN },
    ]);
  });
  it('keeps what they last said of themselves', () => {
    let seen = noteSeen(new Map(), present({ 'w-bo': bo }), T0, true);
    seen = noteSeen(seen, present({ 'w-bo': { name: 'Bo', role: 'Technical Lead' } }), T0, true);
    seen = noteSeen(seen, [], L, false);
    expect(seen.get('w-bo')).toMatchObject({ person: { role: 'Technical Lead' }, goneAt: L });
  });
});

describe('lastSeenText', () => {
  const at = Date.UTC(2026, 10, 22, 14, 5, 20);
  it.each([
    { ago: 30 * 1000, text: 'Last seen 14:05 UTC (under a minute ago)' },
    { ago: 59 * 1000, text: 'Last seen 14:05 UTC (under a minute ago)' },
    { ago: 60 * 1000, text: 'Last seen 14:05 UTC (1 min ago)' },
    { ago: 3 * MIN + 50 * 1000, text: 'Last seen 14:05 UTC (3 min ago)' },
    { ago: 65 * MIN, text: 'Last seen 14:05 UTC (1 h 5 min ago)' },
    { ago: 10 * 60 * MIN, text: 'Last seen 2026-11-22 14:05 UTC (10 h ago)' },
  ])('UTC, $ago ms later: $text', ({ ago, text }) => {
    expect(lastSeenText(at, at + ago, 'utc')).toBe(text);
  });

  describe('in the local zone, America/New_York', () => {
    withZone('America/New_York');
    it('names the zone', () => {
      expect(lastSeenText(at, at + 3 * MIN, 'local')).toBe('Last seen 09:05 EST (3 min ago)');
    });
  });

  describe('in the local zone, Australia/Sydney', () => {
    withZone('Australia/Sydney');
    it('gives the date when it was another day there (not in UTC)', () => {
      const late = Date.UTC(2026, 10, 22, 12, 55);
      expect(lastSeenText(late, late + 15 * MIN, 'utc')).toBe('Last seen 12:55 UTC (15 min ago)');
      expect(lastSeenText(late, late + 15 * MIN, 'local')).toBe(
        'Last seen 2026-11-22 23:55 UTC+11:00 (15 min ago)',
      );
    });
  });
});
