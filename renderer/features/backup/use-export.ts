import { useCallback } from 'react';
import { backupFileName } from '../../../shared/domain/backup';
import { useSettledRead } from '../../db/db-context';
import { exportAll, exportIncident } from '../../db/repo/backup';
import { describeWriteError } from '../../db/repo/errors';
import { usePlatform } from '../../platform/platform-context';
import { useUiStore } from '../../store/ui-store';
import { APP_VERSION } from './app-version';

/**
 * Exports everything, or one incident when given, and saves it through the platform (a save
 * dialog on desktop, a download in the browser); says what happened in a toast. The record is
 * read once this window's writes already issued have settled (a change made just before the
 * export is in the file).
 */
export function useExportBackup(): (incident?: { id: string; ref: string }) => Promise<void> {
  const settledRead = useSettledRead();
  const platform = usePlatform();
  const toast = useUiStore((s) => s.toast);
  return useCallback(
    async (incident) => {
      try {
        const now = Date.now();
        const meta = { appVersion: APP_VERSION, now };
        const backup = await settledRead((read) =>
          incident ? exportIncident(read, incident.id, meta) : exportAll(read, meta),
        );
        const result = await platform.saveFile(
          backupFileName(now, incident?.ref),
          JSON.stringify(backup, null, 1),
          'application/json',
        );
        if (!result.ok) toast(`Export failed: ${result.error}`, 'error');
        else if (result.value.saved)
          toast(`Exported to ${result.value.path ?? backupFileName(now, incident?.ref)}.`);
      } catch (error) {
        toast(describeWriteError(error, 'export'), 'error');
      }
    },
    [settledRead, platform, toast],
  );
}
