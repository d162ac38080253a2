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
 * A held document waits at most {@link HOLD_LIMIT_MS} after the socket opens, so a slow or
 * missing priority document cannot starve the rest.
 */

/** Longest a held document waits after the socket opens (ms). */
export const HOLD_LIMIT_MS = 2_000;

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
   * @param isPriority names of the documents that always go first (the room's index)
   * @param timers setTimeout and clearTimeout (tests pass fakes)
   */
  constructor(
    private readonly isPriority: (name: string) => boolean,
    private readonly timers: {
      set: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
      clear: (t: ReturnType<typeof setTimeout>) => void;
    } = { set: (fn, ms) => setTimeout(fn, ms), clear: (t) => clearTimeout(t) },
  ) {}

  /** True once the held documents have been let through (until the next disconnect). */
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
    this.timer ??= this.timers.set(() => this.release(), HOLD_LIMIT_MS);
    this.check();
  }

  /** Document `name` finished its sync on the current connection (the provider's `synced`). */
  synced(name: string): void {
    if (this.online && this.priority.has(name)) this.inStep.add(name);
    this.check();
  }

  /**
   * Re-evaluates (cheap; call on any change of a provider's sync state). Lets the held
   * documents through when the socket is open, at least one priority document is known, and
   * every attached one has synced on this connection with nothing unacknowledged; before the
   * first priority provider is added only the time limit opens the gate.
   */
  check(): void {
    if (this.open || !this.online || this.priority.size === 0) return;
    for (const [name, p] of this.priority)
      if (p.isAttached && (!this.inStep.has(name) || p.hasUnsyncedChanges)) return;
    this.release();
  }

  /** Lets every held document through (attaching them in the order they were added). */
  release(): void {
    this.stopTimer();
    this.open = true;
    const held = [...this.held.values()];
    this.held.clear();
    for (const p of held) p.attach();
  }

  /** Stops the hold timer (on destroy). */
  dispose(): void {
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
