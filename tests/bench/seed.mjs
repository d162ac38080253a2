// Generates benchmark data inside the page and writes it with raw IndexedDB, after the app has
// opened (so Dexie has created the stores). Self-contained: it is passed to page.evaluate.

/**
 * @param {{ incidents: number, entriesEach: number, special: { name: string, entries: number, pinned: number }[], seed: number }} spec
 * @returns {Promise<Record<string, string>>} ids of the special incidents by name
 */
export async function seedInPage(spec) {
  let a = spec.seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words = [
    'checkout',
    'latency',
    'rollback',
    'deploy',
    'cache',
    'db',
    'error',
    'rate',
    'p99',
    'queue',
    'retry',
    'pod',
    'node',
    'alert',
    'dns',
    'timeout',
    'spike',
    'canary',
  ];
  const sentence = (n) =>
    Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
  const kinds = ['note', 'action', 'decision', 'finding', 'note', 'note'];
  const sevs = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
  // A year of history looks like this: nearly everything resolved, the last few still open.
  const open = ['investigating', 'identified', 'mitigating', 'monitoring'];
  const statusOf = (i, total) => (i >= total - open.length ? open[total - 1 - i] : 'resolved');
  const day = 86_400_000;
  const base = Date.UTC(2026, 0, 1);
  const blankCadence = () => ({ lastSentAt: null, snoozedUntil: null, snoozeReason: null });

  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('warroom');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

  const makeIncident = (i, title, started) => {
    const status = statusOf(i, spec.incidents);
    const pad = (n) => String(n).padStart(2, '0');
    const d = new Date(started);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const milestones = { started, detected: started + 120_000, declared: started + 300_000 };
    if (status !== 'investigating') milestones.identified = started + 1_200_000;
    if (status === 'resolved')
      Object.assign(milestones, { mitigated: started + 1_800_000, resolved: started + 3_600_000 });
    return {
      id: `bench-${i}`,
      ref: `INC-${date}-${String(1000 + i)}`,
      slug: `#inc-${date}-bench-${i}`,
      title,
      severity: sevs[i % 4],
      status,
      impact: {
        summary: sentence(6),
        usersAffected: null,
        customerFacing: i % 3 === 0,
        payingAccounts: false,
        dataIntegrity: false,
        revenueImpact: '',
        supportTickets: null,
      },
      services: [`svc-${i % 25}`],
      detection: { source: 'alert', alertName: '' },
      drill: i % 20 === 0,
      milestones,
      cadence: {
        engineering: blankCadence(),
        executives: blankCadence(),
        customers: blankCadence(),
      },
      resolutionSummary: status === 'resolved' ? 'Rolled back' : null,
      dismissedSuggestions: {},
      createdAt: started + 300_000,
      updatedAt: started + 300_000,
    };
  };
  const makeEntry = (incidentId, n, started, pinned, step = 1000) => ({
    id: `${incidentId}-e${n}`,
    incidentId,
    kind: kinds[n % kinds.length],
    text: sentence(5 + Math.floor(rand() * 25)),
    occurredAt: started + n * step,
    loggedAt: started + n * step,
    author: ['Alice', 'Bob', 'Carol', 'Dan'][n % 4],
    pinned,
    deletedAt: null,
    revisions: [],
    change: null,
    audience: null,
  });

  const write = (store, rows) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
      const os = tx.objectStore(store);
      for (const r of rows) os.put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });

  const incidents = [];
  let batch = [];
  const flush = async () => {
    if (batch.length) await write('timelineEntries', batch);
    batch = [];
  };
  for (let i = 0; i < spec.incidents; i++) {
    const started = base + i * (day / 3);
    const inc = makeIncident(i, `Bench incident ${i}: ${sentence(3)}`, started);
    incidents.push(inc);
    for (let n = 0; n < spec.entriesEach; n++) {
      batch.push(makeEntry(inc.id, n, started, n % 50 === 0));
      if (batch.length >= 5000) await flush();
    }
  }
  const ids = {};
  spec.special.forEach((s, k) => {
    const i = spec.incidents + k;
    const inc = makeIncident(i, s.name, Date.now() - 6 * 3600_000);
    inc.status = 'investigating';
    delete inc.milestones.resolved;
    incidents.push(inc);
    ids[s.name] = inc.id;
  });
  await write('incidents', incidents);
  for (const [k, s] of spec.special.entries()) {
    const inc = incidents[spec.incidents + k];
    const every = s.pinned ? Math.max(1, Math.floor(s.entries / s.pinned)) : 0;
    for (let n = 0; n < s.entries; n++) {
      // Spread the entries over the incident so far: all of them before now.
      const step = Math.min(1000, (Date.now() - inc.milestones.started) / Math.max(1, s.entries));
      batch.push(makeEntry(inc.id, n, inc.milestones.started, every > 0 && n % every === 0, step));
      if (batch.length >= 5000) await flush();
    }
  }
  await flush();
  db.close();
  return ids;
}
