import {
  appSettingsSchema,
  DEFAULT_SETTINGS,
  type AppSettings,
} from '../../../shared/domain/settings';
import * as cmd from '../../../shared/commands/settings';
import { commit } from '../commit';
import type { ReadonlyDb } from '../read-view';
import type { WarroomDb } from '../schema';

/**
 * Reads all settings, falling back to defaults for anything missing or malformed. Only the
 * schema's own keys count: a stored or imported row keyed `constructor` or `__proto__` (other
 * tables share the settings table, e.g. custom roles) is ignored, never looked up on a prototype.
 */
export async function readSettings(db: ReadonlyDb): Promise<AppSettings> {
  const rows = await db.settings.toArray();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = appSettingsSchema.shape;
  for (const row of rows) {
    if (!Object.hasOwn(shape, row.key)) continue;
    const field = shape[row.key as keyof AppSettings];
    if (field.safeParse(row.value).success) merged[row.key] = row.value;
  }
  return merged as AppSettings;
}

/**
 * Saves one setting after validating it (see {@link cmd.saveSetting}): RepoError on the
 * setting's key when it is invalid; storage failures as db/commit.ts.
 */
export async function saveSetting<K extends keyof AppSettings>(
  db: WarroomDb,
  key: K,
  value: AppSettings[K],
): Promise<void> {
  await commit(db, cmd.saveSetting(key, value));
}
