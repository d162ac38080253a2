import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../../shared/ipc/contract';
import { buildContentSecurityPolicy } from '../../shared/security/csp';
import {
  createFakeElectron,
  SECURE_PREFERENCES,
  type FakeElectron,
  type FakeWebContents,
} from './testing/fake-electron';

/*
 * The shell's wiring, proven without the binary: electron/main/index.ts runs its real start-up
 * against a recorded fake of `electron`. Each test names one safeguard; a refactor that drops
 * it (or moves it after `ready` where it no longer works) fails here.
 */

let fake: FakeElectron;
vi.mock('electron', async () =>
  (await import('./testing/fake-electron')).electronModuleOf(() => fake),
);

async function startShell(opts: { singleInstance?: boolean } = {}): Promise<FakeElectron> {
  fake = createFakeElectron(mkdtempSync(path.join(tmpdir(), 'warroom-shell-')));
  fake.app.requestSingleInstanceLock.mockReturnValue(opts.singleInstance ?? true);
  vi.resetModules();
  await import('./index');
  if (opts.singleInstance !== false) await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  return fake;
}

type Listener = (...args: unknown[]) => unknown;
const listenerOf = (contents: FakeWebContents, event: string): Listener =>
  contents.listeners(event)[0] as Listener;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('electron/main/index.ts start-up', () => {
  it('enables the sandbox for every renderer, before the app is ready', async () => {
    const { app, calls } = await startShell();
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
  });

  it('registers app:// as a standard, secure scheme and serves it', async () => {
    const { module } = await startShell();
    expect(module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      }),
    ]);
    expect(module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('hardens every web contents as it is created', async () => {
    const { app, appEvents, module } = await startShell();
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    // The main window's contents went through the hook…
    const contents = fake.windows[0]!.webContents;
    // …and so does any other (a devtools or a stray window).
    const other = new (
      fake.FakeBrowserWindow as unknown as new (o: object) => {
        webContents: FakeWebContents;
      }
    )({}).webContents;
    for (const c of [contents, other]) {
      expect(c.listenerCount('will-navigate')).toBe(1);
      expect(c.listenerCount('will-redirect')).toBe(1);
      expect(c.listenerCount('will-attach-webview')).toBe(1);
      expect(c.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    }
    expect(appEvents.listenerCount('web-contents-created')).toBe(1);

    // The guards are the real ones: leaving the app is blocked, a new window denied.
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    listenerOf(contents, 'will-navigate')(navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
    const inside = { url: 'app://warroom/index.html#/runbooks', preventDefault: vi.fn() };
    listenerOf(contents, 'will-navigate')(inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listenerOf(contents, 'will-attach-webview')(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // The blocked https navigation went to the system browser; file:// went nowhere.
    await vi.waitFor(() =>
      expect(module.shell.openExternal.mock.calls).toEqual([['https://evil.example/']]),
    );
  });

  it('applies the session policy to the default session', async () => {
    const { session } = await startShell();
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);

    const onRequest = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
      d: { requestingUrl: string },
    ) => void;
    const answers: boolean[] = [];
    onRequest(null, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://warroom/' });
    onRequest(null, 'geolocation', (ok) => answers.push(ok), { requestingUrl: 'app://warroom/' });
    onRequest(null, 'notifications', (ok) => answers.push(ok), {
      requestingUrl: 'https://evil.example/',
    });
    onRequest(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'app://warroom/' });
    expect(answers).toEqual([false, false, false, true]);

    const onCheck = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      origin: string,
    ) => boolean;
    expect(onCheck(null, 'clipboard-read', 'app://warroom')).toBe(false);

    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      d: { url: string; responseHeaders: Record<string, string[]> },
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    let headers: Record<string, string[]> = {};
    onHeaders({ url: 'https://evil.example/', responseHeaders: {} }, (r) => {
      headers = r.responseHeaders;
    });
    expect(headers['Content-Security-Policy']).toEqual([buildContentSecurityPolicy()]);
  });

  it('opens one main window with the secure webPreferences, loading app://warroom', async () => {
    const { windows } = await startShell();
    const win = windows[0]!;
    expect(win.options.webPreferences).toEqual(
      expect.objectContaining({
        ...SECURE_PREFERENCES,
        preload: path.join('/opt/warroom', 'dist-electron', 'preload', 'index.cjs'),
      }),
    );
    expect(win.loadURL).toHaveBeenCalledWith('app://warroom/index.html');
  });

  it('guards every IPC channel of the contract: registered, and refusing other origins', async () => {
    const { module } = await startShell();
    const registered = new Map(
      module.ipcMain.handle.mock.calls.map(([c, l]) => [c as string, l as Listener]),
    );
    expect([...registered.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    for (const [channel, listener] of registered) {
      const result = (await listener(
        { senderFrame: { url: 'https://evil.example/' }, sender: {} },
        {},
      )) as { ok: boolean; error: string };
      expect(result, channel).toEqual({ ok: false, error: `${channel}: sender is not trusted` });
    }
  });

  it('a second instance opens no window and quits', async () => {
    const { app, windows } = await startShell({ singleInstance: false });
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    // The sandbox switch is still on: it does not depend on winning the lock.
    expect(app.enableSandbox).toHaveBeenCalled();
  });
});
