import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WarroomDb } from '../schema';
import { failWritesTo } from '../test-db';
import { ctx, dbWithIncident, NOW } from '../testing';
import { commsEntryText, listCommsUpdates, sendUpdate, type SendUpdateInput } from './comms';
import { snoozeReminder } from './cadence';

let db: WarroomDb;
let incidentId: string;
beforeEach(async () => {
  ({ db, incidentId } = await dbWithIncident({
    title: 'Checkout API errors',
    severity: 'SEV1',
    startedAt: NOW - 600_000,
  }));
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const input = (over: Partial<SendUpdateInput> = {}): SendUpdateInput => ({
  incidentId,
  audience: 'executives',
  type: 'update',
  subject: '[SEV1 UPDATE] checkout-api — Identified',
  body: '**Status:** Identified\n## Next update\nNext update at 14:25 UTC (in 15 minutes).',
  format: 'rich',
  ...over,
});

describe('sendUpdate', () => {
  it('writes the comms row, ONE comms line pointing to it, and resets the countdown', async () => {
    await snoozeReminder(db, incidentId, 'executives', 10, 'On a call', ctx(NOW + 14 * 60_000));
    const at = NOW + 20 * 60_000;
    const update = await sendUpdate(db, input(), ctx(at));

    expect(await db.commsUpdates.toArray()).toEqual([update]);
    expect(update).toMatchObject({
      audience: 'executives',
      type: 'update',
      sentAt: at,
      format: 'rich',
    });
    const entries = await db.timelineEntries.where('incidentId').equals(incidentId).toArray();
    const comms = entries.filter((e) => e.kind === 'comms');
    expect(comms).toHaveLength(1);
    expect(comms[0]?.audience).toBe('executives');
    // Issue 11 §5: one line (type, audience, subject); the full text is in the comms row.
    expect(comms[0]?.text).toBe(
      'Status update sent to Executives (copied as rich text): [SEV1 UPDATE] checkout-api — Identified',
    );
    expect(comms[0]?.commsUpdateId).toBe(update.id);
    expect((await db.commsUpdates.get(update.id))?.body).toContain('Next update at 14:25 UTC');
    const inc = await db.incidents.get(incidentId);
    expect(inc?.cadence.executives).toEqual({
      lastSentAt: at,
      snoozedUntil: null,
      snoozeReason: null,
    });
    // Other audiences keep their own countdowns.
    expect(inc?.cadence.engineering?.lastSentAt).toBeNull();
  });

  it('writes nothing when any part of the transaction fails', async () => {
    const undo = failWritesTo('timelineEntries', new Error('disk full'));
    try {
      await expect(sendUpdate(db, input(), ctx(NOW + 60_000))).rejects.toThrow('disk full');
    } finally {
      undo();
    }
    expect(await db.commsUpdates.count()).toBe(0);
    expect((await db.incidents.get(incidentId))?.cadence.executives?.lastSentAt).toBeNull();
    expect((await db.timelineEntries.toArray()).filter((e) => e.kind === 'comms')).toEqual([]);
  });

  it('refuses an empty subject or message, and an unknown incident, writing nothing', async () => {
    await expect(sendUpdate(db, input({ subject: '  ' }), ctx())).rejects.toMatchObject({
      field: 'subject',
    });
    await expect(sendUpdate(db, input({ body: '\n' }), ctx())).rejects.toMatchObject({
      field: 'message',
    });
    await expect(sendUpdate(db, input({ incidentId: 'nope' }), ctx())).rejects.toThrow(
      'no longer exists',
    );
    expect(await db.commsUpdates.count()).toBe(0);
  });

  it('records a message that still states a placeholder only once the sender confirmed it', async () => {
    const body = 'Mitigating: [Public summary not written yet]';
    const refused = sendUpdate(db, input({ body }), ctx());
    await expect(refused).rejects.toMatchObject({ field: 'message' });
    await expect(refused).rejects.toThrow('[Public summary not written yet]');
    expect(await db.commsUpdates.count()).toBe(0);
    expect((await db.incidents.get(incidentId))?.cadence.executives?.lastSentAt).toBeNull();
    await sendUpdate(db, input({ body, confirmedPlaceholders: true }), ctx(NOW + 1000));
    expect((await listCommsUpdates(db, incidentId)).map((u) => u.body)).toEqual([body]);
  });

  it('lists sent updates newest first', async () => {
    await sendUpdate(db, input({ audience: 'engineering' }), ctx(NOW + 1000));
    await sendUpdate(db, input({ format: 'file' }), ctx(NOW + 2000));
    const list = await listCommsUpdates(db, incidentId);
    expect(list.map((u) => [u.audience, u.format])).toEqual([
      ['executives', 'file'],
      ['engineering', 'rich'],
    ]);
  });
});

describe('commsEntryText', () => {
  it('is one line whatever the message, and keeps a very long subject within the entry limit', () => {
    const line = commsEntryText(input({ body: 'a\n\nb\n'.repeat(50), subject: 'Two\nlines' }));
    expect(line).toBe('Status update sent to Executives (copied as rich text): Two lines');
    const text = commsEntryText(input({ subject: 'x'.repeat(30_000) }));
    expect(text.length).toBe(20_000);
    expect(text.endsWith('…')).toBe(true);
  });
});
