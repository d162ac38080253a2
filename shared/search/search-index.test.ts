import { describe, expect, it } from 'vitest';
import { incidentRow } from '../domain/testing/incident';
import { timelineEntry } from '../domain/testing/timeline';
import type { TimelineEntry } from '../domain/timeline';
import { documentsOfRow, sourceOf } from './documents';
import {
  SearchIndex,
  maxEditsFor,
  queryOf,
  transpositionsOf,
  type IncidentMeta,
} from './search-index';

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

describe('transpositionsOf', () => {
  it.each([
    ['pool', ['opol', 'polo']],
    ['abc', ['bac', 'acb']],
    ['aa', []],
    ['', []],
  ])('%s', (t, out) => expect(transpositionsOf(t)).toEqual(out));
});

describe('queryOf', () => {
  it('makes every word required and lets a 4 to 7 letter word match transposed', () => {
    expect(queryOf('DB, pool')).toEqual({
      combineWith: 'AND',
      queries: [
        'db',
        {
          combineWith: 'OR',
          queries: [
            'pool',
            {
              combineWith: 'OR',
              queries: ['opol', 'polo'],
              fuzzy: false,
              boost: { text: 0.45 },
            },
          ],
        },
      ],
    });
    expect(queryOf('checkout')).toEqual({ combineWith: 'AND', queries: ['checkout'] });
    // A known word, a number, a word with a digit: taken as typed.
    expect(queryOf('form 5432 db2x', (w) => w === 'form')).toEqual({
      combineWith: 'AND',
      queries: ['form', '5432', 'db2x'],
    });
  });
});

describe('SearchIndex', () => {
  it('finds with a typo and with a prefix, grouped by incident', () => {
    const index = seeded();
    expect(ids(index, 'exhuasted')).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'exhau')).toEqual(['timelineEntries/e1']);
    // Two neighbouring letters swapped, in a word short enough to allow only one edit, and in
    // a word typed halfway.
    expect(ids(index, 'polo exhausted')).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'chekcout')).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'cehck')).toEqual(['timelineEntries/e1']);
    // An extra, a missing and a wrong letter.
    expect(ids(index, 'checkoutt')).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'chckout')).toEqual(['timelineEntries/e1']);
    expect(ids(index, 'checkaut')).toEqual(['timelineEntries/e1']);
    // A word spelt right is not read as another one transposed, nor is a number.
    putEntry(
      index,
      timelineEntry({
        id: 'e9',
        incidentId: 'i1',
        text: 'Filled the form from port 4532',
        occurredAt: 50,
      }),
    );
    putEntry(
      index,
      timelineEntry({
        id: 'e10',
        incidentId: 'i1',
        text: 'Trail of the form on port 5432',
        occurredAt: 60,
      }),
    );
    expect(ids(index, 'form trail')).toEqual(['timelineEntries/e10']);
    expect(ids(index, '5432')).toEqual(['timelineEntries/e10']);
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

