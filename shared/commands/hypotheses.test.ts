import { describe, expect, it } from 'vitest';
import type { Hypothesis } from '../domain/records';
import type { RoleAssignment } from '../domain/roles';
import { hypothesisDueAt } from '../logic/hypotheses';
import { INCIDENT, at } from '../render/testing/fixture';
import { changes, rowsOf, unrecordedChanges } from './change-set';
import {
  closeHypothesis,
  currentHolder,
  extendHypothesisTimebox,
  openHypothesis,
} from './hypotheses';
import { refusal } from './test-fixtures';

const MIN = 60_000;
const NOW = at(14, 40);
const ctx = { now: NOW, author: 'Scribe Sam' };

const open: Hypothesis = {
  id: 'h-1',
  incidentId: INCIDENT.id,
  text: 'bad config push',
  owner: 'Dana',
  status: 'open',
  openedAt: at(14, 20),
  dueAt: hypothesisDueAt(at(14, 20)),
  closedAt: null,
  extensions: [],
};

describe('openHypothesis', () => {
  it('opens with the full timebox from now, owned by the Tech Lead, with its linked entry', () => {
    const { changes: cs, result } = openHypothesis(INCIDENT.id, '  bad push ', 'Dana', ctx, {
      occurredAt: at(14, 30),
      timeboxMs: 20 * MIN,
      highlight: true,
    });
    expect(result).toMatchObject({
      incidentId: INCIDENT.id,
      text: 'bad push',
      owner: 'Dana',
      status: 'open',
      openedAt: NOW,
      dueAt: NOW + 20 * MIN,
      closedAt: null,
      extensions: [],
    });
    expect(cs.hypotheses?.added).toEqual([result]);
    expect(rowsOf(cs, 'timelineEntries')[0]).toMatchObject({
      kind: 'hypothesis',
      text: 'bad push',
      occurredAt: at(14, 30),
      loggedAt: NOW,
      highlight: true,
      change: { type: 'hypothesis', to: 'open', field: result.id },
    });
  });

  it('an owner given wins over the Tech Lead; 15 minutes by default', () => {
    const { result } = openHypothesis(INCIDENT.id, 'x', 'Dana', ctx, { owner: ' Eve ' });
    expect(result.owner).toBe('Eve');
    expect(result.dueAt).toBe(NOW + 15 * MIN);
  });

  it.each([
    ['empty text', '  ', {}, 'Say what the hypothesis is.', 'text'],
    [
      'text over the entry limit',
      'x'.repeat(20_001),
      {},
      'The entry is 20,001 characters; the limit is 20,000.',
      'text',
    ],
    [
      'a zero timebox',
      'x',
      { timeboxMs: 0 },
      'The timebox must be a positive length of time.',
      'timebox',
    ],
    [
      'a timebox that is not a number',
      'x',
      { timeboxMs: NaN },
      'The timebox must be a positive length of time.',
      'timebox',
    ],
  ])('refuses %s', (_, text, opts, message, field) => {
    expect(refusal(() => openHypothesis(INCIDENT.id, text, '', ctx, opts))).toEqual({
      message,
      field,
    });
  });
});

describe('closeHypothesis', () => {
  it.each([
    ['confirmed', 'Hypothesis confirmed: bad config push', true],
    ['ruled-out', 'Hypothesis ruled out: bad config push', false],
    ['abandoned', 'Hypothesis abandoned: bad config push', false],
  ] as const)('%s: the row closed now and a system entry (pinned: %s)', (outcome, text, pinned) => {
    const { changes: cs, result } = closeHypothesis(open, outcome, ctx);
    expect(result).toEqual({ ...open, status: outcome, closedAt: NOW });
    expect(cs.hypotheses?.updated).toEqual([result]);
    expect(rowsOf(cs, 'timelineEntries')[0]).toMatchObject({
      kind: 'system',
      text,
      pinned,
      change: { type: 'hypothesis', field: 'h-1', from: 'open', to: outcome },
    });
  });

  it.each([
    ['a gone hypothesis', undefined, 'This hypothesis no longer exists.', undefined],
    [
      'a closed one',
      { ...open, status: 'ruled-out' as const },
      'This hypothesis is already ruled out.',
      'status',
    ],
  ])('refuses %s', (_, found, message, field) => {
    expect(refusal(() => closeHypothesis(found, 'confirmed', ctx))).toEqual({ message, field });
  });

  it('the record rule lets a confirmation update the Current understanding in the same set', () => {
    const { changes: cs } = closeHypothesis(open, 'confirmed', ctx);
    const withUnderstanding = changes()
      .merge(cs)
      .update('incidents', { ...INCIDENT, understanding: open.text, updatedAt: NOW + 1 })
      .build();
    expect(unrecordedChanges(withUnderstanding, () => INCIDENT)).toEqual([]);
  });
});

describe('extendHypothesisTimebox', () => {
  it('moves the due time from the later of due and now, and records why', () => {
    const { changes: cs, result } = extendHypothesisTimebox(open, 10, ' slow logs ', ctx);
    expect(result.dueAt).toBe(NOW + 10 * MIN);
    expect(result.extensions).toEqual([{ at: NOW, addedMs: 10 * MIN, reason: 'slow logs' }]);
    expect(rowsOf(cs, 'timelineEntries')[0]).toMatchObject({
      text: 'Hypothesis timebox extended by 10 min: bad config push. Reason: slow logs',
      change: {
        type: 'hypothesis',
        field: 'h-1',
        from: String(open.dueAt),
        to: String(NOW + 10 * MIN),
        reason: 'slow logs',
      },
    });
  });

  it.each([
    [
      'zero minutes',
      open,
      0,
      'why',
      'Extend by a whole number of minutes from 1 to 1440 (24 hours).',
      'minutes',
    ],
    [
      'over a day',
      open,
      1441,
      'why',
      'Extend by a whole number of minutes from 1 to 1440 (24 hours).',
      'minutes',
    ],
    ['a gone hypothesis', undefined, 5, 'why', 'This hypothesis no longer exists.', undefined],
    [
      'no reason',
      open,
      5,
      ' ',
      'Say why the timebox is extended: it goes on the timeline.',
      'reason',
    ],
    [
      'a closed one',
      { ...open, status: 'confirmed' as const },
      5,
      'why',
      'Only an open hypothesis can be extended.',
      'status',
    ],
  ])('refuses %s', (_, found, minutes, reason, message, field) => {
    expect(refusal(() => extendHypothesisTimebox(found, minutes, reason, ctx))).toEqual({
      message,
      field,
    });
  });
});

describe('currentHolder', () => {
  const t = (person: string, startedAt: number, endedAt: number | null): RoleAssignment => ({
    id: person,
    incidentId: 'i',
    role: 'tech',
    roleName: 'Technical Lead',
    person,
    startedAt,
    endedAt,
    note: '',
    assignedBy: '',
  });
  it.each([
    ['nobody', [], ''],
    ['only ended tenures', [t('Ann', 1, 2)], ''],
    [
      'the open tenure that started last',
      [t('Ann', 1, null), t('Bo', 3, null), t('Cy', 5, 6)],
      'Bo',
    ],
  ])('%s', (_, tenures, expected) => {
    expect(currentHolder(tenures)).toBe(expected);
  });
});
