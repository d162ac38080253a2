import { describe, expect, it } from 'vitest';
import { incidentRow } from '../domain/testing/incident';
import { timelineEntry } from '../domain/testing/timeline';
import type { TimelineEntry } from '../domain/timeline';
import { documentsOfRow, sourceOf } from './documents';
import { SearchIndex, maxEditsFor, type IncidentMeta } from './search-index';

const meta = (over: Partial<IncidentMeta> = {}): IncidentMeta => ({
  id: 'i1',
  ref: 'INC-2026-01-01-001',
  title: 'Checkout API errors',
  severity: 'SEV2',
  services: ['checkout-api'],
  drill: false,
  createdAt: 0,
  ...over,
});

function putEntry(index: SearchIndex, e: TimelineEntry) {
  index.replaceRow(sourceOf('timelineEntries', e.id), documentsOfRow('timelineEntries', e));
}

const ids = (index: SearchIndex, q: string, f = {}) =>
  index.search(q, f).groups.flatMap((g) => g.hits.map((h) => h.id));

function seeded() {
  const index = SearchIndex.create();
  index.setIncident(meta());
  index.setIncident(
    meta({
      id: 'i2',
      ref: 'INC-2026-02-01-001',
      title: 'Drill',
      drill: true,
      severity: 'SEV4',
      services: ['search'],
    }),
  );
  putEntry(
    index,
    timelineEntry({
      id: 'e1',
      incidentId: 'i1',
      kind: 'finding',
      text: 'Connection pool exhausted on checkout',
      occurredAt: 100,
    }),
  );
  putEntry(
    index,
    timelineEntry({
      id: 'e2',
      incidentId: 'i2',
      kind: 'note',
      text: 'Connection pool fine in the drill',
      occurredAt: 200,
    }),
  );
  return index;
}

describe('maxEditsFor', () => {
  it.each([
    ['db', 0],
    ['pool', 1],
    ['checkout', 2],
  ])('%s → %i', (t, n) => expect(maxEditsFor(t)).toBe(n));
});

describe('SearchIndex', () => {
  it('finds with a typo and with a prefix, grouped by incident', () => {
    const index = seeded();
    expect(ids(index, 'exhuasted')).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'exhau')).toEqual(['timelineEntries/e1']);
    const { groups } = index.search('conection pool');
    expect(groups.map((g) => g.incident?.ref)).toHaveLength(2);
    expect(groups[0]?.hits[0]?.terms).toEqual(expect.arrayContaining(['connection', 'pool']));
  });

  it('follows add, edit, delete and restore of an entry', () => {
    const index = seeded();
    const e3 = timelineEntry({
      id: 'e3',
      incidentId: 'i1',
      text: 'Rolled back deploy 42',
      occurredAt: 300,
    });
    putEntry(index, e3); // add
    expect(ids(index, 'rolled')).toEqual(['timelineEntries/e3']);
    expect(index.rowCounts().timelineEntries).toBe(3);

    const edited = {
      ...e3,
      text: 'Failed over to the replica',
      revisions: [{ text: e3.text, editedAt: 301, author: 'Sam' }],
    };
    putEntry(index, edited); // edit: the old words are gone, the new ones found
    expect(ids(index, 'rolled')).toEqual([]);
    expect(ids(index, 'replica')).toEqual(['timelineEntries/e3']);
    expect(index.rowCounts().timelineEntries).toBe(3);

    const deleted = { ...edited, deletedAt: 400 };
    putEntry(index, deleted); // delete: hidden unless asked
    expect(ids(index, 'replica')).toEqual([]);
    expect(ids(index, 'replica', { includeDeleted: true })).toEqual(['timelineEntries/e3']);

    putEntry(index, { ...deleted, deletedAt: null }); // restore
    expect(ids(index, 'replica')).toEqual(['timelineEntries/e3']);

    index.removeRow(sourceOf('timelineEntries', 'e3')); // a row removed outright
    expect(ids(index, 'replica', { includeDeleted: true })).toEqual([]);
    expect(index.rowCounts().timelineEntries).toBe(2);
  });

  it('filters by severity, service, time, kind and drills, reading the incident facts as they are now', () => {
    const index = seeded();
    expect(ids(index, 'pool', { drills: 'exclude' })).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'pool', { drills: 'only' })).toEqual(['timelineEntries/e2']);
    expect(ids(index, 'pool', { severities: ['SEV4'] })).toEqual(['timelineEntries/e2']);
    expect(ids(index, 'pool', { service: 'checkout-api' })).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'pool', { from: 150 })).toEqual(['timelineEntries/e2']);
    expect(ids(index, 'pool', { to: 150 })).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'pool', { kinds: ['runbook'] })).toEqual([]);
    index.setIncident(meta({ severity: 'SEV4' })); // a severity change, no re-indexing
    expect(ids(index, 'pool', { severities: ['SEV4'] }).sort()).toEqual([
      'timelineEntries/e1',
      'timelineEntries/e2',
    ]);
  });

  it('replaces all sections of a post-mortem together and counts it once', () => {
    const index = seeded();
    const pm = {
      incidentId: 'i1',
      status: 'draft' as const,
      author: 'Sam',
      sections: { executiveSummary: 'Pool ran dry', lessons: 'Alert on saturation' },
      fiveWhys: [],
      allEntries: false,
      updatedAt: 5,
    };
    const source = sourceOf('postmortems', 'i1');
    index.replaceRow(source, documentsOfRow('postmortems', pm));
    expect(ids(index, 'saturation')).toEqual(['postmortems/i1#lessons']);
    index.replaceRow(
      source,
      documentsOfRow('postmortems', { ...pm, sections: { executiveSummary: 'Pool ran dry' } }),
    );
    expect(ids(index, 'saturation')).toEqual([]);
    expect(index.rowCounts().postmortems).toBe(1);
  });

  it('survives a round trip through its serialised form', () => {
    const index = seeded();
    index.replaceRow(
      sourceOf('incidents', 'i1'),
      documentsOfRow('incidents', incidentRow({ id: 'i1', title: 'Checkout API errors' })),
    );
    const copy = SearchIndex.load(index.toJSON());
    expect(ids(copy, 'chekout')).toEqual(
      ['timelineEntries/e1', 'incidents/i1'].sort(
        (a, b) => ids(index, 'chekout').indexOf(a) - ids(index, 'chekout').indexOf(b),
      ),
    );
    expect(copy.rowCounts()).toEqual(index.rowCounts());
    expect(copy.incident('i2')?.drill).toBe(true);
    expect(() => SearchIndex.load('{"version":0}')).toThrow();
  });

  it('finds nothing for an empty query', () => {
    expect(seeded().search('   ').groups).toEqual([]);
  });
});
