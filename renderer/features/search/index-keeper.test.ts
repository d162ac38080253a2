import { afterEach, describe, expect, it } from 'vitest';
import { SEARCHED_TABLES } from '../../../shared/search/tables';
import { incidentRow } from '../../../shared/domain/testing/incident';
import { timelineEntry } from '../../../shared/domain/testing/timeline';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { createIndexKeeper } from './index-keeper';
import type { FromWorker, ResultGroup } from './protocol';
import { appendJournal, openSearchDb } from './search-store';

/**
 * The keeper in-process on fake IndexedDB: a record database made with plain IndexedDB (the
 * stores the keeper reads), the search database it keeps its copy in.
 */

let n = 0;
const opened: IDBDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function openRecord(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const t of SEARCHED_TABLES)
        req.result.createObjectStore(t, { keyPath: t === 'postmortems' ? 'incidentId' : 'id' });
    };
    req.onsuccess = () => {
      opened.push(req.result);
      resolve(req.result);
    };
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

function write(db: IDBDatabase, store: string, put: unknown[], del: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    for (const r of put) tx.objectStore(store).put(r);
    for (const k of del) tx.objectStore(store).delete(k);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('write failed'));
  });
}

function keeper() {
  const messages: FromWorker[] = [];
  const k = createIndexKeeper((m) => messages.push(m));
  let id = 0;
  const answer = async (query: string, filters = {}, maxGroups = 10) => {
    const qid = ++id;
    k.handle({ type: 'query', id: qid, query, filters, maxGroups });
    await k.settled();
    const r = messages.find((m) => m.type === 'results' && m.id === qid);
    if (r?.type !== 'results') throw new Error(`query ${qid} was not answered`);
    return r;
  };
  const search = async (query: string, filters = {}): Promise<ResultGroup[]> =>
    (await answer(query, filters)).groups;
  const texts = async (query: string, filters = {}) =>
    (await search(query, filters)).flatMap((g) =>
      g.hits.map((h) => h.snippet.map((p) => p.text).join('')),
    );
  const states = () => messages.filter((m) => m.type === 'state');
  return { k, answer, search, texts, states };
}

const entry = (id: string, text: string, over: Partial<TimelineEntry> = {}) =>
  timelineEntry({ id, incidentId: 'i1', kind: 'finding', text, ...over });

describe('the index keeper', () => {
  it('builds from the record, follows changes, and after a restart loads its copy and catches up on the journal', async () => {
    const name = `record-${++n}`;
    const record = await openRecord(name);
    await write(record, 'incidents', [incidentRow({ id: 'i1', title: 'Payments API errors' })]);
    await write(record, 'timelineEntries', [
      entry('e1', 'Connection pool exhausted'),
      entry('e2', 'Replica lag at 40 s'),
    ]);

    const first = keeper();
    first.k.handle({ type: 'start', appDb: name });
    await first.k.settled();
    expect(first.states().at(-1)).toMatchObject({ state: 'ready', how: 'built' });
    const [group] = await first.search('conection pool');
    expect(group?.title).toBe('Payments API errors');
    expect(group?.hits[0]).toMatchObject({ entryId: 'e1', label: 'Finding' });
    expect(group?.hits[0]?.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual([
      'Connection',
      'pool',
    ]);

    // A live change (posted by the app) is searchable at once.
    const added = entry('e3', 'Rolled back deploy 4812');
    await write(record, 'timelineEntries', [added]);
    first.k.handle({ type: 'changes', changes: { timelineEntries: { put: [added] } } });
    expect(await first.texts('rolled')).toEqual(['Rolled back deploy 4812']);
    await first.k.save();

    // While no worker runs: an edit, a deletion, a restore-to-be and a removal, journaled.
    const search = await openSearchDb(name);
    opened.push(search);
    await write(
      record,
      'timelineEntries',
      [
        entry('e2', 'Replica promoted', {
          revisions: [{ text: 'Replica lag at 40 s', editedAt: 5, author: 'Sam' }],
        }),
        entry('e3', 'Rolled back deploy 4812', { deletedAt: 9 }),
      ],
      ['e1'],
    );
    await appendJournal(search, [{ at: 10, keys: { timelineEntries: ['e2', 'e3', 'e1'] } }]);

    const second = keeper();
    second.k.handle({ type: 'start', appDb: name });
    await second.k.settled();
    expect(second.states().at(-1)).toMatchObject({ state: 'ready', how: 'loaded', caughtUp: 3 });
    expect(await second.texts('replica')).toEqual(['Replica promoted']);
    expect(await second.texts('lag')).toEqual([]);
    expect(await second.texts('pool')).toEqual([]);
    expect(await second.texts('rolled')).toEqual([]);
    expect(await second.texts('rolled', { includeDeleted: true })).toEqual([
      'Rolled back deploy 4812',
    ]);

    // Restored (a change event while running) and found again.
    const restored = entry('e3', 'Rolled back deploy 4812');
    await write(record, 'timelineEntries', [restored]);
    second.k.handle({ type: 'changes', changes: { timelineEntries: { put: [restored] } } });
    expect(await second.texts('rolled')).toEqual(['Rolled back deploy 4812']);
  });

  it('rebuilds when rows were written behind the journal (its row counts no longer match)', async () => {
    const name = `record-${++n}`;
    const record = await openRecord(name);
    await write(record, 'incidents', [incidentRow({ id: 'i1', title: 'Payments API errors' })]);
    const first = keeper();
    first.k.handle({ type: 'start', appDb: name });
    await first.k.settled();
    await first.k.save();

    // Seeded straight into IndexedDB: no change event, no journal.
    await write(record, 'timelineEntries', [entry('e9', 'Shard allocation stuck')]);
    const second = keeper();
    second.k.handle({ type: 'start', appDb: name });
    await second.k.settled();
    expect(second.states().map((s) => (s.type === 'state' ? s.how : null))).toEqual([
      'loaded',
      'built',
    ]);
    expect(await second.texts('shard')).toEqual(['Shard allocation stuck']);
  });

  it('lists at most the incidents asked for, and says more may match', async () => {
    const name = `record-${++n}`;
    const record = await openRecord(name);
    const ids = Array.from({ length: 14 }, (_, i) => `i${i + 1}`);
    await write(
      record,
      'incidents',
      ids.map((id) => incidentRow({ id, title: `Outage ${id}` })),
    );
    await write(
      record,
      'timelineEntries',
      ids.map((id) => entry(`e-${id}`, 'Certificate expired on the edge', { incidentId: id })),
    );
    const k = keeper();
    k.k.handle({ type: 'start', appDb: name });
    await k.k.settled();

    const first = await k.answer('certificate', {}, 10);
    expect(first.groups).toHaveLength(10);
    expect(first.more).toBe(true);
    const all = await k.answer('certificate', {}, 30);
    expect(all.groups).toHaveLength(14);
    expect(all.more).toBe(false);
    expect(all.total).toBe(14);
    // The first ten are the same incidents, in the same order: asking for more only adds.
    expect(all.groups.slice(0, 10).map((g) => g.incidentId)).toEqual(
      first.groups.map((g) => g.incidentId),
    );
  });

  it('says it failed when the record does not exist, without creating it', async () => {
    const k = keeper();
    k.k.handle({ type: 'start', appDb: 'never-made' });
    await k.k.settled();
    expect(k.states().at(-1)).toMatchObject({ state: 'failed' });
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain('never-made');
  });
});
