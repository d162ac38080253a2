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
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
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

describe('app:open-external', () => {
  beforeEach(() => {
    electron.shell.openExternal.mockClear();
    electron.dialog.showMessageBox.mockClear();
  });

  it('opens plain https straight away', async () => {
    await expect(
      listeners.get('app:open-external')?.(trusted, { url: 'https://status.example/' }),
    ).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://status.example/');
  });

  it('opens an http: link the page already confirmed, without asking again', async () => {
    await expect(
      listeners.get('app:open-external')?.(trusted, {
        url: 'http://status.example/',
        confirmed: true,
      }),
    ).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks natively, naming the real host, when the page did not confirm', async () => {
    await expect(
      listeners.get('app:open-external')?.(trusted, { url: 'https://good.example@evil.example/' }),
    ).resolves.toEqual({ ok: true, value: { opened: false } });
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ message: 'Open a link to evil.example?' }),
    );
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share'])(
    'never opens %s, confirmed or not',
    async (url) => {
      await expect(
        listeners.get('app:open-external')?.(trusted, { url, confirmed: true }),
      ).resolves.toEqual({ ok: true, value: { opened: false } });
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('refuses untrusted senders', async () => {
    await expect(
      listeners.get('app:open-external')?.(
        { senderFrame: { url: 'https://evil.example/' }, sender: {} },
        { url: 'https://status.example/' },
      ),
    ).resolves.toMatchObject({ ok: false });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});
