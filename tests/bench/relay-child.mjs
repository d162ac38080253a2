// The relay as a child process for the benchmarks (the same command as `npm run relay`:
// node --import tsx relay/main.ts), on a loopback port with a state folder of its own.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Wall-clock milliseconds with sub-millisecond precision (comparable with a page's). */
export const wallNow = () => performance.timeOrigin + performance.now();

/**
 * The format this build's seats declare to a relay, as shared/sync/sync-format.ts SYNC_FORMAT
 * (plain Node cannot import that TypeScript; tests/bench/relay-child.test.ts keeps the two equal).
 */
export const SEAT_SYNC_FORMAT = 3;

/**
 * The address a bench seat in Node connects to: the relay address carried by `joinCode` with
 * `sync=<SEAT_SYNC_FORMAT>` in its query, as the app's seats add (the relay refuses seats
 * without it as too old).
 */
export function seatUrlOfJoinCode(joinCode) {
  const { u } = JSON.parse(
    Buffer.from(joinCode.slice('warroom:'.length), 'base64url').toString('utf8'),
  );
  const url = new URL(u);
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  url.searchParams.set('sync', String(SEAT_SYNC_FORMAT));
  return url.toString();
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const started = new Set();

/** This process's environment without the relay's own variables: the flags decide. */
function relayEnv() {
  const env = { ...process.env };
  for (const k of ['PORT', 'HOST', 'SECRET', 'STATE_DIR', 'REDIS_URL', 'TLS_CERT', 'TLS_KEY'])
    delete env[k];
  delete env.PUBLIC_URL;
  return env;
}

/**
 * Starts the relay on `port` with `stateDir` and `secret`; resolves once it prints its join
 * code, with `{ child, pid, joinCode, readyAt }` (readyAt: wall-clock ms when the line was read).
 * Rejects with the relay's stderr if it exits first or prints nothing within 60 s.
 */
export function startRelayChild({ port, stateDir, secret }) {
  const child = spawn(
    process.execPath,
    [
      // RELAY_CPU_PROF=<folder>: each relay writes its CPU profile there when it exits (SIGTERM).
      ...(process.env.RELAY_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.RELAY_CPU_PROF}`]
        : []),
      '--import',
      'tsx',
      'relay/main.ts',
      '--port',
      String(port),
      '--state-dir',
      stateDir,
      '--secret',
      secret,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: relayEnv() },
  );
  started.add(child);
  const exited = new Promise((resolve) =>
    child.once('exit', (code) => {
      started.delete(child);
      resolve(code);
    }),
  );
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The relay printed no join code in 60 s:\n${err}`));
    }, 60_000);
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /^Join code: (\S+)\n/m.exec(out);
      if (!m || !timer) return;
      const readyAt = wallNow();
      clearTimeout(timer);
      resolve({
        child,
        pid: child.pid,
        joinCode: m[1],
        readyAt,
        exited,
        stderr: () => err,
        /** Sends `signal` (SIGTERM stores every document first) and waits for the exit. */
        stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The relay exited (${code}) before printing a join code:\n${err}`));
    });
  });
}

/** Ends every relay started here that is still running (SIGKILL), and waits for them. */
export async function killRelays() {
  await Promise.all(
    [...started].map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Resident set size of process `pid` in MB (VmRSS from /proc/<pid>/status). */
export function rssMB(pid) {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`No VmRSS for process ${pid}`);
  return Number(m[1]) / 1024;
}
