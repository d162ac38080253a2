import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveDraft } from './repo/drafts';
import { commit, inOneCommit, runCommand } from './commit';
import { failWritesTo, freshDb } from './test-db';
import { NOW } from './testing';
import type { WarroomDb } from './schema';
import { readSettled, trackWrite, writesSettled, writesUnderWay } from './writes-settled';
import * as drafts from '../../shared/commands/drafts';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

/** A promise settled by hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('writesSettled: the writes this window issued, then a fresh read', () => {
  it('resolves at once when nothing is under way', async () => {
    expect(writesUnderWay(db)).toBe(0);
    await expect(writesSettled(db)).resolves.toBe(true);
  });

  it('waits for a commit issued and not awaited: the read after it sees the row', async () => {
    const write = commit(db, drafts.saveDraft('k', 'typed a moment ago', NOW));
    expect(writesUnderWay(db)).toBe(1);
    const text = await readSettled(db, async (read) => (await read.drafts.get('k'))?.text);
    expect(text).toBe('typed a moment ago');
    expect(writesUnderWay(db)).toBe(0);
    await write;
  });

  it('tracks a command from the moment it is called, while its plan still reads', async () => {
    const gate = deferred();
    const write = runCommand(db, ['drafts'], async (read) => {
      await read.drafts.get('k');
      await gate.promise;
      return { changes: drafts.saveDraft('k', 'planned', NOW), result: 'done' };
    });
    let settled = false;
    const waiting = writesSettled(db).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    gate.resolve();
    await waiting;
    expect((await db.drafts.get('k'))?.text).toBe('planned');
    await expect(write).resolves.toBe('done');
  });

  it('settles (never rejects) when a write fails; the failure stays the caller’s', async () => {
    const restore = failWritesTo('drafts', new DOMException('disk full', 'QuotaExceededError'));
    try {
      const write = saveDraft(db, 'k', 'lost', NOW);
      const outcome = write.then(
        () => 'saved',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      await expect(writesSettled(db)).resolves.toBe(true);
      expect(await outcome).toMatch(/^disk full/);
    } finally {
      restore();
    }
    expect(writesUnderWay(db)).toBe(0);
    expect(await db.drafts.get('k')).toBeUndefined();
  });

  it('counts several commands in one commit as one write', async () => {
    const write = inOneCommit(db, async () => {
      await commit(db, drafts.saveDraft('a', 'one', NOW));
      await commit(db, drafts.saveDraft('b', 'two', NOW));
    });
    expect(writesUnderWay(db)).toBe(1);
    await writesSettled(db);
    expect((await db.drafts.bulkGet(['a', 'b'])).map((d) => d?.text)).toEqual(['one', 'two']);
    await write;
  });

  it('does not wait for writes issued after it was called', async () => {
    const first = deferred();
    const later = deferred();
    void trackWrite(db, first.promise);
    const waiting = writesSettled(db);
    const refused = trackWrite(db, later.promise).catch((e: unknown) => e);
    first.resolve();
    await waiting;
    expect(writesUnderWay(db)).toBe(1);
    later.reject(new Error('refused'));
    await writesSettled(db);
    expect(writesUnderWay(db)).toBe(0);
    expect(await refused).toEqual(new Error('refused'));
  });

  it('stops waiting after its limit for a write that hangs, and says so', async () => {
    const hung = deferred();
    const tracked = trackWrite(db, hung.promise);
    await expect(writesSettled(db, 30)).resolves.toBe(false);
    expect(writesUnderWay(db)).toBe(1);
    hung.resolve();
    await tracked;
    await expect(writesSettled(db, 30)).resolves.toBe(true);
  });

  it('keeps databases apart', async () => {
    const other = await freshDb();
    try {
      const gate = deferred();
      void trackWrite(other, gate.promise);
      await writesSettled(db);
      expect(writesUnderWay(other)).toBe(1);
      gate.resolve();
      await writesSettled(other);
    } finally {
      other.close();
    }
  });

  it('hands on the result and the refusal of the write to the caller, and leaves a refusal unhandled until the caller handles it', async () => {
    await expect(trackWrite(db, Promise.resolve(7))).resolves.toBe(7);
    await expect(trackWrite(db, Promise.reject(new Error('no')))).rejects.toThrow('no');
    // An unhandled refusal still reaches the unhandled-rejection report (tracking it used to
    // mark the caller's own promise handled, so `void command()` failed silently).
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      void trackWrite(db, Promise.reject(new Error('nobody listened')));
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([new Error('nobody listened')]);
  });
});
