// Multi-seat figures (issue 15): seats are browser contexts (each its own IndexedDB) of the
// browser build, joined to a relay child process on 127.0.0.1 through the app's own Join war
// room dialog. Times that span two pages or a page and this process are wall-clock milliseconds
// (performance.timeOrigin + performance.now(), the same clock on one machine).
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { wallNow } from './relay-child.mjs';

/**
 * Records the wall-clock time of every WebSocket the page opens (window.__wsOpens), so the
 * moment a seat's socket reopens after a relay restart can be read. Runs as an init script.
 */
export const socketProbe = () => {
  window.__wsOpens = [];
  window.__wsAttempts = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      window.__wsAttempts.push(performance.timeOrigin + performance.now());
      super(...args);
      this.addEventListener('open', () =>
        window.__wsOpens.push(performance.timeOrigin + performance.now()),
      );
      // Every message sent: [wall-clock ms, bytes] (window.__wsSent).
      const send = this.send.bind(this);
      this.send = (data) => {
        (window.__wsSent ??= []).push([
          performance.timeOrigin + performance.now(),
          data?.byteLength ?? data?.size ?? String(data).length,
        ]);
        send(data);
      };
      // Every message received: [wall-clock ms, bytes] (window.__wsMessages).
      this.addEventListener('message', (e) =>
        (window.__wsMessages ??= []).push([
          performance.timeOrigin + performance.now(),
          e.data?.byteLength ?? e.data?.size ?? String(e.data).length,
        ]),
      );
    }
  };
};

/**
 * BENCH_COUNT_READS=1: counts what the page's getAll requests hand back, per store or index
 * (calls, rows, bytes of y-dexie update rows), in window.__reads. Runs as an init script.
 */
export const readCounter = () => {
  window.__reads = {};
  for (const C of [IDBIndex, IDBObjectStore]) {
    const getAll = C.prototype.getAll;
    C.prototype.getAll = function (...args) {
      const req = getAll.apply(this, args);
      const name = this instanceof IDBIndex ? `${this.objectStore.name}.${this.name}` : this.name;
      req.addEventListener('success', () => {
        const e = (window.__reads[name] ??= { calls: 0, rows: 0, updateBytes: 0 });
        e.calls += 1;
        e.rows += req.result.length;
        for (const r of req.result) e.updateBytes += r?.u?.byteLength ?? 0;
      });
      return req;
    };
  }
};

/** The page's read counts since the last call (BENCH_COUNT_READS), the updates table only. */
export async function takeUpdateReads(page) {
  return page.evaluate(() => {
    const all = window.__reads ?? {};
    window.__reads = {};
    return all['$syncDocs.doc_updates'] ?? { calls: 0, rows: 0, updateBytes: 0 };
  });
}

/**
 * BENCH_MUTATION_LAG=1: how long each committed write keeps the page busy in Dexie's
 * `storagemutated` listeners (every live query's subscription merges the write's keys into what
 * it has gathered since it last ran), in window.__mutLag as [wall-clock ms, lag ms, parts] for
 * lags over 5 ms. Dexie dispatches `x-storagemutated-1` from its first listener; a microtask
 * queued there runs once the others have returned. Runs as an init script.
 */
export const mutationLagProbe = () => {
  window.__mutLag = [];
  addEventListener('x-storagemutated-1', (e) => {
    const t0 = performance.now();
    const parts = Object.keys(e.detail ?? {}).length;
    queueMicrotask(() => {
      const lag = performance.now() - t0;
      if (lag > 5) window.__mutLag.push([performance.timeOrigin + t0, lag, parts]);
    });
  });
};

/** Takes (and clears) the lags mutationLagProbe recorded since the last call. */
export function takeMutationLags(page) {
  return page.evaluate(() => {
    const all = window.__mutLag ?? [];
    window.__mutLag = [];
    return all;
  });
}

/**
 * A seat: a browser context of its own with the app open and ready. With `disk` (Chromium's
 * launch options) the seat's profile, and so its IndexedDB, is a folder on disk, as a user's
 * is; without it the seat is a throwaway context of `browser`, whose IndexedDB lives in memory
 * and makes each commit cost time in proportion to what the store already holds (a test
 * artefact: 5,000-row commits went from 0.7 s to 7.5 s as a store filled to 45,000 rows, on
 * disk 0.4-0.7 s throughout). The folder is removed when the seat's context closes.
 */
