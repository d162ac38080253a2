import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChanges, readRows } from '../sync/record-doc';
import type { Runbook } from '../domain/records';
import { timelineEntrySchema, type TimelineEntry } from '../domain/timeline';
import { rowsOf, type Changes } from './change-set';
import { openRunbook, setRunbookStep, voteRunbook } from './runbooks';
import { anIncident, ctx, NOW, refusal } from './test-fixtures';

const runbook: Runbook = {
  id: 'rb-1',
  title: 'Checkout rollback',
  service: 'checkout-api',
  body: '## Verification\n- [ ] Error rate below 1%\n- [ ] Orders flowing\n',
  lastTestedAt: null,
  updatedAt: 0,
};
const incident = anIncident({ services: ['checkout-api'] });

/** The entries a change set records, as the incident's timeline would then hold them. */
const recorded = (cs: Changes): TimelineEntry[] => [...rowsOf(cs, 'timelineEntries')];

describe('openRunbook', () => {
  it('records "Opened runbook <title>" with the runbook id, once per incident and runbook', () => {
    const first = recorded(openRunbook(runbook, incident, [], ctx()));
    expect(first).toEqual([
      expect.objectContaining({
        incidentId: incident.id,
        kind: 'action',
        text: 'Opened runbook Checkout rollback',
        author: 'Sam',
        occurredAt: NOW,
        runbook: { runbookId: 'rb-1', action: 'opened' },
      }),
    ]);
    expect(timelineEntrySchema.safeParse(first[0]).success).toBe(true);
    // Opened again (this window or another seat): nothing more.
    expect(openRunbook(runbook, incident, first, ctx(NOW + 1))).toEqual({});
    // Renamed since: still the same runbook.
    expect(openRunbook({ ...runbook, title: 'Renamed' }, incident, first, ctx())).toEqual({});
    // Another runbook of the same service is its own use.
    expect(recorded(openRunbook({ ...runbook, id: 'rb-2' }, incident, first, ctx()))).toHaveLength(
      1,
    );
    // The opening deleted from the timeline: opening again records it again.
    const deleted = first.map((e) => ({ ...e, deletedAt: NOW }));
    expect(recorded(openRunbook(runbook, incident, deleted, ctx()))).toHaveLength(1);
  });

  it('records nothing in a resolved incident (reading it afterwards is not using it)', () => {
    expect(openRunbook(runbook, { ...incident, status: 'resolved' }, [], ctx())).toEqual({});
  });

  it.each([
    ['a gone runbook', undefined, incident, 'This runbook no longer exists.'],
    ['a gone incident', runbook, undefined, 'This incident no longer exists.'],
  ])('refuses %s', (_, rb, inc, message) => {
    expect(refusal(() => openRunbook(rb, inc, [], ctx())).message).toBe(message);
  });
});

describe('voteRunbook', () => {
  const vote = (entries: TimelineEntry[], helpful: boolean | null, author = 'Sam') =>
    recorded(voteRunbook(runbook, incident, entries, helpful, { now: NOW, author }));

  it.each([
    [true, 'Runbook Checkout rollback: marked helpful'],
    [false, 'Runbook Checkout rollback: marked not helpful'],
  ])('helpful=%s is an action entry carrying the vote', (helpful, text) => {
    const [entry] = vote([], helpful);
    expect(entry).toMatchObject({
      kind: 'action',
      text,
      author: 'Sam',
      runbook: { runbookId: 'rb-1', action: 'vote', helpful },
    });
    expect(timelineEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('changes, withdraws, and records nothing when the vote would not change', () => {
    const helpful = vote([], true);
    expect(vote(helpful, true)).toEqual([]);
    expect(vote(helpful, true, ' sam ')).toEqual([]);
    const changed = vote(helpful, false);
    expect(changed[0]?.text).toBe('Runbook Checkout rollback: marked not helpful');
    const withdrawn = vote([...helpful], null);
    expect(withdrawn[0]).toMatchObject({
      text: 'Runbook Checkout rollback: helpful vote withdrawn',
      runbook: { helpful: null },
    });
    // Nothing to withdraw.
    expect(vote([], null)).toEqual([]);
    // Another responder's vote is theirs: Bob's own vote is recorded.
    expect(vote(helpful, true, 'Bob')).toHaveLength(1);
  });

  it.each([
    ['a gone runbook', undefined, incident, 'This runbook no longer exists.'],
    ['a gone incident', runbook, undefined, 'This incident no longer exists.'],
  ])('refuses %s', (_, rb, inc, message) => {
    expect(refusal(() => voteRunbook(rb, inc, [], true, ctx())).message).toBe(message);
  });
});

describe('setRunbookStep', () => {
  it('carries the step as data: runbook id, wording, ticked, checklist length', () => {
    const [entry] = recorded(
      setRunbookStep(runbook, incident, { stepIndex: 1, checked: true }, ctx()),
    );
    expect(entry).toMatchObject({
      text: 'Runbook Checkout rollback: verified Orders flowing',
      runbook: { runbookId: 'rb-1', action: 'step', step: 'Orders flowing', checked: true, of: 2 },
    });
    expect(timelineEntrySchema.safeParse(entry).success).toBe(true);
  });
});

describe('sync', () => {
  it('a use entry travels through the incident document with its runbook data intact', () => {
    const doc = new Y.Doc();
    const cs = voteRunbook(runbook, incident, [], true, ctx());
    applyChanges(doc, cs);
    const [entry] = recorded(cs);
    expect(readRows(doc, 'timelineEntries')).toEqual([entry]);
  });
});
