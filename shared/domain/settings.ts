import { z } from 'zod';
import { limitedText } from './limits';
import { SEVERITIES, SEVERITY_MATRIX } from './severity';

/** User settings, stored one row per key in the `settings` table. */
export const appSettingsSchema = z.object({
  /** The app's "me": author of entries and updates. */
  me: limitedText('name'),
  theme: z.enum(['system', 'dark', 'light']),
  timeZone: z.enum(['utc', 'local']),
  /** Update cadence per severity, in minutes. */
  cadenceMinutes: z.record(z.enum(SEVERITIES), z.number().int().positive()),
  hypothesisTimeboxMinutes: z.number().int().positive(),
  /** Nudge when the same person has been Incident Commander longer than this. */
  icNudgeHours: z.number().positive(),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const DEFAULT_SETTINGS: AppSettings = {
  me: '',
  theme: 'dark',
  timeZone: 'utc',
  cadenceMinutes: {
    SEV1: SEVERITY_MATRIX.SEV1.cadenceMs / 60_000,
    SEV2: SEVERITY_MATRIX.SEV2.cadenceMs / 60_000,
    SEV3: SEVERITY_MATRIX.SEV3.cadenceMs / 60_000,
    SEV4: SEVERITY_MATRIX.SEV4.cadenceMs / 60_000,
  },
  hypothesisTimeboxMinutes: 15,
  icNudgeHours: 4,
};
