import { describe, expect, it } from 'vitest';
import {
  gatedWebSocket,
  HOLD_MAX_MS,
  LONG_OUTAGE_MS,
  probeUrlOf,
  STABLE_MS,
} from './gated-websocket';

/** A stand-in for the browser's WebSocket: records what was made, opens or fails on demand. */
class FakeSocket extends EventTarget {
  static made: FakeSocket[] = [];
  binaryType = 'blob';
  readyState = 0;
  sent: unknown[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.made.push(this);
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  receive(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  send(data: unknown) {
    this.sent.push(data);
  }
  close(code = 1000, reason = '') {
    this.readyState = 3;
    this.dispatchEvent(new CloseEvent('close', { code, reason, wasClean: true }));
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(answers: boolean[]) {
  FakeSocket.made = [];
  const probed: string[] = [];
  let clock = 0;
  const Gated = gatedWebSocket({
    probe: (url) => {
      probed.push(url);
      return Promise.resolve(answers.shift() ?? false);
    },
    Native: FakeSocket as unknown as typeof WebSocket,
    now: () => clock,
    fallbackMs: 10_000,
  });
  return { Gated, probed, advance: (ms: number) => (clock += ms) };
}

function events(ws: EventTarget) {
  const seen: string[] = [];
  for (const type of ['open', 'message', 'error', 'close'])
    ws.addEventListener(type, (e) =>
      seen.push(
        e instanceof CloseEvent
          ? `close ${e.code}`
          : e instanceof MessageEvent
            ? `message ${String(e.data)}`
            : type,
      ),
    );
  return seen;
}

describe('probeUrlOf', () => {
  it.each([
    ['ws://127.0.0.1:4455', 'http://127.0.0.1:4455'],
    ['wss://relay.example.org/warroom', 'https://relay.example.org/warroom'],
    ['WS://host:1', 'http://host:1'],
  ])('%s → %s', (from, to) => expect(probeUrlOf(from)).toBe(to));
});

describe('gatedWebSocket', () => {
  it('makes no real socket while the relay does not answer, and fails the attempt as a socket would', async () => {
    const { Gated, probed, advance } = setup([]);
    advance(60_000); // long after any earlier attempt: the first one is real (the fallback)…
    const first = new Gated('ws://127.0.0.1:4455');
    await tick();
    expect(FakeSocket.made).toHaveLength(1);
    first.close();
    // …the next ones within the fallback period ask first, and nothing answers.
    for (let i = 0; i < 5; i++) {
      advance(1_000);
      const ws = new Gated('ws://127.0.0.1:4455');
      const seen = events(ws);
      expect(ws.readyState).toBe(0);
      await tick();
      expect(seen).toEqual(['error', 'close 1006']);
      expect(ws.readyState).toBe(3);
    }
    expect(FakeSocket.made).toHaveLength(1);
    expect(probed).toEqual(Array(5).fill('http://127.0.0.1:4455'));
  });

  it('opens a real socket once the relay answers, and passes its events and sends through', async () => {
    const { Gated, advance } = setup([true]);
    new Gated('wss://relay.example.org/warroom').close(); // the first attempt: real, at once
    FakeSocket.made = [];
    advance(1_000);
    const ws = new Gated('wss://relay.example.org/warroom');
    ws.binaryType = 'arraybuffer';
    const seen = events(ws);
    expect(() => ws.send('too early')).toThrow();
    await tick();
    const real = FakeSocket.made[0]!;
    expect(real.url).toBe('wss://relay.example.org/warroom');
    expect(real.binaryType).toBe('arraybuffer');
    real.open();
    expect(ws.readyState).toBe(1);
    real.receive('hello');
    ws.send('hi');
    expect(real.sent).toEqual(['hi']);
    ws.close(1000, 'bye');
    expect(seen).toEqual(['open', 'message hello', 'close 1000']);
  });

  it('tries a real socket every fallback period even when the probe never answers', async () => {
    const { Gated, advance } = setup([]);
    advance(60_000);
    new Gated('ws://h:1');
    await tick();
    expect(FakeSocket.made).toHaveLength(1);
    advance(9_999);
    new Gated('ws://h:1');
    await tick();
    expect(FakeSocket.made).toHaveLength(1);
    advance(1);
    new Gated('ws://h:1');
    await tick();
    expect(FakeSocket.made).toHaveLength(2);
  });

  it('an attempt closed while its probe is out ends quietly and never opens a socket', async () => {
    const { Gated, advance } = setup([true]);
    new Gated('ws://h:1').close(); // the first attempt: real, at once
    FakeSocket.made = [];
    advance(5_000); // within the fallback period: the probe decides
    const ws = new Gated('ws://h:1');
    const seen = events(ws);
    ws.close();
    await tick();
    expect(seen).toEqual(['close 1005']);
    expect(FakeSocket.made).toHaveLength(0);
  });

  it('after the relay closes a socket soon after it opened, the next real one waits, longer each time', async () => {
    const { Gated, probed, advance } = setup([true, true, true, true]);
    advance(60_000);
    const attempt = async () => {
      const ws = new Gated('ws://h:1');
      const seen = events(ws);
      await tick();
      return seen;
    };
    // Connected, then closed by the relay's rate limit after 2 s.
    await attempt();
    FakeSocket.made.at(-1)!.open();
    advance(2_000);
    FakeSocket.made.at(-1)!.close(1008, 'Too many messages');
    // Within the next second: attempts fail at once, without a probe or a socket.
    advance(500);
    expect(await attempt()).toEqual(['error', 'close 1006']);
    expect(FakeSocket.made).toHaveLength(1);
    expect(probed).toHaveLength(0);
    advance(500);
    await attempt(); // held 1 s: now a probe, and the relay answers
    expect(FakeSocket.made).toHaveLength(2);
    FakeSocket.made.at(-1)!.open();
    FakeSocket.made.at(-1)!.close(1006); // closed again at once: 2 s this time
    advance(1_999);
    expect(await attempt()).toEqual(['error', 'close 1006']);
    advance(1);
    await attempt();
    expect(FakeSocket.made).toHaveLength(3);
    // A connection that lasts clears the count: after it closes, the next attempt goes at once.
    FakeSocket.made.at(-1)!.open();
    advance(STABLE_MS);
    FakeSocket.made.at(-1)!.close(1006);
    await attempt();
    expect(FakeSocket.made).toHaveLength(4);
    // The wait never exceeds HOLD_MAX_MS, however often the relay refuses.
    for (let i = 0; i < 8; i++) {
      FakeSocket.made.at(-1)!.open();
      FakeSocket.made.at(-1)!.close(1009);
      advance(HOLD_MAX_MS);
      await attempt();
    }
    expect(FakeSocket.made).toHaveLength(12);
  });

  it('closing the socket from this side (leaving) is no strike', async () => {
    const { Gated, advance } = setup([true]);
    advance(60_000);
    const ws = new Gated('ws://h:1');
    await tick();
    FakeSocket.made.at(-1)!.open();
    ws.close();
    advance(100);
    new Gated('ws://h:1');
    await tick();
    expect(FakeSocket.made).toHaveLength(2);
  });

  it('after a long outage the relay is asked at most once a second', async () => {
    const { Gated, probed, advance } = setup([]);
    advance(60_000);
    new Gated('ws://h:1').close(); // the first attempt: real
    const attempt = async () => {
      new Gated('ws://h:1');
      await tick();
    };
    advance(100);
    await attempt();
    const first = probed.length;
    // Unanswered for LONG_OUTAGE_MS at 200 ms an attempt (a real socket each fallback period).
    for (let t = 0; t < LONG_OUTAGE_MS; t += 200) {
      advance(200);
      await attempt();
    }
    const before = probed.length;
    expect(before - first).toBeGreaterThan(500);
    for (let i = 0; i < 25; i++) {
      advance(200);
      await attempt();
    }
    // 5 s of attempts: about five probes, not twenty-five.
    expect(probed.length - before).toBeLessThanOrEqual(6);
  });
});
