import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { declareCheckoutOutage, reloadApp } from './support';

// Issue: Copy for Slack to Customers copied and recorded "Mitigating: [Public summary not
// written yet]" with only a warning. A placeholder now needs an explicit "Copy anyway".

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a customer message with a placeholder is neither copied nor recorded until confirmed', async ({
  page,
}) => {
  await declareCheckoutOutage(page, new Date('2026-11-22T14:00:00Z'));
  await page.getByRole('button', { name: 'Compose update' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Compose update' });
  await dialog.getByLabel('Audience').selectOption('customers');
  await page.evaluate(() => navigator.clipboard.writeText('before'));

  await dialog.getByRole('button', { name: 'Copy for Slack' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('[Public summary not written yet]');
  await expect(alert).toContainText('Nothing was copied or recorded');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
  await alert.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Sent updates (0)')).toBeVisible();

  await dialog.getByRole('button', { name: 'Copy for Slack' }).click();
  await dialog.getByRole('button', { name: 'Copy anyway' }).click();
  await expect(dialog).toContainText('Copied for Slack. Recorded on the timeline');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    '[Public summary not written yet]',
  );
  await page.keyboard.press('Escape');
  await reloadApp(page);
  await expect(page.getByText('Sent updates (1)')).toBeVisible();
});

test('a placeholder typed into any audience’s message stops Save as Markdown until Save anyway', async ({
  page,
}) => {
  await declareCheckoutOutage(page, new Date('2026-11-22T14:00:00Z'));
  await page.getByRole('button', { name: 'Compose update' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Compose update' });
  await dialog.getByLabel('Audience').selectOption('engineering');
  const message = dialog.getByLabel('Message', { exact: true });
  await message.fill(`${await message.inputValue()}\nETA: {{eta}}`);

  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Save as Markdown' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('still says {{eta}} instead of a fact');
  await expect(alert).toContainText('Nothing was copied or recorded');
  await expect(alert.getByRole('button', { name: 'Copy anyway' })).toHaveCount(0);
  await expect(page.getByText('Sent updates (0)')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Save anyway' }).click();
  const download = await downloading;
  expect(downloads).toBe(1);
  expect(await readFile(await download.path(), 'utf8')).toContain('ETA: {{eta}}');
  await expect(dialog).toContainText('Saved as Markdown. Recorded on the timeline');
  await expect(page.getByText('Sent updates (1)')).toBeVisible();

  // The confirmation was for that text and that save only: copying it asks again.
  await dialog.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(
    dialog.getByRole('alert').getByRole('button', { name: 'Copy anyway' }),
  ).toBeVisible();
});
