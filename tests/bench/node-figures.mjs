// Pure figures measured in Node by loading the app's own TypeScript modules through Vite.
import { performance } from 'node:perf_hooks';
import { createServer } from 'vite';
import { seededRandom } from './stats.mjs';

/** Times `fn` `reps` times after one warm-up; returns the samples in ms. */
function time(fn, reps) {
  fn();
  const out = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Post-mortem Markdown over a large timeline, and incident metrics over many incidents. */
export async function nodeFigures(cfg) {
  const server = await createServer({
    root: process.cwd(),
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { renderPostmortem } = await server.ssrLoadModule('/shared/render/postmortem.ts');
    const { incidentDurations } = await server.ssrLoadModule('/shared/logic/metrics.ts');
    const rand = seededRandom(7);
    const start = Date.UTC(2026, 10, 22, 10, 0);
    const cadence = { lastSentAt: null, snoozedUntil: null, snoozeReason: null };
    const incident = {
      id: 'pm',
      ref: 'INC-2026-11-22-001',
      slug: '#inc-2026-11-22-bench',
      title: 'Bench post-mortem',
      severity: 'SEV1',
      status: 'resolved',
      impact: {
        summary: 'Checkout failing',
        usersAffected: { value: 40, unit: 'percent' },
        customerFacing: true,
        payingAccounts: true,
        dataIntegrity: false,
        revenueImpact: '',
        supportTickets: 12,
      },
      services: ['checkout-api'],
      detection: { source: 'alert', alertName: 'x' },
      drill: false,
      milestones: {
        started: start,
        detected: start + 60_000,
        declared: start + 120_000,
        identified: start + 1_800_000,
        mitigated: start + 3_000_000,
        resolved: start + 3_600_000,
      },
      cadence: { engineering: cadence, executives: cadence, customers: cadence },
      resolutionSummary: 'Rolled back',
      dismissedSuggestions: {},
      createdAt: start,
      updatedAt: start,
    };
    const every = Math.floor(cfg.pmEntries / cfg.pinned);
    const entries = Array.from({ length: cfg.pmEntries }, (_, n) => ({
      id: `e${n}`,
      incidentId: 'pm',
      kind: 'note',
      text: `Entry ${n} | with pipes and *stars* ${rand().toString(36)}`,
      occurredAt: start + n * 300,
      loggedAt: start + n * 300,
      author: 'Alice',
      pinned: n % every === 0,
      deletedAt: null,
      revisions: [],
      change: null,
      audience: null,
    }));
    const input = {
      incident,
      postmortem: {
        incidentId: 'pm',
        status: 'draft',
        author: 'Alice',
        sections: {},
        fiveWhys: ['Why?'],
        allEntries: false,
        updatedAt: start,
      },
      entries,
      roleHistory: [],
      actionItems: [],
      sloBudgetConsumed: null,
      timeZone: 'utc',
    };
    const pm = time(() => renderPostmortem(input, 'markdown'), cfg.reps * 3);

    const incidents = Array.from({ length: cfg.incidents }, (_, i) => ({
      ...incident,
      id: `i${i}`,
      severity: ['SEV1', 'SEV2', 'SEV3', 'SEV4'][i % 4],
      milestones: { ...incident.milestones, resolved: start + 3_600_000 + i * 1000 },
    }));
    const metrics = time(() => {
      const bySeverity = {};
      for (const inc of incidents) {
        const d = incidentDurations(inc.milestones);
        const acc = (bySeverity[inc.severity] ??= { n: 0, ttr: 0, ttd: 0 });
        acc.n++;
        acc.ttr += d.timeToResolve ?? 0;
        acc.ttd += d.timeToDetect ?? 0;
      }
      return bySeverity;
    }, cfg.reps * 3);

    const similar = await similarFigures(server, cfg, incident, rand);

    return [
      ...similar,
      {
        figure: `Post-mortem Markdown, ${cfg.pmEntries} entries (${cfg.pinned} pinned)`,
        unit: 'ms',
        samples: pm,
        opts: { target: '< 50 ms', pass: pm.sort((a, b) => a - b)[Math.floor(pm.length / 2)] < 50 },
      },
      {
        figure: `Metrics (MTTD/MTTR by severity) over ${cfg.incidents} incidents`,
        unit: 'ms',
        samples: metrics,
        opts: {
          target: '< 100 ms',
          pass: metrics.sort((a, b) => a - b)[Math.floor(metrics.length / 2)] < 100,
          note: 'pure computation; the Metrics screen is not built yet',
        },
      },
    ];
  } finally {
    await server.close();
  }
}

/**
 * Similar incidents (issue 16): ranking a running incident against a year of incidents, as the
 * console does — every incident on its incident-level text and post-mortem, then the best 20
 * again with 20 findings each. First ranking: the pool is tokenised and indexed, then ranked (the
 * first incident opened in a window); re-rank: the same pool, the running incident changed.
 */
async function similarFigures(server, cfg, template, rand) {
  const { SimilarIncidentRanker, similarityText } = await server.ssrLoadModule(
    '/shared/logic/similar-incidents.ts',
  );
  const { termCounts, TermDictionary } = await server.ssrLoadModule(
    '/shared/logic/text-similarity.ts',
  );
  const dict = new TermDictionary();
  const vocabulary = Array.from({ length: 600 }, (_, i) => `w${i.toString(36)}`).concat([
    'checkout',
    'latency',
    'rollback',
    'deploy',
    'cache',
    'database',
    'error',
    'timeout',
    'queue',
    'pool',
  ]);
  const services = Array.from({ length: 40 }, (_, i) => `service-${i}`);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(vocabulary)).join(' ');
  const day = 86_400_000;
  const facts = Array.from({ length: cfg.incidents }, (_, i) => ({
    incident: {
      ...template,
      id: `s${i}`,
      title: words(5),
      impact: { ...template.impact, summary: words(8) },
      understanding: words(10),
      resolutionSummary: words(8),
      services: [pick(services), pick(services)],
      milestones: { ...template.milestones, started: template.milestones.started - (i + 1) * day },
      createdAt: template.createdAt - (i + 1) * day,
    },
    postmortem:
      i % 10 < 7
        ? {
            sections: {
              executiveSummary: words(40),
              immediateCause: words(40),
              underlyingCause: words(40),
            },
            causes: [
              { tag: `cause ${Math.floor(rand() * 60)}`, category: 'technology' },
              { tag: `cause ${Math.floor(rand() * 60)}`, category: 'process' },
            ],
          }
        : null,
  }));
  const current = {
    incident: { ...template, id: 'running', title: words(5), services: [pick(services)] },
    postmortem: null,
    findings: Array.from({ length: 20 }, () => words(12)),
  };
  const findingsOf = () => Array.from({ length: 20 }, () => words(12));
  const refineFindings = new Map(facts.map((f) => [f.incident.id, findingsOf()]));
  const rank = (ranker) => {
    const first = ranker.rank(current, 20);
    const byId = new Map(facts.map((f) => [f.incident.id, f]));
    const refined = first.map((m) => ({
      ...byId.get(m.incidentId),
      counts: undefined,
      findings: refineFindings.get(m.incidentId),
    }));
    return ranker.rank(current, 5, refined);
  };
  // Tokenising the pool: done once per window, in idle slices of 8 ms (renderer/features/similar).
  const tokenise = time(() => facts.map((f) => termCounts(similarityText(f), dict)), cfg.reps * 3);
  const tokenised = facts.map((f) => ({ ...f, counts: termCounts(similarityText(f), dict) }));
  // First ranking: index the tokenised pool, then rank (one task on the main thread).
  const cold = time(() => rank(new SimilarIncidentRanker(tokenised, dict)), cfg.reps * 3);
  // Re-rank: the running incident changed (a finding logged, a service added).
  const ranker = new SimilarIncidentRanker(tokenised, dict);
  const warm = time(() => rank(ranker), cfg.reps * 3);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];
  return [
    {
      figure: `Similar incidents: tokenise ${cfg.incidents} incidents (in idle slices of 8 ms)`,
      unit: 'ms',
      samples: tokenise,
      opts: { note: 'once per window, spread over idle callbacks; never one long task' },
    },
    {
      figure: `Similar incidents over ${cfg.incidents} incidents, first ranking (index the pool + rank)`,
      unit: 'ms',
      samples: cold,
      opts: { target: '< 50 ms p95', pass: p95(cold) < 50 },
    },
    {
      figure: `Similar incidents over ${cfg.incidents} incidents, re-rank as the incident changes`,
      unit: 'ms',
      samples: warm,
      opts: {
        target: '< 50 ms p95',
        pass: p95(warm) < 50,
        note: `median ${median(warm).toFixed(1)} ms`,
      },
    },
  ];
}
