import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RelayHostStatus } from '../../shared/ipc/contract';
import type { RelayRequest } from '../../relay/utility-entry';
import { createFakeElectron, type FakeElectron } from './testing/fake-electron';

let fake: FakeElectron;
vi.mock('electron', async () =>
  (await import('./testing/fake-electron')).electronModuleOf(() => fake),
);

const {
  ALL_INTERFACES,
  bindAddressFor,
  findFreePort,
  firstLanAddress,
  LOOPBACK,
  NO_LAN_ADDRESS,
  parseRememberedPort,
  registerRelayHost,
  RelayHost,
  relayStartOptions,
} = await import('./relay-host');

const nic = (address: string, extra: Partial<NetworkInterfaceInfo> = {}): NetworkInterfaceInfo =>
  ({
    address,
    family: 'IPv4',
    internal: false,
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: null,
    ...extra,
  }) as NetworkInterfaceInfo;

describe('bindAddressFor', () => {
  it('listens on 127.0.0.1 until other laptops are allowed, then on every interface', () => {
    expect(bindAddressFor(false)).toBe(LOOPBACK);
    expect(bindAddressFor(false)).toBe('127.0.0.1');
    expect(bindAddressFor(true)).toBe(ALL_INTERFACES);
  });
});

describe('firstLanAddress', () => {
  it.each<[string, NodeJS.Dict<NetworkInterfaceInfo[]>, string | null]>([
    ['no interfaces', {}, null],
    ['loopback only', { lo: [nic('127.0.0.1', { internal: true })] }, null],
    [
      'the first non-internal IPv4',
      {
        lo: [nic('127.0.0.1', { internal: true })],
        eth0: [nic('fe80::1', { family: 'IPv6' }), nic('192.168.1.20')],
        wlan0: [nic('10.0.0.7')],
      },
      '192.168.1.20',
    ],
    ['IPv6 only', { eth0: [nic('2001:db8::1', { family: 'IPv6' })] }, null],
    [
      'a routable address before a self-assigned one',
      { eth0: [nic('169.254.3.4')], wlan0: [nic('10.0.0.7')] },
      '10.0.0.7',
    ],
    [
      'a self-assigned address when it is all there is',
      { eth0: [nic('169.254.3.4')] },
      '169.254.3.4',
    ],
    [
      'the numeric family of Node 18.0',
      { eth0: [nic('10.1.2.3', { family: 4 as never })] },
      '10.1.2.3',
    ],
    [
      'an interface listed without addresses',
      { eth0: undefined, wlan0: [nic('10.0.0.9')] },
      '10.0.0.9',
    ],
  ])('%s', (_name, interfaces, expected) => {
    expect(firstLanAddress(interfaces)).toBe(expected);
  });
});

describe('relayStartOptions', () => {
  it('loopback: the relay names its own address', () => {
    expect(
      relayStartOptions({ stateDir: '/s', port: 4000, lanAllowed: false, lanAddress: '10.0.0.7' }),
    ).toEqual({ stateDir: '/s', port: 4000, host: '127.0.0.1' });
  });

  it('LAN allowed: every interface, and the LAN address in the join code', () => {
    expect(
      relayStartOptions({ stateDir: '/s', port: 4000, lanAllowed: true, lanAddress: '10.0.0.7' }),
    ).toEqual({ stateDir: '/s', port: 4000, host: '0.0.0.0', publicUrl: 'ws://10.0.0.7:4000' });
  });

  it('LAN allowed without a network address: every interface, no public address', () => {
    expect(
      relayStartOptions({ stateDir: '/s', port: 4000, lanAllowed: true, lanAddress: null }),
    ).toEqual({ stateDir: '/s', port: 4000, host: '0.0.0.0' });
  });
});

describe('parseRememberedPort', () => {
  it.each([
    ['{"port":41234}', 41234],
    ['{"port":80}', null],
    ['{"port":70000}', null],
    ['{"port":"41234"}', null],
    ['{"port":4.5}', null],
    ['{}', null],
    ['null', null],
    ['not json', null],
  ])('%s → %s', (text, expected) => {
    expect(parseRememberedPort(text)).toBe(expected);
  });
});

describe('findFreePort', () => {
  it('gives a port the OS considers free', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThanOrEqual(65535);
  });
});

/**
 * A stand-in for the utility process running relay/utility-entry: answers start and stop as
 * the entry does, unless a test scripts otherwise.
 */
