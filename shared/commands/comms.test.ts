import { describe, expect, it } from 'vitest';
import { ENTRY_TEXT_MAX } from '../domain/timeline';
import { rowsOf } from './change-set';
import { commsEntryText, sendUpdate, type SendUpdateInput } from './comms';
import { anIncident, ctx, NOW } from './test-fixtures';

const inc = anIncident();
const input = (patch: Partial<SendUpdateInput> = {}): SendUpdateInput => ({
  incidentId: inc.id,
  audience: 'executives',
  type: 'update',
  subject: '[SEV2 UPDATE] Checkout',
  body: 'Body',
  format: 'rich',
  ...patch,
});

describe('commsEntryText', () => {
  it.each([
    [input(), 'Status update sent to Executives (copied as rich text): [SEV2 UPDATE] Checkout'],
    [
      input({ format: 'file', subject: 'a\n  b' }),
      'Status update sent to Executives (saved as Markdown): a b',
    ],
  ])('%#', (i, text) => {
    expect(commsEntryText(i)).toBe(text);
  });

  it('cuts an over-long line with an ellipsis', () => {
    const text = commsEntryText(input({ subject: 'x'.repeat(ENTRY_TEXT_MAX) }));
    expect(text).toHaveLength(ENTRY_TEXT_MAX);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('sendUpdate', () => {
  it.each([
    [inc, input({ subject: ' ' }), 'subject'],
    [inc, input({ body: '\n' }), 'message'],
    [undefined, input(), undefined],
  ])('refuses (%#)', (found, i, field) => {
    expect(() => sendUpdate(found, i, ctx())).toThrow(expect.objectContaining({ field }));
  });

  it('adds the row, its one-line entry pointing to it, and restarts the countdown', () => {
    const { changes, result } = sendUpdate(inc, input(), ctx());
    expect(changes.commsUpdates?.added).toEqual([result]);
    expect(rowsOf(changes, 'timelineEntries')[0]).toMatchObject({
      kind: 'comms',
      audience: 'executives',
      commsUpdateId: result.id,
    });
    expect(rowsOf(changes, 'incidents')[0]!.cadence.executives?.lastSentAt).toBe(NOW);
  });
});
