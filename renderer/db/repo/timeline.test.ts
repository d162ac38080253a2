import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareEntries, isBackdated } from '../../../shared/domain/timeline';
import type { WarroomDb } from '../schema';
import { failWritesTo } from '../test-db';
import { dbWithIncident, MIN, NOW } from '../testing';
import { createActionItem } from './action-items';
import { openHypothesis } from './hypotheses';
import {
  addEntry,
  deleteEntry,
  editEntry,
  logComms,
  moveStartAndLog,
  pinLatestEntry,
  restoreEntry,
  setPinned,
} from './timeline';

const ctx = (now = NOW, author = 'Sam') => ({ now, author });

let db: WarroomDb;
let incidentId: string;
beforeEach(async () => {
  ({ db, incidentId } = await dbWithIncident(
    { title: 'Checkout API errors', severity: 'SEV2', startedAt: NOW - 10 * MIN },
    ctx(),
  ));
});
afterEach(() => {
  db.close();
});

async function ordered() {
  return (
    await db.timelineEntries
      .where('[incidentId+occurredAt]')
      .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
      .toArray()
  ).sort(compareEntries);
}

describe('addEntry', () => {
  it('writes entries of each kind with author, times and no pin', async () => {
    for (const [i, kind] of (['note', 'action', 'decision', 'finding'] as const).entries())
      await addEntry(db, { incidentId, kind, text: ` ${kind} text ` }, ctx(NOW + i * MIN));
    const rows = (await ordered()).filter((e) => e.kind !== 'system');
    expect(rows.map((e) => [e.kind, e.text, e.author, e.pinned])).toEqual([
      ['note', 'note text', 'Sam', false],
      ['action', 'action text', 'Sam', false],
      ['decision', 'decision text', 'Sam', false],
      ['finding', 'finding text', 'Sam', false],
    ]);
    expect(rows[1]?.occurredAt).toBe(NOW + MIN);
    expect(rows[1]?.loggedAt).toBe(NOW + MIN);
  });

  it('orders backdated entries by when they happened and keeps when they were logged', async () => {
    await addEntry(db, { incidentId, kind: 'note', text: 'second' }, ctx(NOW + 2 * MIN));
    await addEntry(
      db,
      { incidentId, kind: 'finding', text: 'first, backdated', occurredAt: NOW - 3 * MIN },
      ctx(NOW + 3 * MIN),
    );
    const rows = await ordered();
    expect(rows.map((e) => e.text)).toEqual([
      'first, backdated',
      expect.stringContaining('Declared'),
      'second',
    ]);
    expect(rows[0]?.loggedAt).toBe(NOW + 3 * MIN);
    expect(isBackdated(rows[0]!)).toBe(true);
  });

  it('refuses empty and over-long text, writing nothing', async () => {
    await expect(addEntry(db, { incidentId, kind: 'note', text: '  ' }, ctx())).rejects.toThrow(
      'Nothing to log',
    );
    await expect(
      addEntry(db, { incidentId, kind: 'note', text: 'x'.repeat(20_001) }, ctx()),
    ).rejects.toThrow('limit is 20,000');
    await addEntry(db, { incidentId, kind: 'note', text: 'x'.repeat(20_000) }, ctx());
    expect(await db.timelineEntries.count()).toBe(2);
  });

  it('leaves nothing when the write fails', async () => {
    const restore = failWritesTo('timelineEntries', new Error('disk full'));
    await expect(addEntry(db, { incidentId, kind: 'note', text: 'lost?' }, ctx())).rejects.toThrow(
      'disk full',
    );
    restore();
    expect(await db.timelineEntries.count()).toBe(1);
  });
});

