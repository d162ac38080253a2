import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/*
 * A stand-in for the `electron` module, complete enough to run the shell's start-up
 * (electron/main/index.ts) and window creation (window.ts) in Node, with every call recorded.
 * Tests use it through `vi.mock('electron', () => fake.module)`, so they prove what the shell
 * wires at start-up without the Electron binary.
 */

/** A fake web contents: records its listeners and window-open handler. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly setWindowOpenHandler = vi.fn((handler: (d: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  readonly send = vi.fn();
  readonly isLoading = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
}

/** Everything one fake `electron` records, plus the module object to mock with. */
export function createFakeElectron(userData: string) {
  /** The order of the calls that must happen before or after `ready`. */
  const calls: string[] = [];
  const appEvents = new EventEmitter();
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends EventEmitter {
    static readonly getAllWindows = vi.fn(() => windows.filter((w) => !w.destroyed));
    static readonly getFocusedWindow = vi.fn((): FakeBrowserWindow | null => null);
    static readonly fromWebContents = vi.fn(
      (contents: unknown) => windows.find((w) => w.webContents === contents) ?? null,
    );
    destroyed = false;
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly maximize = vi.fn();
    readonly restore = vi.fn();
    readonly isDestroyed = vi.fn(() => this.destroyed);
    readonly isMinimized = vi.fn(() => false);
    readonly isMaximized = vi.fn(() => false);
    readonly isFullScreen = vi.fn(() => false);
    readonly isVisible = vi.fn(() => false);
    readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 10, width: 1200, height: 800 }));
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.push('new BrowserWindow');
      windows.push(this);
      // Electron emits this for every new web contents.
      appEvents.emit('web-contents-created', {}, this.webContents);
      appEvents.emit('browser-window-created', {}, this);
    }
  }

  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };

  const app = {
    isPackaged: false,
    getAppPath: vi.fn(() => '/opt/warroom'),
    getName: vi.fn(() => 'Warroom'),
    getVersion: vi.fn(() => '0.1.0'),
    getPath: vi.fn((_name: string) => userData),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
    isReady: vi.fn(() => true),
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => true),
    setAppUserModelId: vi.fn(),
    setBadgeCount: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      appEvents.on(event, listener);
      return app;
    }),
  };

  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: session },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    net: { fetch: vi.fn() },
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    screen: {
      getPrimaryDisplay: vi.fn(() => ({ workArea })),
      getAllDisplays: vi.fn(() => [{ workArea }]),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: {
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })),
    },
    clipboard: { write: vi.fn(), writeText: vi.fn() },
    Notification: Object.assign(vi.fn(), { isSupported: vi.fn(() => true) }),
    utilityProcess: { fork: vi.fn() },
  };

  return { module, calls, app, appEvents, session, windows, FakeBrowserWindow };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * The `electron` module object for `vi.mock('electron', …)` when each test makes its own fake:
 * every export is a getter reading `current()`'s module, so a test's fresh import meets that
 * test's fake (the mocked module object itself is made once per file).
 */
export function electronModuleOf(current: () => FakeElectron): Record<string, unknown> {
  const mocked: Record<string, unknown> = {};
  for (const name of Object.keys(createFakeElectron('').module))
    Object.defineProperty(mocked, name, {
      enumerable: true,
      get: () => (current().module as Record<string, unknown>)[name],
    });
  return mocked;
}

/**
 * The secure webPreferences, spelled out independently of security.ts (without the preload) as
 * what must be on and what must be off, so a test matching against it fails if
 * secureWebPreferences itself is weakened.
 */
export const SECURE_PREFERENCES: Readonly<Record<string, boolean>> = Object.fromEntries<boolean>([
  ...['contextIsolation', 'sandbox', 'webSecurity'].map((key): [string, boolean] => [key, true]),
  ...[
    'nodeIntegration',
    'nodeIntegrationInWorker',
    'nodeIntegrationInSubFrames',
    'webviewTag',
    'allowRunningInsecureContent',
    'experimentalFeatures',
    'navigateOnDragDrop',
  ].map((key): [string, boolean] => [key, false]),
]);
