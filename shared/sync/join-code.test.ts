import { describe, expect, it } from 'vitest';
import {
  encodeJoinCode,
  normalizeFingerprint,
  parseJoinCode,
  type JoinCodeParts,
} from './join-code';
import { toBase64Url } from './room-token';

const FP =
  'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';
const DOC = 'incident:0190f2a4-1b2c-7000-8abc-0123456789ab';

/** A code whose JSON body is given as is (to build damaged codes). */
const raw = (body: unknown) =>
  'warroom:' +
  toBase64Url(new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)));

describe('join codes round-trip', () => {
  it.each<[string, JoinCodeParts]>([
    ['plain ws', { url: 'ws://127.0.0.1:1234', secret: 'abcDEF_-0123456789xyzQ' }],
    ['wss with fingerprint', { url: 'wss://192.168.1.20:1234', secret: 's', fingerprint: FP }],
    ['one incident', { url: 'wss://relay.example.org/warroom', secret: 'inc1.xyz', doc: DOC }],
    ['IPv6', { url: 'ws://[::1]:4000', secret: 'é🔑' }],
  ])('%s', (_name, parts) => {
    const code = encodeJoinCode(parts);
    expect(code).toMatch(/^warroom:[A-Za-z0-9_-]+$/);
    expect(parseJoinCode(code)).toEqual({ ok: true, code: parts });
  });

  it('tolerates surrounding whitespace, a trailing newline and chat line wrapping', () => {
    const parts = { url: 'ws://127.0.0.1:1234', secret: 'abcDEF_-0123456789xyzQ' };
    const code = encodeJoinCode(parts);
    const wrapped = `  ${code.slice(0, 20)}\n${code.slice(20, 41)} ${code.slice(41)}\r\n`;
    expect(parseJoinCode(`\t${code}\n`)).toEqual({ ok: true, code: parts });
    expect(parseJoinCode(wrapped)).toEqual({ ok: true, code: parts });
    expect(parseJoinCode(code.replace('warroom:', 'WARROOM:'))).toEqual({ ok: true, code: parts });
  });

  it('normalizes fingerprints given without colons or in lower case', () => {
    const bare = FP.replace(/:/g, '').toLowerCase();
    expect(normalizeFingerprint(bare)).toBe(FP);
    const code = encodeJoinCode({ url: 'wss://h:1', secret: 's', fingerprint: bare });
    expect(parseJoinCode(code)).toMatchObject({ ok: true, code: { fingerprint: FP } });
  });
});

describe('join codes refused', () => {
  const good = encodeJoinCode({ url: 'ws://127.0.0.1:1234', secret: 'abcDEF_-0123456789xyzQ' });
  it.each<[string, string, RegExp]>([
    ['empty', '', /Paste a join code/],
    ['only whitespace', ' \n ', /Paste a join code/],
    ['garbage', 'hello there', /not a Warroom join code/],
    ['a web address', 'https://example.org/?s=1', /not a Warroom join code/],
    ['wrong scheme', good.replace('warroom:', 'warzone:'), /not a Warroom join code/],
    ['prefix only', 'warroom:', /damaged or cut short/],
    ['truncated', good.slice(0, good.length - 7), /damaged or cut short/],
    ['cut in half', good.slice(0, 30), /damaged or cut short/],
    ['not base64url', 'warroom:abc$%^', /damaged or cut short/],
    ['not JSON', raw('{"v":1,'), /damaged or cut short/],
    ['JSON array', raw([1, 2]), /damaged/],
    ['no version', raw({ u: 'ws://h:1', s: 's' }), /no version/],
    ['newer version', raw({ v: 2, u: 'ws://h:1', s: 's' }), /newer Warroom/],
    ['no address', raw({ v: 1, s: 's' }), /incomplete: it has no relay address/],
    ['http address', raw({ v: 1, u: 'http://h:1', s: 's' }), /ws:\/\/ or wss:\/\//],
    ['not an address', raw({ v: 1, u: 'ws//h', s: 's' }), /not an address/],
    ['no secret', raw({ v: 1, u: 'ws://h:1' }), /incomplete: it has no room secret/],
    ['empty secret', raw({ v: 1, u: 'ws://h:1', s: '' }), /incomplete: it has no room secret/],
    ['bad fingerprint', raw({ v: 1, u: 'wss://h:1', s: 's', f: 'AB:CD' }), /fingerprint/],
    ['bad document', raw({ v: 1, u: 'ws://h:1', s: 's', d: '../x' }), /incident it opens/],
  ])('%s', (_name, text, message) => {
    const parsed = parseJoinCode(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('encode refuses parts that would be refused when pasted', () => {
    expect(() => encodeJoinCode({ url: 'http://h:1', secret: 's' })).toThrow(/ws:\/\//);
    expect(() => encodeJoinCode({ url: 'ws://h:1', secret: '' })).toThrow(/secret/);
    expect(() => encodeJoinCode({ url: 'ws://h:1', secret: 's', fingerprint: 'x' })).toThrow();
    expect(() => encodeJoinCode({ url: 'ws://h:1', secret: 's', doc: 'x' })).toThrow();
  });
});
