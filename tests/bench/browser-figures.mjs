// Figures measured inside Chromium against the browser build. Each helper returns raw samples.

/** Installs a hook that records performance.now() when the app declares itself ready. */
export const readyProbe = () => {
  const mark = () => {
    if (document.documentElement.dataset.appState === 'ready' && !('__readyAt' in window)) {
      window.__readyAt = performance.now();
    }
  };
  // documentElement may not exist yet when init scripts run: watch the whole document.
  new MutationObserver(mark).observe(document, {
    attributes: true,
    subtree: true,
    attributeFilter: ['data-app-state'],
  });
};

/** Time from navigation start to `data-app-state="ready"` (app) or the load event (floor). */
export async function launchSamples(context, baseURL, path, reps, kind) {
  const out = [];
  for (let i = 0; i < reps; i++) {
    const page = await context.newPage();
    if (kind === 'app') await page.addInitScript(readyProbe);
    await page.goto(`${baseURL}${path}`, { waitUntil: kind === 'app' ? 'commit' : 'load' });
    if (kind === 'app') {
      await page.waitForFunction(() => '__readyAt' in window, null, { timeout: 60_000 });
      out.push(await page.evaluate(() => window.__readyAt));
    } else {
      out.push(
        await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart),
      );
    }
    await page.close();
  }
  return out;
}

/**
 * Deletes the app's database in `context` from a blank page of the same origin (no page of the
 * app may be open in that context, or the deletion would be blocked: that rejects).
 */
export async function deleteAppDatabase(context, baseURL) {
  const page = await context.newPage();
  try {
    await page.goto(`${baseURL}/blank.html`);
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.deleteDatabase('warroom');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
          req.onblocked = () =>
            reject(new Error('Deleting the database was blocked by an open page'));
        }),
    );
  } finally {
    await page.close();
  }
}

/**
 * Enter → entry persisted and visible, measured in the page, with its floor: a raw IndexedDB
 * put of the same kind of record into the app's own timelineEntries store (same indexes, same
 * rows already there), strict durability, on a second connection; the floor rows go to an
 * incident that does not exist and are deleted at the end. The two alternate, one of each per
 * repetition, so both are measured in the same state of the page (the same record, the same
 * background work). For the app, the field is filled, Enter is dispatched, and the clock stops
 * when the entry's row is in the timeline list, logged (not "saving").
 */
