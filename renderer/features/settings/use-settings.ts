import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../shared/domain/settings';
import { useDb } from '../../db/db-context';
import type { CommandContext } from '../../../shared/commands/context';
import { readSettings } from '../../db/repo/settings';

/**
 * The settings last read from each database. A component mounting later (a dialog, an editor)
 * starts from these rather than from the defaults: a form that fills a time from "now" on its
 * first render must already write it in the user's zone, not in the default UTC.
 */
const lastRead = new WeakMap<object, AppSettings>();

function readAndKeep(db: ReturnType<typeof useDb>): Promise<AppSettings> {
  return readSettings(db).then((s) => {
    lastRead.set(db, s);
    return s;
  });
}

/**
 * Reads the settings once before the first screen renders (main.tsx), so no component ever
 * starts from the defaults: a post-mortem opened straight from a link was signed "Me" and a
 * Declare form filled "now" in UTC while the user's name and zone were still being read.
 * Resolves when read; a failed read is left to the live queries (never rejects).
 */
export function preloadSettings(db: ReturnType<typeof useDb>): Promise<void> {
  return readAndKeep(db).then(
    () => undefined,
    () => undefined,
  );
}

/** Live settings (the last ones read in this window, or the defaults before any read answers). */
export function useSettings(): AppSettings {
  const db = useDb();
  return useLiveQuery(() => readAndKeep(db), [db], lastRead.get(db) ?? DEFAULT_SETTINGS);
}

/**
 * Live settings, undefined until they have been read in this window (for forms that copy them
 * once, or fill a value in the user's zone on their first render).
 */
export function useLoadedSettings(): AppSettings | undefined {
  const db = useDb();
  return useLiveQuery(() => readAndKeep(db), [db], lastRead.get(db));
}

/** The name entries are signed with when "me" is not set yet. */
export const ANONYMOUS_AUTHOR = 'Me';

/** Returns a function giving a fresh command context (current time, author from Settings). */
export function useCommandContext(): () => CommandContext {
  const { me } = useSettings();
  return useCallback(() => ({ now: Date.now(), author: me.trim() || ANONYMOUS_AUTHOR }), [me]);
}
