import { expect, test, type Locator, type Page } from '@playwright/test';
import { assign, declare, log, openApp, reloadApp } from './support';

/**
 * The console as a cockpit: at a laptop's viewport, with a running incident of 200+ entries, the
 * core loop fits one screen without scrolling the page — the title line, the three update timers,
 * the role holders, the Log entry field and the latest entries. Screenshots of both sizes go to
 * the test output, to be looked at.
 */

const KINDS = ['note', 'action', 'decision', 'finding'] as const;

/** Writes `count` plain entries straight into the app's IndexedDB (fast seeding), then reloads. */
async function seedEntries(page: Page, incidentId: string, count: number): Promise<void> {
  await page.evaluate(
    async ({ incidentId, count, kinds }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('warroom');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error(String(req.error)));
      });
      const tx = db.transaction('timelineEntries', 'readwrite');
      const store = tx.objectStore('timelineEntries');
      const start = Date.now() - count * 60_000;
      for (let i = 0; i < count; i += 1) {
        store.put({
          id: `seed-${String(i).padStart(5, '0')}`,
          incidentId,
          kind: kinds[i % kinds.length],
          text: `Seeded entry ${i + 1}: checked replica lag on db-${i % 7} and the queue depth`,
          occurredAt: start + i * 60_000,
          loggedAt: start + i * 60_000,
          author: 'Priya',
          pinned: false,
          deletedAt: null,
          revisions: [],
          change: null,
          audience: null,
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      db.close();
    },
    { incidentId, count, kinds: KINDS },
  );
  await reloadApp(page);
}

/** Asserts the element's box lies wholly inside the viewport. */
async function inViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(size.height + 0.5);
  expect(box!.x + box!.width, `${what} right`).toBeLessThanOrEqual(size.width + 0.5);
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`the core loop fits one ${viewport.width}×${viewport.height} screen without scrolling`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await openApp(page);
    await declare(page, {
      title: 'Checkout API errors',
      severity: 'SEV1',
      services: ['checkout-api'],
      customerFacing: true,
    });
    for (const [role, person] of [
      ['Incident Commander', 'Alice'],
      ['Communications Lead', 'Chen'],
      ['Technical Lead', 'Bob'],
      ['Scribe', 'Priya'],
    ] as const)
      await assign(page, role, person);
    const id = decodeURIComponent(page.url().split('/incidents/')[1] ?? '');
    await seedEntries(page, id, 210);
    await log(page, 'f: Latest finding after the seed');

    // Opening the console puts the scribe in the log field.
    await reloadApp(page);
    const field = page.getByLabel('Log entry');
    await expect(page.getByRole('listitem').filter({ hasText: 'Latest finding' })).toBeVisible();
    // The screenshot first, so a failing run still shows what a person would have seen.
    await page.screenshot({
      path: testInfo.outputPath(`console-${viewport.width}x${viewport.height}.png`),
    });
    await expect(field).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const header = page.locator('.console-header');
    await inViewport(page, page.getByRole('heading', { level: 1 }), 'the title');
    await inViewport(page, header.getByText(/^INC-/), 'the reference');
    await inViewport(page, header.getByText('SEV1', { exact: true }), 'the severity');
    await inViewport(page, page.getByLabel('Status'), 'the status');
    await inViewport(page, page.getByLabel('Elapsed since start'), 'the elapsed time');
    for (const name of ['Next engineering update', 'Next executive update', 'Next customer update'])
      await inViewport(page, page.getByRole('timer', { name }), name);
    const roles = page.getByRole('region', { name: 'Roles' });
    for (const [role, person] of [
      ['Incident Commander', 'Alice'],
      ['Communications Lead', 'Chen'],
      ['Technical Lead', 'Bob'],
      ['Scribe', 'Priya'],
    ] as const)
      await inViewport(
        page,
        roles.getByRole('group', { name: role, exact: true }).getByText(person).first(),
        `${role} holder`,
      );
    await inViewport(page, field, 'the Log entry field');
    // The latest ten entries are on screen, in the timeline's own scrolling pane.
    const rows = page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');
    // Rows inside the list's own visible area (it clips what is scrolled out) and the window.
    const visible = await rows.evaluateAll((els) => {
      const pane = els[0]?.closest('[role="list"]')?.getBoundingClientRect();
      if (!pane) return 0;
      const top = Math.max(0, pane.top);
      const bottom = Math.min(window.innerHeight, pane.bottom);
      return els.filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= top - 0.5 && r.bottom <= bottom + 0.5;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(10);
    await inViewport(page, rows.filter({ hasText: 'Latest finding' }), 'the latest entry');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  });
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1120, height: 720 },
]) {
  test(`an incident left open for months still shows every timer and Compose update on a ${viewport.width}×${viewport.height} screen, none overlapping`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.clock.install({ time: new Date('2026-06-03T09:00:00Z') });
    await openApp(page);
    await declare(page, {
      title: 'Checkout API errors',
      severity: 'SEV1',
      services: ['checkout-api'],
      customerFacing: true,
    });
    // Half a year later, nobody having closed it: every update is months overdue.
    await page.clock.setSystemTime(new Date('2026-11-30T09:30:00Z'));
    await reloadApp(page);
    const engineering = page.getByRole('timer', { name: 'Next engineering update' });
    await expect(engineering).toHaveText(/^Overdue by 180 d 0 h \d+ min$/);
    await page.screenshot({
      path: testInfo.outputPath(`console-${viewport.width}x${viewport.height}-overdue.png`),
    });
    const timers = ['Next engineering update', 'Next executive update', 'Next customer update'];
    for (const name of timers) await inViewport(page, page.getByRole('timer', { name }), name);
    const compose = page.getByRole('button', { name: 'Compose update' });
    await inViewport(page, compose, 'Compose update');
    await inViewport(page, page.getByLabel('Log entry'), 'the Log entry field');
    // No two of them share a pixel: the three audiences' timers and actions, and Compose update.
    const boxes = await Promise.all(
      [
        ...['Engineering', 'Executives', 'Customers'].map((a) =>
          page.getByRole('group', { name: `${a} updates` }),
        ),
        compose,
      ].map(async (l) => (await l.boundingBox())!),
    );
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        const apart =
          p.x + p.width <= q.x + 0.5 ||
          q.x + q.width <= p.x + 0.5 ||
          p.y + p.height <= q.y + 0.5 ||
          q.y + q.height <= p.y + 0.5;
        expect(apart, `boxes ${i} and ${j} overlap`).toBe(true);
      }
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  });
}

