import { describe, expect, it } from 'vitest';
import {
  HOLD_LIMIT_MS,
  PriorityGate,
  QUIET_MS,
  STEP_LIMIT_MS,
  type GatedProvider,
} from './priority-gate';

/** A provider double: records attach/detach; its unacknowledged changes are set by the test. */
class FakeProvider implements GatedProvider {
  isAttached = false;
  hasUnsyncedChanges = false;
  constructor(
    readonly name: string,
    private readonly log: string[],
  ) {}
  attach(): void {
    this.isAttached = true;
    this.log.push(`attach ${this.name}`);
  }
  detach(): void {
    this.isAttached = false;
    this.log.push(`detach ${this.name}`);
  }
}

/** Timers the test fires by hand. */
function fakeTimers() {
  let pending: { fn: () => void; ms: number } | null = null;
  let made = 0;
  return {
    timers: {
      set: (fn: () => void, ms: number) => {
        pending = { fn, ms };
        made += 1;
        return made as unknown as ReturnType<typeof setTimeout>;
      },
      clear: () => {
        pending = null;
      },
    },
    get pendingMs() {
      return pending?.ms ?? null;
    },
    get made() {
      return made;
    },
    fire() {
      const p = pending;
      pending = null;
      p?.fn();
    },
  };
}

function setup() {
  const log: string[] = [];
  const t = fakeTimers();
  const gate = new PriorityGate<FakeProvider>((n) => n === 'room', t.timers);
  const all = new Map<string, FakeProvider>();
  const add = (name: string) => {
    const p = new FakeProvider(name, log);
    all.set(name, p);
    gate.add(name, p);
    return p;
  };
  return { log, t, gate, all, add };
}

