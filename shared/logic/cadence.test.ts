import { describe, expect, it } from 'vitest';
import { emptyAudienceCadence, type Audience } from '../domain/audience';
import type { Severity } from '../domain/severity';
import { DEFAULT_SETTINGS } from '../domain/settings';
import {
  activeAudiences,
  audienceDue,
  cadenceMsFor,
  isSnoozeMinutes,
  nextTimeOfDay,
  nextUpdateOverride,
  overdueCount,
  parseSnoozeLength,
  replanAfterSeverityChange,
  sinceLastText,
  snooze,
  SNOOZE_MINUTES,
  snoozeLabel,
  spanInWords,
  timerText,
  type CadenceIncident,
} from './cadence';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 22, 14, 0, 0); // declared 14:00 UTC

function incident(over: Partial<CadenceIncident> = {}): CadenceIncident {
  return {
    severity: 'SEV2',
    status: 'investigating',
    milestones: { started: T0 - 10 * MIN, declared: T0 },
    createdAt: T0 + 5_000,
    impact: { customerFacing: true },
    cadence: emptyAudienceCadence(),
    ...over,
  };
}

function withSent(
  inc: CadenceIncident,
  audience: Audience,
  lastSentAt: number,
  snoozedUntil: number | null = null,
) {
  return {
    ...inc,
    cadence: { ...inc.cadence, [audience]: { lastSentAt, snoozedUntil, snoozeReason: null } },
  };
}

const due = (inc: CadenceIncident, now: number, audience: Audience = 'engineering') =>
  audienceDue(inc, audience, now, cadenceMsFor(inc.severity));

describe('cadenceMsFor', () => {
  it.each([
    ['SEV1', 15 * MIN],
    ['SEV2', 30 * MIN],
    ['SEV3', 2 * HOUR],
    ['SEV4', 24 * HOUR],
  ] as [Severity, number][])('%s defaults to the seed matrix', (sev, ms) => {
    expect(cadenceMsFor(sev)).toBe(ms);
    expect(cadenceMsFor(sev, DEFAULT_SETTINGS)).toBe(ms);
  });

  it('uses the settings when valid, the default otherwise', () => {
    expect(cadenceMsFor('SEV1', { cadenceMinutes: { SEV1: 10 } })).toBe(10 * MIN);
    expect(cadenceMsFor('SEV1', { cadenceMinutes: { SEV2: 10 } })).toBe(15 * MIN);
    expect(cadenceMsFor('SEV1', { cadenceMinutes: { SEV1: 0 } })).toBe(15 * MIN);
    expect(cadenceMsFor('SEV1', { cadenceMinutes: { SEV1: Number.NaN } })).toBe(15 * MIN);
    // Stored before the 24 h bound: the seed cadence, never reminders switched off.
    expect(cadenceMsFor('SEV1', { cadenceMinutes: { SEV1: 100_000_000 } })).toBe(15 * MIN);
    expect(cadenceMsFor('SEV1', { cadenceMinutes: { SEV1: 1441 } })).toBe(15 * MIN);
    expect(cadenceMsFor('SEV1', { cadenceMinutes: { SEV1: 1440 } })).toBe(1440 * MIN);
  });
});

