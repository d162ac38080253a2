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

    return [
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
