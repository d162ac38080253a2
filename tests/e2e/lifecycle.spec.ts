import { expect, test } from '@playwright/test';
import { declare, openApp, reloadApp, setStatus } from './support';

test('milestones are visible and correctable, and the correction is recorded', async ({ page }) => {
  await openApp(page);
  await declare(page, { title: 'Cache stampede', severity: 'SEV3' });
  const milestones = page.getByRole('region', { name: 'Milestones' });
  await expect(milestones.getByText('Declared')).toBeVisible();
  // Impact began long before anyone noticed: move the start back first.
  await milestones.getByRole('button', { name: 'Correct Started' }).click();
  await milestones.getByLabel('Started time (UTC)').fill('2026-01-01T00:00');
  await milestones.getByRole('button', { name: 'Save Started' }).click();
  await expect(milestones).toContainText('2026-01-01 00:00 UTC');
  // A milestone before the start is refused, with the text kept.
  await milestones.getByRole('button', { name: 'Correct Detected' }).click();
  await milestones.getByLabel('Detected time (UTC)').fill('2025-12-31T23:00');
  await milestones.getByRole('button', { name: 'Save Detected' }).click();
  await expect(
    milestones.getByText('Detected must be at or after Started (2026-01-01 00:00 UTC).'),
  ).toBeVisible();
  await expect(milestones.getByLabel('Detected time (UTC)')).toHaveValue('2025-12-31T23:00');
  await page.keyboard.press('Escape');
  await milestones.getByRole('button', { name: 'Correct Detected' }).click();
  const when = milestones.getByLabel('Detected time (UTC)');
  await expect(when).toBeFocused();
  await when.fill('2026-01-02T03:04');
  await milestones.getByLabel('Correction note').fill('Alert fired before we looked');
  await milestones.getByRole('button', { name: 'Save Detected' }).click();
  await expect(milestones).toContainText('2026-01-02 03:04 UTC');

  await milestones.getByRole('button', { name: 'Set Acknowledged' }).click();
  await milestones.getByLabel('Acknowledged time (UTC)').fill('');
  await milestones.getByRole('button', { name: 'Save Acknowledged' }).click();
  await expect(milestones.getByText('Enter a date and time.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(milestones.getByRole('button', { name: 'Set Acknowledged' })).toBeVisible();

  await reloadApp(page);
  await expect(page.getByRole('region', { name: 'Milestones' })).toContainText(
    '2026-01-02 03:04 UTC',
  );
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(
    /Milestone Detected corrected: .* → 2026-01-02 03:04 UTC\. Reason: Alert fired before we looked/,
  );
});

test('resolving asks for a one-line summary, stamps the milestone and moves the incident below active ones', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Still broken', severity: 'SEV4' });
  await page.getByRole('link', { name: 'Incidents' }).click();
  await declare(page, { title: 'Disk full on build agents', severity: 'SEV3' });
  await setStatus(page, 'resolved');
  const dialog = page.getByRole('dialog', { name: 'Resolve incident' });
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog.getByLabel('Resolution summary')).toHaveAttribute('aria-invalid', 'true');
  await dialog
    .getByLabel('Resolution summary')
    .fill('Pruned old artifacts and raised the disk alert');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.locator('.resolution')).toHaveText(
    'Resolution: Pruned old artifacts and raised the disk alert',
  );
  await expect(
    page
      .getByRole('region', { name: 'Milestones' })
      .getByRole('button', { name: 'Correct Resolved' }),
  ).toBeVisible();

  await reloadApp(page);
  await page.getByRole('link', { name: 'Incidents' }).click();
  const active = page.getByRole('region', { name: /Active/ });
  const resolved = page.getByRole('region', { name: /Resolved/ });
  await expect(active.getByRole('link', { name: /Still broken/ })).toBeVisible();
  await expect(resolved.getByRole('link', { name: /Disk full on build agents/ })).toBeVisible();
});

test('theme: dark by default, light on request, and it persists', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await reloadApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
