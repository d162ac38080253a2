import { Notification } from 'electron';
import { handle } from './handle';

/** Enough for every open reminder; past it the oldest reference is dropped. */
const MAX_LIVE_NOTIFICATIONS = 50;

const MARKUP_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes the characters a notification server could read as markup (`&`, `<`, `>`, quotes).
 * Linux servers that announce the "body-markup" capability (GNOME Shell, KDE Plasma, dunst)
 * parse the body as a small HTML subset (Desktop Notifications Specification 1.2, "Markup"),
 * so `<a href=…>` or `<img src=…>` in an incident title would become a live link or a file
 * load. The title (the spec's "summary") is plain text everywhere and is not escaped.
 */
export function escapeNotificationMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MARKUP_ESCAPES[c] ?? c);
}

/**
 * What is handed to Electron's Notification for `platform` (`process.platform`): on Linux the
 * body is escaped (see {@link escapeNotificationMarkup}); macOS and Windows show text as typed.
 */
export function notificationOptions(
  title: string,
  body: string,
  platform: NodeJS.Platform,
): { title: string; body: string } {
  return { title, body: platform === 'linux' ? escapeNotificationMarkup(body) : body };
}

/**
 * notify:show. Clicking a notification calls `onClick(tag)` (main focuses the window and
 * tells the page which incident it was about).
 */
export function registerNotifyHandlers(
  onClick: (tag: string) => void,
  platform: NodeJS.Platform = process.platform,
): void {
  // Electron notifications are garbage-collected when unreferenced, and then their click
  // events never fire: keep each one until it is clicked or closed.
  const live = new Set<Notification>();

  handle('notify:show', ({ title, body, tag }) => {
    if (!Notification.isSupported()) return { shown: false };
    const notification = new Notification(notificationOptions(title, body, platform));
    const release = (): void => {
      live.delete(notification);
    };
    notification.on('click', () => {
      release();
      onClick(tag);
    });
    notification.on('close', release);
    live.add(notification);
    if (live.size > MAX_LIVE_NOTIFICATIONS) {
      const [oldest] = live;
      if (oldest) live.delete(oldest);
    }
    notification.show();
    return { shown: true };
  });
}
