import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { incidentDocName } from '../../shared/sync/doc-names';
import { readRows } from '../../shared/sync/record-doc';
import { TABLE_SCHEMAS } from '../../shared/domain/tables';
import { commit } from '../db/commit';
import { declareIncident, changeSeverity, renameIncident } from '../db/repo/incidents';
import { addEntry } from '../db/repo/timeline';
import { assignRole } from '../db/repo/roles';
import { openPostmortem, savePostmortem } from '../db/repo/postmortems';
import type { WarroomDb } from '../db/schema';
import { failWritesTo, freshDb } from '../db/test-db';
import { KEY_SCAN_FROM, SyncEngine } from './engine';
import { timelineEntry } from '../../shared/domain/testing/timeline';

/**
 * The engine on two seats in one process: each seat its own database and engine; their
 * documents exchange updates directly (what the relay does), so these tests are about the
 * engine: local change sets reach the documents, a peer's changes reach the tables, conflicts
 * settle the same way on both seats, the projection can be rebuilt from the documents.
 */

const NOW = Date.UTC(2026, 11, 1, 3, 0, 0);
const ctx = (author: string, now = NOW) => ({ now, author });

interface Seat {
  db: WarroomDb;
  engine: SyncEngine;
}

const seats: Seat[] = [];
async function seat(): Promise<Seat> {
  const db = await freshDb();
  const engine = new SyncEngine(db);
  engine.start();
  const s = { db, engine };
  seats.push(s);
  return s;
}

afterEach(() => {
  for (const s of seats.splice(0)) {
    s.engine.stop();
    s.engine.docs.releaseAll();
    s.db.close();
  }
});

/** Connects one document on two seats, both ways, like a relay that is up. */
async function link(a: Seat, b: Seat, name: string): Promise<() => void> {
  const [da, db] = await Promise.all([a.engine.docs.open(name), b.engine.docs.open(name)]);
  const PEER = Symbol('peer');
  const toB = (u: Uint8Array, origin: unknown) => origin !== PEER && Y.applyUpdate(db, u, PEER);
  const toA = (u: Uint8Array, origin: unknown) => origin !== PEER && Y.applyUpdate(da, u, PEER);
  Y.applyUpdate(db, Y.encodeStateAsUpdate(da), PEER);
  Y.applyUpdate(da, Y.encodeStateAsUpdate(db), PEER);
  da.on('update', toB);
  db.on('update', toA);
  return () => {
    da.off('update', toB);
    db.off('update', toA);
  };
}

/** Waits until the engines have replayed and projected everything queued. */
async function quiet(...s: Seat[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 5));
    await Promise.all(s.map((x) => x.engine.settled()));
  }
}

async function declare(s: Seat, title = 'Checkout API errors') {
  return declareIncident(s.db, { title, severity: 'SEV2', startedAt: NOW }, ctx('Alice'));
}

