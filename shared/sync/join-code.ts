import { fromBase64Url, isRoomDocumentName, toBase64Url } from './room-token';

/**
 * Join codes: what a hosting seat or `npm run relay` prints and a joining seat pastes.
 *
 * Format: `warroom:` + base64url(JSON `{v: 1, u: url, s: secret, f?: fingerprint, d?: doc}`),
 * one word with no spaces, so it survives chat apps, e-mail and a QR code. Parsing tolerates
 * surrounding whitespace and line breaks inserted inside the code (chat line wrapping).
 */

/** The parts of a join code. */
export interface JoinCodeParts {
  /** The relay's WebSocket address, `ws://` or `wss://` (e.g. `ws://192.168.1.20:1234`). */
  url: string;
  /** The room secret, or an incident token when `doc` is set (see room-token.ts). */
  secret: string;
  /**
   * SHA-256 fingerprint of the relay's TLS certificate (DER), as 32 upper-case hex bytes
   * separated by colons (Node's `X509Certificate.fingerprint256`); only with `wss://` relays
   * whose certificate a seat cannot verify through a certificate authority.
   */
  fingerprint?: string;
  /** When set, the code opens only this document (`incident:<uuid>`). */
  doc?: string;
}

/** The outcome of parsing: the parts, or a refusal with a message to show the person. */
export type ParsedJoinCode = { ok: true; code: JoinCodeParts } | { ok: false; message: string };

const PREFIX = 'warroom:';
const VERSION = 1;

/** `AB:CD:…` from a SHA-256 fingerprint given as hex with or without colons; null if malformed. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/:/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This join code is damaged: its relay address is not an address.';
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    return 'This join code is damaged: its relay address must start with ws:// or wss://.';
  }
  if (!parsed.hostname) return 'This join code is damaged: its relay address has no host.';
  return null;
}

/**
 * The join code for `parts`. Throws an Error if a part is malformed (a url that is not ws:// or
 * wss://, an empty secret, a fingerprint that is not 32 hex bytes, a doc that is not a room
 * document name): a code that would be refused when pasted is never produced.
 */
export function encodeJoinCode(parts: JoinCodeParts): string {
  const problem = urlProblem(parts.url);
  if (problem) throw new Error(problem);
  if (!parts.secret) throw new Error('A join code needs a room secret.');
  const body: Record<string, unknown> = { v: VERSION, u: parts.url, s: parts.secret };
  if (parts.fingerprint !== undefined) {
    const f = normalizeFingerprint(parts.fingerprint);
    if (!f) throw new Error('A certificate fingerprint is 32 hex bytes (SHA-256).');
    body.f = f;
  }
  if (parts.doc !== undefined) {
    if (!isRoomDocumentName(parts.doc)) throw new Error(`Not a room document: ${parts.doc}`);
    body.d = parts.doc;
  }
  return PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(body)));
}

/**
 * Reads a pasted join code. Never throws: a refusal carries a sentence for the person
 * ("This is not a Warroom join code.", "This join code is incomplete: it has no room
 * secret.", …).
 */
export function parseJoinCode(text: string): ParsedJoinCode {
  const refuse = (message: string): ParsedJoinCode => ({ ok: false, message });
  // Whitespace never occurs inside a code: chat apps wrap long words, so drop it all.
  const compact = text.replace(/\s+/g, '');
  if (!compact) return refuse('Paste a join code first.');
  if (compact.slice(0, PREFIX.length).toLowerCase() !== PREFIX) {
    return refuse('This is not a Warroom join code.');
  }
  const bytes = fromBase64Url(compact.slice(PREFIX.length));
  if (!bytes || bytes.length === 0) {
    return refuse('This join code is damaged or cut short: copy the whole code again.');
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('This join code is damaged or cut short: copy the whole code again.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return refuse('This join code is damaged: copy the whole code again.');
  }
  const b = body as Record<string, unknown>;
  if (typeof b.v !== 'number') return refuse('This join code is damaged: it has no version.');
  if (b.v > VERSION) {
    return refuse('This join code comes from a newer Warroom: update this app to join.');
  }
  if (b.v !== VERSION) return refuse('This join code is damaged: its version is unknown.');
  if (typeof b.u !== 'string' || !b.u) {
    return refuse('This join code is incomplete: it has no relay address.');
  }
  const problem = urlProblem(b.u);
  if (problem) return refuse(problem);
  if (typeof b.s !== 'string' || !b.s) {
    return refuse('This join code is incomplete: it has no room secret.');
  }
  const code: JoinCodeParts = { url: b.u, secret: b.s };
  if (b.f !== undefined) {
    const f = typeof b.f === 'string' ? normalizeFingerprint(b.f) : null;
    if (!f) return refuse('This join code is damaged: its certificate fingerprint is not valid.');
    code.fingerprint = f;
  }
  if (b.d !== undefined) {
    if (typeof b.d !== 'string' || !isRoomDocumentName(b.d)) {
      return refuse('This join code is damaged: the incident it opens is not valid.');
    }
    code.doc = b.d;
  }
  return { ok: true, code };
}
