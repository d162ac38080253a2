import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { forgetPeers, presenceOf, renewLocalState } from './presence';

const me = { name: 'Ana', presence: 'w-me' };
const bo = { name: 'Bo', role: 'Scribe', presence: 'w-bo' };
const cy = { name: 'Cy', presence: 'w-cy', viewing: 'INC-1' };

describe('presenceOf', () => {
  const room = new Map<number, unknown>([
    [1, me],
    [2, bo],
  ]);
  const incident = new Map<number, unknown>([
    [1, me],
    [3, cy],
    [4, { ...bo }],
    [5, { presence: 'w-noname' }],
    [6, null],
  ]);
  it.each([
    { connected: true, names: ['Ana', 'Bo', 'Cy'] },
    { connected: false, names: ['Ana'] },
  ])('connected=$connected lists $names', ({ connected, names }) => {
    const list = presenceOf([room, incident], 'w-me', connected);
    expect(list.map((p) => p.name)).toEqual(names);
    expect(list[0]!.self).toBe(true);
  });
  it('keeps role and viewing, one line per window', () => {
    const list = presenceOf([room, incident], 'w-me', true);
    expect(list.find((p) => p.name === 'Bo')).toMatchObject({
      role: 'Scribe',
      clientId: 2,
      window: 'w-bo',
    });
    expect(list.find((p) => p.name === 'Cy')).toMatchObject({ viewing: 'INC-1' });
  });
  it('an offline seat with no state of its own lists nobody', () => {
    expect(presenceOf([new Map([[2, bo]])], 'w-me', false)).toEqual([]);
  });
});

/** Two seats' awareness, passing updates by hand (what the relay does). */
function seats() {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  a.setLocalState({ ...me });
  b.setLocalState({ ...bo });
  const send = (from: Awareness, to: Awareness) =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'relay');
  send(a, b);
  send(b, a);
  return { a, b, send };
}

describe('awareness around a lost connection', () => {
  it('without forgetting the clock, a re-sent state is ignored (the 7–12 s bug)', () => {
    const { a, b, send } = seats();
    // What the provider does on close: drops the peer's state, keeps its clock.
    a.states.delete(b.clientID);
    send(b, a);
    expect(a.getStates().has(b.clientID)).toBe(false);
  });
  it('forgetPeers drops peers and their clocks, so the re-sent state is taken at once', () => {
    const { a, b, send } = seats();
    forgetPeers(a);
    expect([...a.getStates().keys()]).toEqual([a.clientID]);
    send(b, a);
    expect(a.getStates().get(b.clientID)).toMatchObject({ name: 'Bo' });
  });
  it('renewLocalState sends a newer clock that a receiver that kept the old one accepts', () => {
    const { a, b, send } = seats();
    // The relay dropped b when b's connection closed, keeping b's clock.
    a.states.delete(b.clientID);
    renewLocalState(b);
    send(b, a);
    expect(a.getStates().get(b.clientID)).toMatchObject({ name: 'Bo' });
  });
  it('renewLocalState leaves a seat that said nothing silent', () => {
    const aw = new Awareness(new Y.Doc());
    aw.setLocalState(null);
    renewLocalState(aw);
    expect(aw.getLocalState()).toBeNull();
  });
});
