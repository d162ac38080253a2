import { expect, test } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

// Text made only of characters that show nothing (zero-width spaces and joiners, fillers) is
// empty: it is refused next to the field, the typed text is kept, and nothing is stored.

test('a title that shows nothing is refused beside the field and nothing is declared', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('\u200B\u200B\u200C');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
  await expect(dialog).toContainText(/title is empty/i);
  await expect(dialog.getByLabel('Title')).toHaveValue('\u200B\u200B\u200C');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await reloadApp(page);
  await expect(page.getByRole('link', { name: /INC-/ })).toHaveCount(0);
});

test('a log line that shows nothing is not logged, and the field keeps it', async ({ page }) => {
  await openApp(page);
  await declare(page, { title: 'Blank lines', severity: 'SEV3' });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const field = timeline.getByLabel('Log entry');
  await field.fill('\u200B\u3164');
  await field.press('Enter');
  await expect(timeline).toContainText('Nothing to log');
  await expect(field).toHaveValue('\u200B\u3164');
  const rows = timeline.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');
  await expect(rows).toHaveCount(1); // the declaration only
  await reloadApp(page);
  await expect(
    page
      .getByRole('region', { name: 'Timeline' })
      .getByRole('list', { name: 'Timeline entries' })
      .getByRole('listitem'),
  ).toHaveCount(1);
});
