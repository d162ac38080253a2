import {
  appSettingsSchema,
  DEFAULT_SETTINGS,
  type AppSettings,
} from '../../../shared/domain/settings';
import type { WarroomDb } from '../schema';
import { RepoError } from './errors';

/** Reads all settings, falling back to defaults for anything missing or malformed. */
export async function readSettings(db: WarroomDb): Promise<AppSettings> {
  const rows = await db.settings.toArray();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const field = appSettingsSchema.shape[row.key as keyof AppSettings] as
      (typeof appSettingsSchema.shape)[keyof AppSettings] | undefined;
    if (field?.safeParse(row.value).success) merged[row.key] = row.value;
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
