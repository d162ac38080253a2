import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { SystemChange, TimelineEntry } from '../domain/timeline';
import { timelineEntry } from '../domain/testing/timeline';
import {
  EVENT_TEXT_MAX,
  eventText,
  isIncluded,
  keyEventReason,
  postmortemTimelineRows,
  toggleChoice,
  type KeyReason,
} from './key-events';

const T = (h: number, m = 0): number => Date.UTC(2026, 10, 22, h, m);
const RESOLVED_AT = T(20);

const entry = (over: Partial<TimelineEntry>): TimelineEntry =>
  timelineEntry({ id: 'x', incidentId: 'inc', occurredAt: T(15), loggedAt: T(15), ...over });

const sys = (change: SystemChange, over: Partial<TimelineEntry> = {}) =>
  entry({ kind: 'system', change, ...over });
const AFTER = { occurredAt: T(21), loggedAt: T(21) };

describe('keyEventReason', () => {
  const cases: [string, TimelineEntry, KeyReason | null][] = [
    ['an ordinary note', entry({}), null],
    ['a finding', entry({ kind: 'finding' }), null],
    ['an action taken', entry({ kind: 'action' }), null],
    ['a decision', entry({ kind: 'decision' }), 'decision'],
    ['a highlighted note (! prefix)', entry({ highlight: true }), 'highlight'],
    ['a pinned note', entry({ pinned: true }), 'pinned'],
    ['a milestone entry', entry({ kind: 'milestone' }), 'milestone'],
    ['the declaration', sys({ type: 'declared', to: 'SEV1' }), 'declared'],
    ['a status change', sys({ type: 'status', from: 'investigating', to: 'identified' }), 'status'],
    ['a severity change', sys({ type: 'severity', from: 'SEV2', to: 'SEV1' }), 'severity'],
    ['a role handoff', sys({ type: 'role', field: 'ic', from: 'Ana', to: 'Ben' }), 'role'],
    ['a role released', sys({ type: 'role', field: 'ic', from: 'Ana', to: null }), 'role'],
    ['a custom role added', sys({ type: 'role', field: 'x', from: null, to: null }), null],
    [
      'a hypothesis opened',
      entry({ kind: 'hypothesis', change: { type: 'hypothesis', to: 'open' } }),
      null,
    ],
    [
      'a hypothesis confirmed',
      sys({ type: 'hypothesis', from: 'open', to: 'confirmed' }),
      'hypothesis',
    ],
    [
      'a hypothesis ruled out',
      sys({ type: 'hypothesis', from: 'open', to: 'ruled-out' }),
      'hypothesis',
    ],
    ['a hypothesis abandoned', sys({ type: 'hypothesis', from: 'open', to: 'abandoned' }), null],
    ['a timebox extension', sys({ type: 'hypothesis', from: '1', to: '2' }), null],
    ['a sent update', entry({ kind: 'comms', audience: 'customers' }), 'comms'],
    ['a milestone correction', sys({ type: 'milestone', field: 'started' }), null],
    ['a rename', sys({ type: 'title', from: 'a', to: 'b' }), null],
    ['an impact-field edit', sys({ type: 'impact', field: 'summary' }), null],
    ['a cadence change', sys({ type: 'cadence' }), null],
    ['a snooze', sys({ type: 'snooze' }), null],
    [
      'an action item (todo:)',
      entry({ kind: 'action', change: { type: 'action-item', field: 'a1' } }),
      null,
    ],
    [
      'a pinned action item',
      entry({ kind: 'action', pinned: true, change: { type: 'action-item' } }),
      null,
    ],
    ['a pinned milestone correction', sys({ type: 'milestone' }, { pinned: true }), 'pinned'],
    ['a deleted decision', entry({ kind: 'decision', deletedAt: T(16) }), null],
    ['a deleted highlight', entry({ highlight: true, deletedAt: T(16) }), null],
    // After resolution only what still changes the course counts.
    ['a decision after resolution', entry({ kind: 'decision', ...AFTER }), null],
    ['a handoff after resolution', sys({ type: 'role', from: 'Ana', to: null }, AFTER), null],
    ['a confirmation after resolution', sys({ type: 'hypothesis', to: 'confirmed' }, AFTER), null],
    [
      'a reopening after resolution',
      sys({ type: 'status', from: 'resolved', to: 'investigating' }, AFTER),
      'status',
    ],
    [
      'an update sent after resolution',
      entry({ kind: 'comms', audience: 'executives', ...AFTER }),
      'comms',
    ],
    [
      'a pinned finding after resolution',
      entry({ kind: 'finding', pinned: true, ...AFTER }),
      'pinned',
    ],
    [
      'post-mortem bookkeeping after resolution',
      entry({ text: 'Post-mortem status: Draft → Review', ...AFTER }),
      null,
    ],
    [
      'a post-mortem action item after resolution',
      entry({ kind: 'action', change: { type: 'action-item' }, ...AFTER }),
      null,
    ],
    [
      'a backdated decision logged after resolution',
      entry({ kind: 'decision', loggedAt: T(22) }),
      'decision',
    ],
  ];
  it.each(cases)('%s', (_name, e, expected) => {
    expect(keyEventReason(e, RESOLVED_AT)).toBe(expected);
  });

  it('treats every time as before resolution while the incident is unresolved', () => {
    expect(keyEventReason(entry({ kind: 'decision', ...AFTER }), undefined)).toBe('decision');
  });
});

