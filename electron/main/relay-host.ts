import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, utilityProcess } from 'electron';
import { ipcEvents, type RelayHostStatus } from '../../shared/ipc/contract';
import type { RelayOptions } from '../../relay/relay';
import type { RelayReport, RelayRequest } from '../../relay/utility-entry';
import { writeFileAtomic } from './atomic-write';
import { handle } from './ipc/handle';

/*
 * Host war room: the relay runs inside the app, in an Electron utility process (so a relay
 * crash cannot take a window down), bound to 127.0.0.1 until the user allows other laptops on
 * the network. No port is open unless hosting is on. The decisions are small pure functions;
 * RelayHost drives one utility process through relay/utility-entry.ts's messages.
 */

/** Listen address while only this laptop may connect. */
export const LOOPBACK = '127.0.0.1';
/** Listen address once other laptops may connect: every interface (this laptop's seat keeps
 * dialling 127.0.0.1, which a specific LAN address would refuse). */
export const ALL_INTERFACES = '0.0.0.0';

/** How long a relay may take to start (or restart) before hosting is reported as failed, ms. */
export const START_TIMEOUT_MS = 15_000;
/** How long a stopping relay may take to store its documents before it is killed, ms. */
export const STOP_TIMEOUT_MS = 5_000;

/** The address the relay listens on for the "Allow other laptops on this network" switch. */
export function bindAddressFor(lanAllowed: boolean): string {
  return lanAllowed ? ALL_INTERFACES : LOOPBACK;
}

const isIpv4 = (a: NetworkInterfaceInfo): boolean =>
  // Node 18.0–18.3 reported the family as a number.
  a.family === 'IPv4' || (a.family as unknown) === 4;
const isLinkLocal = (address: string): boolean => address.startsWith('169.254.');

/**
 * The address other laptops dial: the first non-internal IPv4 address of
 * `os.networkInterfaces()` (in the order the OS lists them), preferring a routable one over a
 * self-assigned link-local 169.254.x.x. Null when this laptop is on no network.
 */
export function firstLanAddress(
  interfaces: NodeJS.Dict<readonly NetworkInterfaceInfo[]>,
): string | null {
  const candidates = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((a) => isIpv4(a) && !a.internal)
    .map((a) => a.address);
  return candidates.find((a) => !isLinkLocal(a)) ?? candidates[0] ?? null;
}

/** The warning shown while the LAN is allowed but this laptop has no network address. */
export const NO_LAN_ADDRESS =
  'This laptop has no network address, so the join code only works on this laptop. ' +
  'Connect to the network, then switch "Allow other laptops on this network" off and on.';

/**
 * What the utility process is asked to start: the listen address from the switch, and, with
 * the LAN allowed, the LAN address in the join code (ws://<address>:<port>); otherwise the
 * relay's own ws://127.0.0.1:<port>. `port` is a real port (1–65535), never 0: the join code
 * must name it before the relay is up.
 */
export function relayStartOptions(opts: {
  stateDir: string;
  port: number;
  lanAllowed: boolean;
  lanAddress: string | null;
}): RelayOptions {
  const options: RelayOptions = {
    stateDir: opts.stateDir,
    port: opts.port,
    host: bindAddressFor(opts.lanAllowed),
  };
  if (opts.lanAllowed && opts.lanAddress)
    options.publicUrl = `ws://${opts.lanAddress}:${opts.port}`;
  return options;
}

/** A port number read back from the remembered-port file; null for anything else. */
export function parseRememberedPort(text: string): number | null {
  try {
    const port = (JSON.parse(text) as { port?: unknown }).port;
    return typeof port === 'number' && Number.isInteger(port) && port >= 1024 && port <= 65535
      ? port
      : null;
  } catch {
    return null;
  }
}

