import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import { gatedWebSocket, probeRelay } from './gated-websocket';
import { PriorityGate } from './priority-gate';
import { dropQueuedSync, gateOnSocket } from './socket-gate';
import type * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import { hash128 } from '../../shared/sync/hash';
import { seatUrl, SYNC_FORMAT } from '../../shared/sync/sync-format';
import {
  forgetPeers,
  presenceOf,
  renewLocalState,
  type Presence,
  type PresenceState,
} from './presence';
import { noteSeen, type SeenPeople } from './last-seen';
import type { ChangeSet } from '../../shared/commands/change-set';
import {
  DIRECTORY_DOC,
  incidentDocName,
  incidentIdOfDoc,
  ROOM_DOC,
} from '../../shared/sync/doc-names';
import type { JoinCodeParts as JoinCode } from '../../shared/sync/join-code';
import { ensureDocRows } from '../db/commit';
import { subscribeChanges, thisOrigin } from '../db/change-events';
import type { WarroomDb } from '../db/schema';
import type { SyncEngine } from './engine';

/**
 * A seat in a war room: one WebSocket to the relay named by the join code, one Hocuspocus
 * provider per document the room shares (the room's index of incidents, the directory, and each
 * shared incident), presence through Yjs awareness on the room document (never stored), and the
 * status line's facts. Everything stays on this seat when the room is left.
 */

/** Where this seat stands, for the Sync status line. */
export type SyncStatus =
  | { readonly state: 'solo' }
  | { readonly state: 'connecting' }
  | { readonly state: 'connected'; readonly present: number }
  | { readonly state: 'reconnecting'; readonly waiting: number }
  | { readonly state: 'refused'; readonly reason: string };

export type { Presence, PresenceState } from './presence';
export type { SeenPeople } from './last-seen';

/** An incident in the room's index (the room document's `incidents` map). */
export interface RoomIncident {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly sharedAt: number;
}

/**
 * Reconnect back-off: a war room on a LAN must not wait 30 s after a relay restart (the
 * provider's default doubles from 1 s to 30 s). While the relay is away an attempt is only a
 * plain HTTP request (gated-websocket.ts), so attempts every 50–150 ms cost next to nothing
 * (a refused connection on the seat's own machine or LAN; after two minutes without an answer
 * they slow to one a second) and a relay that is back is found within 150 ms. With 100–250 ms
 * the seats' sockets opened up to 400 ms after the relay was ready, a third of the reconnect
 * figure's budget (BENCHMARKS.md run V).
 */
export const RECONNECT = { delay: 50, minDelay: 50, maxDelay: 150, factor: 1.5, jitter: true };

const WAITING_KEY = 'warroom:sync-waiting';

/** A short, stable name for this room on this seat (its local room document). */
export function roomKey(code: Pick<JoinCode, 'url' | 'secret'>): string {
  return hash128(`${code.url}\n${code.secret}`)
    .map((n) => n.toString(36))
    .join('');
}

export class Room {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly providers = new Map<string, HocuspocusProvider>();
  /** After a (re)connect: the room's index and the incident on screen sync before the rest. */
  private readonly gate = new PriorityGate<HocuspocusProvider>(
    (name) => name === ROOM_DOC || name === this.code.doc,
  );
  private roomDoc: Y.Doc | null = null;
  private roomProvider: HocuspocusProvider | null = null;
  private status: SyncStatus = { state: 'connecting' };
  private everConnected = false;
  private refusal: string | null = null;
  private presence: Presence[] = [];
  /** Everyone seen in the room since this seat joined it (memory only, never stored). */
  private seen: SeenPeople = new Map();
  /** While not connected: when this seat last heard from the room (epoch ms, UTC). */
  private lostAt: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;
  /** Local change sets made while this seat could not reach the room (kept across reloads). */
  private waiting: number;