describe('PriorityGate', () => {
  it('holds the other incidents until the room index and the incident on screen are in step', () => {
    const { log, t, gate, add } = setup();
    gate.setFocus('incident/b');
    add('room');
    const a = add('incident/a');
    const b = add('incident/b');
    const dir = add('directory');
    expect(log).toEqual(['attach room', 'attach incident/b']);
    expect(gate.heldNames()).toEqual(['incident/a', 'directory']);

    gate.connected();
    expect(t.pendingMs).toBe(HOLD_LIMIT_MS);
    gate.synced('room');
    expect(a.isAttached).toBe(false); // incident/b not yet in step
    b.hasUnsyncedChanges = true; // its offline changes sent, not yet acknowledged
    gate.synced('incident/b');
    expect(a.isAttached).toBe(false);
    b.hasUnsyncedChanges = false;
    gate.check();
    expect([a.isAttached, dir.isAttached]).toEqual([true, false]); // one at a time
    gate.synced('incident/a');
    expect([a.isAttached, dir.isAttached]).toEqual([true, true]);
    expect(log.slice(2)).toEqual(['attach incident/a', 'attach directory']);
    expect(gate.isOpen).toBe(true);
    expect(t.pendingMs).toBeNull();
  });

  it('after a disconnect, holds back again everything but the priority documents', () => {
    const { log, gate, all, add } = setup();
    gate.setFocus('incident/b');
    const room = add('room');
    const b = add('incident/b');
    gate.release();
    const a = add('incident/a'); // added while open: attached at once
    expect(a.isAttached).toBe(true);
    log.length = 0;

    gate.disconnected(all);
    expect(log).toEqual(['detach incident/a']);
    expect(gate.heldNames()).toEqual(['incident/a']);
    expect([room.isAttached, b.isAttached]).toEqual([true, true]);

    gate.connected();
    gate.synced('room');
    gate.synced('incident/b');
    expect(a.isAttached).toBe(true);
  });

  it('a sync from before the disconnect does not count on the new connection', () => {
    const { t, gate, all, add } = setup();
    add('room');
    const a = add('incident/a');
    gate.connected();
    gate.synced('room');
    expect(a.isAttached).toBe(true);

    gate.disconnected(all);
    expect(a.isAttached).toBe(false);
    gate.connected();
    gate.check(); // the room provider may still say synced; the gate does not ask it
    expect(a.isAttached).toBe(false);
    gate.synced('room');
    expect(a.isAttached).toBe(true);
    expect(t.pendingMs).toBeNull();
  });

  it('lets the held documents through after the time limit whatever the priority ones do', () => {
    const { t, gate, add } = setup();
    add('room');
    const a = add('incident/a');
    gate.connected();
    gate.connected(); // the socket reports "connected" twice: the running limit is kept
    expect(t.made).toBe(1);
    expect(a.isAttached).toBe(false);
    t.fire();
    expect(a.isAttached).toBe(true);
  });

  it('does not open before the socket has connected, nor with no priority document known', () => {
    const { t, gate, add } = setup();
    const a = add('incident/a');
    gate.synced('room'); // not connected yet
    expect(a.isAttached).toBe(false);
    gate.connected(); // connected, but the room index is not added yet
    expect(a.isAttached).toBe(false);
    add('room');
    gate.synced('room');
    expect(a.isAttached).toBe(true);
    expect(t.pendingMs).toBeNull();
  });

  it('an incident brought on screen while offline is attached when the socket opens', () => {
    const { gate, all, add } = setup();
    add('room');
    const a = add('incident/a');
    gate.connected();
    gate.synced('room');
    gate.disconnected(all);
    expect(a.isAttached).toBe(false);
    gate.setFocus('incident/a'); // offline: attaching now would make the socket retry at once
    expect(a.isAttached).toBe(false);
    expect(gate.heldNames()).toEqual([]);
    gate.connected();
    expect(a.isAttached).toBe(true);
    gate.synced('room');
    expect(gate.isOpen).toBe(false); // incident/a, now first, has not synced yet
    gate.synced('incident/a');
    expect(gate.isOpen).toBe(true);
  });

  it('a held incident brought on screen online is let through at once; the one left is held next time', () => {
    const { gate, all, add } = setup();
    add('room');
    const a = add('incident/a');
    const b = add('incident/b');
    gate.connected();
    expect(b.isAttached).toBe(false);
    gate.setFocus('incident/b');
    expect(b.isAttached).toBe(true);
    expect(gate.heldNames()).toEqual(['incident/a']);

    gate.release();
    gate.setFocus('incident/a'); // already attached: stays so
    expect(a.isAttached).toBe(true);
    gate.disconnected(all);
    expect([a.isAttached, b.isAttached]).toEqual([true, false]);
    expect(gate.heldNames()).toEqual(['incident/b']);
  });

  it('forgets a removed provider and stops its timer on dispose', () => {
    const { t, gate, add } = setup();
    add('room');
    const a = add('incident/a');
    gate.remove('incident/a');
    gate.connected();
    gate.dispose();
    expect(t.pendingMs).toBeNull();
    gate.release();
    expect(a.isAttached).toBe(false);
  });
});

/** A clock and timers the test advances by hand (any number of timers). */
function clockTimers() {
  let now = 0;
  let made = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers = {
    now: () => now,
    set: (fn: () => void, ms: number) => {
      made += 1;
      due.set(made, { at: now + ms, fn });
      return made as unknown as ReturnType<typeof setTimeout>;
    },
    clear: (id: ReturnType<typeof setTimeout>) => {
      due.delete(id as unknown as number);
    },
  };
  /** Moves the clock on by `ms`, firing each timer that falls due, in time order. */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = [...due.entries()].sort((x, y) => x[1].at - y[1].at)[0];
      if (!next || next[1].at > end) break;
      due.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = end;
  };
  return { timers, advance, pending: () => due.size };
}

/**
 * A seat after a reconnect: the room index, the incident on screen and three other documents,
 * the socket open and both priority documents in step at time 0.
 */
function reconnected() {
  const log: string[] = [];
  const c = clockTimers();
  const gate = new PriorityGate<FakeProvider>((n) => n === 'room', c.timers);
  const all = new Map<string, FakeProvider>();
  const add = (name: string) => {
    const p = new FakeProvider(name, log);
    all.set(name, p);
    gate.add(name, p);
    return p;
  };
  gate.setFocus('incident/now');
  add('room');
  add('incident/now');
  const others = ['incident/old1', 'incident/old2', 'directory'].map(add);
  gate.connected();
  const attached = () => others.filter((p) => p.isAttached).map((p) => p.name);
  return { log, c, gate, all, others, attached };
}