export async function openSeat(browser, baseURL, disk = null) {
  let context;
  if (disk) {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-seat-'));
    context = await chromium.launchPersistentContext(dir, disk);
    // Chromium's helper processes can still be writing into the profile when the context
    // reports it closed (CI: ENOTEMPTY on rmdir of Default/), so the removal retries, and a
    // folder that still cannot go stays behind in the temp folder instead of failing the run.
    context.on('close', () => {
      rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch((error) =>
        console.error(`bench: could not remove the seat profile ${dir}: ${error.message}`),
      );
    });
  } else context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(socketProbe);
  if (process.env.BENCH_COUNT_READS) await page.addInitScript(readCounter);
  if (process.env.BENCH_MUTATION_LAG) await page.addInitScript(mutationLagProbe);
  await page.goto(`${baseURL}/`);
  await page.waitForSelector('html[data-app-state="ready"]');
  return page;
}

const status = (page) => page.getByRole('status', { name: 'Sync status' });

/** Waits until the Sync status line's text passes `test` (throws after `timeoutMs`). */
export async function waitForStatus(page, test, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await status(page).textContent()) ?? '';
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`Sync status never ${what}; it says "${text}"`);
    await page.waitForTimeout(25);
  }
}

/** Joins the room with `code` through the Join war room dialog, sharing everything it holds. */
export async function joinRoom(page, code) {
  await page.getByRole('button', { name: 'Join war room' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join war room' });
  // The dialog asks who is joining (since the room shows names).
  const name = dialog.getByLabel('Your name');
  if (await name.count()) await name.fill('Bench');
  await dialog.getByLabel('Join code').fill(code);
  await dialog.getByRole('button', { name: 'Join', exact: true }).click();
  const share = dialog.getByRole('button', { name: 'Share all' });
  // The share question comes only when the seat holds incidents the room does not.
  const deadline = Date.now() + 30_000;
  while ((await dialog.isVisible()) && !(await share.isVisible())) {
    if (Date.now() > deadline) throw new Error('The Join war room dialog stayed open');
    await page.waitForTimeout(25);
  }
  if (await share.isVisible()) await share.click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForStatus(page, (t) => t.includes('Connected'), 'said Connected');
}

/** Declares an incident through the dialog; resolves with its id (from the route). */
export async function declareIncident(page, title) {
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('textbox', { name: 'Log entry' }).waitFor();
  const id = await page.evaluate(() => /#\/incidents\/([^/?]+)/.exec(location.hash)?.[1]);
  if (!id) throw new Error('The declared incident has no id in the route');
  return id;
}

/** Opens an incident by its route and waits for its Log entry field. */
export async function openIncident(page, id, title) {
  await page.evaluate((id) => (location.hash = `#/incidents/${id}`), id);
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
  await page.getByRole('textbox', { name: 'Log entry' }).waitFor();
}

/** The number of timeline entries this seat holds for an incident (its IndexedDB projection). */
export function entryCount(page, incidentId) {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('warroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db
            .transaction('timelineEntries')
            .objectStore('timelineEntries')
            .index('incidentId')
            .count(id);
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    incidentId,
  );
}

/**
 * Entry logged on seat A → visible on seat B: A types into its Log entry field and presses
 * Enter from a task of its own (as logEntrySamples does); B's clock stops when a row holding the
 * text is added inside its "Timeline entries" list (B's DOM, which follows B's IndexedDB
 * projection). One entry at a time, `n` times; returns the samples in ms.
 */
export async function seatToSeatSamples(a, b, n) {
  await b.evaluate(() => {
    window.__seen = {};
    window.__watching = new Set();
    new MutationObserver((records) => {
      if (window.__watching.size === 0) return;
      const at = performance.timeOrigin + performance.now();
      const list = document.querySelector('[aria-label="Timeline entries"]');
      for (const r of records)
        for (const node of r.addedNodes) {
          if (!list?.contains(node)) continue;
          const text = node.textContent ?? '';
          for (const w of window.__watching)
            if (text.includes(w)) {
              window.__seen[w] = at;
              window.__watching.delete(w);
            }
        }
    }).observe(document.body, { subtree: true, childList: true });
  });
  const out = [];
  for (let i = 0; i < n; i++) {
    const text = `seat-to-seat ${i} ${Math.random().toString(36).slice(2)}`;
    await b.evaluate((t) => window.__watching.add(t), text);
    const t0 = await a.evaluate(async (text) => {
      const field = [...document.querySelectorAll('textarea')].find((t) =>
        t.labels?.[0]?.textContent?.includes('Log entry'),
      );
      if (!field) throw new Error('Log entry field not found');
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      setValue.call(field, text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 30));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.timeOrigin + performance.now();
      field.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'Enter',
          code: 'Enter',
          bubbles: true,
          cancelable: true,
        }),
      );
      return t0;
    }, text);
    const t1 = await b
      .waitForFunction((t) => window.__seen[t], text, { timeout: 15_000, polling: 10 })
      .then((h) => h.jsonValue());
    out.push(t1 - t0);
    await a.waitForTimeout(50);
  }
  return out;
}

