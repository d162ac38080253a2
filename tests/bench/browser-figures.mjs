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
 * Enter → entry persisted and visible, measured in the page: the field is filled, Enter is
 * dispatched, and the clock stops when the entry's text is in the timeline list.
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
      const list = document.querySelector('[aria-label="Timeline entries"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      const samples = [];
      for (let i = 0; i < reps; i++) {
        const text = `bench ${label} entry ${i} ${Math.random().toString(36).slice(2)}`;
        setValue.call(field, text);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => r()));
        const seen = new Promise((resolve) => {
          // Look only at what each mutation added inside the list, so the probe itself stays
          // cheap (reading the whole list's text on every mutation inflated the figure).
          const mo = new MutationObserver((records) => {
            for (const r of records) {
              const nodes = r.type === 'characterData' ? [r.target] : [...r.addedNodes];
              for (const n of nodes) {
                if (list?.contains(n) && n.textContent?.includes(text)) {
                  mo.disconnect();
                  resolve(performance.now());
                  return;
                }
              }
            }
          });
          mo.observe(list ?? document.body, {
            subtree: true,
            childList: true,
            characterData: true,
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
        const t1 = await seen;
        samples.push(t1 - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      return samples;
    },
    { reps, label },
  );
}

/** The floor for a log entry: a raw IndexedDB put of the same record, strict durability. */
export async function rawPutSamples(page, reps) {
  return page.evaluate(async (reps) => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('bench-floor', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('entries', { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const samples = [];
    for (let i = 0; i < reps; i++) {
      const row = {
        id: crypto.randomUUID(),
        incidentId: 'x',
        kind: 'note',
        text: `bench floor entry ${i}`,
        occurredAt: Date.now(),
        loggedAt: Date.now(),
        author: 'Bench',
        pinned: false,
        deletedAt: null,
        revisions: [],
        change: null,
        audience: null,
      };
      const t0 = performance.now();
      await new Promise((resolve, reject) => {
        const tx = db.transaction('entries', 'readwrite', { durability: 'strict' });
        tx.objectStore('entries').put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
    db.close();
    return samples;
  }, reps);
}

/** Opens an incident from the list by hash navigation; time to the first painted timeline row. */
export async function openIncidentSample(page, id) {
  return page.evaluate(async (id) => {
    location.hash = '#/';
    // Open from an idle list: let the previous open finish reading its record first.
    await new Promise((r) => setTimeout(r, 2000));
    const t0 = performance.now();
    location.hash = `#/incidents/${id}`;
    await new Promise((resolve) => {
      const poll = () =>
        document.querySelector('[aria-label="Timeline entries"] [role="listitem"]')
          ? resolve()
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
    await new Promise((resolve) => {
      const poll = () =>
        document.querySelectorAll('a.incident-link').length >= expected
          ? resolve()
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