/** The part of Electron's UtilityProcess that RelayHost uses (a fake in tests). */
export interface RelayChild {
  postMessage(message: RelayRequest): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export interface RelayHostDeps {
  /** Starts a fresh utility process running relay/utility-entry. */
  fork(): RelayChild;
  /** The relay's state folder (documents and room secret). */
  stateDir: string;
  /** The address other laptops dial, looked up at each start ({@link firstLanAddress}). */
  lanAddress(): string | null;
  /** A free TCP port on this laptop. */
  freePort(): Promise<number>;
  /** The port of the last hosting, kept so a join code stays valid across app restarts. */
  loadPort(): Promise<number | null>;
  savePort(port: number): Promise<void>;
  /** Every status change, in order. */
  onStatus(status: RelayHostStatus): void;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

type Outcome = RelayReport | { type: 'exit'; code: number } | { type: 'timeout' };

interface Running {
  child: RelayChild;
  exited: Promise<number>;
  /** The next started/error report (or the exit) goes to this waiter, if any. */
  waiter: ((outcome: Outcome) => void) | null;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * One hosted relay. Every request (start, stop, allow LAN) runs after the one before it has
 * finished, and resolves with the status it ends in; every change also goes to `onStatus`.
 * Never throws: a relay that cannot start or that exits unasked is the `crashed` state.
 */
export class RelayHost {
  private status: RelayHostStatus = { state: 'off', lanAllowed: false };
  private running: Running | null = null;
  private port: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RelayHostDeps) {}

  /** The current status (a copy). */
  getStatus(): RelayHostStatus {
    return { ...this.status };
  }

  /** True while a relay process is alive (starting or on). */
  isHosting(): boolean {
    return this.running !== null;
  }

  /** Starts hosting; already starting or on: no change. Resolves `on` or `crashed`. */
  start(): Promise<RelayHostStatus> {
    return this.enqueue(() => this.doStart());
  }

  /** Stops hosting: the relay stores its documents and exits (killed after the stop timeout). */
  stop(): Promise<RelayHostStatus> {
    return this.enqueue(() => this.doStop());
  }

  /**
   * Allows or forbids other laptops on the network. A running relay restarts on the same port
   * and state folder with the new listen address (its join code changes address); otherwise
   * only the setting changes, for the next start.
   */
  setLanAllowed(allowed: boolean): Promise<RelayHostStatus> {
    return this.enqueue(() => this.doSetLan(allowed));
  }

  private enqueue(task: () => Promise<void>): Promise<RelayHostStatus> {
    const run = this.queue.then(task).catch((error: unknown) => {
      // Not expected (every step catches its own failures), but hosting must never throw.
      this.setStatus({
        state: 'crashed',
        lanAllowed: this.status.lanAllowed,
        error: messageOf(error),
      });
    });
    this.queue = run;
    return run.then(() => this.getStatus());
  }

  private setStatus(status: RelayHostStatus): void {
    this.status = status;
    this.deps.onStatus(this.getStatus());
  }

  private spawn(): Running {
    const child = this.deps.fork();
    let exit!: (code: number) => void;
    const running: Running = {
      child,
      exited: new Promise<number>((resolve) => (exit = resolve)),
      waiter: null,
    };
    child.on('message', (message) => {
      const report = message as RelayReport;
      if (report?.type !== 'started' && report?.type !== 'error') return;
      const waiter = running.waiter;
      running.waiter = null;
      waiter?.(report);
    });
    child.on('exit', (code) => {
      exit(code);
      const waiter = running.waiter;
      running.waiter = null;
      if (waiter) waiter({ type: 'exit', code });
      else if (this.running === running) this.onCrash(code);
    });
    return running;
  }

  /** The relay exited without being asked (while on). */
  private onCrash(code: number): void {
    this.running = null;
    this.setStatus({
      state: 'crashed',
      lanAllowed: this.status.lanAllowed,
      error: `The relay stopped unexpectedly (exit code ${code}). Seats keep their changes and send them when it is back.`,
    });
  }

  /** Asks the relay to (re)start on `port` and waits for its answer. */
  private launch(running: Running, port: number): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        running.waiter = null;
        resolve({ type: 'timeout' });
      }, this.deps.startTimeoutMs ?? START_TIMEOUT_MS);
      running.waiter = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      const lanAllowed = this.status.lanAllowed;
      running.child.postMessage({
        type: 'start',
        options: relayStartOptions({
          stateDir: this.deps.stateDir,
          port,
          lanAllowed,
          lanAddress: lanAllowed ? this.deps.lanAddress() : null,
        }),
      });
    });
  }

  /**
   * Brings the relay up on the known port, else the remembered one, else a free one; a known
   * or remembered port that fails (taken meanwhile) is tried once more with a free port.
   */
  private async bringUp(running: Running): Promise<void> {
    const lanAllowed = this.status.lanAllowed;
    this.setStatus({ state: 'starting', lanAllowed });
    const known = this.port ?? (await this.deps.loadPort().catch(() => null));
    let outcome = await this.launch(running, known ?? (await this.deps.freePort()));
    if (outcome.type === 'error' && known !== null)
      outcome = await this.launch(running, await this.deps.freePort());

    if (outcome.type === 'started') {
      this.port = outcome.port;
      this.deps.savePort(outcome.port).catch((error: unknown) => {
        console.warn('Warroom: could not remember the relay port', error);
      });
      const noLan = lanAllowed && !this.deps.lanAddress();
      this.setStatus({
        state: 'on',
        joinCode: outcome.joinCode,
        lanAllowed,
        ...(noLan ? { error: NO_LAN_ADDRESS } : {}),
      });
      return;
    }
    // Not listening: make sure the process is gone, so no port stays open.
    this.running = null;
    if (outcome.type !== 'exit') {
      running.child.kill();
      await running.exited;
    }
    const error =
      outcome.type === 'error'
        ? `The relay could not start: ${outcome.message}`
        : outcome.type === 'exit'
          ? `The relay stopped while starting (exit code ${outcome.code}).`
          : outcome.type === 'timeout'
            ? `The relay did not start within ${Math.ceil((this.deps.startTimeoutMs ?? START_TIMEOUT_MS) / 1000)} s.`
            : 'The relay stopped while starting.';
    this.setStatus({ state: 'crashed', lanAllowed, error });
  }

  private async doStart(): Promise<void> {
    if (this.running) return;
    let running: Running;
    try {
      running = this.spawn();
    } catch (error) {
      this.setStatus({
        state: 'crashed',
        lanAllowed: this.status.lanAllowed,
        error: `The relay could not start: ${messageOf(error)}`,
      });
      return;
    }
    this.running = running;
    await this.bringUp(running);
  }

  private async doStop(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) {
      running.child.postMessage({ type: 'stop' });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const killed = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          running.child.kill();
          resolve();
        }, this.deps.stopTimeoutMs ?? STOP_TIMEOUT_MS);
      });
      await Promise.race([running.exited, killed]);
      clearTimeout(timer);
      await running.exited;
    }
    this.setStatus({ state: 'off', lanAllowed: this.status.lanAllowed });
  }

  private async doSetLan(allowed: boolean): Promise<void> {
    if (allowed === this.status.lanAllowed) return;
    if (this.running && this.status.state === 'on') {
      this.status = { ...this.status, lanAllowed: allowed };
      await this.bringUp(this.running);
    } else {
      this.setStatus({ ...this.status, lanAllowed: allowed });
    }
  }
}