export async function logEntrySamples(page, reps, label) {
  return page.evaluate(
    async ({ reps, label }) => {
      const field =
        document.querySelector('textarea[aria-label="Log entry"], #log-entry') ??
        [...document.querySelectorAll('textarea')].find((t) =>
          t.labels?.[0]?.textContent?.includes('Log entry'),
        );
      if (!field) throw new Error('Log entry field not found');
      // The list appears once the incident's first rows are read: wait for it (the field is
      // there before it), and look it up again for every entry in case it was re-mounted.
      const findList = () => document.querySelector('[aria-label="Timeline entries"]');
      for (const t0 = performance.now(); !findList();) {
        if (performance.now() - t0 > 20_000) throw new Error('The timeline list never appeared');
        await new Promise((r) => setTimeout(r, 20));
      }
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      const raw = await new Promise((resolve, reject) => {
        const req = indexedDB.open('warroom');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const done = (tx) =>
        new Promise((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      const pause = (ms) => new Promise((r) => setTimeout(r, ms));
      // Let what was just done paint, then act from a task of its own, as a real key press
      // arrives (acting inside the frame callback would put that paint inside the measurement).
      // (A page that produces no frames must not hang the run: give up waiting after 100 ms.)
      const settle = () =>
        Promise.race([
          new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))),
          pause(100),
        ]);

      const floorPut = async (i) => {
        const now = Date.now();
        const row = {
          id: crypto.randomUUID(),
          incidentId: 'bench-floor',
          kind: 'note',
          text: `bench floor entry ${i} ${Math.random().toString(36).slice(2)}`,
          occurredAt: now,
          loggedAt: now,
          author: 'Bench',
          pinned: false,
          deletedAt: null,
          revisions: [],
          change: null,
          audience: null,
        };
        const t0 = performance.now();
        const tx = raw.transaction('timelineEntries', 'readwrite', { durability: 'strict' });
        tx.objectStore('timelineEntries').put(row);
        await done(tx);
        return { ms: performance.now() - t0, id: row.id };
      };

      const logOne = async (i) => {
        const text = `bench ${label} entry ${i} ${Math.random().toString(36).slice(2)}`;
        setValue.call(field, text);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        // A person presses Enter a moment after the last character has painted, not within
        // the same millisecond: give the text's paint time to finish.
        await pause(30);
        await settle();
        const list = findList();
        const seen = new Promise((resolve) => {
          // Look only at what each mutation added inside the list, so the probe itself stays
          // cheap (reading the whole list's text on every mutation inflated the figure). The
          // clock stops when the entry's row is there and no longer marked as saving
          // (aria-busy): written to the database and shown as logged.
          let row = null;
          const mo = new MutationObserver((records) => {
            for (const r of records) {
              if (row) break;
              const nodes = r.type === 'characterData' ? [r.target] : [...r.addedNodes];
              for (const n of nodes) {
                if (list?.contains(n) && n.textContent?.includes(text)) {
                  const el = n.nodeType === 1 ? n : n.parentElement;
                  row = el?.closest('[role="listitem"]') ?? el;
                  break;
                }
              }
            }
            if (row?.isConnected && row.getAttribute('aria-busy') !== 'true') {
              mo.disconnect();
              resolve(performance.now());
            }
          });
          mo.observe(list ?? document.body, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
            attributeFilter: ['aria-busy'],
          });
        });
        const t0 = performance.now();
        field.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: 'Enter',
            code: 'Enter',
            bubbles: true,
            cancelable: true,
          }),
        );
        // A row that never shows is a failure to report, not a reason to hang the run.
        const t1 = await Promise.race([
          seen,
          pause(10_000).then(() => {
            throw new Error(`Log entry ${i} (${label}) was not shown as logged within 10 s`);
          }),
        ]);
        return t1 - t0;
      };

      const app = [];
      const floor = [];
      const floorIds = [];
      for (let i = 0; i < reps; i++) {
        await settle();
        const f = await floorPut(i);
        floor.push(f.ms);
        floorIds.push(f.id);
        await pause(20);
        app.push(await logOne(i));
        await pause(20);
      }
      const tx = raw.transaction('timelineEntries', 'readwrite');
      for (const id of floorIds) tx.objectStore('timelineEntries').delete(id);
      await done(tx);
      raw.close();
      return { app, floor };
    },
    { reps, label },
  );
}

/** Opens an incident from the list by hash navigation; time to the first painted timeline row. */
export async function openIncidentSample(page, id) {
  return page.evaluate(async (id) => {
    location.hash = '#/';
    // Open from an idle list: let the previous open finish reading its record first.
    await new Promise((r) => setTimeout(r, 2000));
    const t0 = performance.now();
    location.hash = `#/incidents/${id}`;
    await new Promise((resolve, reject) => {
      const poll = () =>
        document.querySelector('[aria-label="Timeline entries"] [role="listitem"]')
          ? resolve()
          : performance.now() - t0 > 20_000
            ? reject(new Error('The timeline showed no row within 20 s'))
            : requestAnimationFrame(poll);
      poll();
    });
    await new Promise((r) => requestAnimationFrame(() => r()));
    const t1 = performance.now();
    const list = document.querySelector('[aria-label="Timeline entries"]');
    return { ms: t1 - t0, nodes: list ? list.querySelectorAll('*').length + 1 : 0 };
  }, id);
}

/** Time to render the incident list: active incidents and the first page of resolved ones. */
export async function listSample(page, expected) {
  return page.evaluate(async (expected) => {
    location.hash = '#/settings';
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    location.hash = '#/';
    await new Promise((resolve, reject) => {
      const poll = () =>
        document.querySelectorAll('a.incident-link').length >= expected
          ? resolve()
          : performance.now() - t0 > 20_000
            ? reject(new Error(`The list showed fewer than ${expected} incidents within 20 s`))
            : requestAnimationFrame(poll);
      poll();
    });
    return performance.now() - t0;
  }, expected);
}

/** Used JS heap after a forced garbage collection, in bytes. */
export async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
