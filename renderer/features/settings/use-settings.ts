import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../shared/domain/settings';
import { useDb } from '../../db/db-context';
import type { CommandContext } from '../../../shared/commands/context';
import { readSettings } from '../../db/repo/settings';

/** Live settings (defaults until the first read answers). */
export function useSettings(): AppSettings {
  const db = useDb();
  return useLiveQuery(() => readSettings(db), [db], DEFAULT_SETTINGS);
}

/** Live settings, undefined until the first read answers (for forms that copy them once). */
export function useLoadedSettings(): AppSettings | undefined {
  const db = useDb();
  return useLiveQuery(() => readSettings(db), [db]);
}

/** The name entries are signed with when "me" is not set yet. */
export const ANONYMOUS_AUTHOR = 'Me';

/** Returns a function giving a fresh command context (current time, author from Settings). */
export function useCommandContext(): () => CommandContext {
  const { me } = useSettings();
  return useCallback(() => ({ now: Date.now(), author: me.trim() || ANONYMOUS_AUTHOR }), [me]);
}
