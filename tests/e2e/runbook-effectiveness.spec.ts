import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp, setStatus } from './support';

// Issue 16, runbook effectiveness: opening a runbook in an incident, ticking its steps and
// answering "Was this runbook helpful?" are timeline entries; the runbook's page lists the
// incidents it was used in with time to mitigation, steps ticked and the verdict. Times in UTC.
const START = new Date('2026-11-22T14:00:00Z');

const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });

async function writeRunbook(page: Page, title: string, service: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Runbooks' }).click();
  await page.getByRole('link', { name: 'New runbook' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Service').fill(service);
  await page.getByRole('button', { name: 'Save runbook' }).click();
  await expect(page.getByRole('article', { name: title })).toBeVisible();
}

async function openRunbookPage(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Runbooks' }).click();
  await page
    .getByRole('region', { name: 'Runbook list' })
    .getByRole('link', { name: title })
    .click();
  await expect(page.getByRole('article', { name: title })).toBeVisible();
}

test('a runbook used in an incident lists it with time to mitigation, steps ticked and the helpful verdict', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await openApp(page);
  await writeRunbook(page, 'Checkout failover', 'checkout-api');
  // Not used yet: the region says so.
  const effectiveness = page.getByRole('region', { name: 'Runbook effectiveness' });
  await expect(effectiveness).toContainText('Not used in an incident yet');

  await declare(page, { title: 'Checkout 502s', severity: 'SEV2', services: ['checkout-api'] });
  await page.clock.fastForward('05:00');
  const panel = page.getByRole('region', { name: 'Runbooks' });
  const open = panel.getByRole('button', { name: 'Open runbook Checkout failover' });
  await open.click();
  const opened = timeline(page).getByText('Opened runbook Checkout failover');
  await expect(opened).toHaveCount(1);
  // Closing and opening again does not log it again.
  await panel.getByRole('button', { name: 'Close runbook Checkout failover' }).click();
  await open.click();
  await panel.getByRole('checkbox', { name: 'Latency back to baseline' }).check();
  await expect(
    timeline(page).getByText('Runbook Checkout failover: verified Latency back to baseline'),
  ).toBeVisible();
  await expect(opened).toHaveCount(1);

  // The vote is a toggle: changeable, and the latest counts.
  const vote = panel.getByRole('group', { name: 'Was this runbook helpful?' });
  const helpful = vote.getByRole('button', { name: 'Helpful', exact: true });
  const notHelpful = vote.getByRole('button', { name: 'Not helpful' });
  await notHelpful.click();
  await expect(notHelpful).toHaveAttribute('aria-pressed', 'true');
  await helpful.click();
  await expect(helpful).toHaveAttribute('aria-pressed', 'true');
  await expect(notHelpful).toHaveAttribute('aria-pressed', 'false');
  await expect(timeline(page).getByText('Runbook Checkout failover: marked helpful')).toBeVisible();

  // Mitigated 25 minutes after the start, 20 after the runbook was first opened.
  await page.clock.fastForward('20:00');
  await setStatus(page, 'monitoring');
  await expect(page.getByLabel('Status')).toHaveValue('monitoring');

  // Renamed since: its history follows it.
  await openRunbookPage(page, 'Checkout failover');
  await page.getByRole('button', { name: 'Edit runbook' }).click();
  await page.getByLabel('Title').fill('Checkout failover v2');
  await page.getByRole('button', { name: 'Save runbook' }).click();
  await expect(page.getByRole('article', { name: 'Checkout failover v2' })).toBeVisible();

  const check = async () => {
    const row = effectiveness.getByRole('row', { name: /Checkout 502s/ });
    await expect(row.getByRole('link', { name: /INC-2026-11-22-\S+ Checkout 502s/ })).toBeVisible();
    await expect(row).toContainText('2026-11-22 14:05 UTC');
    await expect(row).toContainText('25 min (20 min after first use)');
    await expect(row).toContainText('1 of 4');
    await expect(row.getByRole('cell', { name: 'Helpful', exact: true })).toBeVisible();
    await expect(effectiveness).toContainText(
      'Used in 1 incident · median time to mitigation 25 min (1 incident) · helpful to 1 of 1 responder (100%)',
    );
  };
  await check();
  await reloadApp(page);
  await check();

  // The runbook moves to another service: the incidents that used it stay on its page.
  await page.getByRole('button', { name: 'Edit runbook' }).click();
  await page.getByLabel('Service').fill('edge-gateway');
  await page.getByRole('button', { name: 'Save runbook' }).click();
  await expect(page.getByRole('article', { name: 'Checkout failover' })).toContainText(
    'edge-gateway',
  );
  await reloadApp(page);
  await check();

  // The link leads to the incident.
  await effectiveness.getByRole('link', { name: /Checkout 502s/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout 502s' })).toBeVisible();
});
