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

/** The name stored in the database (read directly, not through the app). */
function storedName(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('warroom');
        open.onsuccess = () => {
          const req = open.result.transaction('settings').objectStore('settings').get('me');
          req.onsuccess = () => {
            resolve((req.result as { value?: unknown } | undefined)?.value ?? null);
            open.result.close();
          };
        };
      }),
  );
}

/** Sets Your name and waits until it is stored. */
async function setName(page: Page, name: string): Promise<void> {
  const field = page.getByLabel('Your name');
  await field.fill(name);
  await field.blur();
  await expect.poll(() => storedName(page)).toBe(name);
}

async function exportEverything(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything' }).click();
  const path = await (await downloading).path();
  expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'warroom-backup' });
  return path;
}

test('Import backup on Settings: the form shows the restored name, and a focus/blur keeps it after a reload', async ({
  page,
}) => {
  await openApp(page);
  await openSettings(page);
  await setName(page, 'Priya Raman');
  const file = await exportEverything(page);
  await setName(page, 'Dana Old');

  await page.getByLabel('Backup file').setInputFiles(file);
  const review = page.getByRole('group', { name: 'Backup contents' });
  await review.getByLabel('Replace').check();
  await review.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText(
    'Settings: 0 added, 1 replaced, 0 skipped',
  );
  const name = page.getByLabel('Your name');
  await expect(name).toHaveValue('Priya Raman');

  // Focusing and leaving the field without typing writes nothing.
  await name.focus();
  await name.blur();
  expect(await storedName(page)).toBe('Priya Raman');
  await reloadApp(page);
  await expect(page.getByRole('heading', { name: 'Backup and restore' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Priya Raman');
});

test('restore a backup whose reference is taken here by importing it under a new reference', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-30T09:00:00Z') });
  await openApp(page);
  await declare(page, { title: 'Database outage', severity: 'SEV1' });
  await expect(page.getByText('INC-2026-11-30-001').first()).toBeVisible();
  await openSettings(page);
  const file = await exportEverything(page);

  // A used machine: its own incident of the same day already has INC-2026-11-30-001 (same seat
  // tag: the seat id outlives the wiped database; the tag is the declaring seat's).
  await wipeDatabase(page);
  await declare(page, { title: 'Login slow', severity: 'SEV3' });
  await expect(page.getByText('INC-2026-11-30-001').first()).toBeVisible();

  await openSettings(page);
  await page.getByLabel('Backup file').setInputFiles(file);
  const review = page.getByRole('group', { name: 'Backup contents' });
  await review.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert')).toContainText(
    /INC-2026-11-30-001-[0-9A-HJKMNP-TV-Z]{4} is already used by a different incident/,
  );
  await review.getByLabel('Import under new references').check();
  await review.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText(
    'Incidents: 1 added, 0 replaced, 0 skipped (1 under a new reference',
  );

  await reloadApp(page);
  await openIncidentsList(page);
  const outage = page.getByRole('link', { name: /Database outage/ });
  await expect(outage).toBeVisible();
  await expect(page.getByRole('link', { name: /Login slow/ })).toBeVisible();
  await outage.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Database outage' })).toBeVisible();
  await expect(
    page
      .getByText(/^Imported as INC-2026-11-30-002(-\w{4}); was INC-2026-11-30-001\1 in the backup$/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(
    /Imported as INC-2026-11-30-002(-\w{4}); was INC-2026-11-30-001\1 in the backup\./,
  );
});

test('post-mortem with storage full keeps its text, editor, Copy and Export; saved once space is back', async ({
  page,
}) => {
  // Storage full: writes to the post-mortems store fail with QuotaExceededError while the switch
  // below is on (everything else is written normally).
  await page.addInitScript(() => {
    const proto = IDBObjectStore.prototype;
    for (const method of ['add', 'put'] as const) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the store as `this` below
      const original = proto[method];
      proto[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((globalThis as { storageFull?: boolean }).storageFull && this.name === 'postmortems')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await declare(page, {
    title: 'Checkout API errors',
    severity: 'SEV2',
    impact: '40% of checkouts failing',
  });
  await page.evaluate(() => {
    (globalThis as { storageFull?: boolean }).storageFull = true;
  });
  await page.goto(`${page.url()}/postmortem`);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready', {
    timeout: 60_000,
  });

  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
    /Not saved: .*(full|space).*Your text is kept here\./,
  );
  const summary = page.getByRole('textbox', { name: 'Executive Summary', exact: true });
  await expect(summary).toHaveValue(/40% of checkouts failing/);
  await summary.fill('Checkout failed for 40% of users for 20 minutes.');
  await expect(page.getByText('Not saved', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Post-mortem copied as Markdown.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'Checkout failed for 40% of users for 20 minutes.',
  );
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const md = await readFile(await (await downloading).path(), 'utf8');
  expect(md).toContain('Checkout failed for 40% of users for 20 minutes.');

  // Space is back: one more try writes what is on the page.
  await page.evaluate(() => {
    (globalThis as { storageFull?: boolean }).storageFull = false;
  });
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await reloadApp(page);
  await expect(page.getByRole('textbox', { name: 'Executive Summary', exact: true })).toHaveValue(
    'Checkout failed for 40% of users for 20 minutes.',
  );
});
