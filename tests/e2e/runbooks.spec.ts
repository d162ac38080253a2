import { expect, test } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

test('write a runbook from the template with a live preview, mark it tested, find it by search', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Runbooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runbooks' })).toBeVisible();
  await page.getByRole('link', { name: 'New runbook' }).click();

  const body = page.getByLabel('Runbook', { exact: true });
  await expect(body).toHaveValue(
    /## Verification checklist\n\n- \[ \] Error rate back to baseline/,
  );
  await page.getByLabel('Service').fill('checkout-api');
  await body.fill(
    '## Diagnosis\n\nRun `kubectl get pods` <script>alert(1)</script>\n\n## Verification\n\n- [ ] Error rate back to baseline\n- [ ] Latency back to baseline\n',
  );
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Verification' })).toBeVisible();
  await expect(preview.getByText('<script>alert(1)</script>')).toBeVisible();

  // An empty title is refused next to the field; the body is kept.
  await page.getByRole('button', { name: 'Save runbook' }).click();
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(body).toHaveValue(/Latency back to baseline/);
  await page.getByLabel('Title').fill('Checkout failover');
  await page.getByRole('button', { name: 'Save runbook' }).click();

  const view = page.getByRole('article', { name: 'Checkout failover' });
  await expect(view.getByText('Last tested: never')).toBeVisible();
  await expect(view.getByText('Not tested in 90 days')).toBeVisible();
  await view.getByRole('button', { name: 'Mark tested' }).click();
  await expect(view.getByText('Not tested in 90 days')).toBeHidden();

  await reloadApp(page);
  await expect(view.getByText('Not tested in 90 days')).toBeHidden();
  await expect(view.getByText(/Last tested: \d{4}-/)).toBeVisible();
  const search = page.getByLabel('Search runbooks');
  await search.fill('CHECKOUT-API');
  await expect(page.getByRole('link', { name: 'Checkout failover' })).toBeVisible();
  await search.fill('payments');
  await expect(page.getByRole('link', { name: 'Checkout failover' })).toBeHidden();
  await expect(page.getByText('No runbook matches')).toBeVisible();
});

test('open a runbook from an incident of its service and tick a verification step onto the timeline', async ({
  page,
}) => {
  await openApp(page, '/#/runbooks/new');
  await page.getByLabel('Title').fill('Checkout failover');
  await page.getByLabel('Service').fill('checkout-api');
  await page.getByRole('button', { name: 'Save runbook' }).click();
  await expect(page.getByRole('article', { name: 'Checkout failover' })).toBeVisible();

  await declare(page, { title: 'Checkout 502s', severity: 'SEV2', services: ['checkout-api'] });
  const panel = page.getByRole('region', { name: 'Runbooks' });
  await panel.getByRole('button', { name: 'Open runbook Checkout failover' }).click();
  await expect(panel.getByRole('region', { name: 'Runbook Checkout failover' })).toContainText(
    'Remediation options',
  );
  const step = panel.getByRole('checkbox', { name: 'Latency back to baseline' });
  await step.check();
  const entry = 'Runbook Checkout failover: verified Latency back to baseline';
  await expect(page.getByText(entry)).toBeVisible();

  await reloadApp(page);
  await expect(page.getByText(entry)).toBeVisible();
  await panel.getByRole('button', { name: 'Open runbook Checkout failover' }).click();
  await expect(panel.getByRole('checkbox', { name: 'Latency back to baseline' })).toBeChecked();
  await expect(
    panel.getByRole('checkbox', { name: 'Error rate back to baseline' }),
  ).not.toBeChecked();
});
