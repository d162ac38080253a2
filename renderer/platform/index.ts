import type { MenuCommand } from '../../shared/ipc/contract';

export type PlatformResult<T = void> = { ok: true; value: T } | { ok: false; error: string };

/** What the app copies: plain text always, HTML too for rich text. */
export interface CopyPayload {
  text: string;
  html?: string;
}

/**
 * Everything the renderer needs from the desktop. Two implementations: the Electron bridge and
 * the browser (clipboard API, file download, Web Notifications). The app never assumes Electron.
 */
export interface Platform {
  readonly kind: 'electron' | 'browser';
  copy(payload: CopyPayload): Promise<PlatformResult>;
  /** Saves Markdown to a file (native dialog on desktop, download in the browser). */
  saveMarkdown(
    fileName: string,
    content: string,
  ): Promise<PlatformResult<{ saved: boolean; path: string | null }>>;
  /** Shows an OS notification; `tag` comes back through onNotificationClick. */
  notify(n: {
    title: string;
    body: string;
    tag: string;
  }): Promise<PlatformResult<{ shown: boolean }>>;
  onNotificationClick(listener: (tag: string) => void): () => void;
  /** Shows how many reminders are overdue (window title, dock/taskbar badge). */
  setAttention(overdueCount: number, title: string): void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export { pickPlatform } from './pick';
