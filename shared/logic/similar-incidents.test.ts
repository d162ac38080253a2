import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { ActionItem, ContributingCause } from '../domain/records';
import { incidentRow, noImpact } from '../domain/testing/incident';
import {
  isComparable,
  rankSimilarIncidents,
  rootCauseOf,
  SIMILAR_LIMIT,
  SimilarIncidentRanker,
  type SimilarityFacts,
  unfinishedActionItems,
} from './similar-incidents';
import {
  cosine,
  SimilarityIndex,
  similarityTokens,
  TermDictionary,
  termCounts,
} from './text-similarity';

const DAY = 86_400_000;

/** A past incident `daysAgo` days before the running one (which starts at day 400). */
function past(
  id: string,
  over: Partial<Incident> & { daysAgo?: number; causes?: ContributingCause[] } = {},
  findings: string[] = [],
): SimilarityFacts {
  const { daysAgo = 10, causes, ...rest } = over;
  const start = (400 - daysAgo) * DAY;
  return {
    incident: incidentRow({
      id,
      title: 'Something unrelated',
      createdAt: start,
      milestones: { started: start },
      ...rest,
    }),
    postmortem: causes ? { sections: {}, causes } : null,
    findings,
  };
}

const running = (over: Partial<Incident> = {}, causes?: ContributingCause[]): SimilarityFacts => ({
  incident: incidentRow({
    id: 'now',
    title: 'Checkout returns 502 errors',
    services: ['checkout-api'],
    createdAt: 400 * DAY,
    milestones: { started: 400 * DAY },
    ...over,
  }),
  postmortem: causes ? { sections: {}, causes } : null,
  findings: ['pgbouncer connection pool exhausted on checkout-db'],
});

const ids = (current: SimilarityFacts, pool: SimilarityFacts[], limit?: number) =>
  rankSimilarIncidents(current, pool, limit).map((m) => m.incidentId);

describe('rankSimilarIncidents', () => {
  it.each<{ name: string; pool: SimilarityFacts[]; current?: SimilarityFacts; want: string[] }>([
    {
      name: 'a shared service ranks above an unrelated incident, which is left out',
      pool: [past('other', { services: ['search'] }), past('same', { services: ['Checkout-API'] })],
      want: ['same'],
    },
    {
      name: 'service names match by their normalised form',
      pool: [past('spaced', { services: ['  checkout-api '] })],
      want: ['spaced'],
    },
    {
      name: 'similar words rank an incident on another service',
      pool: [
        past('words', {
          services: ['payments'],
          title: 'Checkout 502 errors after pgbouncer pool exhausted',
        }),
        past('nothing', { services: ['payments'], title: 'Slow image thumbnails' }),
      ],
      want: ['words'],
    },
    {
      name: 'service and words together beat service alone',
      pool: [
        past('service-only', {
          services: ['checkout-api'],
          title: 'Certificate expired',
          daysAgo: 1,
        }),
        past('both', { services: ['checkout-api'], title: 'Checkout 502 errors', daysAgo: 300 }, [
          'connection pool exhausted',
        ]),
      ],
      want: ['both', 'service-only'],
    },
    {
      name: 'a shared cause counts when the running incident has causes',
      current: running({ services: ['web'] }, [
        { tag: 'Connection pool exhaustion', category: 'technology' },
      ]),
      pool: [
        past('cause', {
          services: ['billing'],
          causes: [{ tag: 'connection-pool exhaustion', category: 'other' }],
        }),
        past('no-cause', { services: ['billing'] }),
      ],
      want: ['cause'],
    },
    {
      name: 'equal scores: the more recent first, then by id',
      pool: [
        past('b-old', { services: ['checkout-api'], daysAgo: 50 }),
        past('a-new', { services: ['checkout-api'], daysAgo: 5 }),
        past('c-new', { services: ['checkout-api'], daysAgo: 5 }),
      ],
      want: ['a-new', 'c-new', 'b-old'],
    },
    {
      name: 'drills are never offered for a real incident',
      pool: [past('drill', { services: ['checkout-api'], drill: true })],
      want: [],
    },
    {
      name: 'a drill is offered real incidents and drills',
      current: running({ drill: true }),
      pool: [
        past('real', { services: ['checkout-api'], daysAgo: 2 }),
        past('drill', { services: ['checkout-api'], drill: true, daysAgo: 3 }),
      ],
      want: ['real', 'drill'],
    },
    {
      name: 'incidents that began later, and the incident itself, are not past incidents',
      pool: [past('later', { services: ['checkout-api'], daysAgo: -3 }), past('now', {})],
      want: [],
    },
  ])('$name', ({ pool, current, want }) => {
    expect(ids(current ?? running(), pool)).toEqual(want);
  });

  it('says why: shared services and causes as the past incident names them', () => {
    const [m] = rankSimilarIncidents(
      running({ services: ['checkout-api', 'web'] }, [
        { tag: 'Missing canary', category: 'process' },
      ]),
      [
        past('p', {
          services: ['Checkout-API', 'checkout-api', 'cdn'],
          causes: [{ tag: 'missing-canary', category: 'process' }],
        }),
      ],
    );
    expect(m?.sharedServices).toEqual(['Checkout-API']);
    expect(m?.sharedCauses).toEqual(['missing-canary']);
    expect(m?.score).toBeGreaterThan(0);
    expect(m?.score).toBeLessThanOrEqual(1);
  });

  it('returns at most the limit, and nothing for an empty pool', () => {
    const pool = Array.from({ length: 12 }, (_, i) =>
      past(`p${String(i).padStart(2, '0')}`, { services: ['checkout-api'], daysAgo: i + 1 }),
    );
    expect(ids(running(), pool)).toHaveLength(SIMILAR_LIMIT);
    expect(ids(running(), pool, 2)).toEqual(['p00', 'p01']);
    expect(ids(running(), [])).toEqual([]);
    expect(ids(running(), pool, 0)).toEqual([]);
  });

  it('ignores an empty running incident text without dividing by zero', () => {
    const blank = running({ title: '–', services: [], impact: noImpact() });
    blank.findings = [];
    expect(ids(blank, [past('p', { services: ['x'] })])).toEqual([]);
  });
});