class FakeChild extends EventEmitter {
  readonly posted: RelayRequest[] = [];
  /** How the next `start` is answered. */
  onStart: (options: { port?: number; host?: string; publicUrl?: string }) => void = (o) =>
    this.answer({
      type: 'started',
      port: o.port ?? 0,
      url: o.publicUrl ?? `ws://${o.host}:${o.port}`,
      joinCode: `code:${o.publicUrl ?? `ws://${o.host}:${o.port}`}`,
    });
  answerStop = true;
  readonly kill = vi.fn(() => {
    queueMicrotask(() => this.emit('exit', 15));
    return true;
  });
  postMessage(message: RelayRequest): void {
    this.posted.push(message);
    if (message.type === 'start') this.onStart(message.options);
    else if (this.answerStop) {
      this.answer({ type: 'stopped' });
      queueMicrotask(() => this.emit('exit', 0));
    }
  }
  answer(report: unknown): void {
    queueMicrotask(() => this.emit('message', report));
  }
}

function makeHost(
  overrides: Partial<ConstructorParameters<typeof RelayHost>[0]> = {},
  configure: (child: FakeChild, index: number) => void = () => undefined,
) {
  const children: FakeChild[] = [];
  const statuses: RelayHostStatus[] = [];
  const saved: number[] = [];
  const host = new RelayHost({
    fork: () => {
      const child = new FakeChild();
      configure(child, children.length);
      children.push(child);
      return child;
    },
    stateDir: '/state/relay',
    lanAddress: () => '192.168.1.20',
    freePort: () => Promise.resolve(41000 + children.length),
    loadPort: () => Promise.resolve(null),
    savePort: (port) => {
      saved.push(port);
      return Promise.resolve();
    },
    onStatus: (s) => statuses.push(s),
    startTimeoutMs: 60_000,
    stopTimeoutMs: 60_000,
    ...overrides,
  });
  const child = (i = 0): FakeChild => {
    const c = children[i];
    if (!c) throw new Error(`no child ${i}`);
    return c;
  };
  return { host, children, child, statuses, saved };
}

