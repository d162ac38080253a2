import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { audienceDue, timerText } from '../../../shared/logic/cadence';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { markUpdateSent, recordUpdateSent, setNextUpdateAt, snoozeReminder } from './cadence';
import { changeStatus, declareIncident } from './incidents';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = (now = NOW) => ({ now, author: 'Alice' });
const SEV1_MS = 15 * MIN;

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

async function declareSev1() {
  return declareIncident(db, { title: 'Checkout down', severity: 'SEV1', startedAt: NOW }, ctx());
}

async function engineering(id: string, now: number) {
  const inc = await db.incidents.get(id);
  if (!inc) throw new Error('missing');
  return audienceDue(inc, 'engineering', now, SEV1_MS);
}

describe('recordUpdateSent', () => {
  it('restarts the countdown and ends a snooze, without writing an entry', async () => {
    const inc = await declareSev1();
    await snoozeReminder(db, inc.id, 'engineering', 5, 'On a call', ctx(NOW + 16 * MIN));
    await recordUpdateSent(db, inc.id, 'engineering', ctx(NOW + 17 * MIN));
    const after = await db.incidents.get(inc.id);
    expect(after?.cadence.engineering).toEqual({
      lastSentAt: NOW + 17 * MIN,
      snoozedUntil: null,
      snoozeReason: null,
    });
    expect(timerText((await engineering(inc.id, NOW + 17 * MIN))!)).toBe('15:00');
    const comms = await db.timelineEntries.filter((e) => e.kind === 'comms').count();
    expect(comms).toBe(0);
  });

  it('never moves the countdown back for an older (backdated) update', async () => {
    const inc = await declareSev1();
    await recordUpdateSent(db, inc.id, 'executives', ctx(NOW + 10 * MIN));
    await recordUpdateSent(db, inc.id, 'executives', ctx(NOW + 12 * MIN), NOW + 5 * MIN);
    expect((await db.incidents.get(inc.id))?.cadence.executives?.lastSentAt).toBe(NOW + 10 * MIN);
  });
});

describe('markUpdateSent', () => {
  it('logs a comms entry for the audience and resets its countdown, atomically', async () => {
    const inc = await declareSev1();
    expect(timerText((await engineering(inc.id, NOW + 17 * MIN))!)).toBe('Overdue by 2 min');
    await markUpdateSent(db, inc.id, 'engineering', ctx(NOW + 17 * MIN));
    expect(timerText((await engineering(inc.id, NOW + 17 * MIN))!)).toBe('15:00');
    const entry = await db.timelineEntries.filter((e) => e.kind === 'comms').first();
    expect(entry).toMatchObject({
      audience: 'engineering',
      text: 'Update sent to Engineering (marked as sent)',
      occurredAt: NOW + 17 * MIN,
    });
  });

  it('clears "Resolved message due" once marked after resolution', async () => {
    const inc = await declareSev1();
    await changeStatus(db, inc.id, 'resolved', ctx(NOW + 20 * MIN), 'Rolled back');
    expect((await engineering(inc.id, NOW + 21 * MIN))?.resolvedMessageDue).toBe(true);
    const entry = await markUpdateSent(db, inc.id, 'engineering', ctx(NOW + 21 * MIN));
    expect(entry.text).toBe('Resolved message sent to Engineering (marked as sent)');
    expect((await engineering(inc.id, NOW + 22 * MIN))?.resolvedMessageDue).toBe(false);
  });

  it('writes nothing for an incident that does not exist', async () => {
    await expect(markUpdateSent(db, 'nope', 'engineering', ctx())).rejects.toThrow(/no longer/);
    expect(await db.timelineEntries.count()).toBe(0);
  });
});

