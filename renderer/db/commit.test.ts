import Dexie, { liveQuery, RangeSet, type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changes } from '../../shared/commands/change-set';
import { newEntryRow, type NewEntry } from '../../shared/commands/timeline-entry';
import { RepoError } from '../../shared/commands/refusal';
import type { TimelineEntry } from '../../shared/domain/timeline';
import { WarroomDb } from './schema';
import { dbWithIncident, NOW } from './testing';
import { watchTimeline } from '../features/timeline/timeline-feed';
import { saveDraft } from './repo/drafts';
import {
  BROADCAST_ROWS_MAX,
  commit,
  inOneCommit,
  observedParts,
  runCommand,
  subscribeChanges,
  thisOrigin,
  UnrecordedChangeError,
  type ChangeEvent,
} from './commit';

const preparePlainEntry = (input: NewEntry, c: { now: number; author: string }) =>
  newEntryRow(input, c);

/** The scribe's change set: one entry, and its draft's removal when a key is given. */
function writePlainEntry(target: WarroomDb, entry: TimelineEntry, draftKey?: string) {
  const set = changes().record(entry);
  if (draftKey) set.remove('drafts', draftKey);
  return commit(target, set.build(), { scribeEntry: true });
}

const ctx = { now: NOW, author: 'Sam' };

let db: WarroomDb;
let incidentId: string;
beforeEach(async () => {
  ({ db, incidentId } = await dbWithIncident(
    { title: 'Checkout errors', severity: 'SEV2', startedAt: NOW - 600_000 },
    ctx,
  ));
});
afterEach(() => db.close());

/** A comparable form of an observability set: each part's ranges as [from, to] pairs. */
function plain(parts: ObservabilitySet): Record<string, [unknown, unknown][]> {
  const out: Record<string, [unknown, unknown][]> = {};
  for (const [name, tree] of Object.entries(parts)) {
    const nodes = [...RangeSet(tree)].map((n) => [n.from, n.to] as [unknown, unknown]);
    if (nodes.length) out[name] = nodes;
  }
  return out;
}

/** Records the parts of every storagemutated notification while `run` runs. */
async function capture(run: () => Promise<unknown>): Promise<ObservabilitySet> {
  const seen: Record<string, RangeSet> = {};
  const listener = (parts: ObservabilitySet) => {
    for (const [k, v] of Object.entries(parts)) {
      const mine = (seen[k] ??= new RangeSet());
      for (const n of RangeSet(v)) mine.add({ from: n.from, to: n.to });
    }
  };
  Dexie.on('storagemutated', listener);
  try {
    await run();
  } finally {
    Dexie.on.storagemutated.unsubscribe(listener);
  }
  return seen;
}

describe("newEntryRow (the scribe's entry)", () => {
  it('trims the text and stamps author, times and a fresh id', () => {
    const e = preparePlainEntry({ incidentId, kind: 'decision', text: '  roll back  ' }, ctx);
    expect(e).toMatchObject({
      incidentId,
      kind: 'decision',
      text: 'roll back',
      author: 'Sam',
      occurredAt: NOW,
      loggedAt: NOW,
      deletedAt: null,
      pinned: false,
    });
    const backdated = preparePlainEntry(
      { incidentId, kind: 'note', text: 'x', occurredAt: NOW - 60_000 },
      ctx,
    );
    expect(backdated.occurredAt).toBe(NOW - 60_000);
    expect(backdated.id).not.toBe(e.id);
  });

  it('refuses empty and over-long text with a field error', () => {
    expect(() => preparePlainEntry({ incidentId, kind: 'note', text: '   ' }, ctx)).toThrow(
      RepoError,
    );
    expect(() =>
      preparePlainEntry({ incidentId, kind: 'note', text: 'x'.repeat(20_001) }, ctx),
    ).toThrow(/limit is 20,000/);
  });
});

