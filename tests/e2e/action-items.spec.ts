import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp, setStatus } from './support';

const START = new Date('2026-11-22T14:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

async function resolve(page: Page, summary: string): Promise<void> {
  await setStatus(page, 'resolved');
  const dialog = page.getByRole('dialog', { name: 'Resolve incident' });
  await dialog.getByLabel('Resolution summary').fill(summary);
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toHaveCount(0);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('action items from a post-mortem: complete one and the metrics reflect it', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await openApp(page);
  await declare(page, { title: 'Checkout API errors', severity: 'SEV2', services: ['checkout'] });
  await resolve(page, 'Rolled back config 2.3.1');
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  const addForm = page.getByRole('group', { name: 'Add an action item' });
  for (const [action, owner] of [
    ['Add a canary stage', 'Bob'],
    ['Alert on pool saturation', 'Alice'],
  ] as const) {
    await addForm.getByLabel('Action', { exact: true }).fill(action);
    await addForm.getByLabel('Owner').fill(owner);
    // The button, or Enter in a field, as in any form.
    if (owner === 'Bob') await addForm.getByRole('button', { name: 'Add action item' }).click();
    else await addForm.getByLabel('Action', { exact: true }).press('Enter');
    await expect(addForm.getByLabel('Action', { exact: true })).toHaveValue('');
  }

  await nav(page)
    .getByRole('link', { name: /^Action items/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Action items' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByLabel('Action for Add a canary stage')).toHaveValue('Add a canary stage');
  await expect(
    table
      .getByRole('link', { name: /^INC-2026-11-22-001-[0-9A-HJKMNP-TV-Z]{4} Checkout API errors$/ })
      .first(),
  ).toHaveAttribute('href', /\/incidents\/[^/]+$/);
  await expect(
    table
      .getByRole('link', { name: /^Post-mortem of INC-2026-11-22-001-[0-9A-HJKMNP-TV-Z]{4}$/ })
      .first(),
  ).toHaveAttribute('href', /\/postmortem$/);
  await expect(page.getByText('Done by their due date: 0 of 0')).toBeVisible();

  await page.getByLabel('Status for Add a canary stage').selectOption({ label: 'Done' });
  await expect(page.getByLabel('Status for Add a canary stage')).toHaveValue('done');
  await expect(page.getByText('Done by their due date: 1 of 1 (100%)')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Metrics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
  const onTime = page.getByRole('definition').filter({ hasText: /target/ });
  await expect(onTime).toHaveText('1 of 1 (100%) · target 90%');
  await reloadApp(page);
  await expect(page.getByRole('definition').filter({ hasText: /target/ })).toHaveText(
    '1 of 1 (100%) · target 90%',
  );

  // The change is on the incident's timeline too.
  await page.goto('/#/');
  await page.getByRole('link', { name: /Checkout API errors/ }).click();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(
    'Action item "Add a canary stage": Not Started → Done',
  );
});

test('add on the page, edit inline by keyboard, refuse bad input, and flag overdue items', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await openApp(page);
  await declare(page, { title: 'Search outage', severity: 'SEV3' });
  await nav(page)
    .getByRole('link', { name: /^Action items/ })
    .click();
  await expect(page.getByText('No action items yet.')).toBeVisible();

  const form = page.getByRole('form', { name: 'Add action item' });
  await form.getByRole('button', { name: 'Add action item' }).click();
  await expect(form.getByLabel('Action')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Say what needs to be done.')).toBeVisible();
  await form.getByLabel('Action').fill('Rotate credentials');
  await form.getByLabel('Owner').fill('Alice');
  await form.getByLabel('Priority').selectOption('P0');
  await expect(form.getByLabel('Due date')).toHaveValue('2026-11-29');
  // The reference ends with this seat's tag: pick the option by its text as shown.
  const incidentOption = form
    .getByLabel('Incident')
    .locator('option', { hasText: 'Search outage' });
  const incidentLabel = (await incidentOption.textContent()) ?? '';
  expect(incidentLabel).toMatch(/^INC-2026-11-22-001-[0-9A-HJKMNP-TV-Z]{4} Search outage$/);
  await form.getByLabel('Incident').selectOption({ label: incidentLabel });
  await form.getByRole('button', { name: 'Add action item' }).click();
  await expect(form.getByLabel('Action')).toHaveValue('');
  await form.getByLabel('Action').fill('Write the search runbook');
  await form.getByLabel('Priority').selectOption('P3');
  await form.getByRole('button', { name: 'Add action item' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);

  // Keyboard only: focus the cell, replace its text, Tab away to save.
  const action = page.getByLabel('Action for Rotate credentials');
  await action.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Rotate database credentials');
  await page.keyboard.press('Tab');
  const renamed = page.getByLabel('Action for Rotate database credentials');
  await expect(renamed).toHaveValue('Rotate database credentials');
  await expect(page.getByLabel('Owner for Rotate database credentials')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Bob');
  await page.keyboard.press('Enter');
  await page.getByLabel('Status for Rotate database credentials').selectOption('in-progress');
  await expect(page.getByLabel('Status for Rotate database credentials')).toHaveValue(
    'in-progress',
  );

  // An empty action is refused next to the field and the typed text stays.
  await renamed.fill('   ');
  await renamed.press('Tab');
  await expect(renamed).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Say what needs to be done.' }),
  ).toBeVisible();
  await expect(renamed).toHaveValue('   ');

  await reloadApp(page);
  await expect(page.getByLabel('Action for Rotate database credentials')).toHaveValue(
    'Rotate database credentials',
  );
  await expect(page.getByLabel('Owner for Rotate database credentials')).toHaveValue('Bob');
  await expect(page.getByLabel('Status for Rotate database credentials')).toHaveValue(
    'in-progress',
  );
  const link = nav(page).getByRole('link', { name: /^Action items/ });
  await expect(link.locator('.nav-badge')).toHaveCount(0);

  // Nine days later the P0 item (due 2026-11-29) is overdue; the P3 one is not.
  await page.clock.fastForward(9 * DAY);
  await expect(link.locator('.nav-badge')).toHaveText('1');
  await expect(link.locator('.nav-badge')).toHaveAttribute('aria-label', '1 overdue');
  const overdueRow = page
    .getByRole('row')
    .filter({ has: page.getByText('Overdue', { exact: true }) });
  await expect(overdueRow).toHaveCount(1);
  await expect(overdueRow.getByLabel('Action for Rotate database credentials')).toBeVisible();
  await page.getByLabel('Overdue only').check();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await page.getByLabel('Overdue only').uncheck();

  // Moving the due date by keyboard clears it; the badge follows.
  await page.getByLabel('Due date for Rotate database credentials').fill('2026-12-15');
  await expect(link.locator('.nav-badge')).toHaveCount(0);
  await reloadApp(page);
  await expect(page.getByLabel('Due date for Rotate database credentials')).toHaveValue(
    '2026-12-15',
  );
  await page.getByLabel('Filter by priority').selectOption('P3');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByLabel('Action for Write the search runbook')).toBeVisible();
});
