/** The part of a BrowserWindow that delivering a main → page event needs (mockable in tests). */
export interface EventTarget {
  isDestroyed(): boolean;
  webContents: {
    isLoading(): boolean;
    once(event: 'did-finish-load', listener: () => void): unknown;
    send(channel: string, ...args: unknown[]): void;
  };
}

/**
 * Sends an event to a window's page, or, while the page is still loading (a window just opened,
 * or reloading), queues it until `did-finish-load`, when the preload and the app's entry script
 * have run: a menu command given before the window is ready is delivered, not dropped. Queued
 * events keep their order. A destroyed window gets nothing. Returns whether it was sent at once.
 */
export function sendWhenLoaded(win: EventTarget, channel: string, payload: unknown): boolean {
  if (win.isDestroyed()) return false;
  const send = (): void => {
    if (!win.isDestroyed()) win.webContents.send(channel, payload);
  };
  if (win.webContents.isLoading()) {
    win.webContents.once('did-finish-load', send);
    return false;
  }
  send();
  return true;
}

/** Where menu commands go: the window to use, and how to open or raise one (mockable). */
export interface MenuCommandWindows<W extends EventTarget> {
  /** The focused window, else the main one; null when none is open. */
  target(): W | null;
  /** Opens the main window (its page starts loading). */
  open(): W;
  /** Brings a window to the front. */
  focus(win: W): void;
}

/**
 * Delivers a menu command to the page: to the focused (else the main) window, opening one when
 * none is left (macOS keeps running without windows). Commands that show something (Settings…,
 * New Incident) raise the window first. A page still loading gets it once loaded.
 */
export function deliverMenuCommand<W extends EventTarget>(
  channel: string,
  command: string,
  windows: MenuCommandWindows<W>,
): void {
  const win = windows.target() ?? windows.open();
  if (command === 'open-settings' || command === 'new-incident') windows.focus(win);
  sendWhenLoaded(win, channel, command);
}
