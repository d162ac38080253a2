import { expect, test, type Page } from '@playwright/test';
import { declareCheckoutOutage, log, reloadApp } from './support';

// Issue: `/comms executives` said "Executives update sent" but the Sent updates list stayed at
// (0). Every way of recording a sent update (composer, /comms, Mark sent) now counts the same.

const START = new Date('2026-11-22T14:00:00Z');

const history = (page: Page) => page.getByRole('list', { name: 'Sent updates' });
const timer = (page: Page, name: string) => page.getByRole('timer', { name });

test('/comms on the log line counts like a composed update for every audience, and persists', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await declareCheckoutOutage(page, START);
  await page.clock.fastForward('31:00');
  await expect(timer(page, 'Next executive update')).toHaveText(/^Overdue/);
  await expect(timer(page, 'Next engineering update')).toHaveText(/^Overdue/);

  await log(page, '/comms executives Impact and ETA sent');
  await log(page, '/comms engineering');
  await log(page, '/comms customers Status page updated');

  const check = async () => {
    await expect(page.getByText('Sent updates (3)')).toBeVisible();
    const exec = history(page).getByRole('listitem').filter({ hasText: 'Executives' });
    await expect(exec).toContainText('Impact and ETA sent');
    await expect(exec).toContainText('Logged with /comms, no message recorded');
    // No message was recorded, so there is nothing to reopen and nothing claimed.
    await expect(exec.getByRole('button', { name: 'Reopen' })).toHaveCount(0);
    await expect(
      history(page).getByRole('listitem').filter({ hasText: 'Engineering' }),
    ).toHaveCount(1);
    await expect(
      history(page).getByRole('listitem').filter({ hasText: 'Customers' }),
    ).toContainText('Status page updated');
    await expect(timer(page, 'Next executive update')).not.toHaveText(/^Overdue/);
    await expect(timer(page, 'Next engineering update')).not.toHaveText(/^Overdue/);
  };
  await check();
  await reloadApp(page);
  await check();
});

test('Mark sent is recorded in Sent updates too, and persists', async ({ page }) => {
  await page.clock.install({ time: START });
  await declareCheckoutOutage(page, START);
  await page.clock.fastForward('31:00');
  await page
    .getByRole('group', { name: 'Executives updates' })
    .getByRole('button', { name: 'Mark sent' })
    .click();
  await reloadApp(page);
  await expect(page.getByText('Sent updates (1)')).toBeVisible();
  await expect(history(page).getByRole('listitem')).toContainText(
    'Marked as sent, no message recorded',
  );
  await expect(timer(page, 'Next executive update')).not.toHaveText(/^Overdue/);
});
