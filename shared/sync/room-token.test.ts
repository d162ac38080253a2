import { describe, expect, it } from 'vitest';
import {
  fromBase64Url,
  incidentToken,
  isIncidentToken,
  isRoomDocumentName,
  newRoomSecret,
  toBase64Url,
} from './room-token';

const DOC = 'incident:0190f2a4-1b2c-7000-8abc-0123456789ab';

describe('incidentToken', () => {
  it('is HMAC-SHA-256 of the document name keyed with the secret, base64url, prefixed', async () => {
    // RFC 4231, test case 2.
    const mac = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    const bytes = Uint8Array.from(mac.match(/../g)!, (h) => parseInt(h, 16));
    const token = await incidentToken('Jefe', 'what do ya want for nothing?');
    expect(token).toBe(`inc1.${toBase64Url(bytes)}`);
    expect(token).toHaveLength(48);
    expect(isIncidentToken(token)).toBe(true);
    expect(isIncidentToken('Jefe')).toBe(false);
  });

  it('differs per document and per secret', async () => {
    const other = 'incident:0190f2a4-1b2c-7000-8abc-0123456789ac';
    expect(await incidentToken('s', DOC)).not.toBe(await incidentToken('s', other));
    expect(await incidentToken('s', DOC)).not.toBe(await incidentToken('t', DOC));
  });
});

describe('room documents', () => {
  it.each([
    ['room', true],
    ['directory', true],
    [DOC, true],
    ['incident:0190F2A4-1B2C-7000-8ABC-0123456789AB', false],
    ['incident:', false],
    ['incident:../x', false],
    ['../x', false],
    ['room ', false],
    ['', false],
  ])('%j → %s', (name, ok) => {
    expect(isRoomDocumentName(name)).toBe(ok);
  });
});

describe('base64url', () => {
  it('round-trips every length and refuses what is not base64url', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
    // RFC 4648 §10 vectors, and the two characters base64url changes.
    const ascii = (t: string) => new TextEncoder().encode(t);
    expect(toBase64Url(ascii('foobar'))).toBe('Zm9vYmFy');
    expect(toBase64Url(ascii('fooba'))).toBe('Zm9vYmE');
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(fromBase64Url('-_8=')).toEqual(Uint8Array.of(0xfb, 0xff));
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('ab cd')).toBeNull();
  });

  it('makes 128-bit secrets', () => {
    const a = newRoomSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(fromBase64Url(a)).toHaveLength(16);
    expect(newRoomSecret()).not.toBe(a);
  });
});
