import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { peerFormatNote } from '../../shared/sync/sync-format';

/**
 * Who is in the room, from the awareness states of a seat's documents, and the two repairs the
 * awareness protocol needs around a lost connection. Who was seen there and is gone:
 * last-seen.ts.
 *
 * Why the repairs: y-protocols accepts a peer's state only when its clock is higher than the one
 * last seen. A seat that reconnects re-sends its state with the clock it had before (Hocuspocus
 * `startSync`), so a receiver that dropped it at the disconnect (or a relay that dropped it when
 * the connection closed) ignores it until the periodic renewal, 15 s later: both seats said
 * "1 in the room" for 7–12 s after a relay restart. And a connection closed by the provider's
 * watchdog (no close event) never told the providers, so peers stayed "present" while offline.
 */

/** One person in the room, from their seat's awareness state. */
export interface Presence {
  readonly clientId: number;
  /** The window this line stands for (its `presence` id): one line per window. */
  readonly window: string;
  readonly self: boolean;
  readonly name: string;
  readonly role?: string;
  /** What they are looking at (an incident's reference) or editing. */
  readonly viewing?: string;
  /**
   * Set when their Warroom lays out the shared record differently from this one
   * (shared/sync/sync-format.ts `peerFormatNote`), e.g. "older Warroom: cannot read entries
   * from this seat; update it".
   */
  readonly formatNote?: string;
}

/** What a seat says about itself to the room. */
export interface PresenceState {
  name: string;
  role?: string;
  viewing?: string;
}

/**
 * The people in the room: one line per window (its `presence` id) across every document's
 * awareness, this seat first, then by name. A seat that is not connected knows nobody else is
 * there: it lists itself alone, whatever stale states its providers still hold.
 */
export function presenceOf(
  statesPerDoc: Iterable<ReadonlyMap<number, unknown>>,
  mine: string,
  connected: boolean,
): Presence[] {
  const byWindow = new Map<string, Presence>();
  for (const states of statesPerDoc) {
    for (const [clientId, s] of states) {
      if (!s || typeof s !== 'object') continue;
      const st = s as Partial<PresenceState> & { presence?: string; sync?: unknown };
      const key = typeof st.presence === 'string' ? st.presence : `client-${clientId}`;
      if (byWindow.has(key) || typeof st.name !== 'string' || !st.name) continue;
      const self = key === mine;
      if (!self && !connected) continue;
      const note = peerFormatNote(st.sync);
      byWindow.set(key, {
        clientId,
        window: key,
        self,
        name: st.name,
        ...(typeof st.role === 'string' ? { role: st.role } : {}),
        ...(typeof st.viewing === 'string' ? { viewing: st.viewing } : {}),
        ...(note ? { formatNote: note } : {}),
      });
    }
  }
  return [...byWindow.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name),
  );
}

/**
 * The connection is gone: forgets every other seat's state and its clock, so that the state a
 * peer re-sends on reconnect (with the clock it had) is taken at once, not 15 s later.
 */
export function forgetPeers(awareness: Awareness, origin: unknown = 'disconnect'): void {
  const others = [...awareness.getStates().keys()].filter((id) => id !== awareness.clientID);
  removeAwarenessStates(awareness, others, origin);
  for (const id of [...awareness.meta.keys()])
    if (id !== awareness.clientID) awareness.meta.delete(id);
}

/**
 * The connection is back: says this seat's state again with a new clock, so that a relay or a
 * peer that saw the old clock before the outage takes it (a re-sent old clock is ignored).
 */
export function renewLocalState(awareness: Awareness): void {
  const state = awareness.getLocalState();
  if (state !== null) awareness.setLocalState({ ...state });
}
