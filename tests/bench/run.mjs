// `npm run bench`: speed and memory of the browser build in Debian's Chromium, each figure next
// to a floor measured in the same run. Prints a Markdown table; writes bench-results.json.
// Options: --tiny (small data, few repetitions: the smoke test), --out FILE,
// --only GROUP[,GROUP…] (measure only these groups of figures, to save time: launch, list, log,
// open, node, bundle, sync, converge, docsize, search; "launch" includes its blank-page floor; the last
// three are the multi-seat figures, with a relay child process), --reps N (repetitions of the
// launch, list and open figures; default 7, 3 with --tiny), --converge-reps N (repetitions of
// the reconnect convergence; default 3, 1 with --tiny).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { buildAndServe, bundleSize } from './serve.mjs';
import { cpuByProcess } from './cpu-by-process.mjs';
import { seedInPage } from './seed.mjs';
import {
  deleteAppDatabase,
  heapUsed,
  launchSamples,
  readyProbe,
  listSample,
  logEntrySamples,
  openIncidentSample,
} from './browser-figures.mjs';
import { nodeFigures } from './node-figures.mjs';
import { searchFigures } from './search-figures.mjs';
import { docFigures } from './doc-figures.mjs';
import { freePort, killRelays, seatUrlOfJoinCode, startRelayChild } from './relay-child.mjs';
import {
  bulkLog,
  declareIncident,
  docStored,
  logOneEntry,
  entryCount,
  joinRoom,
  openIncident,
  openSeat,
  reachedAt,
  relayFloorSamples,
  seatToSeatSamples,
  socketAttempts,
  socketMessages,
  socketOpens,
  takeUpdateReads,
  takeMutationLags,
  waitForStatus,
  watchEntryCount,
} from './sync-figures.mjs';
import { summarize } from './stats.mjs';

const args = process.argv.slice(2);
const tiny = args.includes('--tiny');
const outIndex = args.indexOf('--out');
const outFile = outIndex > -1 ? args[outIndex + 1] : 'bench-results.json';
const GROUPS = [
  'launch',
  'list',
  'log',
  'open',
  'node',
  'bundle',
  'sync',
  'converge',
  'docsize',
  'search',
];
const onlyIndex = args.indexOf('--only');
const only = onlyIndex > -1 ? new Set(args[onlyIndex + 1]?.split(',') ?? []) : new Set(GROUPS);
for (const g of only) {
  if (!GROUPS.includes(g)) {
    console.error(
      `Unknown figure group "${g}"; --only takes a comma-separated list of: ${GROUPS.join(', ')}`,
    );
    process.exit(2);
  }
}
const want = (group) => only.has(group);
const repsIndex = args.indexOf('--reps');
const repsArg = repsIndex > -1 ? Number(args[repsIndex + 1]) : null;
if (repsArg !== null && !(Number.isInteger(repsArg) && repsArg > 0)) {
  console.error('--reps takes a positive whole number');
  process.exit(2);
}

const convergeIndex = args.indexOf('--converge-reps');
const convergeArg = convergeIndex > -1 ? Number(args[convergeIndex + 1]) : null;
if (convergeArg !== null && !(Number.isInteger(convergeArg) && convergeArg > 0)) {
  console.error('--converge-reps takes a positive whole number');
  process.exit(2);
}

const cfg = tiny
  ? {
      reps: 3,
      entryReps: 10,
      incidents: 10,
      entriesEach: 20,
      big: 500,
      mid: 100,
      pinned: 10,
      pmEntries: 200,
      seatEntries: 10,
      offlineEntries: 50,
      convergeReps: 1,
      docEntries: 500,
      relayIncidents: 5,
      relayEntries: 20,
    }
  : {
      reps: 7,
      entryReps: 120,
      incidents: 1000,
      entriesEach: 200,
      big: 50_000,
      mid: 10_000,
      pinned: 100,
      pmEntries: 10_000,
      seatEntries: 50,
      offlineEntries: 1000,
      convergeReps: 3,
      docEntries: 10_000,
      relayIncidents: 50,
      relayEntries: 200,
    };