/**
 * Logs `n` entries `${prefix}-0000`… through the Log entry field as fast as the field takes
 * them: each Enter waits for the field to be cleared (the entry committed). Resolves with
 * `{ ms, tenths }`: the time taken in ms, and the time of each tenth of the entries (to see
 * whether an entry costs more as more wait for the relay).
 */
export function bulkLog(page, prefix, n) {
  return page.evaluate(
    async ({ prefix, n }) => {
      const field = [...document.querySelectorAll('textarea')].find((t) =>
        t.labels?.[0]?.textContent?.includes('Log entry'),
      );
      if (!field) throw new Error('Log entry field not found');
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      const t0 = performance.now();
      const tenths = [];
      let lastTenth = t0;
      for (let i = 0; i < n; i++) {
        if (i > 0 && i % Math.max(1, Math.floor(n / 10)) === 0) {
          tenths.push(performance.now() - lastTenth);
          lastTenth = performance.now();
        }
        setValue.call(field, `${prefix}-${String(i).padStart(4, '0')}`);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        field.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: 'Enter',
            code: 'Enter',
            bubbles: true,
            cancelable: true,
          }),
        );
        const start = performance.now();
        while (field.value !== '') {
          if (performance.now() - start > 10_000) throw new Error(`Entry ${i} was not taken`);
          await new Promise((r) => setTimeout(r, 0));
        }
      }
      tenths.push(performance.now() - lastTenth);
      return { ms: performance.now() - t0, tenths };
    },
    { prefix, n },
  );
}

/**
 * Watches this seat's IndexedDB until it holds `target` entries of the incident;
 * `window.__reachedAt` is then the wall-clock time it got there. The entries are counted after
 * every write this page commits that touched timeline entries (Dexie announces each on the
 * window as `x-storagemutated-1`; every write of the app, its projection of a peer's entries
 * included, goes through Dexie) and every 250 ms in case one is missed. Counting every 5 ms
 * instead (`poll: true`, the method before run V) cost each seat's browser process about a
 * third of a core while it waited, which on a two-core machine slowed the very catch-up being
 * timed.
 */
export function watchEntryCount(page, incidentId, target, { poll = false } = {}) {
  return page.evaluate(
    ({ id, target, poll }) => {
      window.__reachedAt = null;
      const open = indexedDB.open('warroom');
      open.onsuccess = () => {
        const db = open.result;
        let counting = false;
        let again = false;
        let done = false;
        let fallback = null;
        const finish = () => {
          done = true;
          window.__reachedAt = performance.timeOrigin + performance.now();
          removeEventListener('x-storagemutated-1', onWrite);
          clearInterval(fallback);
          db.close();
        };
        const count = () => {
          if (done) return;
          if (counting) {
            again = true;
            return;
          }
          counting = true;
          again = false;
          const req = db
            .transaction('timelineEntries')
            .objectStore('timelineEntries')
            .index('incidentId')
            .count(id);
          req.onsuccess = () => {
            counting = false;
            if (req.result >= target) finish();
            else if (poll) setTimeout(count, 5);
            else if (again) count();
          };
          req.onerror = () => {
            counting = false;
            setTimeout(count, 5);
          };
        };
        // Only writes that touched timeline entries can change the count (y-dexie's own writes,
        // drafts and the like do not): each count walks the incident's index in the browser.
        const onWrite = (e) => {
          const parts = Object.keys(e.detail ?? {});
          if (parts.length === 0 || parts.some((p) => p.includes('/timelineEntries'))) count();
        };
        if (!poll) {
          addEventListener('x-storagemutated-1', onWrite);
          fallback = setInterval(count, 250);
        }
        count();
      };
    },
    { id: incidentId, target, poll },
  );
}

/** Waits for watchEntryCount's time (rejects after `timeoutMs`). */
export async function reachedAt(page, timeoutMs = 120_000) {
  const h = await page.waitForFunction(() => window.__reachedAt, null, {
    timeout: timeoutMs,
    polling: 50,
  });
  return h.jsonValue();
}

