import { expect, test } from '@playwright/test';
import { openApp, reloadApp, setStatus } from './support';

test("the error budget calculator gives the seed's figures, in one form", async ({ page }) => {
  await openApp(page, '/#/services');
  await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  const calc = page.getByRole('region', { name: 'Error budget calculator' });
  const result = calc.locator('.budget-result');
  await calc.getByLabel('Target (%)').fill('99.95');
  await calc.getByLabel('Window (days)').fill('30');
  await expect(result).toHaveText('21.6 min');
  await calc.getByLabel('Target (%)').fill('99.0');
  await expect(result).toHaveText('7.2 h');
  // 99% over 7 days: 100.8 min, the same form as on a service's card and in the post-mortem.
  await calc.getByLabel('Window (days)').fill('7');
  await expect(result).toHaveText('100.8 min');
  await calc.getByLabel('Target (%)').fill('100');
  await expect(calc.getByLabel('Target (%)')).toHaveAttribute('aria-invalid', 'true');
});

test("a service's budget card shows what an incident spent, overspend included, as its post-mortem does", async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-22T14:00:00Z') });
  await openApp(page);
  // Impact from 6 days ago to 1 day ago (7,200 min) at 1.44% of users: 103.68 min spent.
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Card payments failing');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByLabel('Affected services').fill('payments-api');
  await dialog.getByLabel('Affected services').press('Enter');
  await dialog.getByLabel('Customer-facing').check();
  await dialog.getByLabel('Started at').fill('2026-11-16T14:00');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Card payments failing' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Edit impact' }).click();
  const impact = page.getByRole('dialog', { name: 'Edit impact' });
  await impact.getByLabel('Users affected').fill('1.44');
  await impact.getByLabel('Unit').selectOption('percent');
  await impact.getByRole('button', { name: 'Save impact' }).click();
  await expect(impact).toBeHidden();
  const milestones = page.getByRole('region', { name: 'Milestones' });
  await milestones.getByRole('button', { name: 'Set Mitigated' }).click();
  await milestones.getByLabel('Mitigated time (UTC)').fill('2026-11-21T14:00');
  await milestones.getByRole('button', { name: 'Save Mitigated' }).click();
  await expect(milestones.getByRole('button', { name: 'Correct Mitigated' })).toBeVisible();
  await setStatus(page, 'resolved');
  const resolve = page.getByRole('dialog', { name: 'Resolve incident' });
  await resolve.getByLabel('Resolution summary').fill('Rolled back the card processor config');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toBeHidden();

  // 99% over 7 days on payments-api (a bad target is refused, the typed text kept).
  await page.getByRole('navigation').getByRole('link', { name: 'Services' }).click();
  const row = page.getByRole('row', { name: /payments-api/ });
  await row.getByRole('button', { name: 'Edit payments-api' }).click();
  const editor = page.getByRole('form', { name: 'Edit payments-api' });
  await editor.getByLabel('SLO target (%)').fill('100');
  await editor.getByRole('button', { name: 'Save service' }).click();
  await expect(editor.getByLabel('SLO target (%)')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByLabel('SLO target (%)')).toHaveValue('100');
  await editor.getByLabel('SLO target (%)').fill('99');
  await editor.getByLabel('SLO window (days)').fill('7');
  await editor.getByRole('button', { name: 'Save service' }).click();
  await expect(editor).toBeHidden();

  const SPENT = '103.7 min = 7,200 min of impact × 1.44% of users';
  const checkCard = async () => {
    const card = page.getByRole('article', { name: 'Error budget for payments-api' });
    await expect(card).toHaveAttribute('data-policy', 'exhausted');
    await expect(card).toContainText('Rolling window: the last 7 days');
    const figure = (term: string) => card.locator('dt', { hasText: term }).locator('+ dd');
    await expect(figure('Budget')).toHaveText('100.8 min');
    await expect(figure('Consumed')).toHaveText('103.7 min (102.9%)');
    // Overspent: the real position, never 0%.
    await expect(figure('Remaining')).toHaveText('−2.88 min (−2.857%): exhausted, 2.88 min over');
    await expect(figure('Policy')).toHaveText(
      'Freeze all non-critical deploys, conduct review with VP Eng',
    );
    // Mitigated a day ago: nothing burns over the last hour or 6 hours.
    await expect(figure('Burn rate')).toHaveText('0× over the last hour, 0× over the last 6 hours');
    await expect(figure('Burn alert')).toHaveText('None');
    await expect(figure('Lasts')).toHaveText('Nothing left');
    await expect(
      card.getByRole('listitem').filter({ hasText: 'Card payments failing' }),
    ).toContainText(SPENT);
  };
  await checkCard();

  // The post-mortem states the same figure, by the same rule.
  const PM_FIGURE =
    'SLO budget consumed: payments-api: 103.7 min of its 100.8 min budget (102.9%) = 7,200 min of impact × 1.44% of users; SLO 99% over 7 days';
  await page.getByRole('link', { name: /Card payments failing/ }).click();
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Post-mortem: Card payments failing' }),
  ).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'SLO budget consumed' })).toHaveText(
    PM_FIGURE,
  );
  await reloadApp(page);
  await expect(page.getByRole('listitem').filter({ hasText: 'SLO budget consumed' })).toHaveText(
    PM_FIGURE,
  );

  await page.getByRole('navigation').getByRole('link', { name: 'Services' }).click();
  await reloadApp(page);
  await checkCard();
});
