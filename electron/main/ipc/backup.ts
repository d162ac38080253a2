import { chmod, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import type { WebContents } from 'electron';
import { ipcEvents, MAX_BACKUP_CHARS } from '../../../shared/ipc/contract';
import { writeFileAtomic } from '../atomic-write';
import { isWarroomBackup } from '../backup-check';
import { handle } from './handle';

/** How many days of automatic backups are kept. */
export const AUTO_BACKUP_KEEP = 7;
/** How long closing waits for the page's backup before closing anyway. */
export const QUIT_BACKUP_TIMEOUT_MS = 5_000;

const NAME = /^warroom-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.json$/;

/** `warroom-2026-11-22T14-05-09Z.json`: sortable, and valid on every file system. */
export function autoBackupName(now: number): string {
  const iso = new Date(now).toISOString().slice(0, 19).replace(/:/g, '-');
  return `warroom-${iso}Z.json`;
}

/** The time encoded in an automatic backup's name, or null when it is not one of ours. */
export function parseAutoBackupName(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map(Number);
  const at = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(at) || autoBackupName(at) !== name ? null : at;
}

const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** True when no automatic backup was written on `now`'s UTC day (at most one a day). */
export function isAutoBackupDue(names: readonly string[], now: number): boolean {
  const today = utcDay(now);
  return !names.some((n) => {
    const at = parseAutoBackupName(n);
    return at !== null && utcDay(at) === today;
  });
}

/**
 * Which backups to delete: only the newest of each day is kept (a forced backup on quit
 * supersedes that day's earlier one), and only the newest `keep` days. Files that are not
 * automatic backups are never touched.
 */
export function autoBackupsToPrune(names: readonly string[], keep = AUTO_BACKUP_KEEP): string[] {
  const ours = names
    .map((name) => ({ name, at: parseAutoBackupName(name) }))
    .filter((b): b is { name: string; at: number } => b.at !== null)
    .sort((a, b) => b.at - a.at);
  const days = new Set<string>();
  const prune: string[] = [];
  for (const b of ours) {
    const day = utcDay(b.at);
    if (days.has(day) || days.size >= keep) prune.push(b.name);
    else days.add(day);
  }
  return prune;
}

/** The folder automatic backups live in. */
export function autoBackupDir(): string {
  return path.join(app.getPath('userData'), 'backups');
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Backups hold the whole incident record: owner-only file and folder permissions (POSIX), so
 * other accounts on the machine cannot read them.
 */
export const BACKUP_FILE_MODE = 0o600;
export const BACKUP_DIR_MODE = 0o700;

/** Largest backup file read back, in bytes: UTF-8 takes at most 3 bytes per UTF-16 unit. */
export const MAX_BACKUP_FILE_BYTES = MAX_BACKUP_CHARS * 3;

/**
 * Writes an automatic backup when due (or forced), atomically and owner-only
 * ({@link BACKUP_FILE_MODE}), then prunes old ones. The content is checked to be a Warroom
 * backup off the main thread first (see isWarroomBackup).
 */
export async function writeAutoBackup(
  dir: string,
  content: string,
  force: boolean,
  now: number,
): Promise<{ written: boolean; name: string | null }> {
  if (!(await isWarroomBackup(content))) throw new Error('not a Warroom backup');
  await mkdir(dir, { recursive: true, mode: BACKUP_DIR_MODE });
  // A folder made by an older version may be world-readable: tighten it (POSIX only).
  if (process.platform !== 'win32') await chmod(dir, BACKUP_DIR_MODE);
  const names = await listNames(dir);
  if (!force && !isAutoBackupDue(names, now)) return { written: false, name: null };
  const name = autoBackupName(now);
  await writeFileAtomic(path.join(dir, name), content, { mode: BACKUP_FILE_MODE });
  for (const old of autoBackupsToPrune([...names.filter((n) => n !== name), name]))
    await rm(path.join(dir, old), { force: true });
  return { written: true, name };
}

/** The automatic backups, newest first. */
export async function listAutoBackups(
  dir: string,
): Promise<{ name: string; at: number; size: number }[]> {
  const out: { name: string; at: number; size: number }[] = [];
  for (const name of await listNames(dir)) {
    const at = parseAutoBackupName(name);
    if (at === null) continue;
    out.push({ name, at, size: (await stat(path.join(dir, name))).size });
  }
  return out.sort((a, b) => b.at - a.at);
}

/**
 * Reads one automatic backup. The name must be one of ours AND be listed in the folder, so no
 * path (`../`, absolute, another extension) can reach any other file; a file larger than
 * {@link MAX_BACKUP_FILE_BYTES} is refused.
 */
export async function readAutoBackup(dir: string, name: string): Promise<string> {
  if (parseAutoBackupName(name) === null || !(await listNames(dir)).includes(name))
    throw new Error('no such automatic backup');
  const file = path.join(dir, name);
  // Never more than a backup the app could have written (see MAX_BACKUP_CHARS).
  if ((await stat(file)).size > MAX_BACKUP_FILE_BYTES)
    throw new Error('this file is larger than any Warroom backup');
  return readFile(file, 'utf8');
}

// Pages waiting for on-quit backups, by web contents id: resolved when the forced write lands.
const pendingQuitBackups = new Map<number, () => void>();

/** The automatic-backup channels (export:save-file lives with the other saves in export.ts). */
export function registerBackupHandlers(now: () => number = Date.now): void {
  handle('backup:write-auto', async ({ content, force }, event) => {
    try {
      return await writeAutoBackup(autoBackupDir(), content, force, now());
    } finally {
      if (force) pendingQuitBackups.get(event.sender.id)?.();
    }
  });
  handle('backup:list-auto', () => listAutoBackups(autoBackupDir()));
  handle('backup:read-auto', async ({ name }) => ({
    content: await readAutoBackup(autoBackupDir(), name),
  }));
}

/** Asks a page for its on-quit backup and resolves when it arrives or after the timeout. */
export function requestBackup(contents: WebContents, timeoutMs = QUIT_BACKUP_TIMEOUT_MS) {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pendingQuitBackups.delete(contents.id);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    pendingQuitBackups.set(contents.id, done);
    contents.send(ipcEvents.backupRequest);
  });
}

/**
 * Before the last window closes (which is also how quitting starts), holds the close, asks the
 * page for a forced automatic backup, then closes for real. The page builds the backup from
 * IndexedDB, which main cannot read; a page that does not answer delays closing by at most
 * {@link QUIT_BACKUP_TIMEOUT_MS}.
 */
export function installBackupOnClose(): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('browser-window-created', (_event, win) => {
    let backedUp = false;
    win.on('close', (event) => {
      const others = BrowserWindow.getAllWindows().filter((w) => w !== win && !w.isDestroyed());
      if (backedUp || (!quitting && others.length > 0) || win.webContents.isDestroyed()) return;
      event.preventDefault();
      backedUp = true;
      void requestBackup(win.webContents).then(() => {
        if (win.isDestroyed()) return;
        // A quit held by preventDefault was cancelled: start it again, else just close.
        if (quitting) app.quit();
        else win.close();
      });
    });
  });
}
