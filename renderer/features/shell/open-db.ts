/*
 * Opens the app's database as soon as its code has been evaluated, before the rest of the app's
 * code (React, the pages) is: importing this module starts the open. renderer/boot.ts imports it
 * first, so IndexedDB opens (creating the stores on a first start) in the browser while the
 * renderer is still evaluating React; main.tsx then waits on the same open.
 */
import { WarroomDb } from '../../db/schema';

/** The app's one database, for the page's lifetime. */
export const appDb = new WarroomDb();

/**
 * Resolves once `appDb` is open (and its stores created or upgraded); rejects with Dexie's error when it cannot be opened (a newer
 * version elsewhere, storage unavailable): main.tsx shows that in plain words.
 */
export const appDbOpened: Promise<void> = appDb.open().then(() => undefined);

// The rejection is handled in main.tsx, which may be evaluated after it happens: mark it handled
// here so the browser does not report it as unhandled in the meantime.
appDbOpened.catch(() => undefined);