describe('SimilarIncidentRanker', () => {
  it('ranks many running incidents against one pool as the one-off does', () => {
    const pool = [
      past('a', { services: ['checkout-api'], title: 'Checkout 502 errors' }),
      past('b', { services: ['search'], title: 'Checkout pool exhausted' }),
      past('c', { services: ['cdn'], title: 'Images slow' }),
    ];
    const ranker = new SimilarIncidentRanker(pool);
    for (const current of [running(), running({ services: ['cdn'], title: 'Images slow again' })])
      expect(ranker.rank(current)).toEqual(rankSimilarIncidents(current, pool));
  });
  it('scores the findings read later against the pool, lifting an incident that shares them', () => {
    const pool = [
      past('quiet', { services: ['payments'], title: 'Payments degraded' }),
      past('loud', { services: ['payments'], title: 'Payments degraded' }),
      ...Array.from({ length: 5 }, (_, i) => past(`x${i}`, { title: `Unrelated thing ${i}` })),
    ];
    const current = running({ services: ['web'], title: 'Payments degraded' });
    const ranker = new SimilarIncidentRanker(pool);
    const before = ranker.rank(current);
    expect(before.map((m) => m.incidentId)).toEqual(['loud', 'quiet']);
    const loud = pool[1];
    if (!loud) throw new Error('fixture');
    const after = ranker.rank(current, 5, [
      { ...loud, findings: ['pgbouncer connection pool exhausted on checkout-db'] },
    ]);
    expect(after.map((m) => m.incidentId)).toEqual(['loud', 'quiet']);
    expect(after[0]?.textScore).toBeGreaterThan(before[0]?.textScore ?? 1);
  });
});