/** Wall-clock times at which this page opened a WebSocket. */
export const socketOpens = (page) => page.evaluate(() => window.__wsOpens ?? []);

/** Messages this page's WebSockets received (or sent) since `since` (wall-clock ms): [ms after it, bytes]. */
export const socketMessages = (page, since, sent = false) =>
  page.evaluate(
    ({ since, sent }) =>
      ((sent ? window.__wsSent : window.__wsMessages) ?? [])
        .filter((m) => m[0] >= since)
        .map((m) => [Math.round(m[0] - since), m[1]]),
    { since, sent },
  );

/** Wall-clock times at which this page tried to open a WebSocket (each reconnect attempt). */
export const socketAttempts = (page) => page.evaluate(() => window.__wsAttempts ?? []);

/**
 * The floor of seat → seat: two Node seats (@hocuspocus/provider over `ws`, one socket each,
 * as the app has) on one incident document of the same relay; a map write on one → the update
 * observed on the other. No IndexedDB, no projection, no rendering: the relay and the provider.
 */
export async function relayFloorSamples(url, secret, n) {
  const name = `incident:${crypto.randomUUID()}`;
  const mk = () => {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
    let synced = false;
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: doc,
      token: secret,
      onSynced: ({ state }) => (synced = state),
    });
    provider.attach();
    return {
      doc,
      synced: () => synced,
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
    };
  };
  const a = mk();
  const b = mk();
  try {
    const deadline = Date.now() + 30_000;
    while (!(a.synced() && b.synced())) {
      if (Date.now() > deadline) throw new Error('The Node seats never synced with the relay');
      await new Promise((r) => setTimeout(r, 10));
    }
    const entries = b.doc.getMap('timelineEntries');
    const out = [];
    for (let i = 0; i < n; i++) {
      const key = crypto.randomUUID();
      const seen = new Promise((resolve) => {
        const on = () => {
          if (!entries.has(key)) return;
          entries.unobserve(on);
          resolve(wallNow());
        };
        entries.observe(on);
      });
      const t0 = wallNow();
      a.doc.transact(() => {
        const row = new Y.Map();
        a.doc.getMap('timelineEntries').set(key, row);
        row.set('id', key);
        row.set('text', `floor entry ${i}`);
      });
      out.push((await seen) - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  } finally {
    a.destroy();
    b.destroy();
  }
}

/**
 * Waits until this seat's Yjs document `docName` is seeded (its syncDocs row has `seededAt`)
 * and y-dexie holds at least one update for it; resolves with the wall-clock time that was
 * seen (polled every 20 ms), and the bytes and rows of its updates in `$syncDocs.doc_updates`.
 */
export function docStored(page, docName, timeoutMs = 120_000) {
  return page.evaluate(
    async ({ docName, timeoutMs }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('warroom');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const read = () =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(['syncDocs', '$syncDocs.doc_updates']);
          const row = tx.objectStore('syncDocs').get(docName);
          const ups = tx.objectStore('$syncDocs.doc_updates').getAll();
          tx.oncomplete = () => {
            const mine = ups.result.filter((u) => u.k === docName);
            resolve({
              seeded: !!row.result?.seededAt,
              rows: mine.length,
              bytes: mine.reduce((s, u) => s + u.u.byteLength, 0),
            });
          };
          tx.onerror = () => reject(tx.error);
        });
      const t0 = performance.now();
      for (;;) {
        const r = await read();
        if (r.seeded && r.rows > 0) {
          db.close();
          return { at: performance.timeOrigin + performance.now(), ...r };
        }
        if (performance.now() - t0 > timeoutMs) throw new Error(`${docName} was never stored`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
    { docName, timeoutMs },
  );
}

/** Starts recording the main thread's long tasks (window.__longTasks, durations in ms). */
export const watchLongTasks = (page) =>
  page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });

/** Logs one entry through the Log entry field; resolves with the wall-clock time of Enter. */
export function logOneEntry(page, text) {
  return page.evaluate(async (text) => {
    const field = [...document.querySelectorAll('textarea')].find((t) =>
      t.labels?.[0]?.textContent?.includes('Log entry'),
    );
    if (!field) throw new Error('Log entry field not found');
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    setValue.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 30));
    const t0 = performance.timeOrigin + performance.now();
    field.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        code: 'Enter',
        bubbles: true,
        cancelable: true,
      }),
    );
    return t0;
  }, text);
}
