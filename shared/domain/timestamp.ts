import { z } from 'zod';
import './plain-errors';

/** The largest time a JavaScript Date can hold (±8.64e15 ms from the epoch). */
export const MAX_TIMESTAMP = 8.64e15;

/** The earliest instant Warroom stores (1970-01-01 00:00 UTC): times are epoch ms, never negative. */
export const MIN_TIMESTAMP = 0;

/** Plain words for a time before {@link MIN_TIMESTAMP}, shown beside the field that holds it. */
export const TOO_EARLY_MESSAGE =
  'That is too early: the earliest date Warroom accepts is 1970-01-01 00:00 UTC.';

/** Plain words for a time after {@link MAX_TIMESTAMP}. */
export const TOO_LATE_MESSAGE =
  'That is too late: the latest date Warroom accepts is in the year 275760.';

/** Plain words for a value that is not a time at all. */
export const NOT_A_TIME_MESSAGE = 'Give a date and time.';

/**
 * Why an instant cannot be stored, in words for the user, or null when it can. Checked where a
 * typed time is read, so the refusal is the field's own message and never a schema's.
 */
export function timestampRangeProblem(at: number): string | null {
  if (!Number.isFinite(at)) return NOT_A_TIME_MESSAGE;
  if (at < MIN_TIMESTAMP) return TOO_EARLY_MESSAGE;
  if (at > MAX_TIMESTAMP) return TOO_LATE_MESSAGE;
  return null;
}

/**
 * An instant in epoch milliseconds (UTC), within what a Date can represent, so that formatting
 * it can never throw (an imported 1e300 would make toISOString() fail mid-render). Its refusals
 * are plain words (a date, not "expected number to be >=0").
 */
export const timestampSchema = z
  .number({ error: NOT_A_TIME_MESSAGE })
  .finite({ error: NOT_A_TIME_MESSAGE })
  .min(MIN_TIMESTAMP, { error: TOO_EARLY_MESSAGE })
  .max(MAX_TIMESTAMP, { error: TOO_LATE_MESSAGE });
