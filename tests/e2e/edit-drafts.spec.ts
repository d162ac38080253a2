import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

// Forms that open on a stored record keep what is typed as a draft until it is saved: a reload
// mid-edit brings the edits back the next time the same record is edited, saying so.

test('a runbook being edited survives a reload, is restored on editing it again, and goes once saved', async ({
  page,
}) => {
  await openApp(page, '/#/runbooks/new');
  await page.getByLabel('Title').fill('Checkout failover');
  await page.getByLabel('Service').fill('checkout-api');
  await page.getByRole('button', { name: 'Save runbook' }).click();
  const article = page.getByRole('article', { name: 'Checkout failover' });
  await expect(article).toBeVisible();

  await page.getByRole('button', { name: 'Edit runbook' }).click();
  const body = page.getByLabel('Runbook', { exact: true });
  await body.press('Control+End');
  await page.keyboard.type('\n- [ ] Drain the payment queue مرحبا');
  const typed = await body.inputValue();
  await reloadApp(page);

  await page.getByRole('button', { name: 'Edit runbook' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Restored your unsaved edits to this runbook from' }),
  ).toContainText(/\d{2}:\d{2} UTC/);
  await expect(page.getByLabel('Runbook', { exact: true })).toHaveValue(typed);
  await page.getByRole('button', { name: 'Save runbook' }).click();
  await expect(article).toContainText('Drain the payment queue');

  await reloadApp(page);
  await page.getByRole('button', { name: 'Edit runbook' }).click();
  await expect(page.getByLabel('Runbook', { exact: true })).toHaveValue(typed);
  await expect(page.getByText('Restored your unsaved edits')).toHaveCount(0);
});

const understanding = (page: Page) => page.getByRole('region', { name: 'Current understanding' });

test('the current understanding being edited survives a reload and goes once saved', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
  const open = async () => {
    await understanding(page).getByRole('button', { name: 'Edit current understanding' }).click();
    return page.getByRole('dialog', { name: 'Edit current understanding' });
  };

  let edit = await open();
  await edit.getByLabel('Current understanding').fill('Pool exhaustion after deploy 4812');
  await reloadApp(page);

  edit = await open();
  await expect(
    edit.getByRole('status').filter({ hasText: 'Restored your unsaved current understanding' }),
  ).toBeVisible();
  await expect(edit.getByLabel('Current understanding')).toHaveValue(
    'Pool exhaustion after deploy 4812',
  );
  await edit.getByRole('button', { name: 'Save current understanding' }).click();
  await expect(edit).toBeHidden();
  await expect(understanding(page)).toContainText('Pool exhaustion after deploy 4812');

  await reloadApp(page);
  edit = await open();
  await expect(edit.getByLabel('Current understanding')).toHaveValue(
    'Pool exhaustion after deploy 4812',
  );
  await expect(edit.getByText('Restored your unsaved')).toHaveCount(0);
});
