import { describe, expect, it } from 'vitest';
import { HOLD_LIMIT_MS, PriorityGate, type GatedProvider } from './priority-gate';

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
