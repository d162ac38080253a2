import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { declareInputSchema, impactSchema } from './incident';
import { actionItemSchema, postmortemSchema, serviceSchema } from './records';
import { timestampSchema } from './timestamp';
import './plain-errors';

/** Zod's own wording, which must never reach a person. */
const RAW = /Too small|Too big|expected|received|Invalid input|>=|<=|[<>]\d/;

const messages = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('plain schema messages', () => {
  it('says a date before 1970 is too early, with the earliest date, not ">=0"', () => {
    const [m] = messages(timestampSchema, Date.UTC(1901, 0, 1));
    expect(m).toBe('That is too early: the earliest date Warroom accepts is 1970-01-01 00:00 UTC.');
    expect(messages(timestampSchema, 'soon')[0]).toBe('Give a date and time.');
    expect(messages(timestampSchema, 9e15)[0]).toMatch(/too late/);
  });

  it('gives plain words for every numeric and date field of the stored records', () => {
    const cases: [z.ZodType, unknown][] = [
      [declareInputSchema, { title: 'x', severity: 'SEV1', startedAt: -1 }],
      [declareInputSchema, { title: 'x', severity: 'SEV1', startedAt: 1, detectedAt: -5 }],
      [serviceSchema.shape.sloTarget, 1.5],
      [serviceSchema.shape.sloTarget, 0],
      [serviceSchema.shape.sloWindowDays, 2.5],
      [serviceSchema.shape.sloWindowDays, 0],
      [impactSchema.shape.supportTickets, -1],
      [impactSchema.shape.supportTickets, 1.5],
      [impactSchema.shape.usersAffected, { value: -3, unit: 'users' }],
      [postmortemSchema.shape.affectedUsers, -1],
      [postmortemSchema.shape.affectedRecords, 0.5],
      [actionItemSchema.shape.dueDate, '2026-1-1'],
    ];
    for (const [schema, value] of cases) {
      const found = messages(schema, value);
      expect(found.length, JSON.stringify(value)).toBeGreaterThan(0);
      for (const m of found) expect(m, JSON.stringify(value)).not.toMatch(RAW);
    }
    expect(messages(serviceSchema.shape.sloTarget, 1.5)[0]).toMatch(/percentage/);
  });

  it('covers schemas without words of their own (the global fallback)', () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.number().min(0), -1, 'Give a number of 0 or more.'],
      [z.number().gt(0), 0, 'Give a number greater than 0.'],
      [z.number().max(10), 11, 'Give a number of 10 or less.'],
      [z.number().int(), 1.5, 'Give a whole number.'],
      [z.number(), 'x', 'Give a number.'],
      [z.string().max(3), 'abcde', 'This is 5 characters; the limit is 3.'],
      [z.string().min(1), '', 'This cannot be empty.'],
      [z.enum(['a', 'b']), 'c', 'Choose one of: a, b.'],
      [z.string().regex(/^\d+$/), 'x', 'This is not in the form Warroom expects.'],
      [z.object({ a: z.number() }), {}, 'This is required.'],
    ];
    for (const [schema, value, expected] of cases) {
      expect(messages(schema, value)[0]).toBe(expected);
    }
  });
});
