import { z } from 'zod';
import { timestampSchema } from './timestamp';
import { limitedText } from './limits';

/** Who a stakeholder update is for; each audience has its own countdown. */
export const AUDIENCES = ['engineering', 'executives', 'customers'] as const;
export const audienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof audienceSchema>;

export const AUDIENCE_LABELS: Readonly<Record<Audience, string>> = {
  engineering: 'Engineering',
  executives: 'Executives',
  customers: 'Customers',
};

/** Accessible names of the per-audience countdowns (UI-CONTRACT.md). */
export const AUDIENCE_TIMER_NAMES: Readonly<Record<Audience, string>> = {
  engineering: 'Next engineering update',
  executives: 'Next executive update',
  customers: 'Next customer update',
};

/** What the database keeps per audience: timestamps only, never a running countdown. */
export const audienceCadenceSchema = z.object({
  /** When the last update to this audience was sent (copied, saved or logged), or null. */
  lastSentAt: timestampSchema.nullable(),
  /** A snooze pushes the reminder to this time; null when not snoozed. */
  snoozedUntil: timestampSchema.nullable(),
  snoozeReason: limitedText('snoozeReason').nullable(),
  /**
   * "Next update at HH:MM" set by hand: the countdown runs to this instant instead of the
   * cadence, until the next update to the audience is sent. Optional: older rows lack it (read it
   * through `nextUpdateOverride` in shared/logic/cadence).
   */
  nextUpdateAt: timestampSchema.nullable().optional(),
  nextUpdateReason: limitedText('snoozeReason').nullable().optional(),
});
export type AudienceCadence = z.infer<typeof audienceCadenceSchema>;

export function emptyAudienceCadence(): Record<Audience, AudienceCadence> {
  const blank = (): AudienceCadence => ({
    lastSentAt: null,
    snoozedUntil: null,
    snoozeReason: null,
  });
  return { engineering: blank(), executives: blank(), customers: blank() };
}
