import {
  appSettingsSchema,
  DEFAULT_SETTINGS,
  type AppSettings,
} from '../../../shared/domain/settings';
import type { WarroomDb } from '../schema';

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

/** Saves one setting after validating it. */
export async function saveSetting<K extends keyof AppSettings>(
  db: WarroomDb,
  key: K,
  value: AppSettings[K],
): Promise<void> {
  appSettingsSchema.shape[key].parse(value);
  await db.settings.put({ key, value });
}
