/**
 * The order in which a seat's documents sync with the relay after it (re)connects: first the
 * room's index and the incident on screen, the rest once those two are in step.
 *
 * Why: a relay that restarts loads every document a seat asks for, and a seat in a room asks for
 * all of the room's incidents at once. Loading is CPU work on the relay's one thread (each
 * stored state is read and applied), so the incident the commander is looking at waited behind
 * every other incident of the room (BENCHMARKS.md run P: the relay busy about 700 ms loading
 * five incidents before answering the one on screen). Holding the others back until the one on
 * screen has synced puts it first; nothing is lost by the wait, because a held document's
 * changes travel in its sync once it is let through (the sync exchanges state vectors and sends
 * everything the other side lacks).
 *
 * Once they are in step, the held documents are let through **one at a time, each once the
 * priority documents have been quiet for {@link QUIET_MS}**: being in step means only that this
 * seat's own changes reached the relay; the other seats' changes to the incident on screen are
 * still on their way (a second seat whose socket opens a few hundred ms later sends its offline
 * entries then). Letting every held document through at once made the restarted relay load
 * them all from its state folder back to back, each 100–400 ms of its one thread on a cold
 * start (BENCHMARKS.md runs Q and T), while the other seat's entries for the incident on screen
 * waited in its queue. One at a time, and only while nothing arrives for the incident on screen,
 * the relay loads at most one of them when that traffic comes.
 *
 * Nothing waits forever: {@link HOLD_LIMIT_MS} after the socket opens the held documents go
 * through whatever the priority documents do (still one at a time, no longer waiting for quiet),
 * and a document let through that has not synced within {@link STEP_LIMIT_MS} does not hold up
 * the next one.
 */

/** From the socket opening, the longest the held documents wait for the priority ones (ms). */
export const HOLD_LIMIT_MS = 2_000;

/**
 * The priority documents count as quiet when nothing (a sync message or a peer's presence) has
 * arrived for them for this long (ms).
 */
export const QUIET_MS = 300;

/** A document let through that has not synced after this long does not hold up the next (ms). */
export const STEP_LIMIT_MS = 1_000;

/** What the gate needs of a Hocuspocus provider (HocuspocusProvider has all of it). */
export interface GatedProvider {
  readonly isAttached: boolean;
  /** True while changes sent for this document have not been acknowledged by the relay. */
  readonly hasUnsyncedChanges: boolean;
  attach(): void;
  detach(): void;
}

export class PriorityGate<P extends GatedProvider = GatedProvider> {
  private open = false;
  /** The socket is open (between connected() and disconnected()). */
  private online = false;
  private readonly held = new Map<string, P>();
  private readonly priority = new Map<string, P>();
  /**
   * Priority documents whose sync finished on the current connection. Kept by the gate, not
   * read off the provider: a provider's `synced` flag can outlive its connection (a connection
   * the provider's watchdog closes without a close event never resets it).
   */
  private readonly inStep = new Set<string>();
  private focus: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Letting the held documents through one at a time: since the priority documents were in
   * step ('ready'), or since the hold limit ('forced': quiet is no longer waited for).
   */
  private releasing: 'no' | 'ready' | 'forced' = 'no';
  /** The held document let through last, until it syncs (or {@link STEP_LIMIT_MS} passes). */
  private current: string | null = null;
  /** When something last arrived for a priority document (the `now` clock). */
  private lastHeard = -Infinity;
  private paceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  /**
   * @param isPriority names of the documents that always go first (the room's index)
   * @param timers setTimeout and clearTimeout, and a clock in ms (tests pass fakes)
   */
  constructor(
    private readonly isPriority: (name: string) => boolean,
    private readonly timers: {
      set: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
      clear: (t: ReturnType<typeof setTimeout>) => void;
      now?: () => number;
    } = { set: (fn, ms) => setTimeout(fn, ms), clear: (t) => clearTimeout(t) },
  ) {
    this.now = timers.now ?? (() => Date.now());
  }

  /** True once every held document has been let through (until the next disconnect). */
  get isOpen(): boolean {
    return this.open;
  }

  /** Names of the documents held back now. */
  heldNames(): string[] {
    return [...this.held.keys()];
  }

  private first(name: string): boolean {
    return this.isPriority(name) || name === this.focus;
  }

  /**
   * A new provider for document `name`: attached now if the gate is open or the document goes
   * first, otherwise held until the gate opens.
   */
  add(name: string, provider: P): void {
    if (this.open || this.first(name)) {
      if (this.first(name)) this.priority.set(name, provider);
      provider.attach();
    } else this.held.set(name, provider);
  }

  /** Forgets the provider of `name` (it is being destroyed). */
  remove(name: string): void {
    this.held.delete(name);
    this.priority.delete(name);
    this.inStep.delete(name);
    if (this.current === name) this.next();
  }

  /**
   * Something arrived from the relay for document `name` (a sync message or presence): while it
   * goes first, the held documents wait until it has been quiet for {@link QUIET_MS}.
   */
  heard(name: string): void {
    if (!this.online || !this.first(name)) return;
    this.lastHeard = this.now();
  }

