import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { recordUpdateSent, setNextUpdateAt, snoozeReminder, withUpdateSent } from './cadence';
import { rowsOf } from './change-set';
import { anIncident, ctx, MIN, NOW, unrecorded } from './test-fixtures';

const sev1 = () => anIncident({ severity: 'SEV1' });

describe('withUpdateSent / recordUpdateSent', () => {
  it('restarts the countdown, ends a snooze, never moves back', () => {
    const inc = sev1();
    const snoozed = snoozeReminder(
      inc,
      DEFAULT_SETTINGS,
      { audience: 'engineering', minutes: 5, reason: 'x' },
      ctx(NOW + 16 * MIN),
    ).result;
    expect(withUpdateSent(snoozed, 'engineering', ctx(NOW + 17 * MIN)).cadence.engineering).toEqual(
      {
        lastSentAt: NOW + 17 * MIN,
        snoozedUntil: null,
        snoozeReason: null,
      },
    );
    const sent = withUpdateSent(inc, 'executives', ctx(NOW + 10 * MIN));
    expect(
      withUpdateSent(sent, 'executives', ctx(NOW + 12 * MIN), NOW + 5 * MIN).cadence.executives
        ?.lastSentAt,
    ).toBe(NOW + 10 * MIN);
  });

  it('writes no entry, and refuses a gone incident', () => {
    expect(
      rowsOf(recordUpdateSent(sev1(), 'engineering', ctx()).changes, 'timelineEntries'),
    ).toEqual([]);
    expect(() => recordUpdateSent(undefined, 'engineering', ctx())).toThrow(
      'This incident no longer exists.',
    );
  });
});

describe('snoozeReminder', () => {
  it.each([
    [sev1(), 0, 'x', 'minutes'],
    [sev1(), 1.5, 'x', 'minutes'],
    [sev1(), 5, ' ', 'reason'],
    [undefined, 5, 'x', undefined],
    [anIncident({ severity: 'SEV1', status: 'resolved' }), 5, 'x', 'audience'],
  ])('refuses (%#)', (found, minutes, reason, field) => {
    expect(() =>
      snoozeReminder(found, DEFAULT_SETTINGS, { audience: 'engineering', minutes, reason }, ctx()),
    ).toThrow(expect.objectContaining({ field }));
  });

  it('snoozes from the due time and records it', () => {
    const inc = sev1();
    const { changes, result } = snoozeReminder(
      inc,
      DEFAULT_SETTINGS,
      { audience: 'engineering', minutes: 10, reason: ' On a call ' },
      ctx(NOW + MIN),
    );
    expect(result.cadence.engineering).toMatchObject({
      snoozedUntil: NOW + 25 * MIN,
      snoozeReason: 'On a call',
    });
    const [entry] = rowsOf(changes, 'timelineEntries');
    expect(entry!.change).toMatchObject({
      type: 'snooze',
      field: 'engineering',
      to: String(NOW + 25 * MIN),
    });
    expect(entry!.text).toMatch(
      /^Engineering update reminder snoozed for 10 min \(until .*\)\. Reason: On a call$/,
    );
    expect(unrecorded(changes, inc)).toEqual([]);
  });
});

describe('setNextUpdateAt', () => {
  it.each([
    [NOW, 'x', 'at'],
    [NOW + 25 * 60 * MIN, 'x', 'at'],
    [NOW + 30 * MIN, '', 'reason'],
  ])('refuses at %d with reason %j', (at, reason, field) => {
    expect(() =>
      setNextUpdateAt(sev1(), DEFAULT_SETTINGS, { audience: 'executives', at, reason }, ctx()),
    ).toThrow(expect.objectContaining({ field }));
  });

  it('plans the next update, ends a snooze and records it', () => {
    const { changes, result } = setNextUpdateAt(
      sev1(),
      DEFAULT_SETTINGS,
      { audience: 'executives', at: NOW + 30 * MIN, reason: 'After the rollback' },
      ctx(),
    );
    expect(result.cadence.executives).toEqual({
      lastSentAt: null,
      snoozedUntil: null,
      snoozeReason: null,
      nextUpdateAt: NOW + 30 * MIN,
      nextUpdateReason: 'After the rollback',
    });
    expect(rowsOf(changes, 'timelineEntries')[0]!.text).toBe(
      'Next Executives update set for 14:30 UTC (in 30 minutes). Reason: After the rollback',
    );
  });
});
