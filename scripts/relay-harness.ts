import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { parseJoinCode, type JoinCodeParts } from '../shared/sync/join-code';
import { seatUrl } from '../shared/sync/sync-format';

/**
 * Test helpers for the relay (relay/): run it as a separate child process (a SIGKILL is a real
 * crash; stopping a relay in-process leaves clients believing they are connected), run
 * Debian's redis-server beside it, and connect Node seats with @hocuspocus/provider and `ws`.
 * Every process started here is recorded so `killAll()` in afterAll can end it even when a
 * test failed half way.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const children = new Set<ChildProcess>();

/** Polls `check` every 20 ms until it is true; rejects after `timeoutMs` naming `what`. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A free TCP port on 127.0.0.1 (free when asked; fine for a child that binds it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** This process's environment without the relay's own variables (flags decide in tests). */
function relayEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of [
    'PORT',
    'HOST',
    'SECRET',
    'STATE_DIR',
    'REDIS_URL',
    'TLS_CERT',
    'TLS_KEY',
    'PUBLIC_URL',
  ]) {
    delete env[k];
  }
  return env;
}

/** A relay child process. */
export interface RelayProcess {
  child: ChildProcess;
  joinCode: string;
  parts: JoinCodeParts;
  port: number;
  /** Everything the relay wrote to stdout and stderr so far. */
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null after a signal) once the process has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node --import tsx relay/main.ts <args>` and resolves once it prints its join code.
 * Rejects with the relay's stderr if it exits first or prints nothing within `timeoutMs`.
 */
export function spawnRelay(args: string[], timeoutMs = 60_000): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: relayEnv(),
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  return new Promise<RelayProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The relay printed no join code in ${timeoutMs} ms. stderr:\n${err}`));
    }, timeoutMs);
    const onData = () => {
      const m = /^Join code: (\S+)\n/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const parsed = parseJoinCode(m[1]!);
      if (!parsed.ok) return reject(new Error(`Unreadable join code: ${parsed.message}`));
      resolve({
        child,
        joinCode: m[1]!,
        parts: parsed.code,
        port: Number(new URL(parsed.code.url).port),
        stdout: () => out,
        stderr: () => err,
        exited,
        stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The relay exited (${code}) before printing a join code. stderr:\n${err}`));
    });
  });
}

/** True when Debian's redis-server is installed. */
export const REDIS_SERVER = '/usr/bin/redis-server';
export const hasRedisServer = () => existsSync(REDIS_SERVER);

/** Starts redis-server on `port` (no persistence); resolves when it accepts connections. */
export function spawnRedis(port: number, timeoutMs = 30_000): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${out}`)),
      timeoutMs,
    );
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${out}`));
    });
  });
}

/** Kills every child process started by this module (SIGKILL) and waits for them to exit. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Reads Hocuspocus frames: the document name and the message type of each. */
export function frameHeader(frame: Uint8Array): { doc: string; type: number } {
  let pos = 0;
  const readVarUint = () => {
    let n = 0;
    let mult = 1;
    for (;;) {
      const b = frame[pos++]!;
      n += (b & 0x7f) * mult;
      if (b < 0x80) return n;
      mult *= 128;
    }
  };
  const len = readVarUint();
  const doc = new TextDecoder().decode(frame.subarray(pos, pos + len));
  pos += len;
  return { doc, type: readVarUint() };
}

/** Hocuspocus message types (see @hocuspocus/server MessageType). */
export const MESSAGE = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
function varString(s: string): number[] {
  const bytes = new TextEncoder().encode(s);
  return [...varUint(bytes.length), ...bytes];
}

/** An Auth frame (token) for `doc`, as @hocuspocus/provider sends it. */
export function authFrame(doc: string, token: string): Uint8Array {
  return Uint8Array.from([...varString(doc), MESSAGE.Auth, 0, ...varString(token)]);
}

/** A QueryAwareness frame for `doc` (small, harmless, answered by the relay). */
export function queryAwarenessFrame(doc: string): Uint8Array {
  return Uint8Array.from([...varString(doc), MESSAGE.QueryAwareness]);
}

/** A `ws` WebSocket class that records every frame it receives into `frames`. */
export function recordingWebSocket(frames: Uint8Array[]): typeof WebSocket {
  class RecordingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    }
  }
  return RecordingWebSocket as unknown as typeof WebSocket;
}

/** A Node seat: a Y.Doc synced through the relay. */
export interface Seat {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Set once the relay refused the token, with its reason. */
  refused: () => string | null;
  synced: () => boolean;
  destroy(): void;
}

/**
 * Connects a seat to `url` for document `name` with `token`. Reconnects fast (50 ms, growing
 * to 500 ms) as a LAN seat should. `WebSocketPolyfill` defaults to `ws`. The seat declares this
 * build's sync format, as the app's seats do; `format: null` declares none (a seat from before
 * the format existed), a number that format.
 */
export function connectSeat(
  url: string,
  name: string,
  token: string,
  opts: { doc?: Y.Doc; WebSocketPolyfill?: typeof WebSocket; format?: number | null } = {},
): Seat {
  const doc = opts.doc ?? new Y.Doc();
  let refused: string | null = null;
  let synced = false;
  // One socket per seat, as the app has (it multiplexes every document of the room).
  const socket = new HocuspocusProviderWebsocket({
    url: opts.format === null ? url : seatUrl(url, opts.format),
    WebSocketPolyfill: opts.WebSocketPolyfill ?? WebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 500,
    factor: 1.5,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => (refused = reason),
    onSynced: ({ state }) => (synced = state),
  });
  provider.attach();
  return {
    doc,
    provider,
    refused: () => refused,
    synced: () => synced,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Opens a raw `ws` connection to `url` and resolves once it is open. */
export function rawSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the close code once `ws` closes (rejects after `timeoutMs`). */
export function closeCode(ws: WebSocket, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === WebSocket.CLOSED) return reject(new Error('already closed'));
    const timer = setTimeout(() => reject(new Error('the socket stayed open')), timeoutMs);
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
