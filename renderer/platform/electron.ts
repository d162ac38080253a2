import type { IpcResult, MenuCommand, WarroomApi } from '../../shared/ipc/contract';
import { createCommandQueue } from './command-queue';
import type { Platform, PlatformResult } from './index';

const MAX_OVERDUE = 10_000;
const MAX_TITLE_LENGTH = 500;

function failure(error: unknown): { ok: false; error: string } {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs a bridge call and keeps the "never throws" promise even when IPC itself fails (no
 * handler registered, a payload that cannot be cloned), which main's result objects cannot
 * cover.
 */
async function call<T>(run: () => Promise<IpcResult<T>>): Promise<PlatformResult<T>> {
  try {
    return await run();
  } catch (error) {
    return failure(error);
  }
}

/**
 * The Electron implementation of {@link Platform}, on top of the preload's `window.warroom`:
 * main does the work (native clipboard, save dialog, OS notifications, badge and title).
 */
export function createElectronPlatform(api: WarroomApi): Platform {
  const menu = createCommandQueue<MenuCommand>();
  // Subscribed at once, before the app has opened its database and rendered: a command the menu
  // sends meanwhile waits in the queue until the app listens.
  api.onMenuCommand(menu.push);
  return {
    kind: 'electron',

    async copy({ text, html }) {
      const result = await call(() =>
        api.writeClipboard(html === undefined ? { text } : { text, html }),
      );
      return result.ok ? { ok: true, value: undefined } : result;
    },

    saveMarkdown(fileName, content) {
      return call(() => api.saveMarkdown({ fileName, content }));
    },

    saveFile(fileName, content, mime) {
      return call(() => api.saveFile({ fileName, content, mime }));
    },

    listAutoBackups() {
      return call(() => api.listAutoBackups());
    },

    async readAutoBackup(name) {
      const result = await call(() => api.readAutoBackup({ name }));
      return result.ok ? { ok: true, value: result.value.content } : result;
    },

    async writeAutoBackup(content, opts = {}) {
      const result = await call(() => api.writeAutoBackup({ content, force: opts.force ?? false }));
      return result.ok ? { ok: true, value: { written: result.value.written } } : result;
    },

    onBackupRequest(listener) {
      return api.onBackupRequest(listener);
    },

    notify({ title, body, tag }) {
      return call(() => api.showNotification({ title, body, tag }));
    },

    onNotificationClick(listener) {
      return api.onNotificationClick(listener);
    },

    setAttention(overdueCount, title) {
      // Keep within the contract so main never rejects a reminder update as invalid.
      const count = Math.min(Math.max(Math.floor(overdueCount) || 0, 0), MAX_OVERDUE);
      void call(() =>
        api.setAttention({ overdueCount: count, title: title.slice(0, MAX_TITLE_LENGTH) }),
      ).then((result) => {
        if (!result.ok) console.warn('Warroom: could not update the attention badge', result.error);
      });
    },

    onMenuCommand(listener) {
      return menu.listen(listener);
    },

    openExternal(url, opts = {}) {
      return call(() => api.openExternal({ url, confirmed: opts.confirmed ?? false }));
    },

    hostRelay: {
      start: () => call(() => api.startHosting()),
      stop: () => call(() => api.stopHosting()),
      allowLan: (allowed) => call(() => api.setHostingLan({ allowed: allowed === true })),
      status: () => call(() => api.getHostingStatus()),
      onStatus: (listener) => api.onHostingStatus(listener),
    },
  };
}