  constructor(
    private readonly db: WarroomDb,
    private readonly engine: SyncEngine,
    readonly code: JoinCode,
    private readonly me: () => PresenceState,
  ) {
    this.waiting = Number(globalThis.localStorage?.getItem(WAITING_KEY) ?? 0) || 0;
    this.socket = new HocuspocusProviderWebsocket({
      // The relay refuses seats whose format it cannot serve (shared/sync/sync-format.ts).
      url: seatUrl(code.url),
      ...RECONNECT,
      // Each attempt asks the relay over HTTP first: a real socket that fails counts against
      // Chromium's WebSocket throttle, which then delays the reconnect by seconds.
      WebSocketPolyfill: gatedWebSocket({ probe: probeRelay, Native: WebSocket }),
      // A relay that stops answering is noticed within 10 s (default 30 s).
      messageReconnectTimeout: 10_000,
    });
    gateOnSocket(this.socket, this.gate, this.providers, () => !this.destroyed);
    this.socket.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') {
        this.everConnected = true;
        this.lostAt = null;
      } else {
        // The people here were known to be here until the last message from the relay, not
        // until the loss was noticed (a watchdog notices 10 s after the last one).
        const heard = this.socket.lastMessageReceived;
        this.lostAt ??= heard > 0 ? Math.min(heard, Date.now()) : Date.now();
        // A seat that is not connected does not know who else is in the room: the providers
        // clear their peers on a close event, but a connection the watchdog ends sends none.
        for (const p of this.providers.values()) if (p?.awareness) forgetPeers(p.awareness);
      }
      this.recomputePresence();
    });
    this.cleanups.push(
      engine.onLocalChange((names) => {
        if (this.status.state === 'connected') return;
        if (!names.some((n) => this.isShared(n))) return;
        // Offline: what was queued for the relay so far is carried by the sync on reconnect
        // (and a long queue makes every further message slower to queue).
        if (this.socket.status !== WebSocketStatus.Connected) dropQueuedSync(this.socket);
        this.setWaiting(this.waiting + 1);
      }),
    );
    this.cleanups.push(
      subscribeChanges(db, (e) => {
        // Incidents declared while connected join the room (drills stay on this seat).
        if (e.status !== 'committed' || e.changeSet.peer) return;
        this.shareDeclared(e.changeSet);
      }),
    );
  }

  /**
   * Connects the room's index and directory, then every incident the room holds. A join code
   * limited to one incident (its token opens that document only) connects that incident alone,
   * with presence on it.
   */
  async connect(): Promise<void> {
    const only = this.code.doc;
    if (only) {
      this.engine.docs.hold(only);
      const doc = await this.engine.docs.open(only);
      if (this.destroyed) return;
      this.roomProvider = this.attach(only, doc, true);
      this.watchPresence();
      return;
    }
    const name = `room/${roomKey(this.code)}`;
    await ensureDocRows(this.db, [name]);
    const doc = DexieYProvider.getOrCreateDocument(this.db, 'syncDocs', 'doc', name);
    await DexieYProvider.load(doc).whenLoaded;
    if (this.destroyed) return;
    this.roomDoc = doc;
    this.roomProvider = this.attach(ROOM_DOC, doc, true);
    this.watchPresence();
    const index = doc.getMap<RoomIncident>('incidents');
    const follow = () => {
      for (const id of index.keys()) void this.follow(incidentDocName(id));
      for (const l of [...this.listeners]) l();
    };
    index.observe(follow);
    this.cleanups.push(() => index.unobserve(follow));
    follow();
    void this.follow(DIRECTORY_DOC);
  }

  /**
   * The incident on screen (its document name), or null: after a reconnect it syncs with the
   * relay before the room's other incidents.
   */
  setFocus(docName: string | null): void {
    this.gate.setFocus(docName);
  }

  /** True when this seat joined with a code limited to one incident. */
  get singleIncident(): boolean {
    return !!this.code.doc;
  }

  /**
   * Presence: each seat says who it is on the awareness of every document it shares with the
   * room (a seat on a one-incident code sees only that incident's), and the list is the union,
   * one line per window (its `presence` id), however many documents it is on.
   */
  private watchPresence(): void {
    this.announcePresence();
    this.recomputePresence();
  }

  private recomputePresence(): void {
    const states = [...this.providers.values()].flatMap((p) =>
      p?.awareness ? [p.awareness.getStates()] : [],
    );
    const connected = this.socket.status === WebSocketStatus.Connected;
    this.presence = presenceOf(states, thisOrigin().window, connected);
    const at = connected ? Date.now() : (this.lostAt ?? Date.now());
    this.seen = noteSeen(this.seen, this.presence, at, connected);
    // Who is listed may change while the status line does not (someone leaves, or is seen
    // last while this seat is offline).
    this.update(true);
  }

  /** Tells the room who is at this seat and what they are looking at. */
  announcePresence(): void {
    const st = { ...this.me(), presence: thisOrigin().window, sync: SYNC_FORMAT };
    for (const p of this.providers.values()) p?.awareness?.setLocalState(st);
  }

  private attach(name: string, doc: Y.Doc, withAwareness: boolean): HocuspocusProvider {
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      token: this.code.secret,
      ...(withAwareness ? {} : { awareness: null }),
      onAwarenessChange: () => this.recomputePresence(),
      onAuthenticationFailed: ({ reason }: { reason: string }) => {
        this.refusal =
          reason && reason !== 'permission-denied'
            ? `The relay refused this seat: ${reason}`
            : 'The relay refused this seat: the join code’s room secret is wrong or out of date.';
        this.update();
      },
      onAuthenticated: () => {
        this.refusal = null;
        // Our state again with a new clock: the one re-sent on connect carries the old clock,
        // which the relay and the other seats ignore if they saw it before the outage.
        if (provider.awareness) renewLocalState(provider.awareness);
        this.update();
      },
      onSynced: () => {
        this.gate.synced(name);
        this.update();
      },
      onUnsyncedChanges: () => {
        this.gate.check();
        this.update();
      },
    });
    this.providers.set(name, provider);
    this.gate.add(name, provider);
    if (withAwareness)
      provider.awareness?.setLocalState({
        ...this.me(),
        presence: thisOrigin().window,
        sync: SYNC_FORMAT,
      });
    return provider;
  }

  private async follow(name: string): Promise<void> {
    if (this.providers.has(name) || this.destroyed) return;
    this.providers.set(name, null as never);
    try {
      this.engine.docs.hold(name);
      const doc = await this.engine.docs.open(name);
      if (this.destroyed) return;
      this.providers.delete(name);
      // The directory carries no presence; every incident does (for one-incident seats).
      this.attach(name, doc, name !== DIRECTORY_DOC);
    } catch (error) {
      this.providers.delete(name);
      console.error('Warroom sync: could not open', name, error);
    }
  }

  /** True when the named document travels to this room. */
  isShared(docName: string): boolean {
    if (this.code.doc) return docName === this.code.doc;
    if (docName === DIRECTORY_DOC) return true;
    const id = incidentIdOfDoc(docName);
    return !!id && !!this.roomDoc?.getMap('incidents').has(id);
  }

  /** The incidents this room holds (its index). */
  incidents(): RoomIncident[] {
    if (!this.roomDoc) return [];
    return [...this.roomDoc.getMap<RoomIncident>('incidents').values()];
  }

  /** Shares incidents already on this seat with the room (the Join dialog's choice). */
  share(incidents: readonly { id: string; ref: string; title: string }[]): void {
    const doc = this.roomDoc;
    if (!doc) return;
    const index = doc.getMap<RoomIncident>('incidents');
    doc.transact(() => {
      for (const i of incidents)
        if (!index.has(i.id))
          index.set(i.id, { id: i.id, ref: i.ref, title: i.title, sharedAt: Date.now() });
    });
  }

  private shareDeclared(cs: ChangeSet): void {
    if (!this.roomDoc || this.refusal) return;
    const added = cs.changes.incidents?.added ?? [];
    const share = added.filter((i) => !i.drill);
    if (share.length) this.share(share);
  }

  /** Whether the seat has heard from the relay that it is in (first sync of the room done). */
  get joined(): boolean {
    return !!this.roomProvider?.isSynced;
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  getPresence(): readonly Presence[] {
    return this.presence;
  }

  /** Everyone seen in the room since this seat joined it, present or gone (memory only). */
  getSeen(): SeenPeople {
    return this.seen;
  }

  /**
   * While this seat is not connected: when it last heard from the room (epoch ms, UTC), the
   * time the people it had seen were last known to be there. Null while connected.
   */
  getLostAt(): number | null {
    return this.lostAt;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setWaiting(n: number): void {
    this.waiting = n;
    try {
      globalThis.localStorage?.setItem(WAITING_KEY, String(n));
    } catch {
      // The count is a courtesy; the changes themselves are in the documents.
    }
    this.update();
  }

  /** Works out the status; tells the listeners when it changed, or always with `notify`. */
  private update(notify = false): void {
    if (this.destroyed) return;
    let next: SyncStatus;
    const connected = this.socket.status === WebSocketStatus.Connected;
    if (this.refusal) next = { state: 'refused', reason: this.refusal };
    else if (connected && this.roomProvider?.isSynced) {
      const allSynced = [...this.providers.values()].every((p) => !p || !p.hasUnsyncedChanges);
      if (allSynced && this.waiting) this.setWaiting(0);
      next = { state: 'connected', present: Math.max(1, this.presence.length) };
    } else if (!this.everConnected && !this.waiting) next = { state: 'connecting' };
    else next = { state: 'reconnecting', waiting: this.waiting };
    const changed = JSON.stringify(next) !== JSON.stringify(this.status);
    this.status = next;
    if (changed || notify || next.state === 'connected') for (const l of [...this.listeners]) l();
  }

  /** Leaves the room: disconnects and forgets the providers; every document stays on this seat. */
  destroy(): void {
    this.destroyed = true;
    this.gate.dispose();
    for (const c of this.cleanups.splice(0)) c();
    for (const [name, p] of this.providers) {
      p?.destroy();
      this.engine.docs.unhold(name);
    }
    this.providers.clear();
    this.socket.destroy();
    if (this.roomDoc) DexieYProvider.release(this.roomDoc);
    try {
      globalThis.localStorage?.removeItem(WAITING_KEY);
    } catch {
      // Nothing to forget.
    }
  }
}
