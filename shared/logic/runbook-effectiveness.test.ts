import { describe, expect, it } from 'vitest';
import type { RunbookUse } from '../domain/timeline';
import { openedEntryText, stepEntryText, voteEntryText } from './runbook';
import {
  median,
  mitigationText,
  runbookEffectiveness,
  summaryText,
  verdictText,
  type EffectivenessEntry,
  type EffectivenessIncident,
} from './runbook-effectiveness';
import { formatDuration } from './time';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 22, 14, 0);
const RB = {
  id: 'rb-1',
  title: 'Checkout failover',
  body: '## Verification\n- [ ] Errors normal\n- [ ] Latency normal\n- [ ] Synthetics green\n',
};

const incident = (
  id: string,
  over: Partial<EffectivenessIncident> & { startedMin?: number; mitigatedMin?: number } = {},
): EffectivenessIncident => {
  const started = T0 + (over.startedMin ?? 0) * MIN;
  const { startedMin: _s, mitigatedMin, ...rest } = over;
  return {
    id,
    ref: `INC-2026-11-22-${id}`,
    title: `Incident ${id}`,
    severity: 'SEV2',
    drill: false,
    milestones: {
      started,
      ...(mitigatedMin === undefined ? {} : { mitigated: T0 + mitigatedMin * MIN }),
    },
    ...rest,
  };
};

let seq = 0;
/** An entry in incident `inc` at minute `min` (logged then), by `author`. */
const entry = (
  inc: string,
  min: number,
  text: string,
  runbook?: RunbookUse,
  over: Partial<EffectivenessEntry> = {},
): EffectivenessEntry => {
  seq += 1;
  return {
    id: `e${String(seq).padStart(4, '0')}`,
    incidentId: inc,
    kind: 'action',
    text,
    occurredAt: T0 + min * MIN,
    loggedAt: T0 + min * MIN,
    deletedAt: null,
    author: 'Alice',
    ...(runbook ? { runbook } : {}),
    ...over,
  };
};
const opened = (inc: string, min: number, id = 'rb-1') =>
  entry(inc, min, openedEntryText('Checkout failover'), { runbookId: id, action: 'opened' });
const tick = (inc: string, min: number, step: string, checked = true, of = 3) =>
  entry(inc, min, stepEntryText('Checkout failover', step, checked), {
    runbookId: 'rb-1',
    action: 'step',
    step,
    checked,
    of,
  });
const vote = (inc: string, min: number, helpful: boolean | null, author = 'Alice') =>
  entry(
    inc,
    min,
    voteEntryText('Checkout failover', helpful),
    { runbookId: 'rb-1', action: 'vote', helpful },
    { author },
  );

describe('runbookEffectiveness: one incident', () => {
  const one = (inc: EffectivenessIncident, entries: EffectivenessEntry[]) =>
    runbookEffectiveness(RB, [inc], entries).uses[0] ?? null;

  it.each([
    ['never used', incident('1', { mitigatedMin: 30 }), [], null],
    [
      'opened only: 0 of the current checklist, no vote',
      incident('1', { mitigatedMin: 30 }),
      [opened('1', 10)],
      {
        firstUsedAt: T0 + 10 * MIN,
        timeToMitigate: 30 * MIN,
        mitigatedAfterUse: 20 * MIN,
        mitigated: true,
        stepsTicked: 0,
        stepsTotal: 3,
        verdict: null,
      },
    ],
    [
      'ticks: latest state per step, total as the responders saw it',
      incident('1', { mitigatedMin: 40 }),
      [
        opened('1', 5),
        tick('1', 6, 'Errors normal', true, 4),
        tick('1', 7, 'Latency normal', true, 4),
        tick('1', 8, 'Latency normal', false, 4),
      ],
      { stepsTicked: 1, stepsTotal: 4, firstUsedAt: T0 + 5 * MIN },
    ],
    [
      'a deleted tick does not count, nor does a deleted opening as first use',
      incident('1', { mitigatedMin: 40 }),
      [
        { ...opened('1', 1), deletedAt: T0 + 50 * MIN },
        tick('1', 6, 'Errors normal'),
        { ...tick('1', 7, 'Latency normal'), deletedAt: T0 + 50 * MIN },
      ],
      { stepsTicked: 1, firstUsedAt: T0 + 6 * MIN },
    ],
    [
      'a vote alone is a use; each responder’s latest vote counts',
      incident('1', { mitigatedMin: 40 }),
      [vote('1', 41, true), vote('1', 42, false, 'Bob'), vote('1', 43, true, 'bob')],
      {
        helpfulVotes: 2,
        notHelpfulVotes: 0,
        verdict: 'helpful',
        mitigatedAfterUse: null,
      },
    ],
    [
      'mixed verdict',
      incident('1'),
      [vote('1', 1, true), vote('1', 2, false, 'Bob')],
      { verdict: 'mixed', mitigated: false, timeToMitigate: null },
    ],
    [
      'a withdrawn vote leaves no verdict',
      incident('1'),
      [vote('1', 1, false), vote('1', 2, null)],
      { verdict: null, helpfulVotes: 0, notHelpfulVotes: 0 },
    ],
    [
      'milestones out of order give no time, but still mitigated',
      incident('1', { startedMin: 10, mitigatedMin: 5 }),
      [opened('1', 1)],
      { mitigated: true, timeToMitigate: null },
    ],
    [
      'an old step entry (no id) under the current title counts',
      incident('1'),
      [entry('1', 3, stepEntryText('Checkout failover', 'Errors normal', true))],
      { stepsTicked: 1, stepsTotal: 3, firstUsedAt: T0 + 3 * MIN },
    ],
    [
      'another runbook’s entries do not',
      incident('1'),
      [opened('1', 1, 'rb-2'), entry('1', 2, 'Runbook Other: verified Errors normal')],
      null,
    ],
  ])('%s', (_, inc, entries, expected) => {
    const use = one(inc, entries);
    if (expected === null) expect(use).toBeNull();
    else expect(use).toMatchObject(expected);
  });

  it('a renamed runbook keeps its history', () => {
    const entries = [opened('1', 1), tick('1', 2, 'Errors normal'), vote('1', 3, true)];
    const renamed = { ...RB, title: 'Checkout failover v2' };
    expect(runbookEffectiveness(renamed, [incident('1')], entries).uses[0]).toMatchObject({
      stepsTicked: 1,
      verdict: 'helpful',
    });
  });
});

