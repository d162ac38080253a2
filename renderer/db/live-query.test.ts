import Dexie, { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Dexie's live queries with patches/dexie+4.4.7.patch: an idle query checks each write against
 * what it read, instead of gathering every write since its last run into one growing set (the
 * cost that patch removes is measured in `npm run bench`, BENCHMARKS.md run V). What a live
 * query answers must not change: these are the cases the gathering exists for.
 */

interface Row {
  id: string;
  text: string;
}

class TestDb extends Dexie {
  watched!: Dexie.Table<Row, string>;
  other!: Dexie.Table<Row, string>;
  constructor(name: string) {
    super(name, { cache: 'disabled' });
    this.version(1).stores({ watched: 'id', other: 'id' });
  }
}

const subscriptions: { unsubscribe(): void }[] = [];
afterEach(() => {
  for (const s of subscriptions.splice(0)) s.unsubscribe();
});

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 5_000; !test();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick(5);
  }
}

/** A live query of row `x` of `watched`; counts how often its querier ran, keeps its answers. */
function watchX(db: TestDb, slow?: () => Promise<void>) {
  const seen: (string | undefined)[] = [];
  let runs = 0;
  const sub = liveQuery(async () => {
    runs++;
    const row = await db.watched.get('x');
    if (slow) await slow();
    return row?.text;
  }).subscribe({ next: (v) => seen.push(v) });
  subscriptions.push(sub);
  return { seen, runs: () => runs };
}

/**
 * A live query of row `x` whose first run has read 'first' and is held before answering;
 * `release()` lets it (and every later run) answer.
 */
async function heldInFirstRun(name: string) {
  const db = new TestDb(`${name}-${Date.now()}`);
  await db.watched.put({ id: 'x', text: 'first' });
  let open: () => void = () => undefined;
  let hold = true;
  const q = watchX(db, () => (hold ? new Promise<void>((r) => (open = r)) : Promise.resolve()));
  await until(() => q.runs() === 1, 'the first run');
  await tick(20);
  const release = () => {
    hold = false;
    open();
  };
  return { db, q, release };
}

describe('live queries (patched Dexie)', () => {
  it('ignore writes outside what they read, however many, and answer the next one inside', async () => {
    const db = new TestDb(`lq-idle-${Date.now()}`);
    await db.watched.put({ id: 'x', text: 'first' });
    const q = watchX(db);
    await until(() => q.seen.length === 1, 'the first answer');
    for (let i = 0; i < 50; i++) {
      await db.other.bulkPut(
        Array.from({ length: 100 }, (_, j) => ({ id: `o${i}-${j}`, text: 'noise' })),
      );
      await db.watched.put({ id: `y${i}`, text: 'another row of the same table' });
    }
    await tick(20);
    expect(q.runs()).toBe(1);
    await db.watched.put({ id: 'x', text: 'second' });
    await until(() => q.seen.at(-1) === 'second', 'the answer after the write');
    expect(q.runs()).toBe(2);
    db.close();
  });

  it('a write made while the query runs is not missed', async () => {
    // The first run has read 'first' and is waiting: the row changes under it.
    const { db, q, release } = await heldInFirstRun('lq-inflight');
    await db.watched.put({ id: 'x', text: 'changed while querying' });
    release();
    await until(() => q.seen.at(-1) === 'changed while querying', 'the rerun');
    db.close();
  });

  it('a write to an unrelated row made while the query runs does not rerun it later', async () => {
    const { db, q, release } = await heldInFirstRun('lq-inflight-other');
    await db.other.put({ id: 'o', text: 'unrelated' });
    release();
    await until(() => q.seen.length === 1, 'the first answer');
    await db.other.put({ id: 'o2', text: 'unrelated again' });
    await tick(20);
    expect(q.runs()).toBe(1);
    await db.watched.put({ id: 'x', text: 'second' });
    await until(() => q.seen.at(-1) === 'second', 'the answer after the write');
    db.close();
  });
});
