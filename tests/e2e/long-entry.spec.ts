import { expect, test } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

// A pasted stack trace or log dump is logged whole but shown folded: its first lines and a
// "Show all" toggle, so the rest of the timeline stays on screen. Reloading keeps the whole text.

test('a pasted 12,000-character log is folded in the timeline and shown whole on request', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page);
  await declare(page, { title: 'Long paste', severity: 'SEV2' });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const field = timeline.getByLabel('Log entry');
  await field.fill('First look at the logs');
  await field.press('Enter');
  const frames = Array.from(
    { length: 200 },
    (_, i) => `    at handler${i} (/srv/checkout/src/payments/handler.ts:${i + 1}:17)`,
  );
  const trace = `TypeError: Cannot read properties of undefined (reading 'amount')\n${frames.join('\n')}`;
  expect(trace.length).toBeGreaterThan(12_000);
  await field.fill(trace);
  await field.press('Enter');
  await expect(field).toHaveValue('');

  const list = timeline.getByRole('list', { name: 'Timeline entries' });
  const row = list.getByRole('listitem').filter({ hasText: 'TypeError' });
  const showAll = row.getByRole('button', {
    name: /^Show all \(201 lines, 1\d,\d{3} characters\)$/,
  });
  await expect(showAll).toBeVisible();
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await expect(row).not.toContainText('handler199');
  // The entry before it is still on screen, above the folded one.
  await expect(
    list.getByRole('listitem').filter({ hasText: 'First look at the logs' }),
  ).toBeInViewport();
  const folded = await row.boundingBox();
  expect(folded?.height ?? 0).toBeLessThan(300);

  await showAll.click();
  await expect(row).toContainText('handler199 (/srv/checkout/src/payments/handler.ts:200:17)');
  const less = row.getByRole('button', { name: 'Show less' });
  await expect(less).toHaveAttribute('aria-expanded', 'true');
  await less.click();
  await expect(row).not.toContainText('handler199');

  // Stored whole: after a reload the fold opens on the full text, and Edit holds all of it.
  await reloadApp(page);
  const again = page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('list', { name: 'Timeline entries' })
    .getByRole('listitem')
    .filter({ hasText: 'TypeError' });
  await again.getByRole('button', { name: /^Show all/ }).click();
  await expect(again).toContainText('handler199');
  await again.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(again.getByLabel('Edit entry')).toHaveValue(trace);
});
