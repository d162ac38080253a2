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
    hyp({ id: 'h2', dueAt: at(14, 40) }),
    // Expired (timebox over at 14:25) and closed ones are never offered as next steps.
    hyp({ id: 'h3', text: 'DNS flapping', dueAt: at(14, 25) }),
    hyp({ id: 'h4', text: 'Disk full', status: 'ruled-out', closedAt: at(14, 12) }),
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
    expect(ctx.needs).toEqual([
      'A decision on "DNS flapping": its timebox expired (pivot or escalate).',
    ]);
    expect(ctx.nextUpdateAt).toBe(at(14, 45));
    // Authors and hypothesis owners count as people for the Looks internal check.
    expect(ctx.people).toEqual(
      expect.arrayContaining([
        { name: 'Priya Nair', handle: '' },
        { name: 'Priya', handle: '' },
      ]),
    );
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
    expect(renderDoc(buildMessage(ctx).doc, 'plain')).toContain(
      'No change: still investigating — we are looking for the cause.',
    );
    // Executives never got one: everything counts for them.
    expect(
      buildCommsContext(sent, quiet, choice, at(14, 40), DEFAULT_SETTINGS).actionsSinceLastUpdate,
    ).toHaveLength(1);
  });

  it('lists decisions since the last update, and never says "No change" after a change', () => {
    const sentAt = at(14, 30);
    const sent = {
      ...INCIDENT,
      cadence: {
        ...INCIDENT.cadence,
        engineering: { lastSentAt: sentAt, snoozedUntil: null, snoozeReason: null },
      },
    };
    const entry = ENTRIES[0]!;
    const decision = {
      ...entry,
      id: 'd1',
      kind: 'decision' as const,
      text: 'Fail over to the replica',
      occurredAt: at(14, 35),
      loggedAt: at(14, 35),
    };
    const old = {
      ...decision,
      id: 'd0',
      text: 'Page the DBA',
      occurredAt: at(14, 20),
      loggedAt: at(14, 20),
    };
    const status = {
      ...entry,
      id: 's1',
      kind: 'system' as const,
      text: 'Status: Investigating → Identified',
      occurredAt: at(14, 36),
      loggedAt: at(14, 36),
      change: { type: 'status' as const, from: 'investigating', to: 'identified' },
    };
    const eng = { ...choice, audience: 'engineering' } as const;
    const withDecision = buildCommsContext(
      sent,
      { ...data, entries: [...ENTRIES, old, decision] },
      eng,
      at(14, 40),
      DEFAULT_SETTINGS,
    );
    expect(withDecision.decisionsSinceLastUpdate).toEqual(['Fail over to the replica']);
    const text = renderDoc(buildMessage(withDecision).doc, 'plain');
    expect(text).toContain('Decisions');
    expect(text).toContain('- Fail over to the replica');
    expect(text).not.toContain('Page the DBA');
    const quiet = { ...data, entries: [], hypotheses: [] };
    expect(buildCommsContext(sent, quiet, eng, at(14, 40), DEFAULT_SETTINGS).recordChanged).toBe(
      false,
    );
    const changed = buildCommsContext(
      sent,
      { ...quiet, entries: [status] },
      eng,
      at(14, 40),
      DEFAULT_SETTINGS,
    );
    expect(changed.recordChanged).toBe(true);
    expect(renderDoc(buildMessage(changed).doc, 'plain')).not.toContain('No change');
  });

  it('writes the type the record supports: no Resolved message before resolution', () => {
    const ctx = buildCommsContext(
      INCIDENT,
      data,
      { ...choice, type: 'resolved' },
      at(14, 30),
      DEFAULT_SETTINGS,
    );
    expect(ctx.type).toBe('update');
    expect(ctx.nextUpdateAt).toBe(at(14, 45));
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
