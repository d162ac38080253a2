import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';

/**
 * Spares a document one encoding of every change that reaches it from the relay.
 *
 * Why: after each Yjs transaction the document encodes the change once per update format that
 * has a listener. y-dexie listens to `updateV2` (to store it); the Hocuspocus provider listens to
 * `update` (V1) only to send this seat's own changes, and drops everything that came from the
 * relay. So a peer's 1,000 offline entries arriving after a reconnect were encoded twice on this
 * seat, V1 for nothing: about a quarter of the time the seat spends applying them (seat A's CPU
 * profile, BENCHMARKS.md run T). The provider's sender is moved onto `updateV2`: changes from the
 * relay are skipped before any V1 exists, and this seat's own changes (one entry, one field:
 * small) are converted to V1 and sent exactly as before.
 *
 * Reaches into the provider (`boundDocumentUpdateHandler`, @hocuspocus/provider 4.x): if a later
 * version renames it, nothing changes and the provider sends as it always did.
 */
export function sendFromUpdateV2(provider: HocuspocusProvider): void {
  const send = (
    provider as unknown as {
      boundDocumentUpdateHandler?: (update: Uint8Array, origin: unknown) => void;
    }
  ).boundDocumentUpdateHandler;
  if (typeof send !== 'function') return;
  const doc = provider.document;
  const onUpdateV2 = (update: Uint8Array, origin: unknown) => {
    // What the provider itself applied came from the relay: it would drop it anyway.
    if (origin === provider) return;
    send(Y.convertUpdateFormatV2ToV1(update), origin);
  };
  doc.off('update', send);
  doc.on('updateV2', onUpdateV2);
  // The provider flushes what it batched, then forgets its own listener, on destroy.
  provider.on('destroy', () => doc.off('updateV2', onUpdateV2));
}
