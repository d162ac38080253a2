import { appSettingsSchema, type AppSettings } from '../domain/settings';
import { changes, type Changes } from './change-set';
import { RepoError } from './refusal';

/**
 * Saves one app setting (a settings row keyed by the setting's name) after validating it
 * against its field of `appSettingsSchema` (shared/domain/settings.ts). Refuses (RepoError)
 * an invalid value with the schema's first message, naming the setting's key as the field.
 */
export function saveSetting<K extends keyof AppSettings>(key: K, value: AppSettings[K]): Changes {
  const checked = appSettingsSchema.shape[key].safeParse(value);
  if (!checked.success) throw new RepoError(checked.error.issues[0]!.message, key);
  return changes().update('settings', { key, value }).build();
}