describe('edit, delete, restore, pin', () => {
  it('keeps the previous text as a revision on every edit', async () => {
    const e = await addEntry(db, { incidentId, kind: 'finding', text: 'pool at 90%' }, ctx());
    await editEntry(db, e.id, 'pool at 100%', ctx(NOW + MIN, 'Alice'));
    await editEntry(db, e.id, 'pool at 100% on db-2', ctx(NOW + 2 * MIN));
    await editEntry(db, e.id, 'pool at 100% on db-2', ctx(NOW + 3 * MIN));
    const after = await db.timelineEntries.get(e.id);
    expect(after?.text).toBe('pool at 100% on db-2');
    expect(after?.revisions).toEqual([
      { text: 'pool at 90%', editedAt: NOW + MIN, author: 'Alice' },
      { text: 'pool at 100%', editedAt: NOW + 2 * MIN, author: 'Sam' },
    ]);
  });

  it("corrects an entry's time: the old time is kept with the revision and the entry moves", async () => {
    const a = await addEntry(db, { incidentId, kind: 'note', text: 'first' }, ctx(NOW));
    const b = await addEntry(
      db,
      { incidentId, kind: 'finding', text: 'db-2 at 100%' },
      ctx(NOW + MIN),
    );
    await editEntry(db, b.id, 'db-2 at 100%', ctx(NOW + 2 * MIN, 'Alice'), NOW - 5 * MIN);
    const after = await db.timelineEntries.get(b.id);
    expect(after?.occurredAt).toBe(NOW - 5 * MIN);
    expect(after?.loggedAt).toBe(NOW + MIN);
    expect(after?.revisions).toEqual([
      { text: 'db-2 at 100%', editedAt: NOW + 2 * MIN, author: 'Alice', occurredAt: NOW + MIN },
    ]);
    const order = (await ordered()).filter((e) => e.kind !== 'system').map((e) => e.id);
    expect(order).toEqual([b.id, a.id]);
    // Text-only edits leave the time alone and record no time in the revision.
    await editEntry(db, a.id, 'first, edited', ctx(NOW + 3 * MIN), NOW);
    expect((await db.timelineEntries.get(a.id))?.revisions).toEqual([
      { text: 'first', editedAt: NOW + 3 * MIN, author: 'Sam' },
    ]);
  });

  it('refuses a corrected time in the future, naming the field, and writes nothing', async () => {
    const e = await addEntry(db, { incidentId, kind: 'note', text: 'x' }, ctx());
    await expect(editEntry(db, e.id, 'y', ctx(), NOW + 5 * MIN)).rejects.toMatchObject({
      field: 'occurredAt',
    });
    await expect(editEntry(db, e.id, 'y', ctx(), Number.NaN)).rejects.toMatchObject({
      field: 'occurredAt',
    });
    expect((await db.timelineEntries.get(e.id))?.text).toBe('x');
  });

  it('refuses to edit or delete system entries', async () => {
    const declared = (await ordered())[0]!;
    await expect(editEntry(db, declared.id, 'rewritten', ctx())).rejects.toThrow('System entries');
    await expect(deleteEntry(db, declared.id, ctx())).rejects.toThrow('System entries');
    expect((await db.timelineEntries.get(declared.id))?.text).toBe(declared.text);
  });

  it('soft-deletes, restores (undo) and refuses to edit while deleted', async () => {
    const e = await addEntry(db, { incidentId, kind: 'note', text: 'oops' }, ctx());
    await deleteEntry(db, e.id, ctx(NOW + MIN));
    expect((await db.timelineEntries.get(e.id))?.deletedAt).toBe(NOW + MIN);
    await expect(editEntry(db, e.id, 'x', ctx())).rejects.toThrow('Restore');
    await restoreEntry(db, e.id);
    const back = await db.timelineEntries.get(e.id);
    expect(back?.deletedAt).toBeNull();
    expect(back?.text).toBe('oops');
  });

  it('pins and unpins; /pin pins the entry logged last, even when backdated', async () => {
    const a = await addEntry(db, { incidentId, kind: 'note', text: 'a' }, ctx(NOW + MIN));
    await setPinned(db, a.id, true);
    expect((await db.timelineEntries.get(a.id))?.pinned).toBe(true);
    await setPinned(db, a.id, false);
    expect((await db.timelineEntries.get(a.id))?.pinned).toBe(false);
    const b = await addEntry(
      db,
      { incidentId, kind: 'note', text: 'b', occurredAt: NOW - MIN },
      ctx(NOW + 2 * MIN),
    );
    const pinned = await pinLatestEntry(db, incidentId);
    expect(pinned.id).toBe(b.id);
    expect((await db.timelineEntries.get(b.id))?.pinned).toBe(true);
    await deleteEntry(db, b.id, ctx());
    expect((await pinLatestEntry(db, incidentId)).id).toBe(a.id);
  });
});

