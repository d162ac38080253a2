import { describe, expect, it } from 'vitest';
import { incidentRow, noImpact } from '../domain/testing/incident';
import { timelineEntry } from '../domain/testing/timeline';
import type { Postmortem, Runbook } from '../domain/records';
import { documentsOf, documentsOfRow, sourceOf } from './documents';

const incident = incidentRow({
  id: 'i1',
  title: 'Checkout API errors',
  severity: 'SEV1',
  services: ['checkout-api'],
  impact: noImpact({
    summary: 'Payments fail for 12% of users',
    publicSummary: 'Some payments fail',
  }),
  understanding: 'Connection pool exhausted',
  milestones: { started: 1_000 },
});

const postmortem: Postmortem = {
  incidentId: 'i1',
  status: 'draft',
  author: 'Sam',
  sections: { executiveSummary: 'The pool ran dry.', whatHappened: '  ', unknownSection: 'x' },
  fiveWhys: ['Because the pool was small'],
  allEntries: false,
  updatedAt: 9_000,
  customSections: [{ id: 'c1', title: 'Recovery', body: 'Restarted pods' }],
  causes: [{ tag: 'connection pool exhaustion', category: 'technology' }],
};

describe('documentsOf', () => {
  it('gives each row its documents, carrying the incident facts for filtering', () => {
    const docs = documentsOf({
      incidents: [incident],
      timelineEntries: [
        timelineEntry({
          id: 'e1',
          incidentId: 'i1',
          kind: 'finding',
          text: 'Pool at 100%',
          occurredAt: 5,
        }),
      ],
    });
    expect(docs.map((d) => d.id)).toEqual(['incidents/i1', 'timelineEntries/e1']);
    const [inc, entry] = docs;
    expect(inc?.text).toBe(
      'Checkout API errors\nPayments fail for 12% of users\nSome payments fail\nConnection pool exhausted',
    );
    expect(inc?.occurredAt).toBe(1_000);
    expect(entry).toMatchObject({
      incidentId: 'i1',
      kind: 'entry',
      label: 'Finding',
      entryId: 'e1',
      severity: 'SEV1',
      services: ['checkout-api'],
      drill: false,
      deleted: false,
      occurredAt: 5,
    });
  });

  it('indexes the current (edited) text of an entry and flags a deleted one', () => {
    const edited = timelineEntry({
      text: 'new words',
      revisions: [{ text: 'old words', editedAt: 2, author: 'Sam' }],
      deletedAt: 7,
    });
    const [doc] = documentsOfRow('timelineEntries', edited);
    expect(doc?.text).toBe('new words');
    expect(doc?.deleted).toBe(true);
    // An entry whose incident is not known yet still becomes a document, without facts.
    expect(doc?.severity).toBeNull();
  });

  it('splits a post-mortem into its non-empty sections, custom sections, whys and causes', () => {
    const docs = documentsOfRow('postmortems', postmortem, incident);
    expect(docs.map((d) => [d.id, d.label, d.text])).toEqual([
      ['postmortems/i1#executiveSummary', 'Post-mortem · Executive Summary', 'The pool ran dry.'],
      ['postmortems/i1#custom-c1', 'Post-mortem · Recovery', 'Recovery\nRestarted pods'],
      ['postmortems/i1#whys-main', 'Post-mortem · 5 Whys', 'Because the pool was small'],
      ['postmortems/i1#causes', 'Post-mortem · Contributing causes', 'connection pool exhaustion'],
    ]);
    expect(new Set(docs.map((d) => d.source))).toEqual(new Set([sourceOf('postmortems', 'i1')]));
  });

  it('covers hypotheses, sent updates, action items and runbooks', () => {
    const runbook: Runbook = {
      id: 'r1',
      title: 'Restart the pool',
      service: 'checkout-api',
      body: 'kubectl rollout restart',
      lastTestedAt: null,
      updatedAt: 3,
    };
    const docs = documentsOf({
      incidents: [incident],
      hypotheses: [
        {
          id: 'h1',
          incidentId: 'i1',
          text: 'Deploy 42 leaked connections',
          owner: 'Sam',
          status: 'open',
          openedAt: 4,
          dueAt: 5,
          closedAt: null,
          extensions: [],
        },
      ],
      commsUpdates: [
        {
          id: 'u1',
          incidentId: 'i1',
          audience: 'executives',
          type: 'update',
          subject: 'Checkout degraded',
          body: 'We are rolling back.',
          format: 'markdown',
          sentAt: 6,
          author: 'Sam',
        },
      ],
      actionItems: [
        {
          id: 'a1',
          incidentId: null,
          title: 'Alert on pool saturation',
          owner: 'Sam',
          priority: 'P1',
          dueDate: '2026-12-01',
          status: 'not-started',
          createdAt: 8,
          updatedAt: 8,
          completedAt: null,
        },
      ],
      runbooks: [runbook],
    });
    expect(docs.map((d) => [d.kind, d.incidentId, d.text])).toEqual([
      ['incident', 'i1', expect.any(String)],
      ['hypothesis', 'i1', 'Deploy 42 leaked connections'],
      ['update', 'i1', 'Checkout degraded\nWe are rolling back.'],
      ['action-item', null, 'Alert on pool saturation'],
      ['runbook', null, 'Restart the pool\nkubectl rollout restart'],
    ]);
    expect(docs.at(-1)?.services).toEqual(['checkout-api']);
    expect(docs.at(-2)?.severity).toBeNull();
  });
});
