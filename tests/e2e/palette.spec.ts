import { expect, test } from '@playwright/test';
import { assign, declare, log, openApp, openPalette, reloadApp } from './support';

test('Ctrl+K finds an incident by a misspelt title or part of its reference, and Enter opens it', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, {
    title: 'Checkout API errors',
    severity: 'SEV1',
    services: ['checkout-api'],
  });
  const checkoutRef = (await page.locator('.console-meta .ref').textContent())?.trim() ?? '';
  await declare(page, { title: 'Search latency', severity: 'SEV3' });
  const searchRef = (await page.locator('.console-meta .ref').textContent())?.trim() ?? '';
  await page.getByRole('link', { name: 'Incidents', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();

  let palette = await openPalette(page);
  // Newest first before anything is typed.
  const incidents = palette.getByRole('group', { name: 'Incidents' }).getByRole('option');
  await expect(incidents).toHaveCount(2);
  await expect(incidents.first()).toContainText('Search latency');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Search latency');
  await expect(palette.getByRole('group', { name: 'Commands' })).toBeVisible();

  // A typo still finds it, ranked first and selected, and Enter opens its console.
  await page.keyboard.type('chekout');
  await expect(palette.getByRole('option').first()).toContainText('Checkout API errors');
  await expect(palette.getByRole('option', { name: /Search latency/ })).toHaveCount(0);
  await expect(palette.getByRole('option', { selected: true })).toContainText(checkoutRef);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout API errors' })).toBeVisible();
  // Focus lands where opening a running incident's console puts it: the scribe's Log entry.
  await expect(page.getByLabel('Log entry')).toBeFocused();

  // The tail of a reference (seat tag and counter) finds that incident.
  palette = await openPalette(page);
  await page.keyboard.type(searchRef.slice(-8));
  await expect(palette.getByRole('option', { selected: true })).toContainText('Search latency');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Search latency' })).toBeVisible();

  // Nothing matching says so.
  palette = await openPalette(page);
  await page.keyboard.type('zzqqxx');
  await expect(palette.getByText('No incident or command matches.')).toBeVisible();
  await expect(palette.getByRole('option')).toHaveCount(0);
});

test('Toggle theme from the palette flips <html data-theme> and the choice survives a reload', async ({
  page,
}) => {
  await openApp(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await openPalette(page);
  await page.keyboard.type('toggle theme');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await reloadApp(page);
  await expect(html).toHaveAttribute('data-theme', 'light');

  // And back, clicking the option this time.
  const palette = await openPalette(page);
  await palette.getByRole('option', { name: 'Toggle theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('Declare incident from the palette opens the Declare incident dialog', async ({ page }) => {
  await openApp(page);
  await openPalette(page);
  await page.keyboard.type('declare');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();

  // Ctrl+N inside the palette declares too, after the palette has closed.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await openPalette(page);
  await page.keyboard.press('Control+n');
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
});

test('Escape, or Ctrl+K again, closes the palette and returns focus to where it was', async ({
  page,
}) => {
  await openApp(page);
  const metrics = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
    name: 'Metrics',
  });
  await metrics.focus();
  const palette = await openPalette(page);
  await page.keyboard.type('run');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(metrics).toBeFocused();

  await openPalette(page);
  await page.keyboard.press('Control+k');
  await expect(palette).toBeHidden();
  await expect(metrics).toBeFocused();

  // Opened again, it starts from an empty search.
  await openPalette(page);
  await expect(
    palette.getByRole('combobox', { name: 'Search incidents and commands' }),
  ).toHaveValue('');
  await palette.getByRole('option', { name: 'Go to Runbooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Runbooks' })).toBeFocused();
});

test('on a console the palette composes an update, hands off the Incident Commander and opens the post-mortem', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, {
    title: 'Checkout API errors',
    severity: 'SEV1',
    services: ['checkout-api'],
  });
  await assign(page, 'Incident Commander', 'Alice');

  await openPalette(page);
  await page.keyboard.type('compose');
  await page.keyboard.press('Enter');
  const compose = page.getByRole('dialog', { name: 'Compose update' });
  await expect(compose).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(compose).toBeHidden();
  // Focus returns to the console's own button, as when it was pressed.
  await expect(page.getByRole('button', { name: 'Compose update' })).toBeFocused();

  await openPalette(page);
  await page.keyboard.type('hand off');
  await page.keyboard.press('Enter');
  const ic = page
    .getByRole('region', { name: 'Roles' })
    .getByRole('group', { name: 'Incident Commander', exact: true });
  await expect(ic.getByLabel('Person')).toBeVisible();
  await ic.getByLabel('Person').fill('Bob');
  await ic.getByLabel('Person').press('Enter');
  await expect(ic).toContainText('Bob');

  await openPalette(page);
  await page.keyboard.type('post-mortem');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Post-mortem: Checkout API errors' }),
  ).toBeVisible();

  // Away from a console the console's commands are not offered.
  const palette = await openPalette(page);
  await page.keyboard.type('compose');
  await expect(palette.getByRole('option', { name: 'Compose update' })).toHaveCount(0);
});

test('the arrow keys move a visible highlight that stays where the person put it, and Enter follows it', async ({
  page,
}) => {
  await openApp(page);
  for (const title of ['Disk full on db-1', 'Disk latency on db-2', 'Disk errors on db-3'])
    await declare(page, { title, severity: 'SEV3' });
  await log(page, 'f: Disk queue depth above 200 on db-3');
  await page.getByRole('link', { name: 'Incidents', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();

  const palette = await openPalette(page);
  await page.keyboard.type('disk');
  const options = palette.getByRole('option');
  const selected = palette.getByRole('option', { selected: true });
  await expect(palette.getByRole('group', { name: 'Incidents' }).getByRole('option')).toHaveCount(
    3,
  );
  await expect(selected).toHaveCount(1);
  const first = (await options.nth(0).textContent()) ?? '';
  await expect(selected).toHaveText(first);

  /** The highlight a person sees: the selected row's left edge (not colour alone). */
  const edge = (option: ReturnType<typeof palette.getByRole>) =>
    option.evaluate((el) => getComputedStyle(el).boxShadow);

  // Moved at once, before the full-text answer (the hit in db-3's timeline) may have arrived.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = (await options.nth(2).textContent()) ?? '';
  await expect(selected).toHaveText(third);
  // The answer arriving after the move does not take the highlight back to the first option.
  await expect(palette.getByRole('option', { name: /Disk queue depth above 200/ })).toBeVisible();
  await expect(selected).toHaveText(third);
  expect(await edge(selected)).not.toBe('none');
  expect(await edge(options.nth(0))).toBe('none');
  await page.keyboard.press('ArrowUp');
  const second = (await options.nth(1).textContent()) ?? '';
  await expect(selected).toHaveText(second);
  expect(await edge(selected)).not.toBe('none');
  expect(await edge(options.filter({ hasText: third }))).toBe('none');
  await page.screenshot({ path: test.info().outputPath('palette-highlight.png') });

  const title = /Disk (full|latency|errors) on db-\d/.exec(second)?.[0] ?? '';
  expect(title).not.toBe('');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});
