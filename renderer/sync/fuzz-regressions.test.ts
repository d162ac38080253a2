import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { DIRECTORY_DOC, incidentDocName } from '../../shared/sync/doc-names';
import { changeStatus, declareIncident } from '../db/repo/incidents';
import { addEntry, deleteEntry, setPinned } from '../db/repo/timeline';
import { savePostmortem } from '../db/repo/postmortems';
import { freshDb } from '../db/test-db';
import { LoopbackRelay, LoopbackSeat, quietSeat } from './testing/loopback';

/**
 * Minimal cases the multi-seat fuzz test (fuzz.test.ts) found, each as a plain test: a command on
 * one seat runs right after a peer's change reached that seat's document and before it was
 * projected into the tables (the window between a peer's update and its projection, a few ms).
 */

const NOW = Date.UTC(2026, 11, 1, 3, 0, 0);
const ctx = (author: string, step: number) => ({ now: NOW + step * 1_000, author });

const open: LoopbackSeat[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    s.close();
    s.db.close();
    await s.db.delete();
  }
});
beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => undefined));

/** Two seats in a room with one incident declared on the first, settled. */
async function room() {
  const relay = new LoopbackRelay();
  const a = new LoopbackSeat(await freshDb(), relay);
  const b = new LoopbackSeat(await freshDb(), relay);
  open.push(a, b);
  const inc = await declareIncident(
    a.db,
    { title: 'Checkout API errors', severity: 'SEV2', startedAt: NOW - 60_000 },
    ctx('Alice', 0),
  );
  const name = incidentDocName(inc.id);
  await quietSeat(a);
  const [, docB] = await Promise.all([
    a.open(name),
    b.open(name),
    a.open(DIRECTORY_DOC),
    b.open(DIRECTORY_DOC),
  ]);
  await settle(a, b);
  return { a, b, inc, docB };
}

async function settle(...seats: LoopbackSeat[]): Promise<void> {
  let prev = '';
  for (let i = 0; i < 50; i++) {
    await Promise.all(seats.map(quietSeat));
    const now = JSON.stringify(await Promise.all(seats.map((s) => s.db.timelineEntries.toArray())));
    if (now === prev) return;
    prev = now;
  }
}

/** Resolves when the next update from elsewhere reaches `doc` (before it is projected). */
function nextPeerUpdate(doc: Y.Doc): Promise<void> {
  return new Promise((resolve) => {
    const on = (_u: Uint8Array, origin: unknown) => {
      if (typeof origin !== 'symbol' || origin.description !== 'loopback:from-relay') return;
      doc.off('update', on);
      resolve();
    };
    doc.on('update', on);
  });
}

/** What seat `s`'s tables and document hold for the incident, to compare. */
async function rowsOf(s: LoopbackSeat, incidentId: string) {
  return {
    incident: await s.db.incidents.get(incidentId),
    entries: await s.db.timelineEntries.where('incidentId').equals(incidentId).sortBy('id'),
    postmortem: await s.db.postmortems.get(incidentId),
  };
}

describe('fuzz regressions: a command racing a peer update not yet projected', () => {
  it('a status changed on B while A’s new entry is being projected stays changed on B', async () => {
    // Fuzz: FUZZ_SEED=-1762043031 FUZZ_PATH=3:0:0:0:5:4:4:4:4:3:6:9:9:3 (shrunk to: add a note on
    // seat 0, then status → monitoring on seat 1). Before the fix B's projection of A's entry
    // (which recomputes the incident row from B's document, not yet holding B's own change)
    // overwrote B's status in B's tables; B's replay then put it in the document with an origin
    // the engine does not project, so B showed Investigating for good while A showed Monitoring.
    const { a, b, inc, docB } = await room();
    const arrived = nextPeerUpdate(docB);
    await addEntry(a.db, { incidentId: inc.id, kind: 'note', text: 'from A' }, ctx('Alice', 1));
    await arrived;
    await changeStatus(b.db, inc.id, 'monitoring', ctx('Bob', 2));
    await settle(a, b);
    expect((await b.db.incidents.get(inc.id))?.status).toBe('monitoring');
    expect(await rowsOf(b, inc.id)).toEqual(await rowsOf(a, inc.id));
  });

  // Found by the fuzz test: a command's change set carries whole rows as this seat's tables held
  // them; written whole, a field a peer changed that had reached the document but not the tables
  // was put back. The replay now writes only the fields the command changed (rebaseRow).
  it('a pin made on A survives B deleting the entry before A’s pin is projected on B', async () => {
    const { a, b, inc, docB } = await room();
    const e = await addEntry(a.db, { incidentId: inc.id, kind: 'note', text: 'n' }, ctx('A', 1));
    await settle(a, b);
    const arrived = nextPeerUpdate(docB);
    await setPinned(a.db, e.id, true);
    await arrived;
    await deleteEntry(b.db, e.id, ctx('Bob', 2));
    await settle(a, b);
    const onA = await a.db.timelineEntries.get(e.id);
    expect(onA?.deletedAt).not.toBeNull();
    expect(onA?.pinned).toBe(true);
    expect(await rowsOf(b, inc.id)).toEqual(await rowsOf(a, inc.id));
  });

  // Found by the fuzz test, the same for post-mortem text (FUZZ_SEED=-1944557816
  // FUZZ_PATH=111:1:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:2:2:2:2:3:3 with FUZZ_STRICT=1): B's save
  // replaced A's concurrent text. Now B's edit (from what B's tables held) is merged three ways.
  it('two seats appending to one post-mortem section at once keep both texts', async () => {
    const { a, b, inc, docB } = await room();
    const arrived = nextPeerUpdate(docB);
    await savePostmortem(a.db, inc.id, { sections: { summary: 'from A.' } }, ctx('A', 1));
    await arrived;
    const shown = (await b.db.postmortems.get(inc.id))?.sections.summary ?? '';
    await savePostmortem(b.db, inc.id, { sections: { summary: `${shown}from B.` } }, ctx('B', 2));
    await settle(a, b);
    const text = (await a.db.postmortems.get(inc.id))?.sections.summary ?? '';
    expect(text).toContain('from A.');
    expect(text).toContain('from B.');
  });

  // Found by the fuzz test: a change set is replayed into the documents a timer after it is on
  // disk; a window that went away in between (reload, crash, closed laptop) left the change in
  // this seat's tables and never in its documents. Now the commit keeps it in the outbox, in its
  // own transaction, and the next start replays it. Fuzz:
  // FUZZ_CRASH=1 FUZZ_SEED=1280631617 FUZZ_PATH=49:0:0:0:1:1:4:3:4:7:2:2:5 (shrunk to: add a
  // note on seat 0, reload seat 0 at once).
  it('an entry logged just before the window goes away reaches the other seats', async () => {
    const { a, b, inc } = await room();
    const e = await addEntry(a.db, { incidentId: inc.id, kind: 'note', text: 'n' }, ctx('A', 1));
    await a.reload({ crash: true });
    await settle(a, b);
    expect(await b.db.timelineEntries.get(e.id)).toBeDefined();
  });
});