describe('runbookEffectiveness: summary', () => {
  it('lists newest first, flags drills and leaves them out of the figures', () => {
    const incidents = [
      incident('1', { mitigatedMin: 30 }),
      incident('2', { startedMin: 100, mitigatedMin: 160 }),
      incident('3', { startedMin: 200, mitigatedMin: 210, drill: true }),
      incident('4', { startedMin: 300 }),
      incident('5', { startedMin: 400, mitigatedMin: 500 }),
    ];
    const entries = [
      opened('1', 1),
      vote('1', 2, true),
      vote('1', 3, false, 'Bob'),
      opened('2', 101),
      vote('2', 102, true),
      opened('3', 201),
      vote('3', 202, false),
      opened('4', 301),
      // Incident 5 never used the runbook.
      entry('5', 401, 'unrelated'),
    ];
    const { uses, summary } = runbookEffectiveness(RB, incidents, entries);
    expect(uses.map((u) => [u.incidentId, u.drill])).toEqual([
      ['4', false],
      ['3', true],
      ['2', false],
      ['1', false],
    ]);
    expect(summary).toEqual({
      incidents: 3,
      drills: 1,
      medianTimeToMitigate: 45 * MIN,
      mitigatedIncidents: 2,
      helpfulVotes: 2,
      votes: 3,
      helpfulShare: 2 / 3,
    });
    expect(summaryText(summary, formatDuration)).toBe(
      'Used in 3 incidents and 1 drill · median time to mitigation 45 min (2 incidents) · helpful to 2 of 3 responders (67%)',
    );
  });

  it('an empty record', () => {
    const { uses, summary } = runbookEffectiveness(RB, [incident('1')], []);
    expect(uses).toEqual([]);
    expect(summary).toMatchObject({ incidents: 0, medianTimeToMitigate: null, helpfulShare: null });
  });

  it.each([
    [
      {
        incidents: 1,
        drills: 0,
        medianTimeToMitigate: null,
        mitigatedIncidents: 0,
        helpfulVotes: 0,
        votes: 0,
        helpfulShare: null,
      },
      'Used in 1 incident · no time to mitigation yet · no helpful votes yet',
    ],
    [
      {
        incidents: 0,
        drills: 2,
        medianTimeToMitigate: null,
        mitigatedIncidents: 0,
        helpfulVotes: 0,
        votes: 0,
        helpfulShare: null,
      },
      'Used in 0 incidents and 2 drills; drills are left out of the figures',
    ],
    [
      {
        incidents: 2,
        drills: 0,
        medianTimeToMitigate: 90 * MIN,
        mitigatedIncidents: 1,
        helpfulVotes: 1,
        votes: 1,
        helpfulShare: 1,
      },
      'Used in 2 incidents · median time to mitigation 1 h 30 min (1 incident) · helpful to 1 of 1 responder (100%)',
    ],
  ])('summaryText %#', (summary, text) => {
    expect(summaryText(summary, formatDuration)).toBe(text);
  });
});

describe('cells', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [0, 0, 'No vote'],
    [1, 0, 'Helpful'],
    [0, 1, 'Not helpful'],
    [3, 0, 'Helpful (3 votes)'],
    [2, 1, 'Mixed (2 helpful, 1 not)'],
  ])('verdictText %i helpful, %i not', (helpfulVotes, notHelpfulVotes, text) => {
    expect(verdictText({ helpfulVotes, notHelpfulVotes })).toBe(text);
  });

  it.each([
    [{ mitigated: false, timeToMitigate: null, mitigatedAfterUse: null }, 'Not mitigated yet'],
    [
      { mitigated: true, timeToMitigate: 65 * MIN, mitigatedAfterUse: 40 * MIN },
      '1 h 5 min (40 min after first use)',
    ],
    [
      { mitigated: true, timeToMitigate: 25 * MIN, mitigatedAfterUse: null },
      '25 min (used after mitigation)',
    ],
    [
      { mitigated: true, timeToMitigate: null, mitigatedAfterUse: null },
      '— (Mitigated is before Started; correct the milestones)',
    ],
  ])('mitigationText %#', (use, text) => {
    expect(mitigationText(use, formatDuration)).toBe(text);
  });
});
