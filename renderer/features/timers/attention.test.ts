import { describe, expect, it } from 'vitest';
import type { Hypothesis } from '../../../shared/domain/records';
import { attentionNotices } from './attention';
import { MIN, SEV1_AT_T0, T0 } from './testing';

const incident = SEV1_AT_T0;

const hypothesis: Hypothesis = {
  id: 'h-1',
  incidentId: 'inc-1',
  text: 'Bad deploy',
  owner: '',
  status: 'open',
  openedAt: T0,
  dueAt: T0 + 15 * MIN,
  closedAt: null,
  extensions: [],
};

describe('attentionNotices', () => {
  it('says nothing before the due time, then one notice per incident for its overdue audiences', () => {
    expect(attentionNotices([incident], [], T0 + 15 * MIN - 1000, new Set())).toEqual([]);
    const [n] = attentionNotices([incident], [], T0 + 15 * MIN, new Set());
    expect(n).toEqual({
      keys: [`inc-1:engineering:${T0 + 15 * MIN}`, `inc-1:executives:${T0 + 15 * MIN}`],
      title: 'Update overdue: Engineering, Executives',
      body: 'INC-2026-11-22-001 Checkout down',
      tag: 'inc-1',
    });
  });

  it('never repeats a notified due instant, but notifies the next one', () => {
    const seen = new Set([
      `inc-1:engineering:${T0 + 15 * MIN}`,
      `inc-1:executives:${T0 + 15 * MIN}`,
    ]);
    expect(attentionNotices([incident], [], T0 + 20 * MIN, seen)).toEqual([]);
    const snoozed = {
      ...incident,
      cadence: {
        ...incident.cadence,
        engineering: { lastSentAt: null, snoozedUntil: T0 + 25 * MIN, snoozeReason: 'call' },
      },
    };
    expect(attentionNotices([snoozed], [], T0 + 24 * MIN, seen)).toEqual([]);
    expect(attentionNotices([snoozed], [], T0 + 25 * MIN, seen)[0]?.keys).toEqual([
      `inc-1:engineering:${T0 + 25 * MIN}`,
    ]);
  });

  it('asks to pivot or escalate when a hypothesis timebox runs out, once per due time', () => {
    const at = T0 + 15 * MIN;
    const sent = new Set([`inc-1:engineering:${at}`, `inc-1:executives:${at}`]);
    expect(attentionNotices([incident], [hypothesis], at - 1000, sent)).toEqual([]);
    const [n] = attentionNotices([incident], [hypothesis], at, sent);
    expect(n?.title).toBe('Pivot or escalate: Bad deploy');
    expect(n?.tag).toBe('inc-1');
    sent.add(`hypothesis:h-1:${at}`);
    expect(attentionNotices([incident], [hypothesis], at + MIN, sent)).toEqual([]);
    const extended = { ...hypothesis, dueAt: at + 10 * MIN };
    expect(attentionNotices([incident], [extended], at + 10 * MIN, sent)).toHaveLength(1);
  });
});