describe('eventText', () => {
  const cases: [string, Pick<TimelineEntry, 'kind' | 'text' | 'audience'>, string][] = [
    [
      'a sent update from Compose: type and audience only',
      {
        kind: 'comms',
        audience: 'customers',
        text: 'Status update sent to Customers (Markdown): Checkout errors\n\nWe are seeing…',
      },
      'Status update sent to Customers',
    ],
    [
      'a resolved notice',
      {
        kind: 'comms',
        audience: 'executives',
        text: 'Resolved sent to Executives (Slack): x\n\nbody',
      },
      'Resolved sent to Executives',
    ],
    [
      'a /comms entry with a summary',
      { kind: 'comms', audience: 'engineering', text: 'Engineering update sent: long body here' },
      'Update sent to Engineering',
    ],
    [
      'a decision',
      { kind: 'decision', text: 'fail over to the replica', audience: null },
      'Decision: fail over to the replica',
    ],
    [
      'a hypothesis',
      { kind: 'hypothesis', text: 'pool size?', audience: null },
      'Hypothesis: pool size?',
    ],
    ['a multi-line note', { kind: 'note', text: 'a\n\n b  c', audience: null }, 'a b c'],
  ];
  it.each(cases)('%s', (_name, e, expected) => expect(eventText(e)).toBe(expected));

  it('cuts a pasted log to one short line', () => {
    const t = eventText({ kind: 'note', text: 'x'.repeat(5000), audience: null });
    expect(t).toHaveLength(EVENT_TEXT_MAX);
    expect(t.endsWith('…')).toBe(true);
  });
});

describe('postmortemTimelineRows', () => {
  const incident: Pick<Incident, 'milestones'> = {
    milestones: { started: T(14), declared: T(14, 10), identified: T(16), resolved: RESOLVED_AT },
  };
  const entries = [
    sys(
      { type: 'declared', to: 'SEV2' },
      { id: 'd', text: 'Declared SEV2 (High): X', occurredAt: T(14, 10), pinned: true },
    ),
    entry({ id: 'n', text: 'looking at graphs', occurredAt: T(14, 20) }),
    entry({
      id: 'h',
      text: 'fail over to the replica',
      kind: 'decision',
      highlight: true,
      occurredAt: T(15),
    }),
    sys(
      { type: 'status', from: 'investigating', to: 'identified' },
      { id: 's', text: 'Status: Investigating → Identified', occurredAt: T(16) },
    ),
    entry({
      id: 'c',
      kind: 'comms',
      audience: 'customers',
      text: 'Status update sent to Customers (Markdown): s\n\nbody',
      occurredAt: T(17),
    }),
    entry({
      id: 'a',
      kind: 'action',
      change: { type: 'action-item' },
      text: 'Add replica lag alert',
      ...AFTER,
    }),
  ];

  it('merges a status change into its milestone row and keeps key events only', () => {
    const rows = postmortemTimelineRows({ incident, entries });
    expect(rows.map((r) => [r.event, r.entryId, r.highlight])).toEqual([
      ['Impact started', null, false],
      ['Incident declared — Declared SEV2 (High): X', 'd', false],
      ['Decision: fail over to the replica', 'h', true],
      ['Cause identified — Status: Investigating → Identified', 's', false],
      ['Status update sent to Customers', 'c', false],
      ['Incident resolved', null, false],
    ]);
  });

  it('follows the curation both ways, and the older all-entries default', () => {
    const choices = { n: true, c: false, s: false };
    const rows = postmortemTimelineRows({ incident, entries, choices }).map((r) => r.event);
    expect(rows).toContain('looking at graphs');
    expect(rows).not.toContain('Status update sent to Customers');
    // The milestone stays; only the status entry it shared the row with is dropped.
    expect(rows).toContain('Cause identified');
    const all = postmortemTimelineRows({ incident, entries, allEntries: true }).map((r) => r.event);
    expect(all).toContain('looking at graphs');
    // Every entry, but never follow-up bookkeeping after resolution (an action item a week on).
    expect(all).not.toContain('Add replica lag alert');
  });

  it('stores only choices that differ from the default', () => {
    const source = { incident, entries, choices: {} };
    const note = entries[1]!;
    const on = toggleChoice(source, note, true);
    expect(on).toEqual({ n: true });
    expect(toggleChoice({ ...source, choices: on }, note, false)).toEqual({});
    expect(isIncluded(note, { ...source, choices: on })).toBe(true);
    expect(isIncluded({ ...note, deletedAt: T(18) }, { ...source, choices: on })).toBe(false);
  });
});
