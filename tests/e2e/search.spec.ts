import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, killAll, spawnRelay } from '../../scripts/relay-harness';
import { declare, log, openApp, openIncidentsList, openPalette, reloadApp } from './support';

/** How the search worker got its index this time: 'loaded' from storage or 'built'. */
const indexHow = (page: Page) =>
  page.evaluate(() => (globalThis as { __warroomSearch?: { how?: string } }).__warroomSearch?.how);

const FINDING = 'Connection pool exhausted on the payments replica';

test('full-text search finds a finding logged months ago despite a typo, and Enter opens that incident at the entry; after a reload the stored index answers', async ({
  page,
}) => {
  // Months ago: an outage whose finding we will want to remember.
  await page.clock.install({ time: new Date('2026-06-03T09:00:00Z') });
  await openApp(page);
  await declare(page, { title: 'Payments API errors', severity: 'SEV2', services: ['payments'] });
  const oldRef = (await page.locator('.console-meta .ref').textContent())?.trim() ?? '';
  for (let i = 1; i <= 30; i++) await log(page, `n: routine check ${i}`);
  await log(page, `f: ${FINDING}`);
  for (let i = 31; i <= 40; i++) await log(page, `n: routine check ${i}`);

  // Today: another incident, from which the responder searches.
  await page.clock.setSystemTime(new Date('2026-11-30T10:00:00Z'));
  await openIncidentsList(page);
  await declare(page, { title: 'Checkout latency', severity: 'SEV3', services: ['checkout'] });

  let palette = await openPalette(page);
  await page.keyboard.type('conection pool exausted');
  const group = palette.getByRole('group', { name: new RegExp(`${oldRef}.*Payments API errors`) });
  await expect(group).toBeVisible();
  const hit = group.getByRole('option').first();
  await expect(hit).toContainText('Finding');
  await expect(hit.locator('mark')).toHaveText(['Connection', 'pool', 'exhausted']);
  await expect(palette.getByRole('option', { selected: true })).toContainText(FINDING);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments API errors' })).toBeVisible();
  // The console opens at that entry: scrolled into view and focused, the log field not.
  const entry = page
    .getByRole('list', { name: 'Timeline entries' })
    .getByRole('listitem')
    .filter({ hasText: FINDING });
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  expect(page.url()).not.toContain('entry=');

  // A reload loads the stored index instead of building it again, and it still finds.
  await reloadApp(page);
  palette = await openPalette(page);
  await page.keyboard.type('paymnts replica');
  await expect(palette.getByRole('option', { selected: true })).toContainText(FINDING);
  expect(await indexHow(page)).toBe('loaded');
  // Two neighbouring letters swapped, the commonest slip, in short words too.
  const field = palette.getByRole('combobox');
  await field.fill('');
  await page.keyboard.type('replcia polo');
  const swapped = palette.getByRole('option', { selected: true });
  await expect(swapped).toContainText(FINDING);
  await expect(swapped.locator('mark')).toHaveText(['pool', 'replica']);
  // One word that only a command's letters happen to contain ("COmPOse … stakehOLder"): the
  // entry it finds is selected, and the command is still listed below.
  await field.fill('');
  await page.keyboard.type('pool');
  await expect(palette.getByRole('option', { selected: true })).toContainText(FINDING);
});