describe('audienceDue', () => {
  it.each([
    ['SEV1', 15 * MIN],
    ['SEV2', 30 * MIN],
    ['SEV3', 2 * HOUR],
    ['SEV4', 24 * HOUR],
  ] as [Severity, number][])(
    '%s: runs from declaration, calm → due-soon → overdue',
    (severity, c) => {
      const inc = incident({ severity });
      expect(due(inc, T0)).toMatchObject({
        anchor: 'declared',
        anchorAt: T0,
        dueAt: T0 + c,
        remainingMs: c,
        state: 'calm',
        sinceLastMs: 0,
      });
      expect(due(inc, T0 + c - 2 * MIN - 1)?.state).toBe('calm');
      expect(due(inc, T0 + c - 2 * MIN)?.state).toBe('due-soon');
      expect(due(inc, T0 + c - 1)).toMatchObject({
        state: 'due-soon',
        remainingMs: 1,
        overdueMs: 0,
      });
      expect(due(inc, T0 + c)).toMatchObject({ state: 'overdue', remainingMs: 0, overdueMs: 0 });
      expect(due(inc, T0 + c + 185_000)).toMatchObject({ state: 'overdue', overdueMs: 185_000 });
    },
  );

  it('falls back to createdAt when there is no declared milestone', () => {
    const inc = incident({ milestones: {} });
    expect(due(inc, T0 + MIN)).toMatchObject({
      anchorAt: T0 + 5_000,
      dueAt: T0 + 5_000 + 30 * MIN,
    });
  });

  it('resets when an update is sent, per audience', () => {
    const inc = withSent(incident(), 'executives', T0 + 25 * MIN);
    const now = T0 + 31 * MIN;
    expect(due(inc, now, 'engineering')?.state).toBe('overdue');
    expect(due(inc, now, 'executives')).toMatchObject({
      anchor: 'last-update',
      dueAt: T0 + 55 * MIN,
      remainingMs: 24 * MIN,
      sinceLastMs: 6 * MIN,
      state: 'calm',
    });
  });

  it('snooze pushes the due time while in the future, and overdue counts from its end', () => {
    // Engineering due 14:30; at 14:32 (overdue 2 min) snoozed 5 min → until 14:37.
    const at1432 = T0 + 32 * MIN;
    const { snoozedUntil } = snooze({ dueAt: T0 + 30 * MIN }, 5, at1432);
    expect(snoozedUntil).toBe(T0 + 37 * MIN);
    const inc = incident({
      cadence: {
        ...emptyAudienceCadence(),
        engineering: { lastSentAt: null, snoozedUntil, snoozeReason: 'waiting for vendor' },
      },
    });
    expect(due(inc, at1432)).toMatchObject({
      state: 'snoozed',
      dueAt: snoozedUntil,
      remainingMs: 5 * MIN,
    });
    expect(due(inc, T0 + 36 * MIN)).toMatchObject({ state: 'snoozed', remainingMs: MIN });
    expect(due(inc, T0 + 37 * MIN + 1_000)).toMatchObject({ state: 'overdue', overdueMs: 1_000 });
  });

  it('a snooze earlier than the due time changes nothing', () => {
    const inc = withSent(incident(), 'engineering', T0 + 20 * MIN, T0 + 25 * MIN);
    expect(due(inc, T0 + 21 * MIN)).toMatchObject({ state: 'calm', dueAt: T0 + 50 * MIN });
  });

  it('snooze() starts from the due time when not yet due, for 5, 10 and 15 minutes', () => {
    expect(snooze({ dueAt: T0 + 10 * MIN }, 5, T0).snoozedUntil).toBe(T0 + 15 * MIN);
    expect(snooze({ dueAt: T0 }, 10, T0 + MIN).snoozedUntil).toBe(T0 + 11 * MIN);
    expect(snooze({ dueAt: T0 }, 15, T0).snoozedUntil).toBe(T0 + 15 * MIN);
  });

  it('clock jumping back before the last update: remaining clamps to the cadence, since to 0', () => {
    const inc = withSent(incident({ severity: 'SEV1' }), 'engineering', T0 + 10 * MIN);
    expect(due(inc, T0 - HOUR)).toMatchObject({
      remainingMs: 15 * MIN,
      sinceLastMs: 0,
      overdueMs: 0,
      state: 'calm',
    });
    expect(sinceLastText(due(inc, T0 - HOUR)!)).toBe('It has been 0 seconds since the last update');
  });

  it('clock jumping forward just makes it overdue by the jump', () => {
    const inc = incident({ severity: 'SEV1' });
    expect(due(inc, T0 + 3 * HOUR)).toMatchObject({
      state: 'overdue',
      overdueMs: 3 * HOUR - 15 * MIN,
    });
  });

  it('is exact across a DST change in a named zone (all math is epoch ms)', () => {
    // Europe/London springs forward at 01:00 UTC on 2026-03-29: 00:55 GMT is followed by 02:00 BST.
    const sent = Date.UTC(2026, 2, 29, 0, 50);
    const inc = withSent(
      incident({ severity: 'SEV1', milestones: { declared: sent } }),
      'engineering',
      sent,
    );
    const d = due(inc, Date.UTC(2026, 2, 29, 0, 55))!;
    expect(d.remainingMs).toBe(10 * MIN);
    const london = (t: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeStyle: 'short' }).format(t);
    expect(london(sent)).toBe('00:50');
    expect(london(d.dueAt)).toBe('02:05'); // 75 wall-clock minutes later, but 15 real ones
    expect(d.dueAt - sent).toBe(15 * MIN);
    expect(due(inc, Date.UTC(2026, 2, 29, 1, 5))?.state).toBe('overdue');
  });

  it('customers only while customer-facing (null otherwise)', () => {
    const inc = incident({ impact: { customerFacing: false } });
    expect(due(inc, T0, 'customers')).toBeNull();
    expect(activeAudiences(inc)).toEqual(['engineering', 'executives']);
    const toggled = { ...inc, impact: { customerFacing: true } };
    expect(due(toggled, T0, 'customers')?.state).toBe('calm');
    expect(activeAudiences(toggled)).toEqual(['engineering', 'executives', 'customers']);
  });

  it('resolved stops every countdown; the Resolved message is due until sent after resolution', () => {
    const resolvedAt = T0 + 2 * HOUR;
    const base = incident({
      status: 'resolved',
      milestones: { declared: T0, resolved: resolvedAt },
    });
    const before = withSent(base, 'engineering', resolvedAt - MIN);
    expect(due(before, resolvedAt + 5 * HOUR)).toMatchObject({
      state: 'stopped',
      remainingMs: 0,
      overdueMs: 0,
      resolvedMessageDue: true,
    });
    expect(due(base, resolvedAt, 'executives')?.resolvedMessageDue).toBe(true);
    const after = withSent(base, 'engineering', resolvedAt);
    expect(due(after, resolvedAt + MIN)?.resolvedMessageDue).toBe(false);
  });
});