describe('RelayHost', () => {
  it('is off, with the LAN closed, until asked', () => {
    const { host, children } = makeHost();
    expect(host.getStatus()).toEqual({ state: 'off', lanAllowed: false });
    expect(host.isHosting()).toBe(false);
    expect(children).toHaveLength(0);
  });

  it('starts on 127.0.0.1 in a utility process, reports starting then on with the join code', async () => {
    const { host, child, statuses, saved } = makeHost();
    await expect(host.start()).resolves.toEqual({
      state: 'on',
      joinCode: 'code:ws://127.0.0.1:41001',
      lanAllowed: false,
    });
    expect(child().posted).toEqual([
      { type: 'start', options: { stateDir: '/state/relay', port: 41001, host: '127.0.0.1' } },
    ]);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'on']);
    expect(saved).toEqual([41001]);
    expect(host.isHosting()).toBe(true);
  });

  it('starting twice keeps the one relay', async () => {
    const { host, children } = makeHost();
    await Promise.all([host.start(), host.start()]);
    expect(children).toHaveLength(1);
  });

  it('reuses the remembered port, so a join code outlives an app restart', async () => {
    const { host, child } = makeHost({ loadPort: () => Promise.resolve(45678) });
    expect((await host.start()).joinCode).toBe('code:ws://127.0.0.1:45678');
    expect(child().posted[0]).toMatchObject({ options: { port: 45678 } });
  });

  it('falls back to a free port when the remembered one is taken', async () => {
    const { host, child } = makeHost({ loadPort: () => Promise.resolve(45678) }, (c) => {
      const answer = c.onStart;
      c.onStart = (o) =>
        o.port === 45678
          ? c.answer({ type: 'error', message: 'listen EADDRINUSE: address already in use' })
          : answer(o);
    });
    await expect(host.start()).resolves.toMatchObject({
      state: 'on',
      joinCode: 'code:ws://127.0.0.1:41001',
    });
    expect(child().posted.map((m) => m.type === 'start' && m.options.port)).toEqual([45678, 41001]);
  });

  it('a relay that cannot start is crashed, in plain words, and its process is ended', async () => {
    const { host, child } = makeHost({}, (c) => {
      c.onStart = () => c.answer({ type: 'error', message: 'EACCES: permission denied' });
    });
    await expect(host.start()).resolves.toEqual({
      state: 'crashed',
      lanAllowed: false,
      error: 'The relay could not start: EACCES: permission denied',
    });
    expect(child().kill).toHaveBeenCalled();
    expect(host.isHosting()).toBe(false);
  });

  it('a relay that never answers is crashed after the start timeout, and ended', async () => {
    const { host, child } = makeHost({ startTimeoutMs: 20 }, (c) => {
      c.onStart = () => undefined;
    });
    await expect(host.start()).resolves.toEqual({
      state: 'crashed',
      lanAllowed: false,
      error: 'The relay did not start within 1 s.',
    });
    expect(child().kill).toHaveBeenCalled();
  });

  it('a relay that exits unasked is reported as crashed; Start again brings it back on the same port', async () => {
    const { host, child, children, statuses } = makeHost();
    await host.start();
    child().emit('exit', 134);
    expect(host.getStatus()).toEqual({
      state: 'crashed',
      lanAllowed: false,
      error:
        'The relay stopped unexpectedly (exit code 134). Seats keep their changes and send them when it is back.',
    });
    expect(statuses.at(-1)?.state).toBe('crashed');
    expect(host.isHosting()).toBe(false);
    await expect(host.start()).resolves.toMatchObject({
      state: 'on',
      joinCode: 'code:ws://127.0.0.1:41001',
    });
    expect(children).toHaveLength(2);
  });

  it('a relay that exits while starting is crashed', async () => {
    const { host } = makeHost({}, (c) => {
      c.onStart = () => queueMicrotask(() => c.emit('exit', 1));
    });
    await expect(host.start()).resolves.toEqual({
      state: 'crashed',
      lanAllowed: false,
      error: 'The relay stopped while starting (exit code 1).',
    });
  });

  it('a fork that throws is crashed, not thrown', async () => {
    const { host } = makeHost({
      fork: () => {
        throw new Error('spawn failed');
      },
    });
    await expect(host.start()).resolves.toMatchObject({
      state: 'crashed',
      error: 'The relay could not start: spawn failed',
    });
  });

  it('stop asks the relay to store and exit, then reports off', async () => {
    const { host, child, statuses } = makeHost();
    await host.start();
    await expect(host.stop()).resolves.toEqual({ state: 'off', lanAllowed: false });
    expect(child().posted.at(-1)).toEqual({ type: 'stop' });
    expect(child().kill).not.toHaveBeenCalled();
    expect(statuses.at(-1)).toEqual({ state: 'off', lanAllowed: false });
    expect(host.isHosting()).toBe(false);
  });

  it('stop kills a relay that does not exit within the stop timeout', async () => {
    const { host, child } = makeHost({ stopTimeoutMs: 10 });
    await host.start();
    child().answerStop = false;
    await expect(host.stop()).resolves.toMatchObject({ state: 'off' });
    expect(child().kill).toHaveBeenCalled();
  });

  it('an exit after stop is not a crash', async () => {
    const { host, statuses } = makeHost();
    await host.start();
    await host.stop();
    expect(statuses.some((s) => s.state === 'crashed')).toBe(false);
  });

  it('allowing the LAN restarts the running relay on every interface, same port and folder', async () => {
    const { host, child, children, statuses } = makeHost();
    await host.start();
    await expect(host.setLanAllowed(true)).resolves.toEqual({
      state: 'on',
      joinCode: 'code:ws://192.168.1.20:41001',
      lanAllowed: true,
    });
    expect(children).toHaveLength(1);
    expect(child().posted.at(-1)).toEqual({
      type: 'start',
      options: {
        stateDir: '/state/relay',
        port: 41001,
        host: '0.0.0.0',
        publicUrl: 'ws://192.168.1.20:41001',
      },
    });
    expect(statuses.slice(-2).map((s) => [s.state, s.lanAllowed])).toEqual([
      ['starting', true],
      ['on', true],
    ]);
    // And closing it again goes back to 127.0.0.1 on the same port.
    await expect(host.setLanAllowed(false)).resolves.toMatchObject({
      state: 'on',
      joinCode: 'code:ws://127.0.0.1:41001',
      lanAllowed: false,
    });
  });

  it('the same LAN setting twice does not restart', async () => {
    const { host, child } = makeHost();
    await host.start();
    await host.setLanAllowed(false);
    expect(child().posted).toHaveLength(1);
  });

  it('the LAN setting while off opens no port and holds for the next start', async () => {
    const { host, children, child } = makeHost();
    await expect(host.setLanAllowed(true)).resolves.toEqual({ state: 'off', lanAllowed: true });
    expect(children).toHaveLength(0);
    await host.start();
    expect(child().posted[0]).toMatchObject({ options: { host: '0.0.0.0' } });
  });

  it('warns when the LAN is allowed but this laptop has no network address', async () => {
    const { host } = makeHost({ lanAddress: () => null });
    await host.start();
    await expect(host.setLanAllowed(true)).resolves.toEqual({
      state: 'on',
      joinCode: 'code:ws://0.0.0.0:41001',
      lanAllowed: true,
      error: NO_LAN_ADDRESS,
    });
  });
});

