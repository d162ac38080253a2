import { expect, test, type Locator, type Page } from '@playwright/test';
import { declare, openApp } from './support';

/**
 * Keyboard and screen-reader flow: a dialog closed by submit or Escape gives focus back to the
 * control that opened it; a route change titles the page and focuses its heading; a countdown
 * turning overdue is said once in a live region. Everything here is driven by the keyboard.
 */

/** Focuses `opener` and opens its dialog with the keyboard (Enter), returning the dialog. */
async function openWithKeyboard(page: Page, opener: Locator, dialogName: string) {
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('closing a dialog by Escape or by submit returns focus to the control that opened it', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Checkout latency', severity: 'SEV3' });

  // Change severity: Escape, then submit.
  const changeSeverity = page.getByRole('button', { name: 'Change severity' });
  let dialog = await openWithKeyboard(page, changeSeverity, 'Change severity');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(changeSeverity).toBeFocused();
  dialog = await openWithKeyboard(page, changeSeverity, 'Change severity');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByLabel('Reason').focus();
  await page.keyboard.type('Checkout errors for every region');
  await dialog.getByRole('button', { name: 'Change', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(changeSeverity).toBeFocused();

  // Add hypothesis: Escape, then submit.
  const addHypothesis = page
    .getByRole('region', { name: 'Hypotheses' })
    .getByRole('button', { name: 'Add hypothesis' });
  dialog = await openWithKeyboard(page, addHypothesis, 'Add hypothesis');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(addHypothesis).toBeFocused();
  dialog = await openWithKeyboard(page, addHypothesis, 'Add hypothesis');
  await dialog.getByLabel('Hypothesis').focus();
  await page.keyboard.type('Connection pool exhausted');
  await dialog.getByRole('button', { name: 'Add', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(addHypothesis).toBeFocused();

  // Compose update and Snooze: Escape.
  const compose = page.getByRole('button', { name: 'Compose update' }).first();
  dialog = await openWithKeyboard(page, compose, 'Compose update');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(compose).toBeFocused();

  const snooze = page
    .getByRole('group', { name: 'Engineering updates' })
    .getByRole('button', { name: 'Snooze' });
  dialog = await openWithKeyboard(page, snooze, 'Snooze Engineering reminder');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(snooze).toBeFocused();

  // Resolve incident (opened by Set status): Escape returns to Set status; resolving disables
  // that button, so focus goes to the page heading instead of <body>.
  await page.getByLabel('Status').selectOption('resolved');
  const setStatus = page.getByRole('button', { name: 'Set status' });
  dialog = await openWithKeyboard(page, setStatus, 'Resolve incident');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(setStatus).toBeFocused();
  dialog = await openWithKeyboard(page, setStatus, 'Resolve incident');
  await dialog.getByLabel('Resolution summary').focus();
  await page.keyboard.type('Rolled back the pool size change');
  await dialog.getByRole('button', { name: 'Resolve', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout latency' })).toBeFocused();

  // Declare incident: Escape returns to the header button; a declaration opens the new console
  // with focus in its Log entry (next test).
  const declareButton = page.getByRole('button', { name: 'Declare incident' });
  dialog = await openWithKeyboard(page, declareButton, 'Declare incident');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(declareButton).toBeFocused();
});

test('declaring from the keyboard lands focus in Log entry of the new console, titled for the incident', async ({
  page,
}) => {
  await openApp(page);
  await expect(page).toHaveTitle('Incidents — Warroom');
  const dialog = await openWithKeyboard(
    page,
    page.getByRole('button', { name: 'Declare incident' }),
    'Declare incident',
  );
  await dialog.getByLabel('Title').focus();
  await page.keyboard.type('Search results empty');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByRole('button', { name: 'Declare', exact: true }).focus();
  await page.keyboard.press('Enter');
  // The README's promise: the console opens with the cursor in Log entry (typing at once logs;
  // a screen reader hears the field's name, and the page title names the incident).
  await expect(page.getByRole('heading', { level: 1, name: 'Search results empty' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Timeline' }).getByLabel('Log entry'),
  ).toBeFocused();
  await expect(page).toHaveTitle(
    /^INC-\d{4}-\d{2}-\d{2}-\d{3}-[0-9A-HJKMNP-TV-Z]{4} Search results empty — Warroom$/,
  );
});

test('following a navigation link titles the page and moves focus to its heading', async ({
  page,
}) => {
  await openApp(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, title] of [
    ['Metrics', 'Metrics — Warroom'],
    ['Action items', 'Action items — Warroom'],
    ['Runbooks', 'Runbooks — Warroom'],
    ['Services', 'Services — Warroom'],
    ['Settings', 'Settings — Warroom'],
    ['Incidents', 'Incidents — Warroom'],
  ] as const) {
    await nav.getByRole('link', { name: link }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle(title);
    await expect(page.locator('#main h1')).toBeFocused();
  }
});

test('a countdown turning overdue is announced once in a live region, not every second', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-22T14:00:00Z') });
  await openApp(page);
  await declare(page, { title: 'Login failures', severity: 'SEV1' });
  const region = page.getByRole('status', { name: 'Timer announcements' });
  await expect(region).toHaveText('');
  await page.clock.fastForward('14:00');
  await expect(region).toContainText(/Engineering update for INC-\S+ is due soon\./);
  await page.clock.fastForward('02:00');
  await expect(region).toContainText(/Engineering update for INC-\S+ is overdue\./);
  // Count the region's text changes over the next seconds of overdue ticking: none.
  await page.evaluate(() => {
    const el = document.querySelector('[aria-label="Timer announcements"]');
    const w = window as unknown as { __changes: number };
    w.__changes = 0;
    new MutationObserver(() => (w.__changes += 1)).observe(el!, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.clock.fastForward('00:05');
  await expect(page.getByRole('timer', { name: 'Next engineering update' })).toHaveText(/Overdue/);
  await page.clock.fastForward('00:05');
  expect(await page.evaluate(() => (window as unknown as { __changes: number }).__changes)).toBe(0);
});
