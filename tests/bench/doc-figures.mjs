// Size of an incident's Yjs document, and the relay's memory with many incidents loaded,
// measured in Node with the app's own shared/sync/record-doc.ts (loaded through Vite).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createServer } from 'vite';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { freePort, rssMB, seatUrlOfJoinCode, startRelayChild } from './relay-child.mjs';
import { seededRandom } from './stats.mjs';

const WORDS =
  'checkout latency rollback deploy cache db error rate p99 queue retry pod node alert dns timeout spike canary'.split(
    ' ',
  );
const KINDS = ['note', 'action', 'decision', 'finding', 'note', 'note'];

/** An incident row and `n` timeline entry rows shaped as the app writes them (seeded text). */
function incidentRows(id, n, rand) {
  const sentence = (k) =>
    Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const start = Date.UTC(2026, 10, 22, 10, 0);
  const cadence = () => ({ lastSentAt: null, snoozedUntil: null, snoozeReason: null });
  const incident = {
    id,
    ref: 'INC-2026-11-22-001-7K2M',
    slug: '#inc-2026-11-22-bench',
    title: 'Bench document size',
    severity: 'SEV2',
    status: 'investigating',
    impact: {
      summary: sentence(6),
      usersAffected: null,
      customerFacing: true,
      payingAccounts: false,
      dataIntegrity: false,
      revenueImpact: '',
      supportTickets: null,
    },
    services: ['checkout-api'],
    detection: { source: 'alert', alertName: '' },
    drill: false,
    milestones: { started: start, detected: start + 60_000, declared: start + 120_000 },
    cadence: { engineering: cadence(), executives: cadence(), customers: cadence() },
    resolutionSummary: null,
    dismissedSuggestions: {},
    createdAt: start,
    updatedAt: start,
  };
  const entries = Array.from({ length: n }, (_, k) => ({
    id: crypto.randomUUID(),
    incidentId: id,
    kind: KINDS[k % KINDS.length],
    text: sentence(5 + Math.floor(rand() * 25)),
    occurredAt: start + k * 1000,
    loggedAt: start + k * 1000,
    author: ['Alice', 'Bob', 'Carol', 'Dan'][k % 4],
    pinned: k % 50 === 0,
    deletedAt: null,
    revisions: [],
    change: null,
    audience: null,
  }));
  return { incident, entries };
}

/**
 * An incident document built as the app builds it: the incident in one transaction, then each
 * entry in a transaction of its own (one logged line, one replayed change set). Returns the doc
 * and the bytes of every update it emitted (what y-dexie appends to `$syncDocs.doc_updates`,
 * one row per update, until it compacts them).
 */
function buildDoc(applyChanges, id, n, rand) {
  const doc = new Y.Doc();
  let updateBytes = 0;
  let updates = 0;
  doc.on('update', (u) => {
    updateBytes += u.length;
    updates++;
  });
  const { incident, entries } = incidentRows(id, n, rand);
  applyChanges(doc, { incidents: { added: [incident] } });
  for (const e of entries) applyChanges(doc, { timelineEntries: { added: [e] } });
  return { doc, updateBytes, updates, jsonBytes: JSON.stringify(entries).length };
}

/**
 * Document size for `cfg.docEntries` entries, and the relay's RSS with `cfg.relayIncidents`
 * incidents of `cfg.relayEntries` entries each held by connected seats.
 */
export async function docFigures(cfg) {
  const server = await createServer({
    root: process.cwd(),
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const out = [];
  let applyChanges;
  try {
    ({ applyChanges } = await server.ssrLoadModule('/shared/sync/record-doc.ts'));
  } finally {
    await server.close();
  }
  const rand = seededRandom(11);
  const n = cfg.docEntries;
  const { doc, updateBytes, updates, jsonBytes } = buildDoc(
    applyChanges,
    crypto.randomUUID(),
    n,
    rand,
  );
  const v1 = Y.encodeStateAsUpdate(doc).length;
  const v2 = Y.encodeStateAsUpdateV2(doc).length;
  const MB = 2 ** 20;
  out.push({
    figure: `Incident document, ${n} entries: Y.encodeStateAsUpdate`,
    unit: 'MB',
    samples: [v1 / MB],
    opts: {
      target: '< 2 MB',
      pass: v1 < 2 * MB,
      floor: [jsonBytes / MB],
      note: `floor: the same entries as JSON. encodeStateAsUpdateV2 (y-dexie's compacted row): ${(v2 / MB).toFixed(2)} MB`,
    },
  });
  out.push({
    figure: `Incident document, ${n} entries: updates table before compaction`,
    unit: 'MB',
    samples: [updateBytes / MB],
    opts: {
      target: '< 2 MB',
      pass: updateBytes < 2 * MB,
      note: `${updates} updates, one per logged entry, as y-dexie appends them to $syncDocs.doc_updates (bytes of the update payloads); its periodic compaction replaces them with one V2 state of ${(v2 / MB).toFixed(2)} MB`,
    },
  });

  // Relay memory: one Node seat holding every incident, connected through one socket.
  const stateDir = mkdtempSync(join(tmpdir(), 'warroom-bench-relay-'));
  const secret = `bench-${crypto.randomUUID()}`;
  const relay = await startRelayChild({ port: await freePort(), stateDir, secret });
  let socket = null;
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMB(relay.pid);
    const url = seatUrlOfJoinCode(relay.joinCode);
    socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
    const providers = [];
    for (let i = 0; i < cfg.relayIncidents; i++) {
      const id = crypto.randomUUID();
      const built = buildDoc(applyChanges, id, cfg.relayEntries, rand);
      let synced = false;
      const p = new HocuspocusProvider({
        websocketProvider: socket,
        name: `incident:${id}`,
        document: built.doc,
        token: secret,
        onSynced: ({ state }) => (synced = state),
      });
      p.attach();
      providers.push({ p, synced: () => synced && !p.hasUnsyncedChanges });
    }
    const deadline = Date.now() + 120_000;
    while (!providers.every((x) => x.synced())) {
      if (Date.now() > deadline) throw new Error('The relay never held every incident');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Let the relay store them and settle before reading its memory.
    await new Promise((r) => setTimeout(r, 3000));
    const loaded = rssMB(relay.pid);
    out.push({
      figure: `Relay RSS with ${cfg.relayIncidents} incidents × ${cfg.relayEntries} entries loaded`,
      unit: 'MB',
      samples: [loaded],
      opts: {
        floor: [idle],
        note: 'VmRSS of the relay child process (node --import tsx relay/main.ts) while one seat holds every incident open; floor: the same relay idle after start',
      },
    });
    for (const { p } of providers) p.destroy();
  } finally {
    socket?.destroy();
    await relay.stop('SIGTERM');
    rmSync(stateDir, { recursive: true, force: true });
  }
  return out;
}
