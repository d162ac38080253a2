import { useEffect } from 'react';
import { useDb } from '../../db/db-context';
import { exportAll } from '../../db/repo/backup';
import type { ReadonlyDb } from '../../db/read-view';
import { readSettled } from '../../db/writes-settled';
import type { Platform } from '../../platform';
import { usePlatform } from '../../platform/platform-context';
import { APP_VERSION } from './app-version';

/** How often an open app offers main a backup; main writes at most one a day. */
export const AUTO_BACKUP_CHECK_MS = 60 * 60_000;

/**
 * Builds a full backup and hands it to main (which decides whether one is due, unless forced).
 * Read once this window's writes already issued have settled, so the backup written as the
 * window closes holds the change made just before.
 */
export async function writeAutomaticBackup(
  db: ReadonlyDb,
  platform: Platform,
  force: boolean,
): Promise<void> {
  if (!platform.writeAutoBackup) return;
  try {
    const backup = await readSettled(db, (read) =>
      exportAll(read, { appVersion: APP_VERSION, now: Date.now() }),
    );
    const result = await platform.writeAutoBackup(JSON.stringify(backup), { force });
    if (!result.ok) console.warn('Warroom: automatic backup failed', result.error);
  } catch (error) {
    console.warn('Warroom: automatic backup failed', error);
  }
}

/**
 * Desktop only, mounted once for the app: offers an automatic backup at start and every hour
 * (main writes the first of each UTC day), and a forced one when main asks before the window
 * closes or the app quits. Renders nothing.
 */
export function AutoBackup() {
  const db = useDb();
  const platform = usePlatform();
  useEffect(() => {
    if (!platform.writeAutoBackup) return;
    void writeAutomaticBackup(db, platform, false);
    const timer = window.setInterval(
      () => void writeAutomaticBackup(db, platform, false),
      AUTO_BACKUP_CHECK_MS,
    );
    const off = platform.onBackupRequest?.(() => void writeAutomaticBackup(db, platform, true));
    return () => {
      window.clearInterval(timer);
      off?.();
    };
  }, [db, platform]);
  return null;
}