test('console shortcuts: / to the log field, ? lists them, u composes, r and m jump; none fire while typing', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Search results empty', severity: 'SEV2' });
  const field = page.getByLabel('Log entry');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { level: 2, name: 'Roles' })).toBeFocused();
  await page.keyboard.press('m');
  await expect(page.getByRole('heading', { level: 2, name: 'Milestones' })).toBeFocused();
  await page.keyboard.press('/');
  await expect(field).toBeFocused();
  // In the field, the same keys are text.
  await page.keyboard.type('r/m?u');
  await expect(field).toHaveValue('r/m?u');
  await field.fill('');

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Go to the Log entry field');
  await expect(help).toContainText('Compose update');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('u');
  const compose = page.getByRole('dialog', { name: 'Compose update' });
  await expect(compose).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(compose).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Compose update' })).toBeFocused();

  // Milestones are reachable from the header too.
  await page.getByRole('link', { name: 'Milestones' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Milestones' })).toBeFocused();
  await expect(page).toHaveURL(/#\/incidents\//);
});

test('a timeline row is one line; its Pin, Edit and Delete appear on focus and work from the keyboard', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Queue backlog', severity: 'SEV3' });
  await log(page, 'Consumers scaled to 12');
  const row = page
    .getByRole('list', { name: 'Timeline entries' })
    .getByRole('listitem')
    .filter({ hasText: 'Consumers scaled to 12' });
  const box = await row.boundingBox();
  expect(box!.height).toBeLessThan(40);
  const pin = row.getByRole('button', { name: 'Pin' });
  const actions = row.locator('.tl-actions');
  await page.mouse.move(0, 0);
  await expect(actions).toHaveCSS('opacity', '0');
  await pin.focus();
  await expect(actions).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await reloadApp(page);
  await expect(
    page
      .getByRole('list', { name: 'Timeline entries' })
      .getByRole('listitem')
      .filter({ hasText: 'Consumers scaled to 12' })
      .getByRole('button', { name: 'Pin' }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('the command help on a laptop screen sits below the timeline, never over its rows', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page);
  await declare(page, { title: 'Checkout API errors', severity: 'SEV2' });
  for (const line of ['f: pool at 100%', 'd: roll back to 4.1', 'a: paged the DBA'])
    await log(page, line);
  const field = page.getByRole('region', { name: 'Timeline' }).getByLabel('Log entry');
  await field.fill('/help');
  await field.press('Enter');
  const help = page.getByRole('region', { name: 'Log commands' });
  await expect(help).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('console-help-1400x900.png') });
  // Wherever the help is on screen, it is what is drawn there: no timeline row over its text.
  const covered = await help.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const bottom = Math.min(box.bottom, window.innerHeight) - 2;
    const hits: string[] = [];
    for (let y = box.top + 2; y < bottom; y += 8)
      for (const x of [box.left + 12, box.left + box.width / 2, box.right - 12]) {
        const top = document.elementFromPoint(x, y);
        if (top && !el.contains(top))
          hits.push(`${Math.round(x)},${Math.round(y)}: ${top.className}`);
      }
    return hits;
  });
  expect(covered).toEqual([]);
  await expect(page.getByRole('button', { name: 'Close help' })).toBeVisible();
});