/** A free TCP port on 127.0.0.1, from the OS (a listener on port 0, closed at once). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The relay's state folder: documents and room secret, under the user-data folder. */
export function relayStateDir(): string {
  return path.join(app.getPath('userData'), 'relay');
}

/** The built utility-process entry (vite.config.ts builds relay/utility-entry.ts there). */
export function relayEntryPath(): string {
  return path.join(app.getAppPath(), 'dist-electron', 'relay', 'utility-entry.mjs');
}

/** Sends a status to every window's page. */
function broadcast(status: RelayHostStatus): void {
  for (const win of BrowserWindow.getAllWindows())
    if (!win.isDestroyed() && !win.webContents.isDestroyed())
      win.webContents.send(ipcEvents.relayStatus, status);
}

/**
 * The app's relay host: the relay:* channels, status pushed to every window, and the relay
 * stopped (documents stored) before the app quits. Call once, after `ready` (utilityProcess
 * can fork only then). Returns the host (for tests).
 */
export function registerRelayHost(): RelayHost {
  const portFile = path.join(app.getPath('userData'), 'relay-host.json');
  const host = new RelayHost({
    fork: () =>
      utilityProcess.fork(relayEntryPath(), [], {
        serviceName: 'Warroom relay',
        stdio: 'inherit',
      }),
    stateDir: relayStateDir(),
    lanAddress: () => firstLanAddress(networkInterfaces()),
    freePort: findFreePort,
    loadPort: async () => {
      try {
        return parseRememberedPort(await readFile(portFile, 'utf8'));
      } catch {
        return null;
      }
    },
    savePort: (port) => writeFileAtomic(portFile, JSON.stringify({ port }), { mode: 0o600 }),
    onStatus: broadcast,
  });

  handle('relay:start', () => host.start());
  handle('relay:stop', () => host.stop());
  handle('relay:set-lan', ({ allowed }) => host.setLanAllowed(allowed));
  handle('relay:get-status', () => host.getStatus());

  // After every window has closed (their backups are done): stop the relay so it stores its
  // documents, then quit for real. The stop is bounded by STOP_TIMEOUT_MS.
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped || !host.isHosting()) return;
    event.preventDefault();
    void host.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  return host;
}
