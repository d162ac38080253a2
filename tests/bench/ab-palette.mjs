// A/B harness for the palette (BENCHMARKS.md runs T and U), run by hand: two browser builds served
// from ONE origin (the root switched between them) and one persistent seeded profile (the seeded
// year, kept between runs in AB_PROFILE_DIR), measured in alternating blocks A B B A …, each block
// 16 of search-figures.mjs's queries after 8 warm-up ones, the same measurement as the bench.
// Usage: node tests/bench/ab-palette.mjs <distA> <distB> [rounds] [query|launch]
// Build each side with Vite into its own folder (e.g. from a git worktree of each commit:
// `npx vite build --outDir /tmp/distA`). AB_EACH=1 prints every sample; AB_TRACE=<prefix> and
// AB_PROFILE=<prefix> write a Chromium trace / CPU profile of each side's last block;
// AB_EXPECT=built waits for an index built from scratch instead of the stored one.
import http from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { seedInPage } from './seed.mjs';
import { QUERIES, indexReport, querySample as querySample_ } from './search-figures.mjs';

const [distA, distB, roundsArg, mode = 'query'] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 4);
let root = distA;
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let f = join(root, p);
  if (!existsSync(f) || statSync(f).isDirectory()) f = join(root, 'index.html');
  res.writeHead(200, {
    'content-type': types[extname(f)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(f).pipe(res);
});
await new Promise((r) => server.listen(5871, '127.0.0.1', r));
const base = 'http://127.0.0.1:5871';

const ctx = await chromium.launchPersistentContext(
  process.env.AB_PROFILE_DIR ?? '/tmp/warroom-ab-profile',
  {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
);
const page = ctx.pages()[0] ?? (await ctx.newPage());
await page.goto(base);
await page.waitForSelector('html[data-app-state="ready"]');

/** Rows of `store` in the app's database (-1 when the store does not exist). */
const rows = (store) =>
  page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const req = indexedDB.open('warroom');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(name)) return resolve(-1);
          const c = db.transaction(name).objectStore(name).count();
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
      }),
    store,
  );
if ((await rows('incidents')) < 1000) {
  const t0 = Date.now();
  await page.evaluate(seedInPage, {
    incidents: 1000,
    entriesEach: 200,
    seed: 42,
    special: [
      { name: 'Bench zero', entries: 0, pinned: 0 },
      { name: 'Bench mid', entries: 10_000, pinned: 0 },
      { name: 'Bench big', entries: 50_000, pinned: 100 },
    ],
  });
  console.error(`seeded in ${Date.now() - t0} ms`);
  await page.reload();
  await page.waitForSelector('html[data-app-state="ready"]');
}
// Let the migration into documents finish.
for (let last = -2, same = 0; same < 6;) {
  const n = await rows('syncDocs');
  same = n === last ? same + 1 : 0;
  last = n;
  await page.waitForTimeout(2000);
}
console.error('documents settled');

const searchHow = (want) => indexReport(page, want);
const querySample = async (q) => querySample_(page, q);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)];
  return `n=${s.length} median ${q(0.5).toFixed(1)} p95 ${q(0.95).toFixed(1)} max ${s[s.length - 1].toFixed(1)}`;
};
const readyProbe = () => {
  const mark = () => {
    if (document.documentElement.dataset.appState === 'ready' && !('__readyAt' in window))
      window.__readyAt = performance.now();
  };
  new MutationObserver(mark).observe(document, {
    attributes: true,
    subtree: true,
    attributeFilter: ['data-app-state'],
  });
};
async function launchOnce() {
  const p = await ctx.newPage();
  await p.addInitScript(readyProbe);
  await p.goto(base, { waitUntil: 'commit' });
  await p.waitForFunction(() => '__readyAt' in window, null, { timeout: 60_000 });
  const t = await p.evaluate(() => window.__readyAt);
  await p.close();
  return t;
}

const out = { A: { total: [], worker: [], launch: [] }, B: { total: [], worker: [], launch: [] } };
const order = [];
for (let r = 0; r < rounds; r++) order.push(...(r % 2 ? ['B', 'A'] : ['A', 'B']));
const loads = [];
for (const which of order) {
  root = which === 'A' ? distA : distB;
  await page.reload();
  await page.waitForSelector('html[data-app-state="ready"]');
  await searchHow(process.env.AB_EXPECT ?? 'loaded');
  if (mode === 'launch') {
    for (let i = 0; i < 3; i++) out[which].launch.push(await launchOnce());
    continue;
  }
  await page.waitForTimeout(1000);
  await page.keyboard.press('Control+k');
  await page.waitForSelector('[cmdk-input]');
  for (const q of QUERIES) await querySample(q);
  const cdp = process.env.AB_PROFILE ? await ctx.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const tr = process.env.AB_TRACE ? await ctx.newCDPSession(page) : null;
  if (tr)
    await tr.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
        ],
      },
    });
  for (let i = 0; i < 2; i++)
    for (const q of QUERIES) {
      const [t, w] = await querySample(q);
      out[which].total.push(t);
      if (process.env.AB_EACH) console.error(which, q, t.toFixed(1), w.toFixed(1));
      out[which].worker.push(w);
    }
  if (tr) {
    const done = new Promise((r) => tr.once('Tracing.tracingComplete', r));
    await tr.send('Tracing.end');
    const { stream } = await done;
    let data = '';
    for (;;) {
      const chunk = await tr.send('IO.read', { handle: stream, size: 1 << 20 });
      data += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
      if (chunk.eof) break;
    }
    const fs = await import('node:fs');
    fs.writeFileSync(`${process.env.AB_TRACE}-${which}.json`, data);
    await tr.detach();
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const fs = await import('node:fs');
    fs.writeFileSync(`${process.env.AB_PROFILE}-${which}.cpuprofile`, JSON.stringify(profile));
    await cdp.detach();
  }
  await page.keyboard.press('Escape');
  loads.push((await import('node:os')).loadavg()[0]);
  console.error(which, stats(out[which].total));
}
for (const k of ['A', 'B']) {
  if (mode === 'launch') console.log(k, 'launch', stats(out[k].launch));
  else {
    console.log(k, 'total ', stats(out[k].total));
    console.log(k, 'worker', stats(out[k].worker));
  }
}
console.log('load averages', loads.map((l) => l.toFixed(1)).join(' '));
await ctx.close();
server.close();