describe('snoozeReminder', () => {
  it('pushes the due time and records the reason on the timeline', async () => {
    const inc = await declareSev1();
    // Due at 14:15; snoozing 10 min at 14:14 pushes it to 14:25.
    await snoozeReminder(
      db,
      inc.id,
      'engineering',
      10,
      ' Waiting for the rollback ',
      ctx(NOW + 14 * MIN),
    );
    const after = await db.incidents.get(inc.id);
    expect(after?.cadence.engineering?.snoozedUntil).toBe(NOW + 25 * MIN);
    expect(after?.cadence.engineering?.snoozeReason).toBe('Waiting for the rollback');
    const due = await engineering(inc.id, NOW + 16 * MIN);
    expect(due?.state).toBe('snoozed');
    expect(timerText(due!)).toBe('9:00');
    const entry = await db.timelineEntries.filter((e) => e.change?.type === 'snooze').first();
    expect(entry?.text).toBe(
      'Engineering update reminder snoozed for 10 min (until 14:25 UTC). Reason: Waiting for the rollback',
    );
    expect(entry?.change).toMatchObject({ field: 'engineering', to: String(NOW + 25 * MIN) });
  });

  it('snoozes an overdue reminder from now', async () => {
    const inc = await declareSev1();
    await snoozeReminder(db, inc.id, 'executives', 5, 'CTO in the room', ctx(NOW + 20 * MIN));
    expect((await db.incidents.get(inc.id))?.cadence.executives?.snoozedUntil).toBe(NOW + 25 * MIN);
  });

  it('requires a reason and a length of 1 minute to 6 hours, and writes nothing otherwise', async () => {
    const inc = await declareSev1();
    await expect(snoozeReminder(db, inc.id, 'engineering', 5, '  ', ctx())).rejects.toMatchObject({
      field: 'reason',
    });
    for (const minutes of [0, -5, 2.5, 361, Number.NaN])
      await expect(
        snoozeReminder(db, inc.id, 'engineering', minutes, 'why not', ctx()),
      ).rejects.toMatchObject({ field: 'minutes' });
    expect((await db.incidents.get(inc.id))?.cadence.engineering?.snoozedUntil).toBeNull();
    expect(await db.timelineEntries.count()).toBe(1);
  });

  it('refuses the customer reminder when not customer-facing, and any once resolved', async () => {
    const inc = await declareSev1();
    await expect(snoozeReminder(db, inc.id, 'customers', 5, 'n/a', ctx())).rejects.toMatchObject({
      field: 'audience',
    });
    await changeStatus(db, inc.id, 'resolved', ctx(NOW + MIN), 'Fixed');
    await expect(
      snoozeReminder(db, inc.id, 'engineering', 5, 'n/a', ctx(NOW + 2 * MIN)),
    ).rejects.toThrow(/resolved/);
  });

  it('follows the cadence set in Settings', async () => {
    await db.settings.put({
      key: 'cadenceMinutes',
      value: { SEV1: 5, SEV2: 30, SEV3: 120, SEV4: 1440 },
    });
    const inc = await declareSev1();
    await snoozeReminder(db, inc.id, 'engineering', 5, 'On it', ctx(NOW + MIN));
    // Due at 14:05 with a 5-minute cadence; the snooze ends 5 minutes later.
    expect((await db.incidents.get(inc.id))?.cadence.engineering?.snoozedUntil).toBe(
      NOW + 10 * MIN,
    );
  });
});

describe('long incidents: snooze for hours, and a hand-set next update time', () => {
  it('snoozes for 2 hours (and 7 minutes, any whole length) from the due time', async () => {
    const inc = await declareSev1();
    // Due 14:15; a 2-hour snooze at 14:10 runs to 16:15.
    await snoozeReminder(db, inc.id, 'engineering', 120, 'Restore running', ctx(NOW + 10 * MIN));
    expect((await db.incidents.get(inc.id))?.cadence.engineering?.snoozedUntil).toBe(
      NOW + 135 * MIN,
    );
    const entry = await db.timelineEntries.filter((e) => e.change?.type === 'snooze').first();
    expect(entry?.text).toBe(
      'Engineering update reminder snoozed for 2 h (until 16:15 UTC). Reason: Restore running',
    );
    await snoozeReminder(db, inc.id, 'executives', 7, 'Odd length', ctx(NOW + 10 * MIN));
    expect((await db.incidents.get(inc.id))?.cadence.executives?.snoozedUntil).toBe(NOW + 22 * MIN);
  });

  it('runs the countdown to the set time until the next update is sent', async () => {
    const inc = await declareSev1();
    const at = NOW + 3 * 60 * MIN; // 17:00, well past the 15-minute cadence
    await setNextUpdateAt(db, inc.id, 'executives', at, ' Promised at 17:00 ', ctx(NOW + 5 * MIN));
    const entry = await db.timelineEntries.filter((e) => e.change?.type === 'cadence').first();
    expect(entry?.text).toBe(
      'Next Executives update set for 17:00 UTC (in 2 hours 55 minutes). Reason: Promised at 17:00',
    );
    expect(entry?.change).toMatchObject({
      field: 'executives',
      to: String(at),
      reason: 'Promised at 17:00',
    });
    const read = async (now: number) => {
      const i = await db.incidents.get(inc.id);
      return i ? audienceDue(i, 'executives', now, SEV1_MS) : null;
    };
    expect(await read(NOW + 60 * MIN)).toMatchObject({ state: 'calm', dueAt: at });
    expect(await read(at + MIN)).toMatchObject({ state: 'overdue', overdueMs: MIN });
    // Engineering keeps its cadence.
    expect((await engineering(inc.id, NOW + 60 * MIN))?.state).toBe('overdue');
    // Sending an update ends the override: back to the cadence from that update.
    await recordUpdateSent(db, inc.id, 'executives', ctx(NOW + 70 * MIN));
    expect(await read(NOW + 71 * MIN)).toMatchObject({ dueAt: NOW + 85 * MIN });
  });

  it('refuses a past time, more than a day ahead, or no reason', async () => {
    const inc = await declareSev1();
    await expect(
      setNextUpdateAt(db, inc.id, 'engineering', NOW - MIN, 'late', ctx()),
    ).rejects.toMatchObject({ field: 'at' });
    await expect(
      setNextUpdateAt(db, inc.id, 'engineering', NOW + 25 * 60 * MIN, 'far', ctx()),
    ).rejects.toMatchObject({ field: 'at' });
    await expect(
      setNextUpdateAt(db, inc.id, 'engineering', NOW + 60 * MIN, ' ', ctx()),
    ).rejects.toMatchObject({ field: 'reason' });
    expect(await db.timelineEntries.count()).toBe(1);
  });
});
