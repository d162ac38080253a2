import { describe, expect, it } from 'vitest';
import {
  formatRefusal,
  MIN_SEAT_FORMAT,
  peerFormatNote,
  seatFormat,
  seatUrl,
  SYNC_FORMAT,
} from './sync-format';

describe('seatUrl', () => {
  it.each([
    ['ws://127.0.0.1:1234', 'ws://127.0.0.1:1234/?sync=2'],
    ['wss://relay.example.org/warroom', 'wss://relay.example.org/warroom?sync=2'],
    ['wss://relay.example.org/warroom?team=sre', 'wss://relay.example.org/warroom?team=sre&sync=2'],
    ['ws://[::1]:8080/?sync=1', 'ws://[::1]:8080/?sync=2'],
    ['wss://relay.example.org/warroom/', 'wss://relay.example.org/warroom?sync=2'],
    ['wss://relay.example.org//', 'wss://relay.example.org/?sync=2'],
  ])('%s → %s', (relay, seat) => {
    expect(seatUrl(relay, 2)).toBe(seat);
  });

  it('carries this build’s format, read back by the relay', () => {
    expect(seatFormat(new URL(seatUrl('ws://10.0.0.5:1234')).searchParams)).toBe(SYNC_FORMAT);
  });

  it('throws on an address that is not absolute', () => {
    expect(() => seatUrl('not a url')).toThrow(TypeError);
    expect(() => seatUrl('/relative/path')).toThrow(TypeError);
  });
});

describe('seatFormat', () => {
  it.each([
    ['', 1],
    ['sync=2', 2],
    ['sync=7', 7],
    ['sync=0', 1],
    ['sync=-3', 1],
    ['sync=2.5', 1],
    ['sync=two', 1],
    ['sync=', 1],
    ['sync=99999', 1],
    ['other=2', 1],
  ])('%s → format %d', (query, format) => {
    expect(seatFormat(new URLSearchParams(query))).toBe(format);
  });
});

describe('formatRefusal', () => {
  it('refuses seats older than the oldest format the relay serves, and only those', () => {
    expect(MIN_SEAT_FORMAT).toBeLessThanOrEqual(SYNC_FORMAT);
    for (let f = 1; f < MIN_SEAT_FORMAT; f++) expect(formatRefusal(f)).toMatch(/older Warroom/);
    for (let f = MIN_SEAT_FORMAT; f <= SYNC_FORMAT + 2; f++) expect(formatRefusal(f)).toBeNull();
  });

  it('tells the person what to do and that nothing is lost', () => {
    expect(formatRefusal(1)).toMatch(/Update Warroom/);
    expect(formatRefusal(1)).toMatch(/nothing on this laptop is lost/);
  });
});

describe('peerFormatNote', () => {
  it.each<[unknown, number, string | null]>([
    [2, 2, null],
    [undefined, 2, 'older Warroom: cannot read entries from this seat; update it'],
    ['2', 2, 'older Warroom: cannot read entries from this seat; update it'],
    [1, 2, 'older Warroom: cannot read entries from this seat; update it'],
    [3, 2, 'newer Warroom: update Warroom on this laptop'],
    [1, 1, null],
    [undefined, 1, null],
  ])('peer %s, own %d → %s', (peer, own, note) => {
    expect(peerFormatNote(peer, own)).toBe(note);
  });
});
