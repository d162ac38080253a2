import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand, RelayHostStatus, WarroomApi } from '../../shared/ipc/contract';
import { createElectronPlatform } from './electron';

const ON = { state: 'on' as const, joinCode: 'warroom:abc' };

/** A bridge whose methods are standalone mocks, so tests can inspect them unbound. */
function fakeApi(overrides: Partial<WarroomApi> = {}) {
  const mocks = {
    writeClipboard: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { written: true as const } }),
    ),
    saveMarkdown: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { saved: true, path: '/tmp/a.md' } }),
    ),
    saveFile: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { saved: true, path: '/tmp/a.json' } }),
    ),
    writeAutoBackup: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { written: true, name: 'w.json' } }),
    ),
    listAutoBackups: vi.fn(() => Promise.resolve({ ok: true as const, value: [] })),
    readAutoBackup: vi.fn(() => Promise.resolve({ ok: true as const, value: { content: '{}' } })),
    onBackupRequest: vi.fn(() => () => undefined),
    showNotification: vi.fn(() => Promise.resolve({ ok: true as const, value: { shown: true } })),
    setAttention: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { applied: true as const } }),
    ),
    getInfo: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { version: '1', platform: 'linux' } }),
    ),
    onMenuCommand: vi.fn(() => () => undefined),
    onNotificationClick: vi.fn(() => () => undefined),
    openExternal: vi.fn(() => Promise.resolve({ ok: true as const, value: { opened: true } })),
    startHosting: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { ...ON, lanAllowed: false } }),
    ),
    stopHosting: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { state: 'off' as const, lanAllowed: false } }),
    ),
    setHostingLan: vi.fn((req: { allowed: boolean }) =>
      Promise.resolve({ ok: true as const, value: { ...ON, lanAllowed: req.allowed } }),
    ),
    getHostingStatus: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { state: 'off' as const, lanAllowed: false } }),
    ),
    onHostingStatus: vi.fn((_listener: (status: RelayHostStatus) => void) => () => undefined),
  };
  const api: WarroomApi = { ...mocks, ...overrides };
  return { api, mocks };
}

