import * as Y from 'yjs';
import type { WarroomDb } from '../../db/schema';
import { SyncEngine } from '../engine';

/**
 * An in-memory relay and the seats around it, for tests of the multi-seat engine in one process
 * (jsdom with fake-indexeddb): each seat its own database and {@link SyncEngine}; the relay holds
 * one Y.Doc per document name, its state. While a seat is connected and the relay is up, every
 * update of a seat's document goes to the relay's copy and from there to every other connected
 * seat's copy, synchronously. On (re)connecting, both sides send what the other lacks (state
 * vector, then the difference), as Hocuspocus's sync step does. Every document a seat loads is
 * in the room (the harness links whatever the seat's DocStore opens).
 */

/** Origin of updates a seat's document receives from the relay (not sent back). */
const FROM_RELAY = Symbol('loopback:from-relay');

/** One document of one seat, linked to the relay while both are up. */
interface Link {
  readonly seat: LoopbackSeat;
  readonly name: string;
  readonly doc: Y.Doc;
  /** Removes the listeners of an active link; null while the link is down. */
  off: (() => void) | null;
}

export class LoopbackRelay {
  /** The relay's state: one document per name. */
  private docs = new Map<string, Y.Doc>();
  private readonly links = new Set<Link>();
  private upFlag = true;

  get up(): boolean {
    return this.upFlag;
  }

  /** The relay's copy of a document (created empty when missing). */
  doc(name: string): Y.Doc {
    let d = this.docs.get(name);
    if (!d) {
      d = new Y.Doc();
      this.docs.set(name, d);
      d.on('update', (u: Uint8Array, origin: unknown) => {
        // Forward to every active link of this document but the one it came from.
        for (const l of this.links)
          if (l.off && l.name === name && origin !== l) Y.applyUpdate(l.doc, u, FROM_RELAY);
      });
    }
    return d;
  }

  /** Names of the documents the relay holds. */
  names(): string[] {
    return [...this.docs.keys()];
  }

  /** Registers a seat's document; it is linked at once when the seat is online and the relay up. */
  attach(seat: LoopbackSeat, name: string, doc: Y.Doc): void {
    const link: Link = { seat, name, doc, off: null };
    this.links.add(link);
    this.activate(link);
  }

  /** Unlinks and forgets every document of a seat (its window went away). */
  detachSeat(seat: LoopbackSeat): void {
    for (const l of [...this.links]) {
      if (l.seat !== seat) continue;
      this.deactivate(l);
      this.links.delete(l);
    }
  }

  /** Relinks a seat's documents that can be linked (seat online, relay up). */
  refresh(seat?: LoopbackSeat): void {
    for (const l of this.links) {
      if (seat && l.seat !== seat) continue;
      if (l.seat.online && this.upFlag) this.activate(l);
      else this.deactivate(l);
    }
  }

  /** The relay goes down: every link drops. */
  stop(): void {
    this.upFlag = false;
    for (const l of this.links) this.deactivate(l);
  }

  /**
   * The relay comes back, with its state (`keepState`) or wiped (a new state folder: the seats
   * re-seed it on reconnecting), and every online seat reconnects.
   */
  start(keepState: boolean): void {
    if (this.upFlag) this.stop();
    if (!keepState) {
      for (const d of this.docs.values()) d.destroy();
      this.docs = new Map();
    }
    this.upFlag = true;
    this.refresh();
  }

  private activate(l: Link): void {
    if (l.off || !l.seat.online || !this.upFlag || l.doc.isDestroyed) return;
    const relayDoc = this.doc(l.name);
    // The sync step: each side sends the other what its state vector lacks.
    Y.applyUpdate(relayDoc, Y.encodeStateAsUpdate(l.doc, Y.encodeStateVector(relayDoc)), l);
    Y.applyUpdate(l.doc, Y.encodeStateAsUpdate(relayDoc, Y.encodeStateVector(l.doc)), FROM_RELAY);
    const onUpdate = (u: Uint8Array, origin: unknown) => {
      if (origin === FROM_RELAY) return;
      Y.applyUpdate(relayDoc, u, l);
    };
    l.doc.on('update', onUpdate);
    l.off = () => l.doc.off('update', onUpdate);
  }

  private deactivate(l: Link): void {
    l.off?.();
    l.off = null;
  }
}

/**
 * One seat: a database, its engine, and whether its network is up. `reload` makes a new engine
 * on the same database (a window reload) and reopens the documents from disk.
 */
export class LoopbackSeat {
  engine: SyncEngine;
  online = true;
  /** The documents this seat is in the room for (reopened after a reload). */
  private readonly shared = new Set<string>();

  constructor(
    readonly db: WarroomDb,
    private readonly relay: LoopbackRelay,
  ) {
    this.engine = this.makeEngine();
  }

  private makeEngine(): SyncEngine {
    const engine = new SyncEngine(this.db);
    engine.docs.onLoaded((name, doc) => {
      // Only the current engine's documents are in the room (not a stopped engine's late ones).
      if (this.engine === engine) {
        this.shared.add(name);
        this.relay.attach(this, name, doc);
      }
    });
    engine.start();
    return engine;
  }

  /** Opens a document on this seat (it joins the room with it). */
  open(name: string): Promise<Y.Doc> {
    this.shared.add(name);
    return this.engine.docs.open(name);
  }

  partition(): void {
    this.online = false;
    this.relay.refresh(this);
  }

  heal(): void {
    this.online = true;
    this.relay.refresh(this);
  }

  /**
   * Reloads the window: the engine stops, its documents are let go (and destroyed), a new engine
   * on the same database opens them again from disk and they reconnect. `crash`: the old engine's
   * work not yet done (replays of committed change sets, projections queued) is dropped, as an
   * unload would drop its timers; otherwise it is waited for first (a tidy reload).
   */
  async reload(opts: { crash?: boolean } = {}): Promise<void> {
    const old = this.engine;
    const names = [...this.shared];
    if (opts.crash) {
      // Timers already queued call these methods by name on the instance: make them do nothing.
      const dead = old as unknown as Record<string, unknown>;
      dead.replay = () => Promise.resolve();
      dead.projectAll = () => Promise.resolve();
    } else {
      await quietSeat(this);
    }
    old.stop();
    this.relay.detachSeat(this);
    const docs = await Promise.all(old.docs.names().map((n) => old.docs.peek(n)));
    old.docs.releaseAll();
    // A reload gets new documents from disk: wait until the old ones are gone.
    await Promise.all(
      docs.map((d) =>
        d && !d.isDestroyed
          ? new Promise<void>((r) => d.once('destroy', () => r()))
          : Promise.resolve(),
      ),
    );
    this.engine = this.makeEngine();
    await Promise.all(names.map((n) => this.engine.docs.open(n)));
  }

  /** Stops the engine and lets go of the documents (end of a test). */
  close(): void {
    this.engine.stop();
    this.relay.detachSeat(this);
    this.engine.docs.releaseAll();
  }
}

/** One turn of the event loop (timers queued before it have run). */
export function macrotask(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/**
 * Waits until a seat's engine has replayed the change sets committed so far into its documents
 * (the replay is queued as a timer after each commit) and projected what it received.
 */
export async function quietSeat(seat: LoopbackSeat): Promise<void> {
  await macrotask();
  // The replay opened (or found) the documents before this; its write follows their loading.
  await Promise.all(seat.engine.docs.names().map((n) => seat.engine.docs.open(n)));
  await seat.engine.settled();
}