describe('texts', () => {
  it('timerText', () => {
    expect(
      timerText({
        state: 'calm',
        remainingMs: 12 * MIN + 4_000,
        overdueMs: 0,
        resolvedMessageDue: false,
      }),
    ).toBe('12:04');
    expect(
      timerText({
        state: 'due-soon',
        remainingMs: 59_999,
        overdueMs: 0,
        resolvedMessageDue: false,
      }),
    ).toBe('0:59');
    expect(
      timerText({
        state: 'snoozed',
        remainingMs: 5 * MIN,
        overdueMs: 0,
        resolvedMessageDue: false,
      }),
    ).toBe('5:00');
    expect(
      timerText({
        state: 'overdue',
        remainingMs: 0,
        overdueMs: 185_000,
        resolvedMessageDue: false,
      }),
    ).toBe('Overdue by 3 min 5 s');
    // From an hour on, a countdown is a duration: "2:00:00" could be read as a time of day.
    expect(
      timerText({ state: 'calm', remainingMs: 2 * HOUR, overdueMs: 0, resolvedMessageDue: false }),
    ).toBe('2 h');
    expect(
      timerText({
        state: 'calm',
        remainingMs: HOUR + 2 * MIN + 3_000,
        overdueMs: 0,
        resolvedMessageDue: false,
      }),
    ).toBe('1 h 2 min');
    expect(
      timerText({
        state: 'overdue',
        remainingMs: 0,
        overdueMs: 111 * HOUR + 46 * MIN,
        resolvedMessageDue: false,
      }),
    ).toBe('Overdue by 4 d 15 h 46 min');
    expect(
      timerText({ state: 'stopped', remainingMs: 0, overdueMs: 0, resolvedMessageDue: true }),
    ).toBe('Resolved message due');
    expect(
      timerText({ state: 'stopped', remainingMs: 0, overdueMs: 0, resolvedMessageDue: false }),
    ).toBe('Stopped');
  });

  it.each([
    [0, 'last-update', 'It has been 0 seconds since the last update'],
    [MIN, 'last-update', 'It has been 1 minute since the last update'],
    [2 * MIN + 30_000, 'last-update', 'It has been 2 minutes 30 seconds since the last update'],
    [17 * MIN + 59_000, 'declared', 'It has been 18 minutes since declaration'],
    [HOUR, 'last-update', 'It has been 1 hour since the last update'],
    [2 * HOUR + 5 * MIN, 'last-update', 'It has been 2 hours 5 minutes since the last update'],
    [24 * HOUR + 44 * MIN, 'declared', 'It has been 1 day 0 hours 44 minutes since declaration'],
    [3 * 24 * HOUR + 4 * HOUR, 'declared', 'It has been 3 days 4 hours since declaration'],
  ] as const)('sinceLastText(%d, %s)', (sinceLastMs, anchor, text) => {
    expect(sinceLastText({ sinceLastMs, anchor })).toBe(text);
  });

  it('spanInWords never goes negative', () => {
    expect(spanInWords(-5)).toBe('0 seconds');
  });
});

describe('replanAfterSeverityChange', () => {
  it('raising severity shortens the cadence from the same anchors', () => {
    // SEV3, declared 14:00, executives updated 14:40; at 14:50 raised to SEV1.
    const inc = withSent(incident({ severity: 'SEV3' }), 'executives', T0 + 40 * MIN);
    const plan = replanAfterSeverityChange(inc, 'SEV1', T0 + 50 * MIN);
    expect(plan.cadenceMs).toBe(15 * MIN);
    expect(plan.audiences.map((a) => [a.audience, a.dueAt, a.state])).toEqual([
      ['engineering', T0 + 15 * MIN, 'overdue'],
      ['executives', T0 + 55 * MIN, 'calm'],
      ['customers', T0 + 15 * MIN, 'overdue'],
    ]);
    expect(plan.text).toBe(
      'Update cadence is now every 15 minutes. Next updates: Engineering due now; ' +
        'Executives 14:55 UTC (in 5 minutes); Customers due now.',
    );
  });

  it('lowering severity lengthens it, and honours settings and the zone', () => {
    const inc = withSent(
      incident({ severity: 'SEV1', impact: { customerFacing: false } }),
      'engineering',
      T0 + 10 * MIN,
    );
    const plan = replanAfterSeverityChange(inc, 'SEV4', T0 + 12 * MIN, {
      cadenceMinutes: { SEV4: 60 },
    });
    expect(plan.audiences.map((a) => a.audience)).toEqual(['engineering', 'executives']);
    expect(plan.audiences[0]).toMatchObject({ dueAt: T0 + 70 * MIN, remainingMs: 58 * MIN });
    expect(plan.text).toMatch(
      /^Update cadence is now every hour\. Next updates: Engineering 15:10 UTC \(in 58 minutes\); Executives 15:00 UTC/,
    );
    expect(replanAfterSeverityChange(inc, 'SEV4', T0).text).toMatch(/every day\./);
  });
});