test('edits, deletions and restores reach the index; filters narrow the results', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Search cluster red', severity: 'SEV1', services: ['search'] });
  await log(page, 'f: Shard allocation stuck on node seven');
  await openIncidentsList(page);
  await declare(page, { title: 'Game day: search', severity: 'SEV4', services: ['search'] });
  await page
    .getByRole('link', { name: /Game day/ })
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await log(page, 'n: Shard allocation rehearsal');

  let palette = await openPalette(page);
  await page.keyboard.type('shard allocation');
  await expect(palette.getByRole('group', { name: /Search cluster red/ })).toBeVisible();
  await expect(palette.getByRole('group', { name: /Game day: search/ })).toBeVisible();
  // Severity narrows to the SEV1.
  await palette.getByRole('button', { name: 'Search filters' }).click();
  await palette.getByLabel('Severity').selectOption('SEV1');
  await expect(palette.getByRole('group', { name: /Game day: search/ })).toHaveCount(0);
  await expect(palette.getByRole('group', { name: /Search cluster red/ })).toBeVisible();
  await palette.getByLabel('Severity').selectOption('');
  // A From date after To says so beside the fields.
  await palette.getByLabel('From (UTC)').fill('2030-01-02');
  await palette.getByLabel('To (UTC)').fill('2030-01-01');
  await expect(palette.getByText('From is after To')).toBeVisible();
  await expect(palette.getByLabel('To (UTC)')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');

  // Edit the rehearsal entry: the old words go, the new ones are found.
  const row = page.getByRole('listitem').filter({ hasText: 'Shard allocation rehearsal' });
  await row.getByRole('button', { name: 'Edit' }).click();
  const editField = page.getByLabel('Edit entry');
  await editField.fill('Replica promotion rehearsal');
  await editField.press('Enter');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Replica promotion rehearsal' }),
  ).toBeVisible();

  palette = await openPalette(page);
  await page.keyboard.type('promotion');
  await expect(palette.getByRole('group', { name: /Game day: search/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // Delete it: gone from results unless deleted entries are asked for.
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Replica promotion rehearsal' })
    .getByRole('button', { name: 'Delete' })
    .click();
  palette = await openPalette(page);
  await page.keyboard.type('promotion');
  await expect(palette.getByRole('status')).toContainText('0 full-text matches');
  await palette.getByRole('button', { name: 'Search filters' }).click();
  await palette.getByLabel('Include deleted entries').check();
  await expect(palette.getByRole('button', { name: 'Search filters (1)' })).toBeVisible();
  await expect(palette.getByRole('option').filter({ hasText: '(deleted)' })).toBeVisible();
});

test('a search that stops looking says its count is a floor; more words make it exact, after a reload too', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await declare(page, { title: 'Cache stampede', severity: 'SEV2', services: ['cache'] });
  // More entries than one bucket of the index holds, every one with the word.
  for (let i = 1; i <= 110; i++) await log(page, `n: thundering herd on shard ${i}`);

  const check = async () => {
    const palette = await openPalette(page);
    await page.keyboard.type('thundering');
    const status = palette.getByRole('status');
    // The incident's group is full after its first bucket: the rest were not opened.
    await expect(status).toHaveText(/^\d[\d,]*\+ full-text matches$/);
    const group = palette.getByRole('group', { name: /Cache stampede/ });
    await expect(group.getByRole('option')).toHaveCount(3);
    // A second word only one entry has: every place it could be was looked at.
    await page.keyboard.type(' 107');
    await expect(status).toHaveText('1 full-text match');
    await expect(palette.getByRole('option', { selected: true })).toContainText(
      'thundering herd on shard 107',
    );
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  };
  await check();
  await reloadApp(page);
  await check();
});

test('a finding logged on another seat in the war room is found by search on this one', async ({
  browser,
}) => {
  // A relay process and two seats talking through it: over 30 s on a busy machine.
  test.setTimeout(180_000);
  const stateDir = mkdtempSync(path.join(tmpdir(), 'warroom-e2e-relay-'));
  try {
    const port = await freePort();
    const relay = await spawnRelay([
      '--port',
      String(port),
      '--state-dir',
      stateDir,
      '--secret',
      'e2e-room-secret-0123456789abcdef',
    ]);
    const seat = async (b: Browser, name: string) => {
      const page = await (await b.newContext()).newPage();
      await openApp(page);
      await page.getByRole('button', { name: 'Join war room' }).click();
      const dialog = page.getByRole('dialog', { name: 'Join war room' });
      await dialog.getByLabel('Your name').fill(name);
      await dialog.getByLabel('Join code').fill(relay.joinCode);
      await dialog.getByRole('button', { name: 'Join', exact: true }).click();
      await expect(dialog).toBeHidden();
      // The first sync goes through the relay process: more than 5 s on a busy machine.
      await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Connected', {
        timeout: 15_000,
      });
      return page;
    };
    const a = await seat(browser, 'Alice');
    const b = await seat(browser, 'Bob');
    // This seat's search index is up before the other seat logs anything.
    let palette = await openPalette(b);
    await b.keyboard.type('anything');
    await expect(palette.getByRole('status')).toContainText('full-text match');
    await b.keyboard.press('Escape');

    await declare(a, { title: 'Queue backlog', severity: 'SEV2' });
    await log(a, 'f: Consumer group rebalancing every ninety seconds');
    await expect(b.getByRole('link', { name: /Queue backlog/ })).toBeVisible({ timeout: 15_000 });

    palette = await openPalette(b);
    await b.keyboard.type('rebalancng');
    const hit = palette.getByRole('group', { name: /Queue backlog/ }).getByRole('option');
    await expect(hit).toContainText('Consumer group rebalancing every ninety seconds', {
      timeout: 15_000,
    });
    await b.keyboard.press('Enter');
    await expect(b.getByRole('heading', { level: 1, name: 'Queue backlog' })).toBeVisible();
  } finally {
    await killAll();
    rmSync(stateDir, { recursive: true, force: true });
  }
});

test('the palette lists ten incidents that match, then more on "Show more matches", the first one added selected; the same after a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  // Twelve incidents whose impact names the same failure (their titles do not).
  for (let i = 1; i <= 12; i++) {
    await openIncidentsList(page);
    await declare(page, {
      title: `Regional outage ${i}`,
      severity: 'SEV3',
      impact: `Edge certificate expired in region ${i}`,
    });
  }
  const hitGroups = (palette: Locator) =>
    palette.getByRole('group', { name: /Regional outage \d+/ });

  const check = async (how: 'click' | 'keyboard') => {
    const palette = await openPalette(page);
    await page.keyboard.type('certficate');
    await expect(palette.getByRole('status')).toHaveText(/full-text match/);
    await expect(hitGroups(palette)).toHaveCount(10);
    const more = palette.getByRole('option', { name: /Show more matches/ });
    await expect(more).toContainText('10 incidents listed');
    if (how === 'click') await more.click();
    else {
      // Down the list to it, then Enter, as a keyboard user does.
      const selected = palette.getByRole('option', { selected: true });
      for (
        let i = 0;
        i < 40 && !/Show more matches/.test((await selected.textContent()) ?? '');
        i++
      )
        await page.keyboard.press('ArrowDown');
      await expect(selected).toContainText('Show more matches');
      await page.keyboard.press('Enter');
    }
    await expect(hitGroups(palette)).toHaveCount(12);
    await expect(more).toHaveCount(0);
    // Where the person reads on: the first incident added is selected, Enter opens it.
    const added = hitGroups(palette).nth(10);
    const heading = await added.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
    );
    const title = /Regional outage \d+/.exec(heading)?.[0] ?? 'no title';
    await expect(added.getByRole('option', { selected: true })).toContainText(
      'Edge certificate expired',
    );
    // Focus stayed in the search field.
    await expect(palette.getByRole('combobox')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  };
  await check('click');
  await reloadApp(page);
  await check('keyboard');
});
