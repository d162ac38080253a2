import { app, BrowserWindow } from 'electron';
import { externalLinkPolicy } from '../../../shared/security/links';
import { openExternalLink } from '../security';
import { handle } from './handle';

/** The window title for a number of overdue reminders; the same wording as the browser build. */
export function attentionTitle(overdueCount: number, title: string, fallback: string): string {
  const base = title.trim() || fallback;
  return overdueCount > 0 ? `(${overdueCount} overdue) ${base}` : base;
}

/**
 * app:set-attention (title + dock/taskbar badge), app:open-external (a link the page's own
 * dialog may already have confirmed; the link policy is applied again here, so a refused URL
 * never opens and an unconfirmed one is asked about natively) and app:get-info.
 */
export function registerAppHandlers(): void {
  handle('app:set-attention', ({ overdueCount, title }, event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (win && !win.isDestroyed()) {
      win.setTitle(attentionTitle(overdueCount, title, app.getName()));
      // Windows has no badge count: flash the taskbar button instead, only while unfocused.
      if (process.platform === 'win32') win.flashFrame(overdueCount > 0 && !win.isFocused());
    }
    // macOS dock and Unity launchers show it; elsewhere this returns false, which is fine.
    app.setBadgeCount(overdueCount);
    return { applied: true };
  });

  handle('app:open-external', async ({ url, confirmed }, event) => ({
    opened: await openExternalLink(
      externalLinkPolicy(url),
      BrowserWindow.fromWebContents(event.sender),
      confirmed,
    ),
  }));
  handle('app:get-info', () => ({ version: app.getVersion(), platform: process.platform }));
}
