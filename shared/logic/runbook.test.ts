import { describe, expect, it } from 'vitest';
import {
  isRunbookStale,
  latestVotes,
  openedEntryText,
  parseChecklist,
  responderKey,
  runbookTemplate,
  runbookUseOf,
  stepEntryText,
  verifiedSteps,
  voteEntryText,
  wasOpened,
  type RunbookUseEntry,
} from './runbook';

const DAY = 24 * 3600_000;

describe('runbookTemplate', () => {
  it('has the seed sections in order and names the service', () => {
    const body = runbookTemplate('checkout-api');
    const headings = body.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Quick reference',
      '## Detection',
      '## Diagnosis steps',
      '## Remediation options',
      '## Verification checklist',
      '## Communication',
    ]);
    expect(body).toContain('**Service:** checkout-api');
    for (const w of ['Owner team', 'On-call', 'Dashboards', 'Last tested', 'False-positive check'])
      expect(body).toContain(w);
    for (const w of ['Rollback', 'Restart', 'Scale']) expect(body).toContain(w);
    expect(parseChecklist(body).map((s) => s.text)).toEqual([
      'Error rate back to baseline',
      'Latency back to baseline',
      'Synthetic checks passing',
      'No new alerts for 15 minutes',
    ]);
  });

  it('puts the service name in as literal text, markup characters escaped', () => {
    const body = runbookTemplate('pay_*ments* <v2>');
    expect(body).toContain('- **Service:** pay\\_\\*ments\\* \\<v2>\n');
    expect(body).toContain(
      '1. Check recent deploys and config changes for pay\\_\\*ments\\* \\<v2>.',
    );
  });
});

describe('parseChecklist', () => {
  it('takes task items under the verification heading only, skipping code fences', () => {
    const body = [
      '# Runbook',
      '- [ ] not a verification step',
      '## Verification',
      '- [ ] first',
      '* [x]   second  ',
      '1. [ ] third',
      '- plain bullet',
      '```',
      '- [ ] inside a fence',
      '```',
      '### Sub-heading still inside',
      '- [ ] fourth',
      '## Communication',
      '- [ ] after the section',
    ].join('\n');
    expect(parseChecklist(body)).toEqual([
      { index: 0, text: 'first' },
      { index: 1, text: 'second' },
      { index: 2, text: 'third' },
      { index: 3, text: 'fourth' },
    ]);
  });

  it('falls back to every task item without a verification heading', () => {
    expect(parseChecklist('- [ ] a\n\ntext\n- [X] b').map((s) => s.text)).toEqual(['a', 'b']);
    expect(parseChecklist('')).toEqual([]);
    expect(parseChecklist('-[ ] no space\n- [] empty box')).toEqual([]);
  });
});

describe('isRunbookStale', () => {
  it('flags never tested and tested 90 days ago or more', () => {
    const now = Date.UTC(2026, 10, 22);
    expect(isRunbookStale(null, now)).toBe(true);
    expect(isRunbookStale(now - 90 * DAY, now)).toBe(true);
    expect(isRunbookStale(now - 89 * DAY, now)).toBe(false);
  });
});

describe('verifiedSteps', () => {
  const steps = parseChecklist('## Verification\n- [ ] Errors normal\n- [ ] Latency normal');
  const DB = { id: 'rb-db', title: 'DB failover' };
  const entry = (id: string, text: string, loggedAt: number, deletedAt: number | null = null) => ({
    id,
    kind: 'action' as const,
    text,
    loggedAt,
    occurredAt: loggedAt,
    deletedAt,
    author: 'Alice',
  });
  it('derives ticks from the latest live entry per step (entries written before ids, by title)', () => {
    const entries = [
      entry('1', stepEntryText('DB failover', 'Errors normal', true), 1),
      entry('2', stepEntryText('DB failover', 'Latency normal', true), 2),
      entry('3', stepEntryText('DB failover', 'Latency normal', false), 3),
      entry('4', stepEntryText('Other', 'Errors normal', true), 4),
    ];
    expect([...verifiedSteps(entries, DB, steps)]).toEqual([0]);
    expect([...verifiedSteps(entries.slice(0, 2), DB, steps)].sort()).toEqual([0, 1]);
    const deleted = [entry('1', stepEntryText('DB failover', 'Errors normal', true), 1, 5)];
    expect(verifiedSteps(deleted, DB, steps).size).toBe(0);
    expect(stepEntryText('DB failover', 'Errors normal', true)).toBe(
      'Runbook DB failover: verified Errors normal',
    );
  });

  it('finds ticks carrying the runbook id after a rename, and never another runbook’s', () => {
    const tick = (id: string, runbookId: string, step: string, checked: boolean, at: number) => ({
      ...entry(id, stepEntryText('Old name', step, checked), at),
      runbook: { runbookId, action: 'step' as const, step, checked, of: 2 },
    });
    const entries = [
      tick('1', 'rb-db', 'Errors normal', true, 1),
      tick('2', 'rb-db', 'Latency normal', true, 2),
      tick('3', 'rb-other', 'Latency normal', false, 3),
      // Written later but logged earlier: logged order decides, not array order.
      tick('0', 'rb-db', 'Errors normal', false, 0),
    ];
    expect([...verifiedSteps(entries, { id: 'rb-db', title: 'New name' }, steps)].sort()).toEqual([
      0, 1,
    ]);
    // A new runbook given the old title does not inherit entries that name their runbook.
    expect(verifiedSteps(entries, { id: 'rb-new', title: 'Old name' }, steps).size).toBe(0);
  });
});

