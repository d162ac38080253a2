import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RelayHostStatus } from '../../shared/ipc/contract';
import { parseJoinCode } from '../../shared/sync/join-code';
import type { RelayChild } from './relay-host';

vi.mock('electron', () => ({}));
const { findFreePort, firstLanAddress, RelayHost } = await import('./relay-host');

/** This machine's LAN address, if it has one: then the test also checks who can connect. */
const lanIp = firstLanAddress(networkInterfaces());

/*
 * RelayHost against the real relay (relay/utility-entry.ts) in a separate process, as the
 * desktop runs it, with Node's fork standing in for Electron's utilityProcess.fork.
 */

const shim = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'utility-shim.ts');

function forkRelay(children: ChildProcess[]): RelayChild {
  const child = fork(shim, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  children.push(child);
  return {
    postMessage: (message) => void child.send(message),
    kill: () => child.kill('SIGKILL'),
    on(event: 'message' | 'exit', listener: ((m: unknown) => void) | ((code: number) => void)) {
      if (event === 'message') child.on('message', listener as (m: unknown) => void);
      else child.on('exit', (code, signal) => listener(code ?? (signal ? 137 : 1)));
      return child;
    },
  };
}

/** Resolves true when something accepts TCP connections at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const portOf = (code: string | undefined): number => {
  const parsed = parseJoinCode(code ?? '');
  if (!parsed.ok) throw new Error(parsed.message);
  return Number(new URL(parsed.code.url).port);
};

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('RelayHost with the real relay in a child process', { timeout: 60_000 }, () => {
  it('starts on 127.0.0.1, opens to the LAN on the same port, reports a kill as a crash, stops with no port left open', async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'warroom-relay-host-'));
    const children: ChildProcess[] = [];
    const statuses: RelayHostStatus[] = [];
    let remembered: number | null = null;
    const host = new RelayHost({
      fork: () => forkRelay(children),
      stateDir,
      lanAddress: () => lanIp,
      freePort: findFreePort,
      loadPort: () => Promise.resolve(remembered),
      savePort: (port) => {
        remembered = port;
        return Promise.resolve();
      },
      onStatus: (s) => statuses.push(s),
    });
    cleanup = async () => {
      await host.stop();
      for (const c of children) c.kill('SIGKILL');
      rmSync(stateDir, { recursive: true, force: true });
    };

    const on = await host.start();
    expect(on).toMatchObject({ state: 'on', lanAllowed: false });
    const port = portOf(on.joinCode);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    if (lanIp) expect(await accepts(lanIp, port)).toBe(false);

    const lan = await host.setLanAllowed(true);
    expect(lan).toMatchObject({ state: 'on', lanAllowed: true });
    expect(portOf(lan.joinCode)).toBe(port);
    expect(children).toHaveLength(1);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    if (lanIp) {
      expect(await accepts(lanIp, port)).toBe(true);
      expect(parseJoinCode(lan.joinCode ?? '')).toMatchObject({
        code: { url: `ws://${lanIp}:${port}` },
      });
    }

    // A relay crash (SIGKILL) is a status, not an exception.
    children[0]?.kill('SIGKILL');
    await vi.waitFor(() => expect(host.getStatus().state).toBe('crashed'), { timeout: 10_000 });
    expect(host.getStatus().error).toMatch(/stopped unexpectedly/);
    expect(await accepts('127.0.0.1', port)).toBe(false);

    // Start again: same port, same room secret (same state folder), so the same join code.
    const again = await host.start();
    expect(again).toMatchObject({ state: 'on', lanAllowed: true, joinCode: lan.joinCode });

    await expect(host.stop()).resolves.toEqual({ state: 'off', lanAllowed: true });
    expect(children[1]?.exitCode).toBe(0);
    expect(await accepts('127.0.0.1', port)).toBe(false);
  });
});