  /**
   * The document on screen (or null): it goes first from now on. If it is held it is let
   * through at once while the socket is open, or as soon as it opens (attaching while offline
   * would make the socket retry at once, outside its back-off).
   */
  setFocus(name: string | null): void {
    if (name === this.focus) return;
    const previous = this.focus;
    this.focus = name;
    if (previous && !this.isPriority(previous)) {
      const p = this.priority.get(previous);
      this.priority.delete(previous);
      this.inStep.delete(previous);
      // Still attached: it stays so (it is in step or syncing); it just no longer goes first.
      if (p && !p.isAttached) this.held.set(previous, p);
    }
    if (!name) return;
    const held = this.held.get(name);
    if (held) {
      this.held.delete(name);
      this.priority.set(name, held);
      if (this.online) held.attach();
    }
    this.check();
  }

  /**
   * The socket closed: every document that does not go first is detached and held, so that
   * after the reconnect the relay hears about the priority documents alone. `all` is every
   * provider the seat has. Call this after the providers have seen the close (they clear their
   * peers' awareness on it, and a detached provider no longer hears it).
   */
  disconnected(all: ReadonlyMap<string, P | null>): void {
    this.open = false;
    this.online = false;
    this.inStep.clear();
    this.stopTimer();
    this.stopPacing();
    for (const [name, p] of all) {
      if (!p || this.first(name)) continue;
      if (p.isAttached) p.detach();
      this.held.set(name, p);
    }
  }

  /**
   * The socket opened (call it once the socket is ready to pass a newly attached provider its
   * open event): attaches any priority document still detached, and lets the held documents
   * through once the priority ones are in step, or {@link HOLD_LIMIT_MS} after the first call
   * (a repeated call keeps the running limit).
   */
  connected(): void {
    this.online = true;
    for (const p of this.priority.values()) if (!p.isAttached) p.attach();
    if (this.open) return;
    this.timer ??= this.timers.set(() => {
      this.timer = null;
      this.startReleasing('forced');
    }, HOLD_LIMIT_MS);
    this.check();
  }

  /** Document `name` finished its sync on the current connection (the provider's `synced`). */
  synced(name: string): void {
    if (this.online && this.priority.has(name)) this.inStep.add(name);
    if (this.online && name === this.current) this.next();
    this.check();
  }

  /**
   * Re-evaluates (cheap; call on any change of a provider's sync state). Starts letting the
   * held documents through when the socket is open, at least one priority document is known,
   * and every attached one has synced on this connection with nothing unacknowledged; before
   * the first priority provider is added only the time limit starts it.
   */
  check(): void {
    if (this.open || this.releasing !== 'no' || !this.online || this.priority.size === 0) return;
    for (const [name, p] of this.priority)
      if (p.isAttached && (!this.inStep.has(name) || p.hasUnsyncedChanges)) return;
    this.startReleasing('ready');
  }

  /** Lets every held document through at once (attaching them in the order they were added). */
  release(): void {
    this.stopTimer();
    this.stopPacing();
    this.open = true;
    const held = [...this.held.values()];
    this.held.clear();
    for (const p of held) p.attach();
  }

  /** Stops the timers (on destroy). */
  dispose(): void {
    this.stopTimer();
    this.stopPacing();
  }

  private startReleasing(how: 'ready' | 'forced'): void {
    if (this.open || !this.online) return;
    if (this.releasing === 'forced' || this.releasing === how) return;
    this.releasing = how;
    if (this.current === null) this.pace();
  }

  /** The document let through last has synced (or was given up on): on to the next. */
  private next(): void {
    this.current = null;
    this.pace();
  }

  /**
   * Lets the next held document through when the priority documents have been quiet long
   * enough (not waited for once forced), or sets a timer for when they will have been.
   */
  private pace(): void {
    this.clearPaceTimer();
    if (this.open || !this.online || this.releasing === 'no' || this.current !== null) return;
    const wait = this.releasing === 'forced' ? 0 : this.lastHeard + QUIET_MS - this.now();
    if (wait > 0) {
      this.paceTimer = this.timers.set(() => {
        this.paceTimer = null;
        this.pace();
      }, wait);
      return;
    }
    const first = this.held.entries().next();
    if (!first.done) {
      const [name, p] = first.value;
      this.held.delete(name);
      p.attach();
      if (this.held.size > 0) {
        this.current = name;
        this.paceTimer = this.timers.set(() => {
          this.paceTimer = null;
          this.next();
        }, STEP_LIMIT_MS);
        return;
      }
    }
    // Nothing left held: documents added from now on are attached at once.
    this.stopTimer();
    this.releasing = 'no';
    this.open = true;
  }

  private stopTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private clearPaceTimer(): void {
    if (this.paceTimer !== null) this.timers.clear(this.paceTimer);
    this.paceTimer = null;
  }

  private stopPacing(): void {
    this.clearPaceTimer();
    this.releasing = 'no';
    this.current = null;
  }
}
