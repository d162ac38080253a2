import type { MenuCommand } from '../../shared/ipc/contract';
import type { CopyPayload, Platform, PlatformResult, SaveMime } from './index';

function failure(error: unknown): { ok: false; error: string } {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

/**
 * The browser implementation: async Clipboard API (text/plain + text/html), a download for
 * files, Web Notifications (permission asked once; quietly absent when denied).
 */
export function createBrowserPlatform(win: Window = window): Platform {
  const clickListeners = new Set<(tag: string) => void>();
  const baseTitle = win.document.title || 'Warroom';

  /** Saves text as a download: the browser's stand-in for a save dialog. */
  function download(
    fileName: string,
    content: string,
    mime: SaveMime,
  ): Promise<PlatformResult<{ saved: boolean; path: string | null }>> {
    try {
      const blob = new Blob([content], { type: `${mime};charset=utf-8` });
      const url = URL.createObjectURL(blob);
      const a = win.document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.rel = 'noopener';
      win.document.body.append(a);
      a.click();
      a.remove();
      // Revoke later: some browsers read the blob after click() returns.
      win.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return Promise.resolve({ ok: true, value: { saved: true, path: fileName } });
    } catch (error) {
      return Promise.resolve(failure(error));
    }
  }

  return {
    kind: 'browser',

    async copy(payload: CopyPayload): Promise<PlatformResult> {
      try {
        const clipboard = win.navigator.clipboard;
        if (payload.html !== undefined && typeof ClipboardItem !== 'undefined' && clipboard.write) {
          await clipboard.write([
            new ClipboardItem({
              'text/plain': new Blob([payload.text], { type: 'text/plain' }),
              'text/html': new Blob([payload.html], { type: 'text/html' }),
            }),
          ]);
        } else {
          await clipboard.writeText(payload.text);
        }
        return { ok: true, value: undefined };
      } catch (error) {
        return failure(error);
      }
    },

    saveMarkdown(fileName, content) {
      return download(fileName, content, 'text/markdown');
    },

    saveFile(fileName, content, mime) {
      return download(fileName, content, mime);
    },

    async notify({ title, body, tag }) {
      try {
        if (typeof Notification === 'undefined') return { ok: true, value: { shown: false } };
        let permission = Notification.permission;
        if (permission === 'default') permission = await Notification.requestPermission();
        if (permission !== 'granted') return { ok: true, value: { shown: false } };
        const n = new Notification(title, { body, tag });
        n.onclick = () => {
          win.focus();
          for (const l of clickListeners) l(tag);
        };
        return { ok: true, value: { shown: true } };
      } catch (error) {
        return failure(error);
      }
    },

    onNotificationClick(listener) {
      clickListeners.add(listener);
      return () => clickListeners.delete(listener);
    },

    setAttention(overdueCount, title) {
      const base = title || baseTitle;
      win.document.title = overdueCount > 0 ? `(${overdueCount} overdue) ${base}` : base;
      const nav = win.navigator as Navigator & {
        setAppBadge?: (n: number) => Promise<void>;
        clearAppBadge?: () => Promise<void>;
      };
      if (overdueCount > 0) nav.setAppBadge?.(overdueCount).catch(() => undefined);
      else nav.clearAppBadge?.().catch(() => undefined);
    },

    openExternal(url) {
      // noopener + noreferrer: the new tab gets no handle on the app's window and no Referer.
      win.open(url, '_blank', 'noopener,noreferrer');
      return Promise.resolve({ ok: true, value: { opened: true } });
    },

    onMenuCommand(_listener: (command: MenuCommand) => void) {
      // The browser has no native menu; keyboard shortcuts are handled in the app.
      return () => undefined;
    },
  };
}
