import { afterEach, describe, expect, it } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { sendFromUpdateV2 } from './update-sender';

/** A socket that never connects: the provider's sending side is watched through its batch. */
class SilentSocket extends EventTarget {
  readyState = 0;
  binaryType = '';
  send(): void {}
  close(): void {}
}

let socket: HocuspocusProviderWebsocket | null = null;
afterEach(() => {
  socket?.destroy();
  socket = null;
});

/** A real provider whose updates wait in its batch (`pendingUpdates`) for a long flush delay. */
function provider() {
  socket = new HocuspocusProviderWebsocket({
    url: 'ws://relay.test',
    WebSocketPolyfill: SilentSocket,
    autoConnect: false,
  });
  const doc = new Y.Doc();
  const p = new HocuspocusProvider({
    websocketProvider: socket,
    name: 'incident/a',
    document: doc,
    token: 'secret',
    awareness: null,
    flushDelay: 60_000,
  });
  const batch = () => (p as unknown as { pendingUpdates: Uint8Array[] }).pendingUpdates;
  const listeners = (event: string) =>
    (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get(event)?.size ?? 0;
  return { p, doc, batch, listeners };
}

describe('sendFromUpdateV2', () => {
  it('leaves the document no V1 listener, and sends this seat’s own changes as V1 updates', () => {
    const { p, doc, batch, listeners } = provider();
    expect(listeners('update')).toBe(1); // the provider's own sender
    sendFromUpdateV2(p);
    expect(listeners('update')).toBe(0); // no V1 encoding after each transaction

    doc.getMap('timelineEntries').set('e1', 'logged here');
    expect(p.hasUnsyncedChanges).toBe(true);
    expect(batch()).toHaveLength(1);
    const relay = new Y.Doc();
    Y.applyUpdate(relay, batch()[0]!); // V1, as the relay reads it
    expect(relay.getMap('timelineEntries').get('e1')).toBe('logged here');
  });

  it('does not send back what came from the relay', () => {
    const { p, batch } = provider();
    sendFromUpdateV2(p);
    const peer = new Y.Doc();
    peer.getMap('timelineEntries').set('e2', 'logged on the other seat');
    Y.applyUpdate(p.document, Y.encodeStateAsUpdate(peer), p); // as the provider applies a sync
    expect(batch()).toHaveLength(0);
    expect(p.document.getMap('timelineEntries').get('e2')).toBe('logged on the other seat');
  });

  it('stops listening when the provider is destroyed', () => {
    const { p, listeners } = provider();
    const before = listeners('updateV2');
    sendFromUpdateV2(p);
    expect(listeners('updateV2')).toBe(before + 1);
    p.destroy();
    expect(listeners('updateV2')).toBe(before);
  });
});
