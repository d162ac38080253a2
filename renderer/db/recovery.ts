import { PROBE_KEY, probeWrite, subscribeChanges } from './commit';
import type { WarroomDb } from './schema';
import {
  classifyStorageError,
  onStorageFailure,
  RECOVERABLE,
  type StorageFailure,
} from './repo/errors';

/** What the storage is doing, as the app shows it. */
export type RecoveryState =
  | { status: 'ok' }
  | {
      status: 'failing';
      failure: StorageFailure;
      /** Attempts made since the first failure. */
      attempts: number;
      /** When the next automatic attempt runs (epoch ms), or null when none is planned. */
      nextAt: number | null;
      /** An attempt is under way. */
      trying: boolean;
    };

/**
 * Waits between automatic attempts, in ms: quick at first (a connection lost to a hiccup comes
 * back at once), then every 30 s so a full disk is not hammered while the user frees space.
 */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;

export { PROBE_KEY, probeWrite };

/**
 * Brings the database back after a storage failure, without a reload (issue 12: after a full
 * disk the database stayed closed until a reload, and the reload threw away unsaved text).
 *
 * A failure is reported by any failed commit (its `failed` change event) and by any failure shown
 * through `onStorageFailure` in repo/errors.ts (a read a screen could not make). Each
 * attempt probes a write; when the connection is
 * closed, or the probe says so, the database is closed and opened again (Dexie then holds a new
 * native connection, which the commit's fast path asks for on every write). Attempts repeat with
 * back-off ({@link RETRY_DELAYS_MS}) until one succeeds; {@link retryNow} runs one at once (the
 * Retry buttons). A newer database version is not retried: only a reload can use it.
 */
export class StorageRecovery {
  private state: RecoveryState = { status: 'ok' };
  private readonly listeners = new Set<(s: RecoveryState) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<boolean> | null = null;
  private readonly stop: (() => void)[] = [];

  constructor(
    private readonly db: WarroomDb,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
    private readonly probe: (db: WarroomDb) => Promise<void> = probeWrite,
  ) {}

  /**
   * Starts listening for failed writes. A connection the browser closes is noticed by the next
   * write (Dexie reopens for its own transactions; the scribe's native writes report it), so
   * failed writes are the one signal. Can be called again after {@link dispose}.
   */
  start(): void {
    if (this.stop.length > 0) return;
    this.stop.push(onStorageFailure((failure) => this.report(failure)));
    // Every change set the storage refuses is reported by the commit itself, whether or not
    // the screen that asked for it describes the error.
    this.stop.push(
      subscribeChanges(this.db, (event) => {
        if (event.status !== 'failed') return;
        const failure = classifyStorageError(event.error);
        if (failure) this.report(failure);
      }),
    );
  }

  /** The current state. */
  get current(): RecoveryState {
    return this.state;
  }

  /** Calls `listener` on every change of state; returns the unsubscribe function. */
  subscribe(listener: (s: RecoveryState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A write failed for this reason: start (or keep) recovering. Other failures are ignored. */
  report(failure: StorageFailure): void {
    if (!RECOVERABLE.has(failure) && failure !== 'version') return;
    if (this.state.status === 'failing') {
      if (this.state.failure !== failure) this.set({ ...this.state, failure });
      return;
    }
    this.set({ status: 'failing', failure, attempts: 0, nextAt: null, trying: false });
    if (failure !== 'version') this.schedule();
  }

  /** Runs one attempt now (cancelling the planned one); true when writes work again. */
  retryNow(): Promise<boolean> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    return this.attempt();
  }

  /** Stops listening for failures and cancels the planned attempt. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const s of this.stop.splice(0)) s();
  }

  private set(next: RecoveryState): void {
    this.state = next;
    for (const l of this.listeners) l(next);
  }

  private schedule(): void {
    if (this.state.status !== 'failing' || this.timer !== null) return;
    const delay = this.delays[Math.min(this.state.attempts, this.delays.length - 1)] ?? 30_000;
    this.set({ ...this.state, nextAt: Date.now() + delay });
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, delay);
  }

  private attempt(): Promise<boolean> {
    this.running ??= this.tryOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async tryOnce(): Promise<boolean> {
    if (this.state.status === 'failing') this.set({ ...this.state, trying: true, nextAt: null });
    let failure: StorageFailure | null = null;
    try {
      if (!this.db.isOpen()) await this.reopen();
      try {
        await this.probe(this.db);
      } catch (error) {
        if (classifyStorageError(error) !== 'closed') throw error;
        // The connection is gone under Dexie: open a new one and prove it.
        await this.reopen();
        await this.probe(this.db);
      }
    } catch (error) {
      failure = classifyStorageError(error) ?? 'io';
    }
    if (failure === null) {
      this.set({ status: 'ok' });
      return true;
    }
    const attempts = this.state.status === 'failing' ? this.state.attempts + 1 : 1;
    this.set({ status: 'failing', failure, attempts, nextAt: null, trying: false });
    if (failure !== 'version') this.schedule();
    return false;
  }

  private async reopen(): Promise<void> {
    this.db.close({ disableAutoOpen: false });
    await this.db.open();
  }
}