describe('observedParts', () => {
  it('matches what Dexie records for the same add and draft delete', async () => {
    const entry = preparePlainEntry({ incidentId, kind: 'finding', text: 'cache cold' }, ctx);
    const byDexie = await capture(() =>
      db.transaction('rw', [db.timelineEntries, db.drafts], async () => {
        await db.timelineEntries.add(entry);
        await db.drafts.delete('timeline:x');
      }),
    );
    const ours = observedParts(db, [
      { table: 'timelineEntries', put: [entry] },
      { table: 'drafts', deleted: ['timeline:x'] },
    ]);
    expect(plain(ours)).toEqual(plain(byDexie));
    // Every index of the table is covered, so index-bound live queries hear about it.
    expect(Object.keys(plain(ours))).toEqual(
      expect.arrayContaining([
        `idb://${db.name}/timelineEntries/[incidentId+kind]`,
        `idb://${db.name}/timelineEntries/[incidentId+occurredAt]`,
      ]),
    );
  });
});

describe('commit: the fast path for one entry', () => {
  it('writes the entry and removes the draft in one transaction, then notifies', async () => {
    const key = `timeline:${incidentId}`;
    await saveDraft(db, key, 'cache cold', NOW);
    const entry = preparePlainEntry({ incidentId, kind: 'finding', text: 'cache cold' }, ctx);
    // The notification follows the commit by a task: wait for it.
    const parts = await capture(async () => {
      await writePlainEntry(db, entry, key);
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(await db.timelineEntries.get(entry.id)).toEqual(entry);
    expect(await db.drafts.get(key)).toBeUndefined();
    expect(plain(parts)).toEqual(
      plain(
        observedParts(db, [
          { table: 'timelineEntries', put: [entry] },
          { table: 'drafts', deleted: [key] },
        ]),
      ),
    );
  });

  it('keeps index-bound live queries and the timeline feed up to date', async () => {
    const findings: TimelineEntry[][] = [];
    const sub = liveQuery(() =>
      db.timelineEntries.where('[incidentId+kind]').equals([incidentId, 'finding']).toArray(),
    ).subscribe((rows) => findings.push(rows));
    const fed: (readonly TimelineEntry[])[] = [];
    const watch = watchTimeline(db, incidentId);
    watch.store.subscribe((s) => {
      if (s.complete && s.entries) fed.push([...s.entries, ...s.tail]);
    });
    await expect.poll(() => findings.length).toBe(1);
    await expect.poll(() => fed.length).toBeGreaterThan(0);

    const entry = preparePlainEntry({ incidentId, kind: 'finding', text: 'disk full' }, ctx);
    await writePlainEntry(db, entry);
    await expect.poll(() => findings.at(-1)?.map((e) => e.text)).toEqual(['disk full']);
    await expect.poll(() => fed.at(-1)?.some((e) => e.id === entry.id)).toBe(true);
    sub.unsubscribe();
    watch.stop();
  });

  it('writes nothing and keeps the draft when the write fails', async () => {
    const key = `timeline:${incidentId}`;
    await saveDraft(db, key, 'twice', NOW);
    const entry = preparePlainEntry({ incidentId, kind: 'note', text: 'twice' }, ctx);
    await writePlainEntry(db, entry);
    // The same id again: the add fails, the whole transaction aborts.
    await expect(writePlainEntry(db, { ...entry, text: 'changed' }, key)).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    expect((await db.timelineEntries.get(entry.id))?.text).toBe('twice');
    expect((await db.drafts.get(key))?.text).toBe('twice');
  });

  it('stores nothing when the request cannot be finished after it was issued', async () => {
    const key = `timeline:${incidentId}`;
    await saveDraft(db, key, 'half', NOW);
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementation(() => {
      throw new DOMException('The connection is closing.', 'InvalidStateError');
    });
    const entry = preparePlainEntry({ incidentId, kind: 'note', text: 'half' }, ctx);
    await expect(writePlainEntry(db, entry, key)).rejects.toMatchObject({
      name: 'InvalidStateError',
    });
    commit.mockRestore();
    // Give an unaborted transaction every chance to land before looking.
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.timelineEntries.get(entry.id)).toBeUndefined();
    expect((await db.drafts.get(key))?.text).toBe('half');
  });

  it('goes through Dexie (which opens the database) when it is not open yet', async () => {
    const other = new WarroomDb(db.name);
    expect(other.isOpen()).toBe(false);
    const entry = preparePlainEntry({ incidentId, kind: 'note', text: 'from a cold start' }, ctx);
    await writePlainEntry(other, entry, `timeline:${incidentId}`);
    expect((await db.timelineEntries.get(entry.id))?.text).toBe('from a cold start');
    other.close();
  });
});

describe('runCommand, inOneCommit and the change events', () => {
  const events = () => {
    const seen: ChangeEvent[] = [];
    const stop = subscribeChanges(db, (e) => seen.push(e));
    return { seen, stop };
  };

  it('reads the facts and writes the change set in one transaction, announced once', async () => {
    const { seen, stop } = events();
    const result = await runCommand(db, ['incidents'], async (read) => {
      const incident = (await read.incidents.get(incidentId))!;
      const e = newEntryRow({ incidentId, kind: 'note', text: `about ${incident.title}` }, ctx);
      return { changes: changes().record(e).build(), result: e.id };
    });
    stop();
    expect((await db.timelineEntries.get(result))?.text).toBe('about Checkout errors');
    expect(seen.map((e) => e.status)).toEqual(['pending', 'committed']);
    const cs = seen[1]!.changeSet;
    expect(cs.changes.timelineEntries?.added?.[0]?.id).toBe(result);
    expect(cs.origin).toEqual(thisOrigin());
    expect(cs.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes nothing and announces nothing when the command refuses', async () => {
    const { seen, stop } = events();
    const before = await db.timelineEntries.count();
    await expect(
      runCommand(db, ['incidents'], () => {
        throw new RepoError('Nothing to log: the entry is empty.', 'text');
      }),
    ).rejects.toMatchObject({ field: 'text' });
    stop();
    expect(await db.timelineEntries.count()).toBe(before);
    expect(seen).toEqual([]);
  });

  it('refuses a severity change without its timeline entry (the record rule)', async () => {
    const incident = (await db.incidents.get(incidentId))!;
    await expect(
      commit(
        db,
        changes()
          .update('incidents', { ...incident, severity: 'SEV1' })
          .build(),
      ),
    ).rejects.toBeInstanceOf(UnrecordedChangeError);
    expect((await db.incidents.get(incidentId))?.severity).toBe('SEV2');
  });

  it('gathers several commands into one change set, or writes none of them', async () => {
    const { seen, stop } = events();
    await inOneCommit(db, async () => {
      await commit(
        db,
        changes()
          .record(preparePlainEntry({ incidentId, kind: 'note', text: 'one' }, ctx))
          .build(),
      );
      await commit(
        db,
        changes()
          .record(preparePlainEntry({ incidentId, kind: 'note', text: 'two' }, ctx))
          .build(),
      );
    });
    expect(seen.map((e) => e.status)).toEqual(['pending', 'committed']);
    expect(seen[1]!.changeSet.changes.timelineEntries?.added?.map((e) => e.text)).toEqual([
      'one',
      'two',
    ]);
    seen.length = 0;
    const count = await db.timelineEntries.count();
    await expect(
      inOneCommit(db, async () => {
        await commit(
          db,
          changes()
            .record(preparePlainEntry({ incidentId, kind: 'note', text: 'three' }, ctx))
            .build(),
        );
        throw new RepoError('Changed my mind.');
      }),
    ).rejects.toThrow('Changed my mind.');
    stop();
    expect(await db.timelineEntries.count()).toBe(count);
    expect(seen.filter((e) => e.status === 'committed')).toEqual([]);
  });

  it("tells the app's other windows once committed, with the rows and this window's origin", async () => {
    vi.resetModules();
    const other = await import('./commit');
    const heard: ChangeEvent[] = [];
    const stop = other.subscribeChanges(db, (e) => heard.push(e));
    const e = preparePlainEntry({ incidentId, kind: 'finding', text: 'seen elsewhere' }, ctx);
    await commit(db, changes().record(e).build());
    // (Other windows hear a task later, so earlier change sets may arrive too: find ours.)
    const ours = () =>
      heard.find((h) => h.changeSet.changes.timelineEntries?.added?.[0]?.id === e.id);
    await expect.poll(ours).toBeDefined();
    stop();
    expect(ours()!.status).toBe('committed');
    expect(ours()!.changeSet.changes.timelineEntries?.added?.[0]).toEqual(e);
    expect(ours()!.changeSet.origin.window).toBe(thisOrigin().window);
    expect(other.thisOrigin().window).not.toBe(thisOrigin().window);
  });
});

describe('what the commit announces is what it stored', () => {
  it('announces the cleaned rows the write guard wrote, not the raw ones', async () => {
    const incident = (await db.incidents.get(incidentId))!;
    // Decomposed "é" (e + U+0301) and a stray control character: the guard normalises them.
    const raw = {
      ...incident,
      impact: { ...incident.impact, summary: 'Cafe\u0301 checkout\u0007 down' },
    };
    const heard: ChangeEvent[] = [];
    const stop = subscribeChanges(db, (e) => heard.push(e));
    await commit(db, changes().update('incidents', raw).build());
    stop();
    const stored = (await db.incidents.get(incidentId))!.impact.summary;
    const announced = heard.find((e) => e.status === 'committed')!.changeSet.changes.incidents!
      .updated![0]!.impact.summary;
    expect(stored).not.toBe(raw.impact.summary);
    expect(announced).toBe(stored);
  });

  it('sends any other one-entry change set through the write guard, writing nothing when it breaks the schema', async () => {
    const e = {
      ...preparePlainEntry({ incidentId, kind: 'note', text: 'ok' }, ctx),
      occurredAt: Number.NaN,
    };
    await expect(commit(db, changes().record(e).build())).rejects.toMatchObject({
      name: 'RepoError',
      field: 'occurredAt',
    });
    expect(await db.timelineEntries.get(e.id)).toBeUndefined();
  });
});

describe('large change sets between windows', () => {
  it('tells other windows which tables a large change set wrote, without its rows', async () => {
    vi.resetModules();
    const other = await import('./commit');
    const heard: ChangeEvent[] = [];
    const stop = other.subscribeChanges(db, (e) => heard.push(e));
    const set = changes();
    for (let i = 0; i <= BROADCAST_ROWS_MAX; i += 1)
      set.record(preparePlainEntry({ incidentId, kind: 'note', text: `row ${i}` }, ctx));
    await commit(db, set.build());
    const large = () => heard.find((h) => 'omitted' in h && h.omitted);
    await expect.poll(large).toBeDefined();
    stop();
    expect(large()).toMatchObject({ status: 'committed', omitted: ['timelineEntries'] });
    expect(large()!.changeSet.changes).toEqual({});
  });
});

describe('failures the storage recovery must hear of', () => {
  it('announces a command that could not even start its transaction as failed', async () => {
    const heard: ChangeEvent[] = [];
    const stop = subscribeChanges(db, (e) => heard.push(e));
    db.close();
    await expect(
      runCommand(db, ['incidents'], () => Promise.resolve({ changes: {}, result: undefined })),
    ).rejects.toBeTruthy();
    stop();
    expect(heard.map((e) => e.status)).toEqual(['failed']);
    await db.open();
  });

  it('does not announce a refusal', async () => {
    const heard: ChangeEvent[] = [];
    const stop = subscribeChanges(db, (e) => heard.push(e));
    await expect(
      runCommand(db, ['incidents'], () => Promise.reject(new RepoError('No.', 'title'))),
    ).rejects.toMatchObject({ field: 'title' });
    stop();
    expect(heard).toEqual([]);
  });
});
