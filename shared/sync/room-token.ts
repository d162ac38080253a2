/**
 * Tokens a seat sends to the relay (Hocuspocus `token`), shared by the relay and the seats.
 *
 * A seat holding the room secret sends the secret itself and may open every document of the
 * room. A seat given a join code limited to one incident sends an incident token instead: an
 * HMAC-SHA-256 of the document name keyed with the room secret, so it opens that document only
 * and reveals nothing about the secret. Uses WebCrypto (`globalThis.crypto.subtle`), present in
 * Node ≥ 20, Electron and browsers; shared/ may not import node:*.
 */

/** The prefix that tells an incident token from the room secret. */
export const INCIDENT_TOKEN_PREFIX = 'inc1.';

/** The documents a room holds: `room`, `directory` and `incident:<lower-case UUID>`. */
const DOCUMENT_NAME =
  /^(?:room|directory|incident:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** True when `name` is a document the relay serves (`room`, `directory`, `incident:<uuid>`). */
export function isRoomDocumentName(name: string): boolean {
  return DOCUMENT_NAME.test(name);
}

/** True when `token` has the shape of an incident token (it may still be wrong). */
export function isIncidentToken(token: string): boolean {
  return token.startsWith(INCIDENT_TOKEN_PREFIX);
}

/** Bytes as base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * base64url (padding optional) to bytes; null when `text` is not base64url.
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  const bare = text.replace(/=+$/, '');
  if (bare.length % 4 === 1) return null;
  const padded =
    bare.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (bare.length % 4)) % 4);
  try {
    const binary = atob(padded);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * A new room secret: 128 random bits as base64url (22 characters).
 */
export function newRoomSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The token that opens only document `docName` of the room whose secret is `secret`:
 * `inc1.` + base64url(HMAC-SHA-256(key = UTF-8 of secret, message = UTF-8 of docName)).
 * Resolves to a 48-character string. Rejects only if WebCrypto is missing.
 */
export async function incidentToken(secret: string, docName: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, enc.encode(docName));
  return INCIDENT_TOKEN_PREFIX + toBase64Url(new Uint8Array(mac));
}