if (repsArg !== null) cfg.reps = repsArg;
if (convergeArg !== null) cfg.convergeReps = convergeArg;

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const results = [];
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
/** Records one figure: samples summarised, its floor and target, and whether the target is met. */
function record(figure, unit, samples, { floor = null, target = '', pass = null, note = '' } = {}) {
  const row = {
    figure,
    unit,
    ...summarize(samples),
    floor: floor ? summarize(floor) : null,
    target,
    pass,
    note,
  };
  results.push(row);
  const f = row.floor ? ` (floor median ${row.floor.median})` : '';
  console.error(`  ${figure}: median ${row.median} ${unit}${f}`);
  return row;
}

// Only the figures asked for: the browser ones need the build and the server, and all but the
// empty-database launch need the seeded database.
const needsBrowser = ['launch', 'list', 'log', 'open', 'sync', 'converge', 'search'].some(want);
const needsSeed = ['launch', 'list', 'log', 'open', 'search'].some(want);
const { baseURL, close, outDir } =
  needsBrowser || want('bundle')
    ? await buildAndServe()
    : { baseURL: '', close: async () => undefined, outDir: '' };
if (needsBrowser) console.error(`Serving the browser build at ${baseURL}`);
// Seats of the multi-seat figures keep their profile on disk, as users do (BENCH_STORAGE=memory:
// throwaway contexts, whose in-memory IndexedDB slows every commit as the stores fill).
const seatDisk =
  process.env.BENCH_STORAGE === 'memory'
    ? null
    : { executablePath: chromiumPath, args: launchArgs };
const storageNote = seatDisk
  ? 'seats keep their profile on disk'
  : 'seats are throwaway contexts (IndexedDB in memory)';
const browser = needsBrowser
  ? await chromium.launch({ executablePath: chromiumPath, args: launchArgs })
  : null;

