import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { ipcEvents, type MenuCommand } from '../../shared/ipc/contract';
import { registerAppProtocol, registerAppSchemeAsPrivileged } from './app-protocol';
import { registerAppHandlers } from './ipc/app';
import { installBackupOnClose, registerBackupHandlers } from './ipc/backup';
import { registerClipboardHandlers } from './ipc/clipboard';
import { registerExportHandlers } from './ipc/export';
import { registerNotifyHandlers } from './ipc/notify';
import { deliverMenuCommand, sendWhenLoaded } from './deliver';
import { installApplicationMenu } from './menu';
import { registerRelayHost } from './relay-host';
import { applySessionPolicy, hardenWebContents } from './security';
import { createMainWindow, focusWindow } from './window';

/*
 * App lifecycle: one instance, one main window, the renderer served from app://warroom, and
 * every web contents locked down before it can load anything.
 */

// Paths are taken from the app root (package.json's folder, or the asar archive when
// packaged) so they hold both for `electron .` and for an installed build.
const rendererDir = path.join(app.getAppPath(), 'dist');
const preloadPath = path.join(app.getAppPath(), 'dist-electron', 'preload', 'index.cjs');

let mainWindow: BrowserWindow | null = null;

/** The window that should receive commands: the focused one, else the main one. */
function targetWindow(): BrowserWindow | null {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  return win && !win.isDestroyed() ? win : null;
}

function openMainWindow(): BrowserWindow {
  const win = createMainWindow(preloadPath);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

/**
 * Delivers a menu command to the focused (else the main) window; with no window (macOS keeps
 * running without one) it opens one. A page still loading gets the command once it has loaded
 * (the renderer's platform queues it again until the app listens): never dropped.
 */
function sendMenuCommand(command: MenuCommand): void {
  deliverMenuCommand(ipcEvents.menuCommand, command, {
    target: targetWindow,
    open: openMainWindow,
    focus: focusWindow,
  });
}

function onNotificationClicked(tag: string): void {
  const win = targetWindow() ?? openMainWindow();
  focusWindow(win);
  // A window just reopened (macOS keeps running with none) must load before it can listen.
  sendWhenLoaded(win, ipcEvents.notificationClicked, tag);
}

async function start(): Promise<void> {
  await app.whenReady();

  applySessionPolicy(session.defaultSession);
  registerAppProtocol(rendererDir);
  registerClipboardHandlers();
  registerExportHandlers();
  registerNotifyHandlers(onNotificationClicked);
  registerAppHandlers();
  registerBackupHandlers();
  installBackupOnClose();
  registerRelayHost();
  installApplicationMenu({
    platform: process.platform,
    appName: app.getName(),
    isDev: !app.isPackaged,
    sendCommand: sendMenuCommand,
  });

  openMainWindow();

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings one back.
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

// Both must run before `ready`: privileged schemes cannot be registered later, and the
// sandbox switch makes every renderer sandboxed even if a window forgot to ask.
registerAppSchemeAsPrivileged();
app.enableSandbox();

// Windows needs an AppUserModelID for notifications to show the app's name and icon.
if (process.platform === 'win32') app.setAppUserModelId('app.warroom.desktop');

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  // Another Warroom is running; it receives 'second-instance' and focuses its window.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!app.isReady()) return; // the first window is on its way
    focusWindow(mainWindow && !mainWindow.isDestroyed() ? mainWindow : openMainWindow());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('Warroom: failed to start', error);
    app.exit(1);
  });
}