describe('overdueCount', () => {
  it('counts overdue countdowns across active incidents, not snoozed or resolved ones', () => {
    const now = T0 + 31 * MIN;
    const a = incident(); // SEV2: engineering, executives, customers all overdue at 14:31
    const b = withSent(
      incident({ impact: { customerFacing: false } }),
      'engineering',
      T0 + 20 * MIN,
    ); // executives only
    const c = withSent(incident(), 'engineering', T0, now + 5 * MIN); // snoozed engineering → 2
    const d = incident({ status: 'resolved', milestones: { declared: T0, resolved: T0 + MIN } });
    expect(overdueCount([a], now)).toBe(3);
    expect(overdueCount([a, b, c, d], now)).toBe(3 + 1 + 2);
    expect(overdueCount([a], now, { cadenceMinutes: { SEV2: 60 } })).toBe(0);
    expect(overdueCount([], now)).toBe(0);
  });
});

describe('snooze lengths and the next update time', () => {
  it.each([
    ['45', 45],
    ['45 min', 45],
    ['2 h', 120],
    ['2h', 120],
    ['1 h 30 min', 90],
    ['1h30m', 90],
    ['1.5 hours', 90],
    ['1:20', 80],
    ['6 h', 360],
  ])('reads %j as %d minutes', (text, minutes) => {
    expect(parseSnoozeLength(text)).toEqual({ minutes });
  });

  it.each(['', 'soon', '0', '6 h 1 min', '7 h', '-5', '1:75', '0:99', '1e3', 'Infinity'])(
    'refuses %j with a reason',
    (text) => {
      expect(parseSnoozeLength(text)).toHaveProperty('error');
    },
  );

  it('labels the offered lengths, up to 6 hours', () => {
    expect(SNOOZE_MINUTES.map(snoozeLabel)).toEqual([
      '5 minutes',
      '10 minutes',
      '15 minutes',
      '30 minutes',
      '1 hour',
      '90 minutes',
      '2 hours',
      '3 hours',
      '4 hours',
      '6 hours',
    ]);
    expect(SNOOZE_MINUTES.every(isSnoozeMinutes)).toBe(true);
    expect([0, 361, 1.5].some(isSnoozeMinutes)).toBe(false);
  });

  it('a 2-hour snooze ends 2 hours after the due time', () => {
    expect(snooze({ dueAt: T0 + 15 * MIN }, 120, T0).snoozedUntil).toBe(T0 + 135 * MIN);
  });

  it('reads HH:MM as its next occurrence, today or tomorrow', () => {
    const now = Date.UTC(2026, 10, 22, 14, 5);
    expect(nextTimeOfDay('16:30', now, 'utc')).toEqual({ at: Date.UTC(2026, 10, 22, 16, 30) });
    expect(nextTimeOfDay('09:00', now, 'utc')).toEqual({ at: Date.UTC(2026, 10, 23, 9, 0) });
    expect(nextTimeOfDay('14:05', now, 'utc')).toEqual({ at: Date.UTC(2026, 10, 23, 14, 5) });
    expect(nextTimeOfDay('25:00', now, 'utc')).toHaveProperty('error');
    expect(nextTimeOfDay('', now, 'utc')).toHaveProperty('error');
  });

  it('the override replaces the cadence, and a snooze still pushes it', () => {
    const at = T0 + 2 * HOUR;
    const base = incident({ severity: 'SEV1' });
    const inc = {
      ...base,
      cadence: {
        engineering: {
          lastSentAt: null,
          snoozedUntil: null,
          snoozeReason: null,
          nextUpdateAt: at,
          nextUpdateReason: 'r',
        },
      },
    };
    expect(audienceDue(inc, 'engineering', T0 + HOUR, 15 * MIN)).toMatchObject({
      dueAt: at,
      state: 'calm',
      remainingMs: HOUR,
    });
    expect(nextUpdateOverride(inc.cadence.engineering)).toEqual({ at, reason: 'r' });
    expect(
      nextUpdateOverride({ lastSentAt: null, snoozedUntil: null, snoozeReason: null }),
    ).toBeNull();
  });
});
