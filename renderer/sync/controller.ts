import {
  encodeJoinCode,
  parseJoinCode,
  type JoinCodeParts as JoinCode,
} from '../../shared/sync/join-code';
import { incidentDocName } from '../../shared/sync/doc-names';
import { incidentToken } from '../../shared/sync/room-token';
import type { WarroomDb } from '../db/schema';
import { SyncEngine } from './engine';
import type { Presence, PresenceState, Room, RoomIncident, SeenPeople, SyncStatus } from './room';

/**
 * The seat's multi-seat state, one per database: the engine (always on: it keeps the documents
 * in step with the tables) and the room this seat is in, if any. The join code of the room is
 * kept on this seat (localStorage) so a reload, online or not, goes back into the room.
 */

const CODE_KEY = 'warroom:room-code';

export interface SyncSnapshot {
  readonly status: SyncStatus;
  readonly presence: readonly Presence[];
  /**
   * Everyone seen in the room since this seat joined it, present or gone, for the Last seen
   * list (presence.ts `lastSeenRows`). Memory only: empty after a reload.
   */
  readonly seen: SeenPeople;
  /** While in a room and not connected: when this seat last heard from it (epoch ms, UTC). */
  readonly lostAt: number | null;
  /** The incidents the room holds (empty when not in a room). */
  readonly roomIncidents: readonly RoomIncident[];
  /** The join code of the room (as typed), when in one. */
  readonly code: string | null;
  /** True when the join code opens one incident only (nothing to share, no room index). */
  readonly singleIncident: boolean;
}

const SOLO: SyncSnapshot = {
  status: { state: 'solo' },
  presence: [],
  seen: new Map(),
  lostAt: null,
  roomIncidents: [],
  code: null,
  singleIncident: false,
};

export type JoinResult = { ok: true } | { ok: false; message: string };

export class SyncController {
  readonly engine: SyncEngine;
  private room: Room | null = null;
  private codeText: string | null = null;
  private snapshot: SyncSnapshot = SOLO;
  private readonly listeners = new Set<() => void>();
  private presenceState: PresenceState = { name: '' };
  private focusDoc: string | null = null;
  private offRoom: (() => void) | null = null;

  constructor(private readonly db: WarroomDb) {
    this.engine = new SyncEngine(db);
  }

  /** Starts the engine, and goes back into the room this seat was in (if any). */
  start(): void {
    this.engine.start();
    let saved: string | null;
    try {
      saved = globalThis.localStorage?.getItem(CODE_KEY) ?? null;
    } catch {
      saved = null;
    }
    if (saved) void this.join(saved);
    // Records made before multi-seat get their documents once, in idle time after start-up.
    setTimeout(() => {
      this.engine.migrate().catch((error: unknown) => console.error('Warroom sync:', error));
    }, 3_000);
  }

  /**
   * Joins the room a join code names. Resolves with a refusal (the message to show beside the
   * Join code field) when the code cannot be read; a relay that refuses the secret is reported
   * by the status (state `refused`), not here.
   */
  async join(text: string): Promise<JoinResult> {
    const parsed = parseJoinCode(text);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    this.leave({ forget: false });
    const { Room } = await import('./room');
    const code: JoinCode = parsed.code;
    const room = new Room(this.db, this.engine, code, () => this.presenceState);
    this.room = room;
    room.setFocus(this.focusDoc);
    this.codeText = text.trim();
    try {
      globalThis.localStorage?.setItem(CODE_KEY, this.codeText);
    } catch {
      // Not kept across a reload: the seat rejoins by hand.
    }
    this.offRoom = room.subscribe(() => this.refresh());
    this.refresh();
    await room.connect();
    this.refresh();
    return { ok: true };
  }

  /** Leaves the room: disconnects, keeps every incident on this seat. */
  leave(opts: { forget?: boolean } = {}): void {
    this.offRoom?.();
    this.offRoom = null;
    this.room?.destroy();
    this.room = null;
    this.codeText = null;
    if (opts.forget !== false) {
      try {
        globalThis.localStorage?.removeItem(CODE_KEY);
      } catch {
        // Nothing kept.
      }
    }
    this.refresh();
  }

  /**
   * A join code that opens only one incident of this room (for someone who should see that
   * incident and nothing else): the relay address with that incident's token. Null when this
   * seat is not in a room, or joined with such a code itself (it has no room secret).
   */
  async incidentJoinCode(incidentId: string): Promise<string | null> {
    const room = this.room;
    if (!room || room.singleIncident) return null;
    const doc = incidentDocName(incidentId);
    const token = await incidentToken(room.code.secret, doc);
    return encodeJoinCode({ ...room.code, secret: token, doc });
  }

  /** Shares incidents already on this seat with the room. */
  share(incidents: readonly { id: string; ref: string; title: string }[]): void {
    this.room?.share(incidents);
    this.refresh();
  }

  /** Who is at this seat and what they look at, for the room's presence list. */
  setPresence(state: PresenceState): void {
    if (JSON.stringify(state) === JSON.stringify(this.presenceState)) return;
    this.presenceState = state;
    this.room?.announcePresence();
  }

  /**
   * The incident on screen (its id), or null: after a reconnect the seat syncs it with the
   * relay before the room's other incidents (priority-gate.ts).
   */
  setFocus(incidentId: string | null): void {
    this.focusDoc = incidentId ? incidentDocName(incidentId) : null;
    this.room?.setFocus(this.focusDoc);
  }

  getSnapshot = (): SyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private refresh(): void {
    const room = this.room;
    this.snapshot = room
      ? {
          status: room.getStatus(),
          presence: room.getPresence(),
          seen: room.getSeen(),
          lostAt: room.getLostAt(),
          roomIncidents: room.incidents(),
          code: this.codeText,
          singleIncident: room.singleIncident,
        }
      : SOLO;
    for (const l of [...this.listeners]) l();
  }
}

const controllers = new WeakMap<WarroomDb, SyncController>();

/** The seat's sync controller for this database (made and started on first use). */
export function syncFor(db: WarroomDb): SyncController {
  let c = controllers.get(db);
  if (!c) {
    c = new SyncController(db);
    controllers.set(db, c);
    c.start();
  }
  return c;
}
