import { describe, expect, it } from 'vitest';
import { ENTRY_TEXT_MAX } from '../domain/timeline';
import { rowsOf } from './change-set';
import {
  checkSendable,
  commsEntryText,
  logComms,
  markUpdateSent,
  sendUpdate,
  UnfilledPlaceholdersError,
  unfilledSentence,
  type SendUpdateInput,
} from './comms';
import { RepoError } from './refusal';
import { AUDIENCES } from '../domain/audience';
import { anIncident, ctx, MIN, NOW } from './test-fixtures';

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

describe('sendUpdate: a message still stating a placeholder', () => {
  const MISSING = '[Public summary not written yet]';
  it.each([
    // [what, patch, placeholders named in the refusal]
    ['the missing Public summary in the message', { body: `Mitigating: ${MISSING}` }, [MISSING]],
    [
      'an unfilled {{name}} in the subject',
      { subject: '[SEV2] {{service}} down' },
      ['{{service}}'],
    ],
    [
      'several, subject first, each once',
      { subject: 'ETA {{eta}}', body: `Owner: [Owner not set yet]\nETA {{eta}}` },
      ['{{eta}}', '[Owner not set yet]'],
    ],
    [
      'confirmedPlaceholders false is not a confirmation',
      { body: MISSING, confirmedPlaceholders: false },
      [MISSING],
    ],
  ])('is refused on the message field: %s', (_, patch, placeholders) => {
    let thrown: unknown;
    try {
      sendUpdate(inc, input(patch), ctx());
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RepoError);
    expect(thrown).toBeInstanceOf(UnfilledPlaceholdersError);
    const refusal = thrown as UnfilledPlaceholdersError;
    expect(refusal.field).toBe('message');
    expect(refusal.placeholders).toEqual(placeholders);
    expect(refusal.message).toBe(unfilledSentence(placeholders));
    for (const p of placeholders) expect(refusal.message).toContain(p);
  });

  it.each([
    ['confirmed with Copy anyway / Save anyway', { body: MISSING, confirmedPlaceholders: true }],
    ['no placeholder: brackets and braces that are not one', { body: 'Retry [x] {not} a {{ }}' }],
    [
      'no placeholder, confirmation not needed',
      { body: 'Degraded.', confirmedPlaceholders: false },
    ],
  ])('is recorded as written: %s', (_, patch) => {
    const { changes, result } = sendUpdate(inc, input(patch), ctx());
    expect(changes.commsUpdates?.added).toEqual([result]);
    expect(result.body).toBe(patch.body);
    expect(result).not.toHaveProperty('confirmedPlaceholders');
  });

  it('checks subject and message emptiness first, as the composer sees them', () => {
    expect(() => checkSendable({ subject: ' ', body: MISSING })).toThrow(
      expect.objectContaining({ field: 'subject' }),
    );
    expect(checkSendable({ subject: ' S ', body: MISSING, confirmedPlaceholders: true })).toBe('S');
  });

  it.each([
    [[MISSING], `The message still says ${MISSING} instead of a fact.`],
    [['{{a}}', '{{b}}'], 'The message still says {{a}} and {{b}} instead of facts.'],
    [
      ['{{a}}', '{{b}}', '{{c}}'],
      'The message still says {{a}}, {{b}} and {{c}} instead of facts.',
    ],
  ])('names them in a plain sentence: %j', (found, sentence) => {
    expect(unfilledSentence(found)).toBe(sentence);
  });
});

/** What every way of recording a sent update must leave behind, whichever way it came. */
function expectRecorded(
  changes: ReturnType<typeof sendUpdate>['changes'],
  audience: (typeof AUDIENCES)[number],
  at: number,
) {
  const [row] = changes.commsUpdates?.added ?? [];
  expect(row).toMatchObject({ audience, sentAt: at, incidentId: inc.id });
  const [entry] = rowsOf(changes, 'timelineEntries');
  expect(entry).toMatchObject({ kind: 'comms', audience, occurredAt: at });
  expect(rowsOf(changes, 'incidents')[0]!.cadence[audience]?.lastSentAt).toBe(at);
  return { row: row!, entry: entry! };
}

describe.each(AUDIENCES)('every way of recording an update to %s counts the same', (audience) => {
  it('the composer', () => {
    const { changes, result } = sendUpdate(inc, input({ audience }), ctx());
    const { row, entry } = expectRecorded(changes, audience, NOW);
    expect(row).toEqual(result);
    expect(entry.commsUpdateId).toBe(result.id);
  });

  it('/comms on the log line, with or without a summary, backdated or not', () => {
    const { changes, result } = logComms(inc, { audience, summary: ' ETA  30 min ' }, ctx());
    const { row, entry } = expectRecorded(changes, audience, NOW);
    expect(entry).toEqual(result);
    // It records what was typed and nothing more: no message Warroom never saw.
    expect(row).toMatchObject({ subject: 'ETA 30 min', body: '', format: 'logged' });
    expect(entry.commsUpdateId).toBeUndefined();
    const bare = logComms(inc, { audience, summary: '', occurredAt: NOW - MIN }, ctx());
    expect(expectRecorded(bare.changes, audience, NOW - MIN).row.subject).toMatch(/^Logged with/);
  });

  it('Mark sent', () => {
    const { changes } = markUpdateSent(inc, audience, ctx());
    expect(expectRecorded(changes, audience, NOW).row).toMatchObject({
      format: 'marked',
      body: '',
    });
  });
});

describe('logComms', () => {
  it('counts as the resolved message once resolved, and refuses a gone incident', () => {
    const { changes } = logComms(
      anIncident({ status: 'resolved' }),
      { audience: 'customers', summary: '' },
      ctx(),
    );
    expect(changes.commsUpdates?.added?.[0]?.type).toBe('resolved');
    expect(() => logComms(undefined, { audience: 'customers', summary: '' }, ctx())).toThrow();
  });
});

describe('markUpdateSent', () => {
  it.each([
    ['investigating' as const, 'Update sent to Engineering (marked as sent)'],
    ['resolved' as const, 'Resolved message sent to Engineering (marked as sent)'],
  ])('logs a comms entry while %s', (status, text) => {
    const { changes, result } = markUpdateSent(anIncident({ status }), 'engineering', ctx());
    expect(result).toMatchObject({ kind: 'comms', text, audience: 'engineering' });
    expect(rowsOf(changes, 'incidents')[0]!.cadence.engineering?.lastSentAt).toBe(NOW);
  });
});
