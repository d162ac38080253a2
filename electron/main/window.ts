import path from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';
import { secureWebPreferences } from './security';
import {
  clampToDisplays,
  loadWindowState,
  MIN_WINDOW_SIZE,
  saveWindowState,
  type WindowState,
} from './window-state';

/** Matches the app's dark theme so the window never flashes white before the first paint. */
export const WINDOW_BACKGROUND = '#0f1115';
const SAVE_DELAY_MS = 500;

function windowStatePath(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function currentState(win: BrowserWindow): WindowState {
  // Normal bounds, not current ones: a maximised window must restore to its old size.
  const bounds = win.getNormalBounds();
  return { ...bounds, isMaximized: win.isMaximized() };
}

function persist(win: BrowserWindow): void {
  if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
  try {
    saveWindowState(windowStatePath(), currentState(win));
  } catch (error) {
    // Losing the window position is not worth interrupting the user over.
    console.error('Warroom: could not save the window state', error);
  }
}

/**
 * Creates the main window where it was last time (clamped to the displays present now),
 * hidden until its first paint, and loads app://warroom/index.html.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const workAreas = [
    screen.getPrimaryDisplay().workArea,
    ...screen.getAllDisplays().map((d) => d.workArea),
  ];
  const state = clampToDisplays(loadWindowState(windowStatePath()), workAreas);

  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: app.getName(),
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: false,
    // The preload exposes one named, validated method per IPC channel, nothing generic
    // (docs/electronegativity.md, PRELOAD_JS_CHECK).
    /* eng-disable PRELOAD_JS_CHECK */
    webPreferences: secureWebPreferences(preloadPath),
  });

  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });

  // Save while the user moves things (a crash keeps the last layout) and once more on close.
  let timer: NodeJS.Timeout | undefined;
  const scheduleSave = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => persist(win), SAVE_DELAY_MS);
  };
  win.on('resize', scheduleSave);
  win.on('move', scheduleSave);
  win.on('maximize', scheduleSave);
  win.on('unmaximize', scheduleSave);
  win.on('close', () => {
    clearTimeout(timer);
    persist(win);
  });

  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Warroom: could not load the app', error);
  });
  return win;
}

/** Brings a window to the front, restoring it first if it was minimised. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
