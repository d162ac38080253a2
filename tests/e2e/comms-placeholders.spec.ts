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