describe('PriorityGate: letting the held documents through', () => {
  it('one at a time: each once the one before has synced', () => {
    const { gate, attached } = reconnected();
    gate.synced('room');
    gate.synced('incident/now');
    expect(attached()).toEqual(['incident/old1']);
    gate.synced('incident/old2'); // not the one let through: changes nothing
    expect(attached()).toEqual(['incident/old1']);
    gate.synced('incident/old1');
    expect(attached()).toEqual(['incident/old1', 'incident/old2']);
    gate.synced('incident/old2');
    expect(attached()).toEqual(['incident/old1', 'incident/old2', 'directory']);
    expect(gate.isOpen).toBe(true);
  });

  it('waits until nothing has arrived for the incident on screen for a moment', () => {
    const { c, gate, attached } = reconnected();
    c.advance(100);
    gate.heard('incident/now'); // the relay's step 2 for it
    gate.synced('room');
    gate.synced('incident/now');
    expect(attached()).toEqual([]);
    c.advance(QUIET_MS - 50);
    gate.heard('incident/now'); // the other seat's entries, relayed
    c.advance(QUIET_MS - 1);
    expect(attached()).toEqual([]);
    gate.heard('incident/old1'); // held documents' traffic does not count
    gate.heard('directory');
    c.advance(1);
    expect(attached()).toEqual(['incident/old1']);
    // The next waits for quiet too.
    gate.heard('room');
    gate.synced('incident/old1');
    expect(attached()).toEqual(['incident/old1']);
    c.advance(QUIET_MS);
    expect(attached()).toEqual(['incident/old1', 'incident/old2']);
  });

  it('a document let through that does not sync does not hold up the next', () => {
    const { c, gate, attached } = reconnected();
    gate.synced('room');
    gate.synced('incident/now');
    expect(attached()).toEqual(['incident/old1']);
    c.advance(STEP_LIMIT_MS - 1);
    expect(attached()).toEqual(['incident/old1']);
    c.advance(1);
    expect(attached()).toEqual(['incident/old1', 'incident/old2']);
    c.advance(STEP_LIMIT_MS);
    expect(attached()).toEqual(['incident/old1', 'incident/old2', 'directory']);
    expect(gate.isOpen).toBe(true);
    expect(c.pending()).toBe(0);
  });

  it('after the hold limit they go through without waiting for the incident on screen', () => {
    const { c, gate, attached } = reconnected();
    gate.synced('room'); // the incident on screen never gets in step
    const chatter = () => gate.heard('incident/now');
    for (let t = 0; t < HOLD_LIMIT_MS - 100; t += 100) {
      chatter();
      c.advance(100);
    }
    chatter();
    c.advance(99);
    expect(attached()).toEqual([]);
    c.advance(1);
    expect(attached()).toEqual(['incident/old1']);
    chatter(); // no longer waited for
    gate.synced('incident/old1');
    expect(attached()).toEqual(['incident/old1', 'incident/old2']);
  });

  it('a disconnect while letting them through holds every one back again', () => {
    const { c, log, gate, all, attached } = reconnected();
    gate.synced('room');
    gate.synced('incident/now');
    expect(attached()).toEqual(['incident/old1']);
    log.length = 0;
    gate.disconnected(all);
    expect(log).toEqual(['detach incident/old1']);
    expect(gate.heldNames()).toEqual(['incident/old2', 'directory', 'incident/old1']);
    c.advance(10 * STEP_LIMIT_MS); // nothing is let through while offline
    expect(attached()).toEqual([]);
    gate.connected();
    gate.synced('room');
    gate.synced('incident/now');
    expect(attached()).toEqual(['incident/old2']);
  });

  it('a document added while they go through waits its turn; one removed does not stall them', () => {
    const { log, gate, all, attached } = reconnected();
    gate.synced('room');
    gate.synced('incident/now');
    const late = new FakeProvider('incident/late', log);
    all.set('incident/late', late);
    gate.add('incident/late', late);
    expect(late.isAttached).toBe(false);
    gate.remove('incident/old1'); // destroyed while being let through
    expect(attached()).toEqual(['incident/old1', 'incident/old2']);
    gate.synced('incident/old2');
    gate.synced('directory');
    expect(late.isAttached).toBe(true);
    expect(gate.isOpen).toBe(true);
  });
});
