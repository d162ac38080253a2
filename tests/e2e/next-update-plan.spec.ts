import { expect, test } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

// 14:42 UTC; SEV2 updates every 30 minutes.
const NOW = new Date('2026-11-22T14:42:00Z');
test.use({ timezoneId: 'UTC' });

test('a next update time that has passed today is confirmed before it is planned for tomorrow, with a cadence warning; the plan survives a reload', async ({
  page,
}) => {
  await page.clock.install({ time: NOW });
  await openApp(page);
  await declare(page, { title: 'Search latency', severity: 'SEV2' });
  const engineering = page.getByRole('group', { name: 'Engineering updates' });
  await engineering.getByRole('button', { name: 'Plan next update' }).click();
  const plan = page.getByRole('dialog', { name: 'Next Engineering update' });
  const at = plan.getByLabel('Next update at');

  // Within the cadence: no warning.
  await at.fill('15:00');
  await expect(at).toHaveAccessibleDescription(/the next time the clock shows it\.$/);

  // 14:00 at 14:42: not silently moved to tomorrow.
  await at.fill('14:00');
  await expect(at).toHaveAccessibleDescription(
    /That is 23 hours 1[78] minutes from now, beyond this audience’s cadence of an update every 30 minutes\./,
  );
  await plan.getByLabel('Reason').fill('Vendor call tomorrow at 14:00');
  await plan.getByRole('button', { name: 'Set next update' }).click();
  await expect(plan).toBeVisible();
  await expect(at).toHaveAttribute('aria-invalid', 'true');
  await expect(at).toHaveAccessibleDescription(
    /14:00 has passed today\. Set next update again to plan for tomorrow at 14:00\./,
  );
  // The typed values are kept.
  await expect(at).toHaveValue('14:00');
  await expect(plan.getByLabel('Reason')).toHaveValue('Vendor call tomorrow at 14:00');

  // Confirmed by setting it again.
  await plan.getByRole('button', { name: 'Set next update' }).click();
  await expect(plan).toBeHidden();
  await expect(engineering).toContainText(
    'Next update set for 14:00 UTC: Vendor call tomorrow at 14:00',
  );

  await reloadApp(page);
  await expect(page.getByRole('group', { name: 'Engineering updates' })).toContainText(
    'Next update set for 14:00 UTC: Vendor call tomorrow at 14:00',
  );
  await expect(page.getByRole('timer', { name: 'Next engineering update' })).toContainText(
    /23 h 1[78] min/,
  );
});

test('changing the time after the question asks again', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page);
  await declare(page, { title: 'Queue backlog', severity: 'SEV2' });
  await page
    .getByRole('group', { name: 'Engineering updates' })
    .getByRole('button', { name: 'Plan next update' })
    .click();
  const plan = page.getByRole('dialog', { name: 'Next Engineering update' });
  const at = plan.getByLabel('Next update at');
  await at.fill('14:00');
  await plan.getByLabel('Reason').fill('Typo');
  await plan.getByRole('button', { name: 'Set next update' }).click();
  await expect(at).toHaveAttribute('aria-invalid', 'true');
  await at.fill('13:30');
  await plan.getByRole('button', { name: 'Set next update' }).click();
  await expect(at).toHaveAccessibleDescription(/13:30 has passed today/);
  await expect(plan).toBeVisible();
});
