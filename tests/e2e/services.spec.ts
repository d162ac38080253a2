import { expect, test } from '@playwright/test';
import { openApp, reloadApp, setStatus } from './support';

test("the error budget calculator gives the seed's two figures", async ({ page }) => {
  await openApp(page, '/#/services');
  await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  const calc = page.getByRole('region', { name: 'Error budget calculator' });
  await calc.getByLabel('Target (%)').fill('99.95');
  await calc.getByLabel('Window (days)').fill('30');
  await expect(calc.getByText('21.6 minutes')).toBeVisible();
  await calc.getByLabel('Target (%)').fill('99.0');
  await expect(calc.getByText('7.2 hours')).toBeVisible();
  await calc.getByLabel('Target (%)').fill('100');
  await expect(calc.getByLabel('Target (%)')).toHaveAttribute('aria-invalid', 'true');
});

test('a service typed in an incident gets an SLO, and a resolved incident consumes its budget', async ({
  page,
}) => {
  await openApp(page);
  // Declare, impact starting an hour ago, on payments-api, customer-facing.
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Card payments failing');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByLabel('Affected services').fill('payments-api');
  await dialog.getByLabel('Affected services').press('Enter');
  await dialog.getByLabel('Customer-facing').check();
  const started = dialog.getByLabel('Started at');
  const now = await started.inputValue();
  const shifted = new Date(Date.parse(`${now.slice(0, 16)}:00Z`) - 60 * 60_000);
  await started.fill(shifted.toISOString().slice(0, 16));
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Card payments failing' }),
  ).toBeVisible();

  // 20% of users affected, then resolved: about 60 min × 20% = 12 of 21.6 minutes.
  await page.getByRole('button', { name: 'Edit impact' }).click();
  const impact = page.getByRole('dialog', { name: 'Edit impact' });
  await impact.getByLabel('Users affected').fill('20');
  await impact.getByLabel('Unit').selectOption('percent');
  await impact.getByRole('button', { name: 'Save impact' }).click();
  await expect(impact).toBeHidden();
  await setStatus(page, 'resolved');
  const resolve = page.getByRole('dialog', { name: 'Resolve incident' });
  await resolve.getByLabel('Resolution summary').fill('Rolled back the card processor config');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toBeHidden();

  await page.getByRole('navigation').getByRole('link', { name: 'Services' }).click();
  const row = page.getByRole('row', { name: /payments-api/ });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Edit payments-api' }).click();
  const editor = page.getByRole('form', { name: 'Edit payments-api' });
  await editor.getByLabel('Owner team').fill('Payments');
  await editor.getByLabel('SLO target (%)').fill('100');
  await editor.getByRole('button', { name: 'Save service' }).click();
  await expect(editor.getByLabel('SLO target (%)')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByLabel('SLO target (%)')).toHaveValue('100');
  await editor.getByLabel('SLO target (%)').fill('99.95');
  await editor.getByRole('button', { name: 'Save service' }).click();
  await expect(editor).toBeHidden();
  await expect(row).toContainText('Payments');
  await expect(row).toContainText('99.95%');

  await reloadApp(page);
  const budget = page.getByRole('article', { name: 'Error budget for payments-api' });
  await expect(budget).toContainText('21.6 minutes');
  await expect(
    budget.getByRole('listitem').filter({ hasText: 'Card payments failing' }),
  ).toContainText(/1[12]\.\d+ minutes \(6\d(\.\d)? min × 20%/);
  await expect(budget).toContainText('Feature freeze review with Eng Manager');
  await expect(budget).toContainText(/Burn rate\s*\d/);
});
