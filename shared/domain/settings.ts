import { z } from 'zod';
import { limitedText } from './limits';
import { SEVERITIES, SEVERITY_MATRIX } from './severity';
import type { NumberSpec } from '../logic/number-input';

/**
 * The longest update cadence, in minutes: 24 hours. The seed severity matrix's slowest cadence
 * is SEV4's "daily" (DOMAIN.md, "Severity matrix"); a longer one would silently switch the
 * reminders off for the whole incident (100,000,000 minutes is 190 years).
 */
export const CADENCE_MINUTES_MAX = 24 * 60;
/**
 * The longest hypothesis timebox, in minutes: 24 hours, the same ceiling as one extension of a
 * timebox (shared/commands/hypotheses.ts). The seed's rule is 15 minutes, then pivot or escalate.
 */
export const TIMEBOX_MINUTES_MAX = 24 * 60;
/**
 * The longest the same Incident Commander may hold the role before the nudge: 24 hours. The
 * seed's default is 4 hours; nobody should command for more than a day without a handoff, and
 * a larger figure would switch the nudge off.
 */
export const IC_NUDGE_HOURS_MAX = 24;

/** What the Settings fields accept, for the form and for saving (one rule). */
export const SETTINGS_NUMBER_SPECS = {
  cadenceMinutes: {
    min: 1,
    max: CADENCE_MINUTES_MAX,
    integer: true,
    unit: 'minutes',
    maxNote: ' (24 hours)',
  },
  hypothesisTimeboxMinutes: {
    min: 1,
    max: TIMEBOX_MINUTES_MAX,
    integer: true,
    unit: 'minutes',
    maxNote: ' (24 hours)',
  },
  icNudgeHours: { min: 0.5, max: IC_NUDGE_HOURS_MAX, integer: false, unit: 'hours' },
} as const satisfies Record<string, NumberSpec>;

/** User settings, stored one row per key in the `settings` table. */
export const appSettingsSchema = z.object({
  /** The app's "me": author of entries and updates. */
  me: limitedText('name'),
  theme: z.enum(['system', 'dark', 'light']),
  timeZone: z.enum(['utc', 'local']),
  /** Update cadence per severity, in minutes. */
  cadenceMinutes: z.record(
    z.enum(SEVERITIES),
    z
      .number()
      .int('Enter a whole number of minutes.')
      .min(1, 'Enter 1 minute or more.')
      .max(
        CADENCE_MINUTES_MAX,
        `An update cadence is at most ${CADENCE_MINUTES_MAX} minutes (24 hours).`,
      ),
  ),
  hypothesisTimeboxMinutes: z
    .number()
    .int('Enter a whole number of minutes.')
    .min(1, 'Enter 1 minute or more.')
    .max(TIMEBOX_MINUTES_MAX, `A timebox is at most ${TIMEBOX_MINUTES_MAX} minutes (24 hours).`),
  /** Nudge when the same person has been Incident Commander longer than this. */
  icNudgeHours: z
    .number()
    .min(0.5, 'Enter half an hour or more.')
    .max(IC_NUDGE_HOURS_MAX, `Nudge after at most ${IC_NUDGE_HOURS_MAX} hours.`),
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