describe('the sync engine', () => {
  it('replays a local change set into the incident document, outside its transaction', async () => {
    const a = await seat();
    const inc = await declare(a);
    await addEntry(a.db, { incidentId: inc.id, kind: 'note', text: 'first' }, ctx('Sam'));
    await quiet(a);
    const doc = await a.engine.docs.open(incidentDocName(inc.id));
    const entries = readRows(doc, 'timelineEntries').map((e) => e.text);
    expect(entries).toContain('first');
    expect((doc.getMap('incidents').get(inc.id) as Y.Map<unknown>).get('title')).toBe(
      'Checkout API errors',
    );
  });

  it('projects a peer’s incident and entries into this seat’s tables', async () => {
    const a = await seat();
    const b = await seat();
    const inc = await declare(a);
    await quiet(a);
    await link(a, b, incidentDocName(inc.id));
    await addEntry(
      a.db,
      { incidentId: inc.id, kind: 'finding', text: 'db pool exhausted' },
      ctx('Sam'),
    );
    await quiet(a, b);
    expect((await b.db.incidents.get(inc.id))?.title).toBe('Checkout API errors');
    const texts = (await b.db.timelineEntries.where('incidentId').equals(inc.id).toArray()).map(
      (e) => e.text,
    );
    expect(texts).toContain('db pool exhausted');
    // …and B's own entry goes the other way.
    await addEntry(b.db, { incidentId: inc.id, kind: 'note', text: 'from B' }, ctx('Dana'));
    await quiet(a, b);
    expect(
      (await a.db.timelineEntries.where('incidentId').equals(inc.id).toArray()).map((e) => e.text),
    ).toContain('from B');
  });

  it('checks a peer’s entries against their schema once on the way into the tables', async () => {
    const a = await seat();
    const b = await seat();
    const inc = await declare(a);
    for (let i = 0; i < 20; i++)
      await addEntry(a.db, { incidentId: inc.id, kind: 'note', text: `entry ${i}` }, ctx('Sam'));
    await quiet(a);
    const parse = vi.spyOn(TABLE_SCHEMAS.timelineEntries, 'safeParse');
    try {
      await link(a, b, incidentDocName(inc.id));
      await quiet(a, b);
      const onB = await b.db.timelineEntries.where('incidentId').equals(inc.id).count();
      expect(onB).toBe(21); // the declaration's entry and the 20 notes
      // Read from the document (checked there) and then written: once each, not twice.
      expect(parse.mock.calls.length).toBeGreaterThanOrEqual(21);
      expect(parse.mock.calls.length).toBeLessThan(2 * 21);
    } finally {
      parse.mockRestore();
    }
  });

  it('a peer’s many new entries are not looked up one by one; changed ones are, and land', async () => {
    const a = await seat();
    const b = await seat();
    const inc = await declare(a);
    await quiet(a);
    await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    const n = KEY_SCAN_FROM + 36;
    const rows = Array.from({ length: n }, (_, i) =>
      timelineEntry({
        id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        incidentId: inc.id,
        text: `offline line ${i}`,
      }),
    );
    const lookups = vi.spyOn(b.db.table('timelineEntries'), 'bulkGet');
    try {
      await commit(a.db, { timelineEntries: { added: rows } });
      await quiet(a, b);
      expect(await b.db.timelineEntries.where('incidentId').equals(inc.id).count()).toBe(n + 1);
      // None of them was held on B: no row was asked for.
      const asked = lookups.mock.calls.reduce((sum, [keys]) => sum + keys.length, 0);
      expect(asked).toBeLessThan(2);
      lookups.mockClear();
      // Edited on A (as many again): B holds each, reads each, and takes the new text.
      const edited = rows
        .slice(0, KEY_SCAN_FROM + 6)
        .map((r) => ({ ...r, text: `${r.text}, edited` }));
      await commit(a.db, { timelineEntries: { updated: edited } });
      await quiet(a, b);
      const texts = new Map(
        (await b.db.timelineEntries.where('incidentId').equals(inc.id).toArray()).map((e) => [
          e.id,
          e.text,
        ]),
      );
      for (const r of edited) expect(texts.get(r.id)).toBe(r.text);
      expect(texts.get(rows.at(-1)!.id)).toBe(`offline line ${n - 1}`);
      const read = lookups.mock.calls.flatMap(([keys]) => keys);
      expect(new Set(read)).toEqual(new Set(edited.map((r) => r.id)));
    } finally {
      lookups.mockRestore();
    }
  });

  it('a write the storage refuses never reaches the document (the abort rule)', async () => {
    const a = await seat();
    const inc = await declare(a);
    await quiet(a);
    const undo = failWritesTo('timelineEntries', new DOMException('full', 'QuotaExceededError'));
    await expect(
      addEntry(a.db, { incidentId: inc.id, kind: 'note', text: 'never stored' }, ctx('Sam')),
    ).rejects.toBeTruthy();
    undo();
    await addEntry(a.db, { incidentId: inc.id, kind: 'note', text: 'stored' }, ctx('Sam'));
    await quiet(a);
    const doc = await a.engine.docs.open(incidentDocName(inc.id));
    const texts = readRows(doc, 'timelineEntries').map((e) => e.text);
    expect(texts).toContain('stored');
    expect(texts).not.toContain('never stored');
    // A fresh load of the document from disk has nothing pending (no missing update).
    const again = new Y.Doc();
    const rows = await a.db
      .table('$syncDocs.doc_updates')
      .where('k')
      .equals(incidentDocName(inc.id))
      .toArray();
    for (const r of rows as { u: Uint8Array }[]) Y.applyUpdateV2(again, r.u);
    expect(again.store.pendingStructs).toBeNull();
  });

  it('severity changed on two seats at once: both entries kept, the latest change wins on both', async () => {
    const a = await seat();
    const b = await seat();
    const inc = await declare(a);
    await quiet(a);
    const unlink = await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    unlink();
    await changeSeverity(a.db, inc.id, 'SEV1', 'worse on A', ctx('Alice', NOW + 60_000));
    await changeSeverity(b.db, inc.id, 'SEV3', 'better on B', ctx('Dana', NOW + 120_000));
    await quiet(a, b);
    await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    expect((await a.db.incidents.get(inc.id))?.severity).toBe('SEV3');
    expect((await b.db.incidents.get(inc.id))?.severity).toBe('SEV3');
    const sys = async (s: Seat) =>
      (await s.db.timelineEntries.where('incidentId').equals(inc.id).toArray()).filter(
        (e) => e.kind === 'system' && /SEV1|SEV3/.test(e.text),
      ).length;
    expect(await sys(a)).toBe(2);
    expect(await sys(b)).toBe(2);
  });

  it('renamed on two seats at once: both entries kept, the later rename is the title on both', async () => {
    const a = await seat();
    const b = await seat();
    const inc = await declare(a);
    await quiet(a);
    const unlink = await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    unlink();
    // B renames later; A's row write happens after B's (a higher Yjs client may win the map).
    await renameIncident(b.db, inc.id, 'Title from B', ctx('Dana', NOW + 120_000));
    await renameIncident(a.db, inc.id, 'Title from A', ctx('Alice', NOW + 60_000));
    await quiet(a, b);
    await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    expect((await a.db.incidents.get(inc.id))?.title).toBe('Title from B');
    expect((await b.db.incidents.get(inc.id))?.title).toBe('Title from B');
  });

  it('a role handed off on two seats at once: one holder on both, and a conflicting-handoff entry', async () => {
    const a = await seat();
    const b = await seat();
    const inc = await declare(a);
    await assignRole(a.db, inc.id, 'ic', 'Alice', ctx('Alice', NOW + 1000));
    await quiet(a);
    const unlink = await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    unlink();
    await assignRole(a.db, inc.id, 'ic', 'Bob', ctx('Alice', NOW + 60_000));
    await assignRole(b.db, inc.id, 'ic', 'Carol', ctx('Dana', NOW + 61_000));
    await quiet(a, b);
    await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    const open = async (s: Seat) =>
      (await s.db.roleAssignments.where('incidentId').equals(inc.id).toArray())
        .filter((r) => r.role === 'ic' && r.endedAt == null)
        .map((r) => r.person);
    expect(await open(a)).toEqual(['Carol']);
    expect(await open(b)).toEqual(['Carol']);
    const conflicts = async (s: Seat) =>
      (await s.db.timelineEntries.where('incidentId').equals(inc.id).toArray()).filter((e) =>
        /conflicting handoff/i.test(e.text),
      );
    const ca = await conflicts(a);
    const cb = await conflicts(b);
    expect(ca).toHaveLength(1);
    expect(cb).toHaveLength(1);
    expect(ca[0]!.text).toMatch(/Bob/);
    expect(ca[0]!.text).toMatch(/Carol/);
  });

  it('the projection can be rebuilt from the documents', async () => {
    const a = await seat();
    const inc = await declare(a);
    for (let i = 0; i < 5; i++)
      await addEntry(
        a.db,
        { incidentId: inc.id, kind: 'note', text: `n${i}` },
        ctx('Sam', NOW + i),
      );
    await quiet(a);
    const before = await a.db.timelineEntries.where('incidentId').equals(inc.id).sortBy('id');
    // Lose the rows from the tables (as a crash between a peer's update and its projection would).
    await commit(
      a.db,
      { timelineEntries: { removed: before.map((e) => e.id) } },
      { restoring: true },
    );
    expect(await a.db.timelineEntries.where('incidentId').equals(inc.id).count()).toBe(0);
    await a.engine.rebuild(incidentDocName(inc.id));
    const after = await a.db.timelineEntries.where('incidentId').equals(inc.id).sortBy('id');
    expect(after).toEqual(before);
  });

  it('two people editing one post-mortem section at once both keep their words', async () => {
    const a = await seat();
    const b = await seat();
    const inc = await declare(a);
    await openPostmortem(a.db, inc.id, { summary: 'Checkout failed.' }, ctx('Alice'));
    await quiet(a);
    const unlink = await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    expect((await b.db.postmortems.get(inc.id))?.sections.summary).toBe('Checkout failed.');
    unlink();
    // Each editor saves the whole section text it shows, from the same starting text.
    await savePostmortem(
      a.db,
      inc.id,
      { sections: { summary: '[A] Checkout failed.' } },
      ctx('Alice'),
    );
    await savePostmortem(
      b.db,
      inc.id,
      { sections: { summary: 'Checkout failed. [B]' } },
      ctx('Dana'),
    );
    await quiet(a, b);
    await link(a, b, incidentDocName(inc.id));
    await quiet(a, b);
    expect((await a.db.postmortems.get(inc.id))?.sections.summary).toBe('[A] Checkout failed. [B]');
    expect((await b.db.postmortems.get(inc.id))?.sections.summary).toBe('[A] Checkout failed. [B]');
  });
});

