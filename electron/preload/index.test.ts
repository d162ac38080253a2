import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WarroomApi } from '../../shared/ipc/contract';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: {} })),
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), { invoke: electron.invoke });
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value),
    },
  };
});

const { ipcRenderer } = (await import('electron')) as unknown as { ipcRenderer: EventEmitter };
await import('./index');
const api = electron.exposed.get('warroom') as WarroomApi;

beforeEach(() => {
  electron.invoke.mockClear();
});

describe('preload bridge', () => {
  it('exposes exactly the named methods, no generic invoke', () => {
    expect(Object.keys(api).sort()).toEqual([
      'getHostingStatus',
      'getInfo',
      'listAutoBackups',
      'onBackupRequest',
      'onHostingStatus',
      'onMenuCommand',
      'onNotificationClick',
      'openExternal',
      'readAutoBackup',
      'saveFile',
      'saveMarkdown',
      'setAttention',
      'setHostingLan',
      'showNotification',
      'startHosting',
      'stopHosting',
      'writeAutoBackup',
      'writeClipboard',
    ]);
  });

  it.each([
    ['writeClipboard', 'clipboard:write', { text: 't', html: '<p>t</p>' }],
    ['saveMarkdown', 'export:save-markdown', { fileName: 'a.md', content: '#' }],
    ['showNotification', 'notify:show', { title: 'T', body: 'B', tag: 'g' }],
    ['setAttention', 'app:set-attention', { overdueCount: 1, title: 'T' }],
    [
      'saveFile',
      'export:save-file',
      { fileName: 'a.json', content: '{}', mime: 'application/json' },
    ],
    ['writeAutoBackup', 'backup:write-auto', { content: '{}', force: true }],
    ['readAutoBackup', 'backup:read-auto', { name: 'warroom-x.json' }],
    ['openExternal', 'app:open-external', { url: 'http://a.example/', confirmed: true }],
    ['setHostingLan', 'relay:set-lan', { allowed: true }],
  ] as const)('%s invokes %s with the request', async (method, channel, request) => {
    await (api[method] as (req: unknown) => Promise<unknown>)(request);
    expect(electron.invoke).toHaveBeenCalledWith(channel, request);
  });

  it('getInfo invokes app:get-info with an empty request', async () => {
    await api.getInfo();
    expect(electron.invoke).toHaveBeenCalledWith('app:get-info', {});
  });

  it('listAutoBackups invokes backup:list-auto; backup requests reach the listener bare', async () => {
    await api.listAutoBackups();
    expect(electron.invoke).toHaveBeenCalledWith('backup:list-auto', {});
    const listener = vi.fn();
    const unsubscribe = api.onBackupRequest(listener);
    ipcRenderer.emit('backup:request', { sender: 'secret' });
    expect(listener).toHaveBeenCalledWith();
    unsubscribe();
    expect(ipcRenderer.listenerCount('backup:request')).toBe(0);
  });

  it.each([
    ['startHosting', 'relay:start'],
    ['stopHosting', 'relay:stop'],
    ['getHostingStatus', 'relay:get-status'],
  ] as const)('%s invokes %s with an empty request', async (method, channel) => {
    await api[method]();
    expect(electron.invoke).toHaveBeenCalledWith(channel, {});
  });

  it('delivers the hosted relay status bare and unsubscribes cleanly', () => {
    const listener = vi.fn();
    const unsubscribe = api.onHostingStatus(listener);
    const status = { state: 'crashed', lanAllowed: false, error: 'exit 1' };
    ipcRenderer.emit('relay:status', { sender: 'secret' }, status);
    unsubscribe();
    expect(listener.mock.calls).toEqual([[status]]);
    expect(ipcRenderer.listenerCount('relay:status')).toBe(0);
  });

  it('passes only the payload to listeners, never the IPC event', () => {
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    ipcRenderer.emit('menu:command', { sender: 'secret' }, 'new-incident');
    expect(listener).toHaveBeenCalledWith('new-incident');
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    ipcRenderer.emit('menu:command', {}, 'toggle-theme');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('menu:command')).toBe(0);
  });

  it('delivers notification clicks by tag and unsubscribes cleanly', () => {
    const listener = vi.fn();
    const unsubscribe = api.onNotificationClick(listener);
    ipcRenderer.emit('notify:clicked', {}, 'inc-9');
    unsubscribe();
    expect(listener.mock.calls).toEqual([['inc-9']]);
    expect(ipcRenderer.listenerCount('notify:clicked')).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.onMenuCommand('nope' as never)).toThrow(TypeError);
  });
});
