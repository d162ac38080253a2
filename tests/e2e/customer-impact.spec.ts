import { expect, test } from '@playwright/test';
import { openApp, reloadApp } from './support';

test('Metrics counts an ongoing customer-facing SEV1 so far, the same minutes the Services page charges', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-22T14:00:00Z') });
  await openApp(page);
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Checkout down');
  await dialog.getByLabel('Severity').selectOption('SEV1');
  await dialog.getByLabel('Affected services').fill('checkout-api');
  await dialog.getByLabel('Affected services').press('Enter');
  await dialog.getByLabel('Customer-facing').check();
  await dialog.getByLabel('Started at').fill('2026-11-22T13:09');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout down' })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Services' }).click();
  const row = page.getByRole('row', { name: /checkout-api/ });
  await row.getByRole('button', { name: 'Edit checkout-api' }).click();
  const editor = page.getByRole('form', { name: 'Edit checkout-api' });
  await editor.getByLabel('SLO target (%)').fill('99.9');
  await editor.getByLabel('SLO window (days)').fill('30');
  await editor.getByRole('button', { name: 'Save service' }).click();
  await expect(editor).toBeHidden();
  const card = page.getByRole('article', { name: 'Error budget for checkout-api' });
  // 51 minutes (and the seconds the test has run) × 100% of users: nothing recorded.
  await expect(card.getByRole('listitem').filter({ hasText: 'Checkout down' })).toContainText(
    /= 5[12](\.\d+)? min of impact × assumed 100% of users/,
  );

  await nav.getByRole('link', { name: 'Metrics' }).click();
  const table = page.getByRole('table', { name: /Incident metrics by severity/ });
  const impactCell = (severity: string) =>
    table
      .getByRole('row', { name: new RegExp(`^${severity}`) })
      .getByRole('cell')
      .nth(4);
  await expect(impactCell('SEV1')).toHaveText(/^5[12] so far$/);
  await expect(impactCell('All')).toHaveText(/^5[12] so far$/);
  await expect(page.getByText(/^Customer-impact minutes: how long customer-facing/)).toBeVisible();
  await reloadApp(page);
  await expect(impactCell('SEV1')).toHaveText(/^5[12] so far$/);
});