describe('createElectronPlatform', () => {
  it('is the electron kind', () => {
    expect(createElectronPlatform(fakeApi().api).kind).toBe('electron');
  });

  it('copies text and HTML through the bridge', async () => {
    const { api, mocks } = fakeApi();
    const platform = createElectronPlatform(api);
    await expect(platform.copy({ text: 't', html: '<b>t</b>' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    await platform.copy({ text: 'plain' });
    expect(mocks.writeClipboard.mock.calls).toEqual([
      [{ text: 't', html: '<b>t</b>' }],
      [{ text: 'plain' }],
    ]);
  });

  it('passes error results through unchanged', async () => {
    const { api } = fakeApi({
      saveMarkdown: () =>
        Promise.resolve({ ok: false, error: 'export:save-markdown failed: EACCES' }),
    });
    await expect(createElectronPlatform(api).saveMarkdown('a.md', '#')).resolves.toEqual({
      ok: false,
      error: 'export:save-markdown failed: EACCES',
    });
  });

  it('turns a rejected IPC call into an error result', async () => {
    const { api } = fakeApi({
      showNotification: () => Promise.reject(new Error("No handler registered for 'notify:show'")),
    });
    await expect(
      createElectronPlatform(api).notify({ title: 'T', body: 'B', tag: 'g' }),
    ).resolves.toEqual({ ok: false, error: "No handler registered for 'notify:show'" });
  });

  it('keeps attention updates within the contract', () => {
    const { api, mocks } = fakeApi();
    const platform = createElectronPlatform(api);
    platform.setAttention(2.7, 'INC-1');
    platform.setAttention(-3, 'x'.repeat(600));
    platform.setAttention(Number.NaN, '');
    platform.setAttention(1e9, 'INC-2');
    expect(mocks.setAttention.mock.calls).toEqual([
      [{ overdueCount: 2, title: 'INC-1' }],
      [{ overdueCount: 0, title: 'x'.repeat(500) }],
      [{ overdueCount: 0, title: '' }],
      [{ overdueCount: 10_000, title: 'INC-2' }],
    ]);
  });

  it('never lets a failed attention update escape as an unhandled rejection', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { api } = fakeApi({ setAttention: () => Promise.reject(new Error('gone')) });
    createElectronPlatform(api).setAttention(1, 'INC-1');
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
  });

  it('subscribes to menu commands once, at creation, and notification clicks through the bridge', () => {
    const { api, mocks } = fakeApi();
    const platform = createElectronPlatform(api);
    expect(mocks.onMenuCommand).toHaveBeenCalledTimes(1);
    const listener = vi.fn();
    const unsubscribe = platform.onMenuCommand(listener);
    const deliver = (mocks.onMenuCommand.mock.calls[0] as unknown as [(c: MenuCommand) => void])[0];
    deliver('new-incident');
    expect(listener).toHaveBeenCalledWith('new-incident');
    unsubscribe();
    expect(mocks.onMenuCommand).toHaveBeenCalledTimes(1);
    platform.onNotificationClick(listener);
    expect(mocks.onNotificationClick).toHaveBeenCalledWith(listener);
  });
});

describe('backup bridge', () => {
  it('saves files, and reads and writes automatic backups through the bridge', async () => {
    const { api, mocks } = fakeApi();
    const platform = createElectronPlatform(api);
    await platform.saveFile('b.json', '{}', 'application/json');
    expect(mocks.saveFile).toHaveBeenCalledWith({
      fileName: 'b.json',
      content: '{}',
      mime: 'application/json',
    });
    await expect(platform.readAutoBackup?.('w.json')).resolves.toEqual({ ok: true, value: '{}' });
    await expect(platform.writeAutoBackup?.('{}', { force: true })).resolves.toEqual({
      ok: true,
      value: { written: true },
    });
    expect(mocks.writeAutoBackup).toHaveBeenCalledWith({ content: '{}', force: true });
  });

  it('opens links through the bridge, passing on whether the user already confirmed', async () => {
    const { api, mocks } = fakeApi();
    const platform = createElectronPlatform(api);
    await expect(platform.openExternal('http://a.example/', { confirmed: true })).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
    await platform.openExternal('https://b.example/');
    expect(mocks.openExternal.mock.calls).toEqual([
      [{ url: 'http://a.example/', confirmed: true }],
      [{ url: 'https://b.example/', confirmed: false }],
    ]);
  });
});

describe('menu commands', () => {
  it('subscribes at once and keeps commands sent before the app listens', async () => {
    let deliver: ((c: MenuCommand) => void) | undefined;
    const { api } = fakeApi({
      onMenuCommand: (listener) => {
        deliver = listener;
        return () => undefined;
      },
    });
    const platform = createElectronPlatform(api);
    deliver?.('open-settings');
    const listener = vi.fn();
    platform.onMenuCommand(listener);
    await Promise.resolve();
    expect(listener).toHaveBeenCalledWith('open-settings');
    deliver?.('toggle-theme');
    expect(listener).toHaveBeenLastCalledWith('toggle-theme');
  });
});

describe('host relay bridge', () => {
  it('is there on the desktop, and starts, stops and reads the status through the bridge', async () => {
    const { api, mocks } = fakeApi();
    const host = createElectronPlatform(api).hostRelay;
    expect(host).toBeDefined();
    await expect(host?.start()).resolves.toEqual({
      ok: true,
      value: { state: 'on', joinCode: 'warroom:abc', lanAllowed: false },
    });
    await expect(host?.status()).resolves.toEqual({
      ok: true,
      value: { state: 'off', lanAllowed: false },
    });
    await host?.stop();
    expect(mocks.startHosting).toHaveBeenCalledTimes(1);
    expect(mocks.getHostingStatus).toHaveBeenCalledTimes(1);
    expect(mocks.stopHosting).toHaveBeenCalledTimes(1);
  });

  it('sends the LAN switch as a boolean', async () => {
    const { api, mocks } = fakeApi();
    const host = createElectronPlatform(api).hostRelay;
    await expect(host?.allowLan(true)).resolves.toMatchObject({ value: { lanAllowed: true } });
    await host?.allowLan('yes' as unknown as boolean);
    expect(mocks.setHostingLan.mock.calls).toEqual([[{ allowed: true }], [{ allowed: false }]]);
  });

  it('turns a missing handler into an error result, and passes status events on', async () => {
    const { api, mocks } = fakeApi({
      startHosting: () => Promise.reject(new Error("No handler registered for 'relay:start'")),
    });
    const host = createElectronPlatform(api).hostRelay;
    await expect(host?.start()).resolves.toEqual({
      ok: false,
      error: "No handler registered for 'relay:start'",
    });
    const listener = vi.fn();
    host?.onStatus(listener);
    const deliver = mocks.onHostingStatus.mock.calls[0]?.[0];
    deliver?.({ state: 'crashed', lanAllowed: false, error: 'exit 1' });
    expect(listener).toHaveBeenCalledWith({ state: 'crashed', lanAllowed: false, error: 'exit 1' });
  });
});