describe('logComms', () => {
  it('logs the comms entry and resets that audience lastSentAt atomically', async () => {
    await db.incidents.update(incidentId, {
      'cadence.executives': { lastSentAt: null, snoozedUntil: NOW + 5 * MIN, snoozeReason: 'x' },
    });
    const e = await logComms(db, incidentId, 'executives', 'ETA 30 min', ctx(NOW + MIN));
    expect(e).toMatchObject({ kind: 'comms', audience: 'executives' });
    expect(e.text).toBe('Executives update sent: ETA 30 min');
    const inc = await db.incidents.get(incidentId);
    expect(inc?.cadence.executives).toEqual({
      lastSentAt: NOW + MIN,
      snoozedUntil: null,
      snoozeReason: null,
    });
    expect(inc?.cadence.engineering?.lastSentAt).toBeNull();
    // A backdated report of an older update does not move the countdown back.
    await logComms(db, incidentId, 'executives', '', ctx(NOW + 2 * MIN), NOW - MIN);
    expect((await db.incidents.get(incidentId))?.cadence.executives?.lastSentAt).toBe(NOW + MIN);
  });

  it('changes nothing when the entry cannot be written', async () => {
    const restore = failWritesTo('timelineEntries', new Error('quota'));
    await expect(logComms(db, incidentId, 'engineering', '', ctx())).rejects.toThrow('quota');
    restore();
    expect((await db.incidents.get(incidentId))?.cadence.engineering?.lastSentAt).toBeNull();
  });
});

describe('moveStartAndLog', () => {
  it('moves the start and writes the entry together, or neither', async () => {
    await moveStartAndLog(db, incidentId, NOW - 20 * MIN, ctx(), () =>
      addEntry(
        db,
        { incidentId, kind: 'finding', text: 'first alert', occurredAt: NOW - 20 * MIN },
        ctx(),
      ),
    );
    expect((await db.incidents.get(incidentId))?.milestones.started).toBe(NOW - 20 * MIN);
    expect((await ordered())[0]?.text).toBe('first alert');

    await expect(
      moveStartAndLog(db, incidentId, NOW - 30 * MIN, ctx(), () =>
        addEntry(db, { incidentId, kind: 'note', text: '' }, ctx()),
      ),
    ).rejects.toThrow('Nothing to log');
    expect((await db.incidents.get(incidentId))?.milestones.started).toBe(NOW - 20 * MIN);
  });
});

describe('openHypothesis and createActionItem', () => {
  it('opens a hypothesis owned by the Technical Lead with a 15-minute timebox and its entry', async () => {
    await db.roleAssignments.add({
      id: 'r1',
      incidentId,
      role: 'tech',
      roleName: 'Technical Lead',
      person: 'Dana',
      startedAt: NOW,
      endedAt: null,
      note: '',
      assignedBy: 'Sam',
    });
    const h = await openHypothesis(db, incidentId, 'Deploy 42 broke the pool', ctx());
    expect(h).toMatchObject({
      owner: 'Dana',
      status: 'open',
      openedAt: NOW,
      dueAt: NOW + 15 * MIN,
    });
    const entry = (await ordered()).find((e) => e.kind === 'hypothesis');
    expect(entry).toMatchObject({ kind: 'hypothesis', text: 'Deploy 42 broke the pool' });
    expect(entry?.change).toMatchObject({ type: 'hypothesis', field: h.id });
    const other = await openHypothesis(db, incidentId, 'DNS', ctx(), {
      owner: 'Lee',
      timeboxMs: 5 * MIN,
    });
    expect(other).toMatchObject({ owner: 'Lee', dueAt: NOW + 5 * MIN });
  });

  it('defaults the owner to nobody without a Technical Lead', async () => {
    expect((await openHypothesis(db, incidentId, 'x', ctx())).owner).toBe('');
  });

  it('creates a P2 action item due in 28 days with its action entry', async () => {
    const item = await createActionItem(
      db,
      { incidentId, title: 'Alert on pool saturation', owner: '' },
      ctx(),
    );
    expect(item).toMatchObject({ priority: 'P2', dueDate: '2026-12-20', status: 'not-started' });
    const p0 = await createActionItem(
      db,
      { incidentId, title: 'Fix pool', owner: 'Dana', priority: 'P0' },
      ctx(),
    );
    expect(p0.dueDate).toBe('2026-11-29');
    const entries = (await ordered()).filter((e) => e.kind === 'action');
    expect(entries.map((e) => e.text)).toEqual(['Alert on pool saturation', 'Fix pool']);
    expect(entries[0]?.change).toMatchObject({ type: 'action-item', field: item.id });
  });

  it('writes neither the item nor the entry when one fails', async () => {
    const restore = failWritesTo('timelineEntries', new Error('disk full'));
    await expect(
      createActionItem(db, { incidentId, title: 'x', owner: '' }, ctx()),
    ).rejects.toThrow();
    await expect(openHypothesis(db, incidentId, 'y', ctx())).rejects.toThrow();
    restore();
    expect(await db.actionItems.count()).toBe(0);
    expect(await db.hypotheses.count()).toBe(0);
  });
});
