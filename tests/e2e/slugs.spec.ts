import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

/** Issue 11 §5: channel slugs are unique and never empty. */

const slug = (page: Page, value: string) =>
  page.locator('.console-meta').getByText(value, { exact: true });

test('two incidents with one title and one with a Chinese title get their own channel slugs, kept after a reload', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-30T10:00:00Z') });
  await openApp(page);

  const expected: [string, string, string][] = [
    ['INC-2026-11-30-001', 'Checkout API errors', '#inc-2026-11-30-checkout-api-errors'],
    ['INC-2026-11-30-002', 'Checkout API errors', '#inc-2026-11-30-checkout-api-errors-002'],
    ['INC-2026-11-30-003', '支付服务故障', '#inc-2026-11-30-003'],
  ];
  for (const [, title, channel] of expected) {
    await declare(page, { title, severity: 'SEV2' });
    await expect(slug(page, channel)).toBeVisible();
  }

  await reloadApp(page);
  for (const [ref, title, channel] of expected) {
    await page.getByRole('link', { name: 'Incidents' }).click();
    // References carry the declaring seat's tag after the day's counter (issue 15).
    await page.getByRole('link', { name: new RegExp(`^${ref}-[0-9A-Z]{4} ${title}$`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(slug(page, channel)).toBeVisible();
  }
});