try {
  // 1. Launch to ready, empty database, against a blank page served the same way. Two figures:
  // a fresh browser profile each time (a first launch: no HTTP cache, no compiled-code cache,
  // the database created), and a profile that has run the app before, whose database is deleted
  // before each launch (the stores are created each time, the code caches are warm as in the
  // seeded launch below). Only the second compares an empty database with the seeded one.
  if (want('launch')) {
    const blankCtx = await browser.newContext();
    const blank = await launchSamples(blankCtx, baseURL, '/blank.html', cfg.reps, 'blank');
    await blankCtx.close();
    const floorMed = summarize(blank).median;
    const launchTarget = (samples) => {
      const med = summarize(samples).median;
      return med <= Math.max(1.5 * floorMed, floorMed + 50) && med < 500;
    };
    const fresh = [];
    for (let i = 0; i < cfg.reps; i++) {
      const ctx = await browser.newContext();
      fresh.push(...(await launchSamples(ctx, baseURL, '/', 1, 'app')));
      await ctx.close();
    }
    const warmCtx = await browser.newContext();
    await launchSamples(warmCtx, baseURL, '/', 3, 'app');
    const empty = [];
    for (let i = 0; i < cfg.reps; i++) {
      await deleteAppDatabase(warmCtx, baseURL);
      empty.push(...(await launchSamples(warmCtx, baseURL, '/', 1, 'app')));
    }
    await warmCtx.close();
    record('Launch to ready, empty database', 'ms', empty, {
      floor: blank,
      target: '≤ 1.5× floor and < 500 ms',
      pass: launchTarget(empty),
      note: 'the app has run in this browser profile before (warm HTTP and code caches); its database is deleted before each launch. Floor: blank page from the same server (a 50 ms allowance applies when the floor is tiny)',
    });
    record('First launch: fresh browser profile, empty database', 'ms', fresh, {
      floor: blank,
      target: '≤ 1.5× floor and < 500 ms',
      pass: launchTarget(fresh),
      note: 'a new browser profile for each launch: nothing cached, the database created',
    });
    // The stack floors: the least a React + Dexie page does before it shows stored rows
    // (tests/bench/stack-floor/main.js), and React alone (react-only.js), each in a profile that
    // has loaded it before, like the app's warm launches, interleaved with the blank page so the
    // ratios come from the same moments. What the app spends above them is the app's own; the
    // blank page's ratio target is applied to them too, to show whether the stack can meet it.
    const floorPages = [
      [
        'Stack floor: React + Dexie page, empty table, to ready',
        '/stack-floor/index.html',
        'opens a one-table Dexie database, reads it, renders the rows with React, marks ready in a layout effect',
      ],
      [
        'Stack floor: React alone, to ready',
        '/stack-floor/react-only.html',
        'renders a heading and an empty list with React, marks ready in a layout effect; no database',
      ],
    ];
    const pairBlankCtx = await browser.newContext();
    const floorCtxs = [];
    for (const [, path] of floorPages) {
      const c = await browser.newContext();
      await launchSamples(c, baseURL, path, 3, 'app');
      floorCtxs.push(c);
    }
    const pairBlank = [];
    const floorSamples = floorPages.map(() => []);
    for (let i = 0; i < cfg.reps; i++) {
      pairBlank.push(...(await launchSamples(pairBlankCtx, baseURL, '/blank.html', 1, 'blank')));
      for (const [j, [, path]] of floorPages.entries())
        floorSamples[j].push(...(await launchSamples(floorCtxs[j], baseURL, path, 1, 'app')));
    }
    await pairBlankCtx.close();
    for (const c of floorCtxs) await c.close();
    const pairMed = summarize(pairBlank).median;
    for (const [j, [name, , what]] of floorPages.entries())
      record(name, 'ms', floorSamples[j], {
        floor: pairBlank,
        target: '≤ 1.5× floor (the launch target, applied to the stack alone)',
        pass: summarize(floorSamples[j]).median <= Math.max(1.5 * pairMed, pairMed + 50),
        note: `tests/bench/stack-floor: ${what}; nothing of the app. Interleaved with the blank page`,
      });
    globalThis.__blank = blank;
  }

  // Seed one context with the big data set.
  const ctx = needsSeed ? await browser.newContext() : null;
  const page = ctx ? await ctx.newPage() : null;
  if (ctx) {
    await page.goto(`${baseURL}/`);
    await page.waitForSelector('html[data-app-state="ready"]');
    const emptyHeap = await heapUsed(page);
    const t0 = Date.now();
    const ids = await page.evaluate(seedInPage, {
      incidents: cfg.incidents,
      entriesEach: cfg.entriesEach,
      seed: 42,
      special: [
        { name: 'Bench zero', entries: 0, pinned: 0 },
        { name: 'Bench mid', entries: cfg.mid, pinned: 0 },
        { name: 'Bench big', entries: cfg.big, pinned: cfg.pinned },
      ],
    });
    console.error(
      `Seeded ${cfg.incidents} incidents × ${cfg.entriesEach} entries + ${cfg.mid} + ${cfg.big} in ${Date.now() - t0} ms`,
    );
    const totalIncidents = cfg.incidents + 3;
    // Raw IndexedDB writes are invisible to Dexie's live queries: reload to read them.
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]');
    // Since issue 15 the app migrates records from before multi-seat into Yjs documents after
    // start, in idle moments: time it, and let it finish so the figures below measure the
    // steady state (it runs once per database).
    if (['sync', 'launch', 'log', 'list', 'open', 'search'].some(want)) {
      const m0 = Date.now();
      const seededDocs = () =>
        page.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const req = indexedDB.open('warroom');
              req.onsuccess = () => {
                const db = req.result;
                if (!db.objectStoreNames.contains('syncDocs')) return resolve(-1);
                const all = db.transaction('syncDocs').objectStore('syncDocs').getAll();
                all.onsuccess = () => {
                  db.close();
                  resolve(
                    all.result.filter((r) => r.seededAt && r.name.startsWith('incident:')).length,
                  );
                };
                all.onerror = () => reject(all.error);
              };
              req.onerror = () => reject(req.error);
            }),
        );
      let done = await seededDocs();
      while (done >= 0 && done < totalIncidents && Date.now() - m0 < 900_000) {
        await page.waitForTimeout(500);
        done = await seededDocs();
      }
      if (done >= 0)
        record(
          `Start-up migration into documents, ${totalIncidents} incidents / ${cfg.incidents * cfg.entriesEach + cfg.mid + cfg.big} entries`,
          'ms',
          [Date.now() - m0],
          {
            note: `ready → every incident's document seeded (polled every 500 ms): ${done} of ${totalIncidents}${done < totalIncidents ? ' (gave up after 15 min)' : ''}; runs once per database, in idle moments after start`,
          },
        );
    }

    // Full-text search (issue 16): build, stored index at start-up, query → results rendered.
    if (want('search'))
      await searchFigures(page, {
        context: ctx,
        baseURL,
        reps: cfg.reps,
        record,
        label: `${totalIncidents} incidents / ${cfg.incidents * cfg.entriesEach + cfg.mid + cfg.big} entries`,
      });

    // 2. Launch to ready with the seeded database.
    if (want('launch')) {
      const seeded = await launchSamples(ctx, baseURL, '/', cfg.reps, 'app');
      const blank = globalThis.__blank;
      const med = summarize(seeded).median;
      record(
        `Launch to ready, ${cfg.incidents} incidents / ${cfg.incidents * cfg.entriesEach} entries`,
        'ms',
        seeded,
        {
          floor: blank,
          target: '≤ 1.5× floor and < 500 ms',
          pass:
            med <= Math.max(1.5 * summarize(blank).median, summarize(blank).median + 50) &&
            med < 500,
        },
      );
    }

    // 3. Incident list over all incidents.
    if (want('list')) {
      const samples = [];
      // Active incidents (the 3 bench ones + the 4 the seed left open) and one page of resolved.
      const shown = Math.min(totalIncidents, 3 + Math.min(4, cfg.incidents) + 50);
      for (let i = 0; i < cfg.reps; i++) samples.push(await listSample(page, shown));
      record(`Incident list, ${totalIncidents} incidents`, 'ms', samples, {
        target: '< 100 ms',
        pass: summarize(samples).median < 100,
      });
    }

    // 4. Log entry latency at 0, mid and big entries, with the raw put floor.
    for (const [name, n] of want('log')
      ? [
          ['Bench zero', 0],
          ['Bench mid', cfg.mid],
          ['Bench big', cfg.big],
        ]
      : []) {
      await page.evaluate((id) => (location.hash = `#/incidents/${id}`), ids[name]);
      await page.getByRole('textbox', { name: 'Log entry' }).waitFor();
      const { app: samples, floor } = await logEntrySamples(page, cfg.entryReps, name);
      const s = summarize(samples);
      const f = summarize(floor);
      record(`Log entry: Enter → persisted and visible, ${n} entries`, 'ms', samples, {
        floor,
        target: 'p95 ≤ 2× floor p95 and < 16 ms',
        pass: s.p95 <= 2 * f.p95 && s.p95 < 16,
        note: 'floor: raw IndexedDB put of the same record into the same store, strict durability, alternating with the app',
      });
    }

    // 5. Open the big incident: first timeline paint and DOM nodes.
    if (want('open')) {
      const samples = [];
      let nodes = 0;
      for (let i = 0; i < cfg.reps; i++) {
        const r = await openIncidentSample(page, ids['Bench big']);
        samples.push(r.ms);
        nodes = Math.max(nodes, r.nodes);
      }
      record(`Open incident with ${cfg.big} entries: first timeline paint`, 'ms', samples, {
        target: '< 100 ms',
        pass: summarize(samples).median < 100,
      });
      record(`Open incident with ${cfg.big} entries: timeline DOM nodes`, 'nodes', [nodes], {
        target: '< 300',
        pass: nodes < 300,
      });
      // Let the whole record finish loading (the first paint only needs the newest rows).
      await page.waitForTimeout(3000);
      const heap = await heapUsed(page);
      record(
        `JS heap after opening the ${cfg.big}-entry incident`,
        'MB',
        [(heap - emptyHeap) / 1e6],
        {
          floor: [emptyHeap / 1e6],
          target: '< +100 MB over the empty app',
          pass: heap - emptyHeap < 100e6,
          note: 'value: heap growth over the empty app; floor: heap of the empty app (after GC)',
        },
      );
    }
    await ctx.close();
  }

  // 8–10. Multi-seat (issue 15): seats are browser contexts joined to a relay child process on
  // 127.0.0.1 through the Join war room dialog.
  const relayDir =
    want('sync') || want('converge') ? mkdtempSync(join(tmpdir(), 'warroom-bench-relay-')) : '';
  const relayOpts = { port: 0, stateDir: relayDir, secret: `bench-${crypto.randomUUID()}` };
  try {
    if (want('sync')) {
      relayOpts.port = await freePort();
      const relay = await startRelayChild(relayOpts);
      const url = seatUrlOfJoinCode(relay.joinCode);
      const a = await openSeat(browser, baseURL, seatDisk);
      const b = await openSeat(browser, baseURL, seatDisk);
      await joinRoom(a, relay.joinCode);
      await joinRoom(b, relay.joinCode);
      await waitForStatus(a, (t) => t.includes('2 in the room'), 'counted 2 in the room');
      const title = 'Bench seat to seat';
      const id = await declareIncident(a, title);
      await openIncident(b, id, title);
      // 8. Entry on seat A → in seat B's timeline, with the relay's own seat-to-seat floor.
      const floor = await relayFloorSamples(url, relayOpts.secret, cfg.seatEntries);
      const samples = await seatToSeatSamples(a, b, cfg.seatEntries);
      record('Entry logged on seat A → in seat B’s timeline (DOM)', 'ms', samples, {
        floor,
        target: 'p95 < 100 ms',
        pass: summarize(samples).p95 < 100,
        note: `A: Enter in the Log entry field; B: a row with the text added in its Timeline entries list (after B’s IndexedDB projection). Floor: two Node seats (@hocuspocus/provider over ws) on one document of the same relay, a map write on one → observed on the other; ${storageNote}`,
      });

      // 9. Log entry with sync on (A in the room with B, the incident shared) against sync off
      // (a seat that never joined), interleaved in quarters so both see the same machine.
      const onTitle = 'Bench log sync on';
      await declareIncident(a, onTitle);
      const c = await openSeat(browser, baseURL, seatDisk);
      await declareIncident(c, 'Bench log sync off');
      const on = { app: [], floor: [] };
      const off = { app: [], floor: [] };
      const quarter = Math.max(1, Math.round(cfg.entryReps / 4));
      for (let q = 0; q < 4; q++) {
        for (const [page, acc, label] of [
          [c, off, 'sync off'],
          [a, on, 'sync on'],
        ]) {
          const r = await logEntrySamples(page, quarter, `${label} ${q}`);
          acc.app.push(...r.app);
          acc.floor.push(...r.floor);
        }
      }
      for (const [acc, label, note] of [
        [off, 'sync off', 'a seat that never joined a room'],
        [
          on,
          'sync on',
          'seat A in the room with seat B, the incident shared (B follows it); the replay into the Yjs document runs a task after the commit',
        ],
      ]) {
        const sa = summarize(acc.app);
        const sf = summarize(acc.floor);
        record(`Log entry: Enter → persisted and visible, ${label}, new incident`, 'ms', acc.app, {
          floor: acc.floor,
          target: 'p95 ≤ 2× floor p95 and < 16 ms',
          pass: sa.p95 <= 2 * sf.p95 && sa.p95 < 16,
          note: `${note}; floor: raw IndexedDB put, alternating (floor p95 ${sf.p95} ms); ${storageNote}`,
        });
      }
      await Promise.all([a, b, c].map((p) => p.context().close()));
      await relay.stop('SIGTERM');

      // 10. An incident recorded before multi-seat (rows in the tables, no document yet): the
      // app seeds its document from the tables (at start, in idle moments; or, in builds
      // without that migration, on the first entry logged into it). A seat alone.
      const sctx = await browser.newContext();
      const sp = await sctx.newPage();
      await sp.goto(`${baseURL}/`);
      await sp.waitForSelector('html[data-app-state="ready"]');
      const bigIds = await sp.evaluate(seedInPage, {
        incidents: 0,
        entriesEach: 0,
        seed: 42,
        special: [{ name: 'Bench big', entries: cfg.big, pinned: cfg.pinned }],
      });
      await sp.addInitScript(readyProbe);
      await sp.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
      });
      await sp.reload();
      await sp.waitForFunction(() => '__readyAt' in window, null, { timeout: 60_000 });
      const readyAt = await sp.evaluate(() => performance.timeOrigin + window.__readyAt);
      const docName = `incident:${bigIds['Bench big']}`;
      let how = 'at start, without any entry logged';
      let stored = await docStored(sp, docName, 60_000).catch(() => null);
      let fromAt = readyAt;
      if (!stored) {
        how = 'on the first entry logged into it (nothing seeded it within 60 s of start)';
        await openIncident(sp, bigIds['Bench big'], 'Bench big');
        fromAt = await logOneEntry(sp, 'first entry since multi-seat');
        stored = await docStored(sp, docName);
      }
      const longTasks = await sp.evaluate(() => window.__longTasks);
      record(
        `Incident of ${cfg.big} entries from before multi-seat: its document seeded and stored`,
        'ms',
        [stored.at - fromAt],
        {
          note: `seeded ${how}; clock from ${fromAt === readyAt ? 'ready' : 'Enter'} to the syncDocs row marked seeded with y-dexie's update in $syncDocs.doc_updates (${stored.rows} row(s), ${(stored.bytes / 2 ** 20).toFixed(2)} MB); longest main-thread task from navigation to then ${Math.round(Math.max(0, ...longTasks))} ms, ${longTasks.length} long tasks totalling ${Math.round(longTasks.reduce((x, y) => x + y, 0))} ms`,
        },
      );
      const heapSeeded = await heapUsed(sp);
      // Documents no room follows may be let go after a while unused: look again later.
      await sp.waitForTimeout(tiny ? 2000 : 75_000);
      const heapLater = await heapUsed(sp);
      record(
        `JS heap of a seat holding a ${cfg.big}-entry incident from before multi-seat`,
        'MB',
        [heapSeeded / 1e6],
        {
          note: `after GC, right after its document was seeded (the incident list open, the incident never opened); ${tiny ? 2 : 75} s later: ${(heapLater / 1e6).toFixed(2)} MB`,
        },
      );
      await sctx.close();
    }

    // 10. Convergence after the relay comes back: both seats log while it is down, then it is
    // restarted on the same port and state folder.
    if (want('converge')) {
      relayOpts.port = await freePort();
      let relay = await startRelayChild(relayOpts);
      const a = await openSeat(browser, baseURL, seatDisk);
      const b = await openSeat(browser, baseURL, seatDisk);
      await joinRoom(a, relay.joinCode);
      await joinRoom(b, relay.joinCode);
      const fromReady = [];
      const fromReopen = [];
      const logRates = [];
      const n = cfg.offlineEntries;
      for (let k = 0; k < cfg.convergeReps; k++) {
        const title = `Bench converge ${k}`;
        const id = await declareIncident(a, title);
        await openIncident(b, id, title);
        let base = 0;
        for (const deadline = Date.now() + 30_000; ;) {
          const [ca, cb] = await Promise.all([entryCount(a, id), entryCount(b, id)]);
          if (ca > 0 && ca === cb) {
            base = ca;
            break;
          }
          if (Date.now() > deadline) throw new Error(`Seats disagree before the run: ${ca}/${cb}`);
          await a.waitForTimeout(50);
        }
        await relay.stop('SIGTERM');
        const downAt = Date.now();
        await Promise.all(
          [a, b].map((p) => waitForStatus(p, (t) => !t.includes('Connected'), 'left Connected')),
        );
        // PROFILE_CONVERGE=<prefix>: seat A's CPU profile while offline logging and while catching
        // up (<prefix>-offline.cpuprofile, <prefix>-reconnect.cpuprofile), the repetition PROFILE_CONVERGE_REP (from 0; default 0) only.
        const cdp =
          process.env.PROFILE_CONVERGE && k === Number(process.env.PROFILE_CONVERGE_REP ?? 0)
            ? await a.context().newCDPSession(a)
            : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.start');
        }
        const [la, lb] = await Promise.all([bulkLog(a, `A${k}`, n), bulkLog(b, `B${k}`, n)]);
        const saveProfile = async (what) => {
          if (!cdp) return;
          const { profile } = await cdp.send('Profiler.stop');
          const { writeFileSync } = await import('node:fs');
          writeFileSync(
            `${process.env.PROFILE_CONVERGE}-${what}.cpuprofile`,
            JSON.stringify(profile),
          );
        };
        await saveProfile('offline');
        if (process.env.BENCH_COUNT_READS) {
          const r = await takeUpdateReads(a);
          console.error(
            `  converge rep ${k}: seat A read ${r.rows} update rows (${(r.updateBytes / 2 ** 20).toFixed(1)} MB) in ${r.calls} requests while logging offline`,
          );
        }
        const lagSummary = (lags) =>
          `${lags.length} writes over 5 ms, ${Math.round(lags.reduce((s, l) => s + l[1], 0))} ms in all, longest ${Math.round(Math.max(0, ...lags.map((l) => l[1])))} ms`;
        if (process.env.BENCH_MUTATION_LAG)
          console.error(
            `  converge rep ${k}: live-query listeners while logging offline, A: ${lagSummary(await takeMutationLags(a))}; B: ${lagSummary(await takeMutationLags(b))}`,
          );
        const [ta, tb] = [la.ms, lb.ms];
        const perTenth = (l) => l.tenths.map((t) => Math.round(t)).join(' ');
        console.error(
          `  converge rep ${k}: ms per tenth of the offline entries, A: ${perTenth(la)}; B: ${perTenth(lb)}`,
        );
        logRates.push(ta / n, tb / n);
        const [ca, cb] = await Promise.all([entryCount(a, id), entryCount(b, id)]);
        if (ca !== base + n || cb !== base + n)
          throw new Error(`Offline logging: A holds ${ca}, B ${cb}, expected ${base + n} each`);
        // CONVERGE_WATCH=poll: count every 5 ms as before run V (see watchEntryCount).
        const poll = process.env.CONVERGE_WATCH === 'poll';
        await Promise.all([a, b].map((p) => watchEntryCount(p, id, base + 2 * n, { poll })));
        const offlineFor = Date.now() - downAt;
        if (cdp) await cdp.send('Profiler.start');
        // CONVERGE_TRACE=<prefix>: a Chromium trace of every process (pages, IndexedDB in the
        // browser process) over the catch-up of repetition PROFILE_CONVERGE_REP (default 0).
        const tracing =
          process.env.CONVERGE_TRACE && k === Number(process.env.PROFILE_CONVERGE_REP ?? 0);
        const tracer = tracing ? await a.context().newCDPSession(a) : null;
        if (tracer)
          await tracer.send('Tracing.start', {
            transferMode: 'ReturnAsStream',
            traceConfig: {
              includedCategories: [
                'devtools.timeline',
                'disabled-by-default-devtools.timeline',
                'IndexedDB',
                'toplevel',
                'v8.execute',
                'blink.user_timing',
              ],
            },
          });
        const cpuBefore = process.env.CONVERGE_CPU ? cpuByProcess() : null;
        relay = await startRelayChild(relayOpts);
        const cpuReady = process.env.CONVERGE_CPU ? cpuByProcess() : null;
        const [ra, rb] = await Promise.all([reachedAt(a), reachedAt(b)]);
        if (tracer) {
          const done = new Promise((r) => tracer.once('Tracing.tracingComplete', r));
          await tracer.send('Tracing.end');
          const { stream } = await done;
          const chunks = [];
          for (;;) {
            const { data, eof, base64Encoded } = await tracer.send('IO.read', { handle: stream });
            chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString() : data);
            if (eof) break;
          }
          const { writeFileSync } = await import('node:fs');
          writeFileSync(`${process.env.CONVERGE_TRACE}-${k}.json`, chunks.join(''));
        }
        if (cpuReady) {
          const cpuDone = cpuByProcess();
          const spent = (from, to) =>
            [...to]
              .map(([pid, { name, ms }]) => [pid, name, ms - (from.get(pid)?.ms ?? 0)])
              .filter((r) => r[2] > 0)
              .sort((x, y) => y[2] - x[2])
              .map(([pid, name, ms]) => `${name}(${pid}) ${ms}`)
              .join(', ');
          console.error(`  converge rep ${k}: CPU ms, relay start: ${spent(cpuBefore, cpuReady)}`);
          console.error(
            `  converge rep ${k}: CPU ms, ready → held (${Math.round(Math.max(ra, rb) - relay.readyAt)} ms): ${spent(cpuReady, cpuDone)}`,
          );
        }
        await saveProfile('reconnect');
        fromReady.push(Math.max(ra, rb) - relay.readyAt);
        for (const [p, r] of [
          [a, ra],
          [b, rb],
        ]) {
          const opens = (await socketOpens(p)).filter((t) => t > relay.readyAt - 1000);
          if (opens.length) fromReopen.push(r - opens[0]);
        }
        if (process.env.BENCH_MUTATION_LAG)
          for (const [seat, p] of [
            ['A', a],
            ['B', b],
          ])
            console.error(
              `  converge rep ${k}: seat ${seat}'s live-query listeners after the relay was ready: ${JSON.stringify((await takeMutationLags(p)).filter((l) => l[0] > relay.readyAt).map((l) => [Math.round(l[0] - relay.readyAt), Math.round(l[1]), l[2]]))} ([ms after ready, ms busy, parts])`,
            );
        if (process.env.PROFILE_CONVERGE)
          for (const [seat, p] of [
            ['A', a],
            ['B', b],
          ])
            console.error(
              `  converge rep ${k}: seat ${seat} received ${JSON.stringify(await socketMessages(p, relay.readyAt))}, sent ${JSON.stringify(await socketMessages(p, relay.readyAt, true))} ([ms after ready, bytes])`,
            );
        if (process.env.PROFILE_CONVERGE)
          console.error(
            `  converge rep ${k}: attempts at ${JSON.stringify(await Promise.all([a, b].map(async (p) => (await socketAttempts(p)).filter((t) => t > relay.readyAt - 3000).map((t) => Math.round(t - relay.readyAt)))))} ms; sockets opened at ${JSON.stringify(await Promise.all([a, b].map(async (p) => (await socketOpens(p)).filter((t) => t > relay.readyAt - 1000).map((t) => Math.round(t - relay.readyAt)))))} ms, all held at ${Math.round(ra - relay.readyAt)} / ${Math.round(rb - relay.readyAt)} ms after the relay was ready`,
          );
        const [fa, fb] = await Promise.all([entryCount(a, id), entryCount(b, id)]);
        if (fa !== base + 2 * n || fb !== base + 2 * n)
          throw new Error(`After the reconnect A holds ${fa}, B ${fb}, expected ${base + 2 * n}`);
        console.error(
          `  converge rep ${k}: relay down ${offlineFor} ms, ${n} entries per seat logged in ${Math.round(ta)} / ${Math.round(tb)} ms, both hold ${fa} ${Math.round(fromReady.at(-1))} ms after the relay was ready`,
        );
        await waitForStatus(a, (t) => t.includes('Connected'), 'said Connected again');
      }
      record(
        `Reconnect: relay back → both seats hold all ${2 * n} offline entries`,
        'ms',
        fromReady,
        {
          target: 'p95 < 1 s (from reconnect)',
          pass: summarize(fromReady).p95 < 1000,
          note: `relay stopped (SIGTERM), ${n} entries logged on each seat, relay restarted on the same port and state folder; clock from the relay printing its join code to both seats' IndexedDB holding every entry (counted after each write the page commits, and every 250 ms). Includes the seats' reconnect back-off (50 ms growing to 150 ms); ${storageNote}`,
        },
      );
      if (fromReopen.length === 0) console.error('  (no socket reopening was seen on either seat)');
      else
        record(`Reconnect: a seat's socket reopened → it holds all ${2 * n}`, 'ms', fromReopen, {
          target: 'p95 < 1 s',
          pass: fromReopen.length > 0 && summarize(fromReopen).p95 < 1000,
          note: `per seat: from its WebSocket open event (wall clock) to its IndexedDB holding every entry; ${storageNote}`,
        });
      record(`Offline logging: one entry through the Log entry field`, 'ms', logRates, {
        note: `mean per entry while logging ${n} in a row on both seats at once, relay down (not a target: how the offline entries were made)`,
      });
      await Promise.all([a, b].map((p) => p.context().close()));
      await relay.stop('SIGTERM');
    }
  } finally {
    await killRelays();
    if (relayDir) rmSync(relayDir, { recursive: true, force: true });
  }

  // 11. Incident document size and relay memory, in Node.
  if (want('docsize'))
    for (const f of await docFigures(cfg)) record(f.figure, f.unit, f.samples, f.opts);

  // 6. Pure figures in Node: post-mortem Markdown and metrics.
  if (want('node'))
    for (const f of await nodeFigures(cfg)) record(f.figure, f.unit, f.samples, f.opts);

  // 7. Bundle size.
  if (want('bundle')) {
    const gz = await bundleSize(outDir);
    record('Renderer bundle, initial chunk, gzipped', 'KB', [gz / 1024], {
      target: '< 300 KB',
      pass: gz / 1024 < 300,
    });
  }
} finally {
  await browser?.close();
  await close();
}

const machine = {
  loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  loadAtStart,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
writeFileSync(
  outFile,
  JSON.stringify(
    { tiny, only: [...only], takenAt: new Date().toISOString(), machine, results },
    null,
    2,
  ),
);

const cell = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : String(x));
console.log(`| figure | unit | n | min | median | p95 | max | floor median | target | met |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|`);
for (const r of results)
  console.log(
    `| ${r.figure} | ${r.unit} | ${r.count} | ${cell(r.min)} | ${cell(r.median)} | ${cell(r.p95)} | ${cell(r.max)} | ${cell(r.floor?.median)} | ${r.target} | ${r.pass === null ? '—' : r.pass ? 'yes' : 'no'} |`,
  );
console.log(
  `\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}. Load average ${machine.loadAtStart.join(' ')} at the start, ${machine.loadAverage.join(' ')} at the end. JSON: ${outFile}`,
);
