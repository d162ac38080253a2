import Dexie from 'dexie';
import type * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import type { Changes } from '../../shared/commands/change-set';
import { applyChanges } from '../../shared/sync/record-doc';
import { ensureDocRows, markDocSeeded } from '../db/commit';
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

/** Reads what this seat's tables hold for a document (for seeding it). */
export type SeedReader = (docName: string) => Promise<Changes>;

export class DocStore {
  private readonly loading = new Map<string, Promise<Y.Doc>>();
  private readonly listeners = new Set<(name: string, doc: Y.Doc) => void>();

  constructor(
    private readonly db: WarroomDb,
    private readonly seed: SeedReader,
  ) {}

  /**
   * The loaded document of that name (seeded on its first opening on this seat). Rejects when
   * the storage cannot be read or written; the next call tries again.
   */
  open(name: string): Promise<Y.Doc> {
    let p = this.loading.get(name);
    if (!p) {
      p = this.load(name);
      this.loading.set(name, p);
      p.catch(() => this.loading.delete(name));
    }
    return p;
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
        applyChanges(doc, held, SEED_ORIGIN);
        await markDocSeeded(this.db, name, Date.now());
      }
      for (const l of [...this.listeners]) l(name, doc);
      return doc;
    });
  }

  /** Lets go of every loaded document (tests, and a database being closed). */
  releaseAll(): void {
    for (const p of this.loading.values())
      p.then(
        (doc) => DexieYProvider.release(doc),
        () => undefined,
      );
    this.loading.clear();
  }
}
