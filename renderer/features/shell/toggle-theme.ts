import { useCallback } from 'react';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { saveSetting } from '../../db/repo/settings';
import { useUiStore } from '../../store/ui-store';

/**
 * The "Toggle theme" command (View › Toggle Theme in the desktop menu, and the command palette):
 * flips what is shown now on `<html data-theme>` (the system's choice included) between light and
 * dark, and keeps it as the theme setting. A failed save is reported in a toast; the flip stays.
 */
export function useToggleTheme(): () => void {
  const run = useCommand();
  const toast = useUiStore((s) => s.toast);
  return useCallback(() => {
    const next = document.documentElement.dataset.theme === 'light' ? 'dark' : 'light';
    document.documentElement.dataset.theme = next;
    run(saveSetting, 'theme', next).catch((e: unknown) =>
      toast(`Theme not kept: ${describeWriteError(e)}`, 'error'),
    );
  }, [run, toast]);
}
