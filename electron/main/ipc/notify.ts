import { Notification } from 'electron';
import { handle } from './handle';

/** Enough for every open reminder; past it the oldest reference is dropped. */
const MAX_LIVE_NOTIFICATIONS = 50;

/**
 * notify:show. Clicking a notification calls `onClick(tag)` (main focuses the window and
 * tells the page which incident it was about).
 */
export function registerNotifyHandlers(onClick: (tag: string) => void): void {
  // Electron notifications are garbage-collected when unreferenced, and then their click
  // events never fire: keep each one until it is clicked or closed.
  const live = new Set<Notification>();

  handle('notify:show', ({ title, body, tag }) => {
    if (!Notification.isSupported()) return { shown: false };
    const notification = new Notification({ title, body });
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
