import type { MenuCommand, RelayHostStatus } from '../../shared/ipc/contract';

export type { RelayHostStatus };

export type PlatformResult<T = void> = { ok: true; value: T } | { ok: false; error: string };

/** What the app copies: plain text always, HTML too for rich text. */
export interface CopyPayload {
  text: string;
  html?: string;
}

/** The kinds of file the app saves. */
export type SaveMime = 'application/json' | 'text/markdown' | 'text/plain';

/** One automatic backup file as main lists it. */
export interface AutoBackupInfo {
  name: string;
  /** When it was written (epoch ms, from its name). */
  at: number;
  size: number;
}

/**
 * Host war room (desktop only): a relay run by the app in a utility process, bound to 127.0.0.1
 * until other laptops on the network are allowed. Each call resolves with the status it ends
 * in (`on` with a join code, or `crashed` with the reason in plain words); it never throws.
 */
export interface HostRelay {
  /** Starts hosting (no change when already starting or on). */
  start(): Promise<PlatformResult<RelayHostStatus>>;
  /** Stops hosting: the relay stores its documents and exits; no port stays open. */
  stop(): Promise<PlatformResult<RelayHostStatus>>;
  /** Allows or forbids other laptops on this network (a running relay restarts, same port). */
  allowLan(allowed: boolean): Promise<PlatformResult<RelayHostStatus>>;
  /** The current status, without changing anything. */
  status(): Promise<PlatformResult<RelayHostStatus>>;
  /** Every status change (also crashes nobody asked about); returns an unsubscribe. */
  onStatus(listener: (status: RelayHostStatus) => void): () => void;
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
  /** Saves any text file (native dialog on desktop, download in the browser). */
  saveFile(
    fileName: string,
    content: string,
    mime: SaveMime,
  ): Promise<PlatformResult<{ saved: boolean; path: string | null }>>;
  /** Desktop only: the automatic backups in the user-data folder, newest first. */
  listAutoBackups?(): Promise<PlatformResult<AutoBackupInfo[]>>;
  /** Desktop only: the text of one automatic backup, by the name listAutoBackups gave. */
  readAutoBackup?(name: string): Promise<PlatformResult<string>>;
  /**
   * Desktop only: writes an automatic backup if none was written today (main decides), or
   * always with `force` (on quit). Keeps the last 7 days.
   */
  writeAutoBackup?(
    content: string,
    opts?: { force?: boolean },
  ): Promise<PlatformResult<{ written: boolean }>>;
  /** Desktop only: main asks for a backup before the window closes or the app quits. */
  onBackupRequest?(listener: () => void): () => void;
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
  /**
   * Opens a link in the system browser (desktop) or a new tab (browser). Callers decide with
   * the link policy (shared/security/links.ts) first; `confirmed` says the user already said
   * yes to the app's own question, so the desktop shell does not ask a second time. The shell
   * still refuses anything the policy refuses.
   */
  openExternal(
    url: string,
    opts?: { confirmed?: boolean },
  ): Promise<PlatformResult<{ opened: boolean }>>;
  /** Desktop only: host the war room's relay on this laptop (absent in the browser build). */
  readonly hostRelay?: HostRelay;
}

export { pickPlatform } from './pick';
