import { beforeEach, describe, expect, it, vi } from 'vitest';

const win = vi.hoisted(() => ({
  isDestroyed: vi.fn(() => false),
  isFocused: vi.fn(() => false),
  setTitle: vi.fn(),
  flashFrame: vi.fn(),
}));
const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  app: {
    getName: vi.fn(() => 'Warroom'),
    getVersion: vi.fn(() => '0.1.0'),
    setBadgeCount: vi.fn(() => true),
  },
  BrowserWindow: { fromWebContents: vi.fn(() => win) },
}));
vi.mock('electron', () => electron);

import { attentionTitle, registerAppHandlers } from './app';

type Listener = (event: unknown, payload: unknown) => Promise<unknown>;
const trusted = { senderFrame: { url: 'app://warroom/index.html' }, sender: {} };
let listeners: Map<string, Listener>;

beforeEach(() => {
  electron.ipcMain.handle.mockReset();
  registerAppHandlers();
  listeners = new Map(
    electron.ipcMain.handle.mock.calls.map(([channel, fn]) => [channel as string, fn as Listener]),
  );
});

describe('attentionTitle', () => {
  it.each([
    [0, 'INC-7 Checkout down', 'INC-7 Checkout down'],
    [3, 'INC-7 Checkout down', '(3 overdue) INC-7 Checkout down'],
    [1, '   ', '(1 overdue) Warroom'],
    [0, '', 'Warroom'],
  ])('%i, %j → %j', (count, title, expected) => {
    expect(attentionTitle(count, title, 'Warroom')).toBe(expected);
  });
});

describe('app:set-attention', () => {
  it('sets the window title and the badge', async () => {
    const result = await listeners.get('app:set-attention')?.(trusted, {
      overdueCount: 2,
      title: 'INC-1',
    });
    expect(result).toEqual({ ok: true, value: { applied: true } });
    expect(win.setTitle).toHaveBeenCalledWith('(2 overdue) INC-1');
    expect(electron.app.setBadgeCount).toHaveBeenCalledWith(2);
  });
});

describe('app:get-info', () => {
  it('returns the version and platform', async () => {
    await expect(listeners.get('app:get-info')?.(trusted, {})).resolves.toEqual({
      ok: true,
      value: { version: '0.1.0', platform: process.platform },
    });
  });
});
