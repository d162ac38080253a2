import { WebSocketStatus, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { GatedProvider, PriorityGate } from './priority-gate';

/**
 * The seat's socket and its message queue, as the room's {@link PriorityGate} needs them.
 * Reaches into the provider's queue (`messageQueue`, `parseQueuedMessage`; @hocuspocus/provider
 * 4.x): if a later version renames them, nothing is dropped and the queue is sent as before.
 */

/** Hocuspocus's message type of document sync messages (steps 1 and 2, and updates). */
const SYNC_MESSAGE = 0;
/** Hocuspocus's message type telling the relay a document is closed on this connection. */
const CLOSE_MESSAGE = 7;

/**
 * Drops the queued sync and Close messages of the socket.
 *
 * Sync: while the relay is unreachable the socket queues every document update as its own
 * message and sends them all on reconnect: a seat that logged 1,000 entries offline sends 1,000
 * messages, and every other seat applies and stores 1,000 updates one by one. The sync that each
 * document starts on reconnect (state vectors exchanged, then one update with everything the
 * other side lacks) already carries all of them.
 *
 * Close: a message is queued only while the socket is not open, so a queued Close belongs to the
 * connection that ended (documents held back while offline); sent on the new connection it would
 * close a document the seat has just opened there.
 *
 * Awareness and other messages stay.
 */
export function dropQueuedSync(socket: HocuspocusProviderWebsocket): void {
  const inner = socket as unknown as {
    messageQueue?: unknown[];
    parseQueuedMessage?: (m: Uint8Array) => { documentName: string; messageType: number } | null;
  };
  const queue = inner.messageQueue;
  const parse = inner.parseQueuedMessage?.bind(socket);
  if (!Array.isArray(queue) || !parse) return;
  inner.messageQueue = queue.filter((m) => {
    if (!(m instanceof Uint8Array)) return true;
    const type = parse(m)?.messageType;
    return type !== SYNC_MESSAGE && type !== CLOSE_MESSAGE;
  });
}

/**
 * Ties `gate` to `socket`: when the socket reports it is connected, the queue is cleaned
 * ({@link dropQueuedSync}, just before the socket flushes it) and the gate hears of it a
 * microtask later (only then does the socket pass its open event to providers attached from that
 * moment on); when it reports it is disconnected, the gate holds back the documents of
 * `providers` a microtask later, after the providers have handled the close. Nothing happens
 * once `alive()` is false.
 */
export function gateOnSocket<P extends GatedProvider>(
  socket: HocuspocusProviderWebsocket,
  gate: PriorityGate<P>,
  providers: ReadonlyMap<string, P | null>,
  alive: () => boolean,
): void {
  socket.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') {
      dropQueuedSync(socket);
      queueMicrotask(() => {
        if (alive() && socket.status === WebSocketStatus.Connected) gate.connected();
      });
    } else if (status === 'disconnected') {
      queueMicrotask(() => {
        if (alive() && socket.status !== WebSocketStatus.Connected) gate.disconnected(providers);
      });
    }
  });
}
