import { expect, test } from '@playwright/test';
import { declare, openApp, openIncidentsList, reloadApp, setStatus } from './support';

test('the incidents page lists the ten most overdue post-mortems and shows the rest on request; a reload lists ten again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-11-20T09:00:00Z') });
  await openApp(page);
  // Eleven incidents resolved three days ago, none with a Final post-mortem.
  for (let i = 1; i <= 11; i++) {
    await openIncidentsList(page);
    await declare(page, { title: `Queue backlog ${i}`, severity: 'SEV3' });
    await setStatus(page, 'resolved');
    const resolve = page.getByRole('dialog', { name: 'Resolve incident' });
    await resolve.getByLabel('Resolution summary').fill(`Drained queue ${i}`);
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect(page.getByText('Post-mortem due in')).toBeVisible();
    await page.clock.fastForward('01:00');
  }
  await page.clock.setSystemTime(new Date('2026-11-23T12:00:00Z'));

  const check = async () => {
    await openIncidentsList(page);
    const overdue = page.getByRole('region', { name: 'Overdue post-mortems (11)' });
    const links = overdue.getByRole('link', { name: /^Post-mortem for Queue backlog/ });
    await expect(links).toHaveCount(10);
    // Most overdue first: the first one resolved.
    await expect(links.first()).toHaveAccessibleName(/^Post-mortem for Queue backlog 1 \(/);
    const all = overdue.getByRole('button', { name: 'Show all 11 overdue post-mortems' });
    await expect(all).toHaveAttribute('aria-expanded', 'false');
    await all.press('Enter');
    await expect(links).toHaveCount(11);
    const fewer = overdue.getByRole('button', { name: 'Show the 10 most overdue' });
    await expect(fewer).toBeFocused();
    await expect(fewer).toHaveAttribute('aria-expanded', 'true');
    await links.last().click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Post-mortem: Queue backlog 11' }),
    ).toBeVisible();
  };
  await check();
  await reloadApp(page);
  await check();
});
