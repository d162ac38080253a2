import { afterEach, describe, expect, it } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { PriorityGate } from './priority-gate';
import { gateOnSocket } from './socket-gate';

/**
 * The gate on the real Hocuspocus socket and providers (@hocuspocus/provider 4.x), over a fake
 * WebSocket the test opens and closes: what each document sends on each connection.
 */

/** Message types of the Hocuspocus protocol, as the socket parses them. */
const AUTH = 2;
const CLOSE = 7;

class FakeSocket extends EventTarget {
  static made: FakeSocket[] = [];
  readyState = 0;
  binaryType = '';
  readonly sent: Uint8Array[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.made.push(this);
  }
  send(m: Uint8Array): void {
    this.sent.push(m);
  }
  close(): void {
    // The test decides when a close arrives.
  }
  /** The relay accepts the connection and says something (the socket counts as connected). */
  accept(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
    this.dispatchEvent(new MessageEvent('message', { data: new Uint8Array([9]).buffer }));
  }
  drop(): void {
    this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event('close'), { code: 1006, reason: '' }));
  }
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

let socket: HocuspocusProviderWebsocket | null = null;
afterEach(() => {
  socket?.destroy();
  socket = null;
  FakeSocket.made = [];
});

async function seat(names: string[], focus: string | null) {
  const ws = new HocuspocusProviderWebsocket({
    url: 'ws://relay.test',
    WebSocketPolyfill: FakeSocket,
    delay: 5,
    minDelay: 5,
    maxDelay: 5,
    jitter: false,
  });
  socket = ws;
  const providers = new Map<string, HocuspocusProvider>();
  const gate = new PriorityGate<HocuspocusProvider>((n) => n === 'room');
  gateOnSocket(ws, gate, providers, () => true);
  gate.setFocus(focus);
  for (const name of names) {
    const p = new HocuspocusProvider({
      websocketProvider: ws,
      name,
      document: new Y.Doc(),
      token: 'secret',
      awareness: null,
    });
    providers.set(name, p);
    gate.add(name, p);
  }
  await tick();
  const parse = (m: Uint8Array) =>
    (
      ws as unknown as {
        parseQueuedMessage: (m: Uint8Array) => { documentName: string; messageType: number } | null;
      }
    ).parseQueuedMessage(m);
  /** What a connection carried, as "type document" lines (a pong or the like: "other"). */
  const sentOn = (s: FakeSocket) =>
    s.sent.map((m) => parse(m)).map((p) => (p ? `${p.messageType} ${p.documentName}` : 'other'));
  const current = () => FakeSocket.made.at(-1)!;
  /** The relay acknowledges `name`'s sync (its SyncStatus message) and the provider is synced. */
  const inStep = (name: string) => {
    providers.get(name)!.decrementUnsyncedChanges();
    gate.synced(name);
  };
  return { ws, gate, providers, sentOn, current, inStep };
}

describe('the priority gate on the Hocuspocus socket', () => {
  it('a held document authenticates on the new connection once released, after a forced close', async () => {
    const { ws, gate, sentOn, current, inStep } = await seat(['room', 'incident:a'], null);
    current().accept();
    await tick();
    inStep('room');
    await tick();
    expect(sentOn(current())).toContain(`${AUTH} incident:a`);

    // The provider's silence watchdog closes the connection without a close event.
    (ws as unknown as { onClose: (e: unknown) => void }).onClose({
      event: { code: 4408, reason: 'forced' },
    });
    await tick();
    expect(gate.heldNames()).toEqual(['incident:a']);
    current().accept();
    await tick();
    expect(sentOn(current())).not.toContain(`${AUTH} incident:a`); // held
    inStep('room');
    await tick();
    expect(sentOn(current())).toContain(`${AUTH} incident:a`);
    expect(sentOn(current())).not.toContain(`${CLOSE} incident:a`);
  });

  it('an incident brought on screen while offline is not closed by the old connection’s Close', async () => {
    const { gate, sentOn, current, inStep } = await seat(['room', 'incident:a'], null);
    current().accept();
    await tick();
    inStep('room');
    current().drop();
    await tick();
    expect(gate.heldNames()).toEqual(['incident:a']);
    gate.setFocus('incident:a');
    await tick();
    current().accept();
    await tick();
    const sent = sentOn(current());
    expect(sent).toContain(`${AUTH} incident:a`);
    expect(sent).not.toContain(`${CLOSE} incident:a`);
  });
});