describe('text similarity', () => {
  it('tokenises words, drops stop words and plural s', () => {
    expect(similarityTokens('The Timeouts on the DB-proxy, again!')).toEqual([
      'timeout',
      'db',
      'proxy',
      'again',
    ]);
    expect(similarityTokens('Access to class')).toEqual(['access', 'class']);
  });
  it.each([
    ['हिन्दी सर्वर त्रुटि', ['हिन्दी', 'सर्वर', 'त्रुटि']],
    ['İstanbul DNS', ['i̇stanbul', 'dns']],
    ['数据库连接池耗尽', ['数据', '据库', '库连', '连接', '接池', '池耗', '耗尽']],
    ['DB 接続 エラー', ['db', '接続', 'エラ', 'ラー']],
    ['한 글', ['한', '글']],
  ])('keeps words of other scripts whole or as character pairs: %j', (text, want) => {
    expect(similarityTokens(text)).toEqual(want);
  });
  it('finds a phrase inside a longer unspaced run', () => {
    const dict = new TermDictionary();
    const docs = ['数据库连接池耗尽', '缓存雪崩'].map((t) => termCounts(t, dict));
    const scores = new SimilarityIndex(docs, dict.size).scores(termCounts('连接池耗尽', dict));
    expect(scores[0]).toBeGreaterThan(0.5);
    expect(scores[1]).toBe(0);
  });
  it('weighs rare words above common ones', () => {
    const dict = new TermDictionary();
    const docs = ['error checkout', 'error search', 'error pgbouncer'].map((t) =>
      termCounts(t, dict),
    );
    const index = new SimilarityIndex(docs, dict.size);
    expect(index.idf(dict.id('pgbouncer'))).toBeGreaterThan(index.idf(dict.id('error')));
    const query = termCounts('pgbouncer error never-seen', dict);
    expect(index.idf(dict.id('never'))).toBeGreaterThan(index.idf(dict.id('pgbouncer')));
    const scores = [...index.scores(query)];
    const q = index.vector(query);
    // The inverted lists give the same figures as comparing the vectors directly.
    docs.forEach((d, i) => expect(scores[i]).toBeCloseTo(cosine(q, index.vector(d)), 10));
    expect(scores[2]).toBeGreaterThan(scores[0] ?? 0);
    expect(cosine(q, q)).toBeCloseTo(1);
    expect([...index.scores(termCounts('', dict))]).toEqual([0, 0, 0]);
    expect(cosine(q, index.vector(termCounts('', dict)))).toBe(0);
  });
});

describe('isComparable', () => {
  it('compares by start, then createdAt when no start is known', () => {
    const now = incidentRow({ id: 'a', createdAt: 100 });
    expect(isComparable(now, incidentRow({ id: 'b', createdAt: 50 }))).toBe(true);
    expect(isComparable(now, incidentRow({ id: 'b', createdAt: 150 }))).toBe(false);
    expect(
      isComparable(now, incidentRow({ id: 'b', createdAt: 150, milestones: { started: 10 } })),
    ).toBe(true);
  });
});

describe('rootCauseOf', () => {
  it.each([
    [null, null],
    [{ sections: {} }, null],
    [{ sections: { immediateCause: 'Bad deploy', underlyingCause: '  ' } }, 'Bad deploy'],
    [{ sections: { immediateCause: 'Bad deploy', underlyingCause: 'No canary' } }, 'No canary'],
    [{ sections: { systemicCause: 'Review culture' } }, 'Review culture'],
  ])('%j → %j', (pm, want) => {
    expect(rootCauseOf(pm)).toBe(want);
  });
});

describe('unfinishedActionItems', () => {
  const item = (id: string, over: Partial<ActionItem>): ActionItem => ({
    id,
    incidentId: 'i',
    title: id,
    owner: '',
    priority: 'P2',
    dueDate: '2026-12-01',
    status: 'not-started',
    createdAt: 0,
    updatedAt: 0,
    completedAt: null,
    ...over,
  });
  it('keeps Not Started and In Progress, most urgent first', () => {
    const list = unfinishedActionItems([
      item('done', { status: 'done' }),
      item('wont', { status: 'wont-do' }),
      item('p2-late', { dueDate: '2027-01-01' }),
      item('p2-soon', { status: 'in-progress' }),
      item('p0', { priority: 'P0', dueDate: '2027-06-01' }),
    ]);
    expect(list.map((a) => a.id)).toEqual(['p0', 'p2-soon', 'p2-late']);
  });
});
