import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
  declare,
  openApp,
  openIncidentsList,
  openSettings,
  reloadApp,
  wipeDatabase,
} from './support';

test.use({ viewport: { width: 1280, height: 2400 } });

async function log(page: Page, text: string, shown = text): Promise<void> {
  const field = page.getByRole('region', { name: 'Timeline' }).getByLabel('Log entry');
  await field.fill(text);
  await field.press('Enter');
  await expect(field).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(shown);
}

async function exportEverything(page: Page): Promise<{ path: string; text: string }> {
  await openSettings(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^warroom-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  return { path, text: await readFile(path, 'utf8') };
}

test('export everything, wipe the database, import the file: everything is back', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Checkout API errors', severity: 'SEV2' });
  await log(page, 'Error rate at 40%');
  await log(page, 'f: Pool exhausted', 'Pool exhausted');
  await openIncidentsList(page);
  await declare(page, { title: 'Login slow', severity: 'SEV3' });
  await log(page, 'Auth latency up');

  const { path, text } = await exportEverything(page);
  const file = JSON.parse(text) as { format: string; tables: { incidents: unknown[] } };
  expect(file.format).toBe('warroom-backup');
  expect(file.tables.incidents).toHaveLength(2);

  await wipeDatabase(page);
  await openIncidentsList(page);
  await expect(page.getByRole('link', { name: /Checkout API errors/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Login slow/ })).toHaveCount(0);

  await openSettings(page);
  await page.getByLabel('Backup file').setInputFiles(path);
  const review = page.getByRole('group', { name: 'Backup contents' });
  await expect(review).toContainText('Incidents: 2');
  await review.getByLabel('Skip').check();
  await review.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText(
    'Incidents: 2 added, 0 replaced, 0 skipped',
  );

  await reloadApp(page);
  await openIncidentsList(page);
  await expect(page.getByRole('link', { name: /Login slow/ })).toBeVisible();
  await page.getByRole('link', { name: /Checkout API errors/ }).click();
  const entries = page.getByRole('list', { name: 'Timeline entries' });
  await expect(entries).toContainText('Error rate at 40%');
  await expect(entries).toContainText('Pool exhausted');

  // Importing the same file again with Replace reports replacements, adds nothing.
  await openSettings(page);
  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByLabel('Replace').check();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText(
    'Incidents: 0 added, 2 replaced, 0 skipped',
  );
});

test('a corrupted file shows the path of its first problem and writes nothing', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Disk full on db-3', severity: 'SEV3' });
  const { text } = await exportEverything(page);
  const file = JSON.parse(text) as { tables: { incidents: Record<string, unknown>[] } };
  const good = file.tables.incidents[0]!;
  // A new, valid incident first, then a broken one: neither may land.
  file.tables.incidents.push(
    { ...good, id: 'new-1', ref: 'INC-2000-01-01-001', title: 'Should not appear' },
    { ...good, id: 'new-2', ref: 'INC-2000-01-01-002', severity: 'SEV9' },
  );
  await page.getByLabel('Backup file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
  await expect(alert).toContainText('tables.incidents[2].severity');
  await expect(page.getByRole('button', { name: 'Import' })).toHaveCount(0);

  await page.getByLabel('Backup file').setInputFiles({
    name: 'truncated.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text.slice(0, Math.floor(text.length / 2))),
  });
  await expect(alert).toContainText('not valid JSON');

  await reloadApp(page);
  await openIncidentsList(page);
  await expect(page.getByRole('link', { name: /Disk full on db-3/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Should not appear/ })).toHaveCount(0);
});

test('the incident console exports one incident', async ({ page }) => {
  await openApp(page);
  await declare(page, { title: 'Queue backlog', severity: 'SEV4' });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export incident' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^warroom-INC-.*\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    scope: { incidentId: string };
    tables: { incidents: { title: string }[] };
  };
  expect(file.tables.incidents.map((i) => i.title)).toEqual(['Queue backlog']);
  expect(file.scope.incidentId).toBeTruthy();
});
