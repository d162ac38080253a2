import { describe, expect, it } from 'vitest';
import type { ActionItem, Hypothesis } from '../../../shared/domain/records';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { buildMessage } from '../../../shared/render/comms';
import { renderDoc } from '../../../shared/render/render-doc';
import { ENTRIES, INCIDENT, at } from '../../../shared/render/testing/fixture';
import { buildCommsContext, defaultMessageType, type ComposeData } from './comms-context';

const hyp = (over: Partial<Hypothesis>): Hypothesis => ({
  id: 'h',
  incidentId: INCIDENT.id,
  text: 'Pool too small',
  owner: 'Priya',
  status: 'open',
  openedAt: at(14, 10),
  dueAt: at(14, 25),
  closedAt: null,
  extensions: [],
  ...over,
});

const item: ActionItem = {
  id: 'a1',
  incidentId: INCIDENT.id,
  title: 'Add a canary stage',
  owner: 'Bob',
  priority: 'P1',
  dueDate: '2026-12-06',
  status: 'not-started',
  createdAt: at(14, 20),
  updatedAt: at(14, 20),
  completedAt: null,
};

const data: ComposeData = {
  entries: ENTRIES,
  hypotheses: [
    hyp({ id: 'h1', status: 'confirmed', text: 'Config lowered the pool', closedAt: at(14, 15) }),
    hyp({ id: 'h2' }),
  ],
  actionItems: [item, { ...item, id: 'a2', title: 'Done thing', status: 'done' }],
  people: [],
};

const choice = { audience: 'executives', type: 'update', variant: 'standard' } as const;

describe('buildCommsContext', () => {
  it('fills from the record: findings, confirmed cause, actions, next steps, next update', () => {
    const ctx = buildCommsContext(INCIDENT, data, choice, at(14, 30), DEFAULT_SETTINGS);
    expect(ctx.findings).toEqual([
      'Alert CheckoutErrorRateHigh fired: 5xx > 5% for 2 min.',
      'Error rate returning to baseline.',
    ]);
    expect(ctx.confirmedHypotheses).toEqual(['Config lowered the pool']);
    expect(ctx.actionsSinceLastUpdate).toEqual(['Config rollback initiated by @bob.']);
    expect(ctx.nextSteps).toEqual([
      'Test hypothesis: Pool too small (Priya)',
      'Add a canary stage (Bob)',
    ]);
    expect(ctx.nextUpdateAt).toBe(at(14, 45));
    const body = renderDoc(buildMessage(ctx).doc, 'plain');
    expect(body).toContain('Cause: Config lowered the pool');
    expect(body).toContain('Next update at 14:45 UTC (in 15 minutes).');
  });

  it('counts only what is new since the last update to that audience; says so when nothing is', () => {
    const sent = {
      ...INCIDENT,
      cadence: {
        ...INCIDENT.cadence,
        engineering: { lastSentAt: at(14, 30), snoozedUntil: null, snoozeReason: null },
      },
    };
    const quiet = { ...data, hypotheses: [hyp({ id: 'h2' })] };
    const ctx = buildCommsContext(
      sent,
      quiet,
      { ...choice, audience: 'engineering' },
      at(14, 40),
      DEFAULT_SETTINGS,
    );
    expect(ctx.findings).toEqual([]);
    expect(ctx.actionsSinceLastUpdate).toEqual([]);
    expect(renderDoc(buildMessage(ctx).doc, 'plain')).toContain('No change: still investigating.');
    // Executives never got one: everything counts for them.
    expect(
      buildCommsContext(sent, quiet, choice, at(14, 40), DEFAULT_SETTINGS).actionsSinceLastUpdate,
    ).toHaveLength(1);
  });

  it('starts with Initial before the first update, Resolved once resolved; no next update then', () => {
    expect(defaultMessageType(INCIDENT, 'engineering')).toBe('initial');
    const resolved = {
      ...INCIDENT,
      status: 'resolved' as const,
      milestones: { ...INCIDENT.milestones, resolved: at(15, 0) },
    };
    expect(defaultMessageType(resolved, 'customers')).toBe('resolved');
    const ctx = buildCommsContext(
      resolved,
      data,
      { ...choice, type: 'resolved' },
      at(15, 5),
      DEFAULT_SETTINGS,
    );
    expect(ctx.nextUpdateAt).toBeNull();
    expect(ctx.postmortemDate).toBe('2026-11-24');
  });
});
