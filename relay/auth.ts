import { createHash, timingSafeEqual } from 'node:crypto';
import { incidentToken, isIncidentToken, isRoomDocumentName } from '../shared/sync/room-token';

/**
 * Who may open what: the room secret opens every room document; an incident token
 * (shared/sync/room-token.ts) opens only the incident it was made for. Comparisons are made on
 * SHA-256 digests with crypto.timingSafeEqual, so neither the time taken nor a length mismatch
 * tells a caller how much of a guess was right.
 */

/** Why the relay refused a document (sent to the seat as the permission-denied reason). */
export type Refusal = 'not-a-room-document' | 'invalid-token';

/** What a token grants on a document: the whole room, that one incident, or a refusal. */
export type Grant = { ok: true; scope: 'room' | 'incident' } | { ok: false; reason: Refusal };

function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}

/**
 * Decides whether `token` may open document `docName` of the room whose secret is `secret`.
 * Document names other than `room`, `directory` and `incident:<uuid>` are refused whatever the
 * token. Never throws.
 */
export async function authorize(token: string, docName: string, secret: string): Promise<Grant> {
  if (!isRoomDocumentName(docName)) return { ok: false, reason: 'not-a-room-document' };
  if (isIncidentToken(token)) {
    if (!docName.startsWith('incident:')) return { ok: false, reason: 'invalid-token' };
    const expected = await incidentToken(secret, docName);
    return sameSecret(token, expected)
      ? { ok: true, scope: 'incident' }
      : { ok: false, reason: 'invalid-token' };
  }
  return sameSecret(token, secret)
    ? { ok: true, scope: 'room' }
    : { ok: false, reason: 'invalid-token' };
}