describe('registerRelayHost', () => {
  type Listener = (event: unknown, payload: unknown) => Promise<unknown>;
  const trusted = { senderFrame: { url: 'app://warroom/index.html' }, sender: {} };
  let userData: string;
  let forked: FakeChild[];
  let listeners: Map<string, Listener>;
  let host: InstanceType<typeof RelayHost>;

  beforeEach(() => {
    userData = mkdtempSync(path.join(tmpdir(), 'warroom-relay-host-'));
    fake = createFakeElectron(userData);
    forked = [];
    fake.module.utilityProcess.fork.mockImplementation(() => {
      const c = new FakeChild();
      forked.push(c);
      return c;
    });
    host = registerRelayHost();
    listeners = new Map(
      fake.module.ipcMain.handle.mock.calls.map(([c, l]) => [c as string, l as Listener]),
    );
  });

  afterEach(async () => {
    await host.stop();
  });

  it('registers the four relay channels', () => {
    expect([...listeners.keys()].sort()).toEqual([
      'relay:get-status',
      'relay:set-lan',
      'relay:start',
      'relay:stop',
    ]);
  });

  it('forks the built entry, keeps state under userData/relay and pushes status to windows', async () => {
    const win = new fake.FakeBrowserWindow({});
    const result = await listeners.get('relay:start')?.(trusted, {});
    expect(result).toMatchObject({ ok: true, value: { state: 'on', lanAllowed: false } });
    expect(fake.module.utilityProcess.fork).toHaveBeenCalledWith(
      path.join('/opt/warroom', 'dist-electron', 'relay', 'utility-entry.mjs'),
      [],
      expect.objectContaining({ serviceName: 'Warroom relay' }),
    );
    expect(forked[0]?.posted[0]).toMatchObject({
      options: { stateDir: path.join(userData, 'relay'), host: '127.0.0.1' },
    });
    expect(win.webContents.send).toHaveBeenCalledWith(
      'relay:status',
      expect.objectContaining({ state: 'on' }),
    );
    // The port is remembered (owner-only file), so the next start reuses it.
    const start = forked[0]?.posted[0];
    const port = start?.type === 'start' ? start.options.port : undefined;
    await vi.waitFor(() =>
      expect(
        parseRememberedPort(readFileSync(path.join(userData, 'relay-host.json'), 'utf8')),
      ).toBe(port),
    );
  });

  it('refuses a LAN switch that is not a boolean, and untrusted senders', async () => {
    await expect(
      listeners.get('relay:set-lan')?.(trusted, { allowed: 'yes' }),
    ).resolves.toMatchObject({
      ok: false,
    });
    await expect(
      listeners.get('relay:start')?.(
        { senderFrame: { url: 'https://evil.example/' }, sender: {} },
        {},
      ),
    ).resolves.toMatchObject({ ok: false });
    expect(forked).toHaveLength(0);
  });

  it('get-status answers without starting anything', async () => {
    await expect(listeners.get('relay:get-status')?.(trusted, {})).resolves.toEqual({
      ok: true,
      value: { state: 'off', lanAllowed: false },
    });
    expect(forked).toHaveLength(0);
  });

  it('holds the quit until the relay has stored its documents and exited, then quits', async () => {
    await listeners.get('relay:start')?.(trusted, {});
    const event = { preventDefault: vi.fn() };
    fake.appEvents.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    expect(forked[0]?.posted.at(-1)).toEqual({ type: 'stop' });
    // The second will-quit (from that app.quit()) goes through.
    const again = { preventDefault: vi.fn() };
    fake.appEvents.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('does not hold the quit when not hosting', () => {
    const event = { preventDefault: vi.fn() };
    fake.appEvents.emit('will-quit', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});