describe('runbookUseOf', () => {
  const RB = { id: 'rb-1', title: 'Checkout failover' };
  const base = {
    id: 'e',
    kind: 'action' as const,
    loggedAt: 1,
    occurredAt: 1,
    deletedAt: null as number | null,
    author: 'Alice',
  };
  it.each([
    [
      'opened, by id',
      { text: openedEntryText('Renamed'), runbook: { runbookId: 'rb-1', action: 'opened' } },
      { action: 'opened' },
    ],
    [
      'a vote, by id',
      {
        text: voteEntryText('x', false),
        runbook: { runbookId: 'rb-1', action: 'vote', helpful: false },
      },
      { action: 'vote', helpful: false },
    ],
    [
      'a withdrawn vote',
      {
        text: voteEntryText('x', null),
        runbook: { runbookId: 'rb-1', action: 'vote', helpful: null },
      },
      { action: 'vote', helpful: null },
    ],
    [
      'another runbook’s entry under this title',
      {
        text: openedEntryText('Checkout failover'),
        runbook: { runbookId: 'rb-2', action: 'opened' },
      },
      null,
    ],
    [
      'an old step entry, by title',
      { text: 'Runbook Checkout failover: unchecked Orders: flowing' },
      { action: 'step', step: 'Orders: flowing', checked: false, of: null },
    ],
    ['an old step entry of another title', { text: 'Runbook Checkout: verified x' }, null],
    [
      'a note that looks like one',
      { kind: 'note', text: 'Runbook Checkout failover: verified x' },
      null,
    ],
    ['“Opened runbook” typed by hand (no id)', { text: 'Opened runbook Checkout failover' }, null],
    ['a prefix with no step', { text: 'Runbook Checkout failover: verified ' }, null],
    [
      'a deleted entry',
      { deletedAt: 5, text: 'x', runbook: { runbookId: 'rb-1', action: 'opened' } },
      null,
    ],
  ] as const)('%s', (_, over, expected) => {
    const e: RunbookUseEntry = { ...base, ...over };
    expect(runbookUseOf(e, RB)).toEqual(expected);
  });

  it('entry texts', () => {
    expect(openedEntryText('DB failover')).toBe('Opened runbook DB failover');
    expect(voteEntryText('DB failover', true)).toBe('Runbook DB failover: marked helpful');
    expect(voteEntryText('DB failover', false)).toBe('Runbook DB failover: marked not helpful');
    expect(voteEntryText('DB failover', null)).toBe('Runbook DB failover: helpful vote withdrawn');
  });
});

describe('latestVotes, responderKey and wasOpened', () => {
  const RB = { id: 'rb-1', title: 'T' };
  const vote = (id: string, author: string, helpful: boolean | null, loggedAt: number) => ({
    id,
    kind: 'action' as const,
    text: voteEntryText('T', helpful),
    loggedAt,
    occurredAt: loggedAt,
    deletedAt: null,
    author,
    runbook: { runbookId: 'rb-1', action: 'vote' as const, helpful },
  });
  it.each([
    ['one vote', [vote('1', 'Alice', true, 1)], { alice: true }],
    ['changed mind', [vote('1', 'Alice', true, 1), vote('2', 'Alice', false, 2)], { alice: false }],
    ['withdrawn', [vote('1', 'Alice', true, 1), vote('2', 'Alice', null, 2)], {}],
    [
      'per responder, same name spelled differently',
      [vote('1', 'Alice', true, 1), vote('2', ' ALICE ', false, 2), vote('3', 'Bob', true, 3)],
      { alice: false, bob: true },
    ],
    [
      'logged order, not array order',
      [vote('2', 'Bob', false, 2), vote('1', 'Bob', true, 1)],
      { bob: false },
    ],
    [
      'another runbook’s votes',
      [
        {
          ...vote('1', 'Alice', true, 1),
          runbook: { runbookId: 'x', action: 'vote' as const, helpful: true },
        },
      ],
      {},
    ],
  ])('%s', (_, entries, expected) => {
    expect(Object.fromEntries(latestVotes(entries, RB))).toEqual(expected);
  });

  it('responderKey folds case, width and spacing', () => {
    expect(responderKey('  Ａlice   Smith ')).toBe('alice smith');
  });

  it('wasOpened needs a live opened entry for this runbook', () => {
    const opened = {
      ...vote('1', 'A', true, 1),
      text: openedEntryText('T'),
      runbook: { runbookId: 'rb-1', action: 'opened' as const },
    };
    expect(wasOpened([opened], RB)).toBe(true);
    expect(wasOpened([{ ...opened, deletedAt: 2 }], RB)).toBe(false);
    expect(wasOpened([vote('1', 'A', true, 1)], RB)).toBe(false);
    expect(wasOpened([opened], { id: 'rb-2', title: 'T' })).toBe(false);
  });
});
