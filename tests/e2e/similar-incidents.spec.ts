import { expect, type Page, test } from '@playwright/test';
import { declare, log, openApp, openIncidentsList, reloadApp, setStatus } from './support';

const similar = (page: Page) => page.getByRole('region', { name: 'Similar incidents' });

/** Resolves the incident on screen with a resolution summary. */
async function resolve(page: Page, summary: string): Promise<void> {
  await setStatus(page, 'resolved');
  const dialog = page.getByRole('dialog', { name: 'Resolve incident' });
  await dialog.getByLabel('Resolution summary').fill(summary);
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toHaveCount(0);
}

test('a running incident shows the past incident on its service, with the fix never done; dismissed stays dismissed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-06-01T10:00:00Z') });
  await openApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Runbooks' }).click();
  await page.getByRole('link', { name: 'New runbook' }).click();
  await page.getByLabel('Title').fill('Checkout pool failover');
  await page.getByLabel('Service').fill('checkout-api');
  await page.getByRole('button', { name: 'Save runbook' }).click();
  await expect(page.getByRole('article', { name: 'Checkout pool failover' })).toBeVisible();

  // Months ago: checkout broke, the runbook helped, a follow-up was filed and never done.
  await declare(page, {
    title: 'Checkout 502 errors',
    severity: 'SEV2',
    services: ['checkout-api'],
    impact: 'Checkout failing for 30% of users',
  });
  const runbooks = page.getByRole('region', { name: 'Runbooks' });
  await runbooks.getByRole('button', { name: 'Open runbook Checkout pool failover' }).click();
  await runbooks
    .getByRole('group', { name: 'Was this runbook helpful?' })
    .getByRole('button', { name: 'Helpful', exact: true })
    .click();
  await log(page, 'f: pgbouncer pool exhausted on checkout-db');
  await log(page, 'todo: Alert on pgbouncer pool saturation');
  await resolve(page, 'Raised the pgbouncer pool to 200');
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await page
    .getByRole('textbox', { name: 'Underlying cause', exact: true })
    .fill('Pool size fixed at 50 while traffic doubled');
  await expect(page.getByText('All changes saved')).toBeVisible();

  // Unrelated, and a drill on the same service: neither is offered.
  await declare(page, { title: 'Search results slow', severity: 'SEV3', services: ['search'] });
  await resolve(page, 'Reindexed');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const drill = page.getByRole('dialog', { name: 'Declare incident' });
  await drill.getByLabel('Title').fill('Game day: checkout pool');
  await drill.getByLabel('Severity').selectOption('SEV2');
  await drill.getByLabel('Affected services').fill('checkout-api');
  await drill.getByLabel('Affected services').press('Enter');
  await drill.getByLabel('Drill').check();
  await drill.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Game day/ })).toBeVisible();
  await resolve(page, 'Drill over');

  // Today: checkout errors again.
  await page.clock.setSystemTime(new Date('2026-09-14T03:00:00Z'));
  await declare(page, {
    title: 'Checkout errors again',
    severity: 'SEV1',
    services: ['checkout-api'],
  });
  const region = similar(page);
  const past = region.getByRole('listitem').filter({ hasText: 'Checkout 502 errors' });
  await expect(past).toHaveCount(1);
  await expect(
    past.getByRole('link', { name: /INC-2026-06-01-\d+.* Checkout 502 errors/ }),
  ).toBeVisible();
  await expect(past).toContainText('same service: checkout-api');
  await expect(past).toContainText('The last fix for this was never done');
  await expect(past).toContainText('Alert on pgbouncer pool saturation');
  await expect(past).toContainText('Raised the pgbouncer pool to 200');
  await expect(past).toContainText('Pool size fixed at 50 while traffic doubled');
  await expect(past).toContainText('Runbooks used');
  await expect(past.getByRole('link', { name: 'Checkout pool failover' })).toBeVisible();
  await expect(past).toContainText('(helpful)');
  await expect(region).not.toContainText('Search results slow');
  await expect(region).not.toContainText('Game day');
  // The one-line notice at the top leads to the region in the side column.
  const notice = page.getByRole('button', {
    name: 'Seen before: 1 similar incident · a fix was never done',
  });
  await notice.click();
  await expect(region.getByRole('heading', { name: 'Similar incidents' })).toBeFocused();
  await page.screenshot({ path: 'test-results/similar-incidents.png' });
  await region.screenshot({ path: 'test-results/similar-incidents-region.png' });

  // The scribe keeps typing while it is shown: the log field is untouched by the panel.
  await log(page, 'f: pgbouncer pool at 100% again');
  await expect(past).toHaveCount(1);

  // Dismissed for this incident, on this seat, across a reload; and back on request.
  await region.getByRole('button', { name: 'Dismiss similar incidents' }).click();
  await expect(similar(page)).toHaveCount(0);
  await expect(notice).toHaveCount(0);
  await reloadApp(page);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Checkout errors again' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show similar incidents' })).toBeVisible();
  await expect(similar(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show similar incidents' }).click();
  await expect(
    similar(page).getByRole('listitem').filter({ hasText: 'Checkout 502 errors' }),
  ).toHaveCount(1);

  // The follow-up gets done on the old incident: the warning goes.
  await similar(page)
    .getByRole('link', { name: /Checkout 502 errors/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout 502 errors' })).toBeVisible();
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await page.getByLabel('Status of action 1').selectOption({ label: 'Done' });
  await expect(page.getByText('All changes saved')).toBeVisible();
  await openIncidentsList(page);
  await page.getByRole('link', { name: /Checkout errors again/ }).click();
  const again = similar(page).getByRole('listitem').filter({ hasText: 'Checkout 502 errors' });
  await expect(again).toContainText('Raised the pgbouncer pool to 200');
  await expect(again).not.toContainText('The last fix for this was never done');
});
