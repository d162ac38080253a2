import {
  appSettingsSchema,
  DEFAULT_SETTINGS,
  type AppSettings,
} from '../../../shared/domain/settings';
import type { WarroomDb } from '../schema';
import { RepoError } from './errors';

/**
 * Reads all settings, falling back to defaults for anything missing or malformed. Only the
 * schema's own keys count: a stored or imported row keyed `constructor` or `__proto__` (other
 * tables share the settings table, e.g. custom roles) is ignored, never looked up on a prototype.
 */
export async function readSettings(db: WarroomDb): Promise<AppSettings> {
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

/** Saves one setting after validating it; RepoError on the setting's key when it is invalid. */
export async function saveSetting<K extends keyof AppSettings>(
  db: WarroomDb,
  key: K,
  value: AppSettings[K],
): Promise<void> {
  const checked = appSettingsSchema.shape[key].safeParse(value);
  if (!checked.success) throw new RepoError(checked.error.issues[0]!.message, key);
  await db.settings.put({ key, value });
}
