import Dexie from 'dexie';
import { yieldToEventLoop } from '../../shared/logic/yield-to-event-loop';
import type * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import type { Changes } from '../../shared/commands/change-set';
import { chunkSeed } from '../../shared/sync/doc-names';
import { applyChanges } from '../../shared/sync/record-doc';
import { ensureDocRows, markDocSeeded, mergeRecentUpdates } from '../db/commit';
import { idle } from './idle';
import type { WarroomDb } from '../db/schema';

/**
 * The record's Yjs documents on this seat, persisted by y-dexie in the app's database
 * (`syncDocs` and its updates table). A document is loaded once and shared by everyone who asks
 * for it; the first time a document is opened on this seat it is seeded with what this seat's
 * tables already hold for it (the migration of records made before multi-seat: nothing in the
 * tables is changed by it).
 */

/** Origin of Yjs changes that replay change sets this window committed (already in the tables). */
export const LOCAL_ORIGIN = Symbol('warroom:local');
/** Origin of the seeding of a document from this seat's tables (already in the tables). */
export const SEED_ORIGIN = Symbol('warroom:seed');
/** Origin of the changes that settle a conflict (closing tenures, conflict entries): projected. */
export const SETTLE_ORIGIN = Symbol('warroom:settle');

/** True for a Yjs transaction whose changes the tables already hold. */
export function isOwnOrigin(origin: unknown): boolean {
  return origin === LOCAL_ORIGIN || origin === SEED_ORIGIN;
}

/** Rows written into a document per task while seeding it (about 30 ms of work each). */
export const SEED_ROWS_PER_TASK = 500;

/** Reads what this seat's tables hold for a document (for seeding it). */
export type SeedReader = (docName: string) => Promise<Changes>;

/** A document nobody holds (not followed by a room) is let go after this long unused (ms). */
export const IDLE_RELEASE_MS = 60_000;

/** Updates stored by the loaded documents after which `mergeRecentUpdates` (db/commit) runs. */
export const MERGE_EVERY_UPDATES = 100;
export class DocStore {
  private readonly loading = new Map<string, Promise<Y.Doc>>();
  private readonly listeners = new Set<(name: string, doc: Y.Doc) => void>();
  /** Documents a room follows: kept loaded while it does. */
  private readonly held = new Set<string>();
  private readonly lastUsed = new Map<string, number>();
  private sweeper: ReturnType<typeof setInterval> | null = null;
  /** Updates the loaded documents stored since the last merge, and whether one is due. */
  private stored = 0;
  private merging = false;

  constructor(
    private readonly db: WarroomDb,
    private readonly seed: SeedReader,
  ) {}

  /**
   * The loaded document of that name (seeded on its first opening on this seat). Rejects when
   * the storage cannot be read or written; the next call tries again.
   */
  open(name: string): Promise<Y.Doc> {
    this.lastUsed.set(name, Date.now());
    this.sweepLater();
    let p = this.loading.get(name);
    if (!p) {
      p = this.load(name);
      this.loading.set(name, p);
      p.catch(() => this.loading.delete(name));
    }
    return p;
  }

  /** Keeps a document loaded while a room follows it ({@link release} lets it go). */
  hold(name: string): void {
    this.held.add(name);
  }

  /** The room no longer follows it: released once unused for {@link IDLE_RELEASE_MS}. */
  unhold(name: string): void {
    this.held.delete(name);
    this.lastUsed.set(name, Date.now());
  }

  private sweepLater(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(Date.now()), IDLE_RELEASE_MS / 2);
    (this.sweeper as { unref?: () => void }).unref?.();
  }

  /** Releases the documents nobody holds that were not used for a while (memory). */
  sweep(now: number): void {
    for (const [name, p] of [...this.loading]) {
      if (this.held.has(name)) continue;
      if (now - (this.lastUsed.get(name) ?? 0) < IDLE_RELEASE_MS) continue;
      this.loading.delete(name);
      this.lastUsed.delete(name);
      p.then(
        (doc) => {
          doc.off('updateV2', this.noteStored);
          DexieYProvider.release(doc);
        },
        () => undefined,
      );
    }
  }

  /**
   * Makes sure each named document holds what this seat's tables held before multi-seat,
   * without keeping it loaded: a document already seeded is not even opened. The first start
   * after the upgrade runs this over every incident (see SyncEngine.migrate).
   */
  async seedAll(names: readonly string[], yieldEvery: () => Promise<void>): Promise<number> {
    if (names.length === 0) return 0;
    const rows = await this.db.syncDocs.bulkGet([...names]);
    let seeded = 0;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (rows[i]?.seededAt || this.loading.has(name)) continue;
      await this.open(name);
      if (!this.held.has(name)) {
        this.lastUsed.set(name, 0);
        this.sweep(Date.now());
      }
      seeded++;
      await yieldEvery();
    }
    return seeded;
  }

  /** The document if it is already loaded (no storage access). */
  async peek(name: string): Promise<Y.Doc | undefined> {
    const p = this.loading.get(name);
    return p ? p.catch(() => undefined) : undefined;
  }

  /** Names of the documents loaded (or loading) on this seat. */
  names(): string[] {
    return [...this.loading.keys()];
  }

  /** Called with each document once it is loaded (the sync engine observes it). */
  onLoaded(listener: (name: string, doc: Y.Doc) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(name: string): Promise<Y.Doc> {
    // Outside any transaction of the caller: y-dexie's writes must never join one that may abort.
    return Dexie.ignoreTransaction(async () => {
      await ensureDocRows(this.db, [name]);
      const doc = DexieYProvider.getOrCreateDocument(this.db, 'syncDocs', 'doc', name);
      const provider = DexieYProvider.load(doc);
      await provider.whenLoaded;
      const row = await this.db.syncDocs.get(name);
      if (!row?.seededAt) {
        const held = await this.seed(name);
        // A few hundred rows per task: a 50,000-entry incident seeded in one transaction held
        // the main thread for about 3 s (BENCHMARKS.md, run H), keystrokes included. Marked
        // seeded only once every part is in; a window closed half way seeds again (setting a
        // row twice leaves the same row).
        const parts = chunkSeed(held, SEED_ROWS_PER_TASK);
        for (let i = 0; i < parts.length; i++) {
          if (i > 0) await yieldToEventLoop();
          applyChanges(doc, parts[i] ?? {}, SEED_ORIGIN);
        }
        await markDocSeeded(this.db, name, Date.now());
      }
      doc.on('updateV2', this.noteStored);
      for (const l of [...this.listeners]) l(name, doc);
      return doc;
    });
  }

  /** Counts a stored update; every {@link MERGE_EVERY_UPDATES}, merges them in an idle moment. */
  private readonly noteStored = (): void => {
    this.stored++;
    if (this.merging || this.stored < MERGE_EVERY_UPDATES) return;
    this.merging = true;
    this.stored = 0;
    void idle()
      .then(() => mergeRecentUpdates(this.db))
      .catch((error: unknown) => {
        // Nothing is lost: the rows stay as they were, and y-dexie compacts them later.
        console.warn('Warroom: merging stored document updates failed', error);
      })
      .finally(() => {
        this.merging = false;
      });
  };

  /** Lets go of every loaded document (tests, and a database being closed). */
  releaseAll(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    for (const p of this.loading.values())
      p.then(
        (doc) => {
          doc.off('updateV2', this.noteStored);
          DexieYProvider.release(doc);
        },
        () => undefined,
      );
    this.loading.clear();
  }
}