describe('a log line of two commands in one change set', () => {
  it('/status identified <what> keeps both the milestone and the understanding after its replay', async () => {
    const { runLogLine } = await import('../db/repo/log-line');
    const { parseLogLine } = await import('../../shared/logic/commands');
    const a = await seat();
    const incident = await declareIncident(
      a.db,
      { title: 'Cache', severity: 'SEV2', startedAt: NOW - 60_000 },
      ctx('Alice'),
    );
    await a.engine.settled();
    const line = parseLogLine('/status identified bad cache key', {
      now: NOW + 60_000,
      timeZone: 'utc',
    });
    if (line.type === 'error' || line.type === 'help') throw new Error(line.type);
    await runLogLine(a.db, incident, line, ctx('Alice', NOW + 60_000), { timeboxMs: 900_000 });
    await new Promise((r) => setTimeout(r, 50));
    await a.engine.settled();
    const inc = await a.db.incidents.get(incident.id);
    expect(inc).toMatchObject({ status: 'identified', understanding: 'bad cache key' });
    expect(inc?.milestones.identified).toBe(NOW + 60_000);
    const doc = await a.engine.docs.open(incidentDocName(incident.id));
    const [row] = readRows(doc, 'incidents', [incident.id]);
    expect(row?.milestones.identified).toBe(NOW + 60_000);
  });
});