describe('SearchIndex buckets (two-level search)', () => {
  const WORDS = ['pool', 'queue', 'replica', 'latency', 'canary', 'rollback', 'dns', 'cache'];

  /** Three incidents of 250 entries each (three buckets of entries apiece), words from a PRNG. */
  function large(seed: number) {
    let a = seed >>> 0;
    const rand = () => {
      a = (a * 1664525 + 1013904223) >>> 0;
      return a / 2 ** 32;
    };
    const index = SearchIndex.create();
    const texts = new Map<string, string>();
    for (const inc of ['i1', 'i2', 'i3']) {
      index.setIncident(meta({ id: inc, ref: `INC-${inc}` }));
      for (let n = 0; n < 250; n++) {
        const words = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
          return WORDS[Math.floor(rand() * WORDS.length)] ?? 'pool';
        });
        const e = timelineEntry({
          id: `${inc}-e${String(n).padStart(3, '0')}`,
          incidentId: inc,
          text: words.join(' '),
          occurredAt: n,
        });
        putEntry(index, e);
        texts.set(sourceOf('timelineEntries', e.id), e.text);
      }
    }
    return { index, texts };
  }

  it.each([1, 2, 3])(
    'never hides a match: every entry holding all the words is found (seed %i)',
    (seed) => {
      const { index, texts } = large(seed);
      expect(index.bucketCount).toBe(9);
      for (const q of ['pool', 'replica latency', 'dns cache canary']) {
        const words = q.split(' ');
        const expected = [...texts]
          .filter(([, t]) => words.every((w) => t.split(' ').includes(w)))
          .map(([id]) => id)
          .sort();
        const found = index.search(q, {}, { maxGroups: 10, perGroup: 10_000 });
        expect(found.groups.flatMap((g) => g.hits.map((h) => h.id)).sort()).toEqual(expected);
        expect(found.total).toBe(expected.length);
        expect(found.more).toBe(false);
      }
    },
  );

  it('stops looking once the groups are full and says there may be more', () => {
    const { index } = large(7);
    const found = index.search('pool', {}, { maxGroups: 2, perGroup: 3 });
    expect(found.groups).toHaveLength(2);
    expect(found.groups.every((g) => g.hits.length === 3)).toBe(true);
    expect(found.more).toBe(true);
    // Hits inside a group are best first.
    for (const g of found.groups)
      expect(g.hits.map((h) => h.score)).toEqual(
        [...g.hits.map((h) => h.score)].sort((x, y) => y - x),
      );
  });

  it('counts every hit in the buckets it opened, listed or not', () => {
    const index = seeded();
    for (let n = 0; n < 5; n++)
      putEntry(index, timelineEntry({ id: `p${n}`, incidentId: 'i1', text: `Quokka ${n}` }));
    const found = index.search('quokka', {}, { perGroup: 3 });
    expect(found.groups[0]?.hits).toHaveLength(3);
    expect(found).toMatchObject({ total: 5, more: false });
  });

  it('finds the one entry holding both words when hundreds of buckets hold them apart', () => {
    const index = SearchIndex.create();
    for (let n = 0; n < 300; n++) {
      const id = `d${n}`;
      index.setIncident(meta({ id, ref: `INC-${n}` }));
      putEntry(index, timelineEntry({ id: `${id}-a`, incidentId: id, text: 'database slow' }));
      putEntry(index, timelineEntry({ id: `${id}-b`, incidentId: id, text: 'request timeout' }));
    }
    index.setIncident(meta({ id: 'hit', ref: 'INC-HIT' }));
    putEntry(
      index,
      timelineEntry({ id: 'the-one', incidentId: 'hit', text: 'database timeout on primary' }),
    );
    const found = index.search('database timeout');
    expect(found.groups.flatMap((g) => g.hits.map((h) => h.id))).toEqual([
      'timelineEntries/the-one',
    ]);
    expect(found.total).toBe(1);
    // With no budget left after the first buckets, it says it stopped looking.
    const hurried = index.search('database timeout', {}, { budgetDocs: 0 });
    expect(hurried.more).toBe(true);
  });

  it('finds an edit to an entry in an old, full bucket, and forgets the old words', () => {
    const { index } = large(4);
    const first = timelineEntry({ id: 'i1-e000', incidentId: 'i1', text: 'Zanzibar failover' });
    putEntry(index, first);
    expect(ids(index, 'zanzibar')).toEqual(['timelineEntries/i1-e000']);
    putEntry(index, { ...first, text: 'Quetzal failover' });
    expect(ids(index, 'zanzibar')).toEqual([]);
    expect(ids(index, 'quetzal')).toEqual(['timelineEntries/i1-e000']);
    expect(index.bucketCount).toBe(9); // the edit stayed in its bucket
    expect(index.textOf('timelineEntries/i1-e000')).toBe('Quetzal failover');
  });

  it('keeps an incident’s entries apart from its other records, so a kind filter finds the records', () => {
    const { index } = large(5);
    index.replaceRow(
      sourceOf('incidents', 'i2'),
      documentsOfRow('incidents', incidentRow({ id: 'i2', title: 'Pool exhausted at peak' })),
    );
    expect(index.bucketCount).toBe(10);
    expect(ids(index, 'pool', { kinds: ['incident'] })).toEqual(['incidents/i2']);
  });

  it('drops a bucket whose rows were all removed, and reuses none of another incident’s', () => {
    const index = seeded();
    expect(index.bucketCount).toBe(2);
    index.removeRow(sourceOf('timelineEntries', 'e2'));
    expect(ids(index, 'pool')).toEqual(['timelineEntries/e1']); // searching folds the change in
    expect(index.bucketCount).toBe(1);
    putEntry(index, timelineEntry({ id: 'e9', incidentId: 'i2', text: 'pool again' }));
    const { groups } = index.search('pool');
    expect(groups.map((g) => g.incidentId).sort()).toEqual(['i1', 'i2']);
  });

  it('comes back from its serialised form with its buckets, texts and open buckets', () => {
    const { index } = large(6);
    const copy = SearchIndex.load(index.toJSON());
    expect(copy.bucketCount).toBe(index.bucketCount);
    expect(copy.size).toBe(index.size);
    expect(copy.search('replica latency').total).toBe(index.search('replica latency').total);
    expect(copy.textOf('timelineEntries/i3-e249')).toBe(index.textOf('timelineEntries/i3-e249'));
    // A new entry joins the incident's open bucket (the third, with 50 of 100 places taken).
    putEntry(copy, timelineEntry({ id: 'i3-e250', incidentId: 'i3', text: 'Quokka' }));
    expect(copy.bucketCount).toBe(index.bucketCount);
    expect(ids(copy, 'quokka')).toEqual(['timelineEntries/i3-e250']);
  });

  it('refuses a snapshot of the earlier one-level format (the keeper then rebuilds)', () => {
    expect(() => SearchIndex.load(JSON.stringify({ version: 1, index: {} }))).toThrow(
      'Not a search index snapshot.',
    );
  });
});
