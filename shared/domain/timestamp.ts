import { z } from 'zod';

/** The largest time a JavaScript Date can hold (±8.64e15 ms from the epoch). */
export const MAX_TIMESTAMP = 8.64e15;

/**
 * An instant in epoch milliseconds (UTC), within what a Date can represent, so that formatting
 * it can never throw (an imported 1e300 would make toISOString() fail mid-render).
 */
export const timestampSchema = z.number().finite().min(0).max(MAX_TIMESTAMP);
