import { expect, test, type Page } from '@playwright/test';
import { openApp, reloadApp } from './support';

// The scribe types without looking: focus must never leave Log entry for a control that the
// next keystrokes would press, nor for the page, whose one-key shortcuts (M, R…) they would
// fire. A new user lost text and had an incident's start moved this way.

const START = new Date('2026-11-22T14:30:00Z');
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const logField = (page: Page) => timeline(page).getByLabel('Log entry');
const entries = (page: Page) => timeline(page).getByRole('list', { name: 'Timeline entries' });

test('typing straight after declaring logs into the new console', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Login failures');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByLabel('Title').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Login failures' })).toBeVisible();
  await expect(logField(page)).toBeFocused();
  await page.keyboard.type('users report 500 on login');
  await page.keyboard.press('Enter');
  await expect(entries(page)).toContainText('users report 500 on login');
  await expect(logField(page)).toHaveValue('');
  await reloadApp(page);
  await expect(entries(page)).toContainText('users report 500 on login');
});

test('the question about an entry before the start keeps focus in Log entry and needs a deliberate choice', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await openApp(page);
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Checkout errors');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
  await expect(logField(page)).toBeFocused();
  const milestones = page.getByRole('region', { name: 'Milestones' });
  await expect(milestones).toContainText('Started2026-11-22 14:30 UTC');

  await page.keyboard.type('@14:05 first customer ticket arrived');
  await page.keyboard.press('Enter');
  const prompt = timeline(page).getByRole('group', { name: 'Entry before the start' });
  await expect(prompt).toContainText("This is before the incident's start");
  await expect(logField(page)).toBeFocused();
  // The line asked about is held out of the field, shown with the question.
  await expect(logField(page)).toHaveValue('');
  await expect(timeline(page)).toContainText(
    'Waiting for your answer below: “@14:05 first customer ticket arrived”',
  );
  // The scribe keeps typing the next line without looking: it goes into the field as a line of
  // its own (not glued onto the held one), no button is pressed and no shortcut fires; the
  // start has not moved. Enter logs it; the question still waits.
  await page.keyboard.type(' and more: paged the payments on-call');
  await expect(logField(page)).toHaveValue(' and more: paged the payments on-call');
  await page.keyboard.press('Enter');
  await expect(entries(page)).toContainText('and more: paged the payments on-call');
  await expect(logField(page)).toHaveValue('');
  await expect(logField(page)).toBeFocused();
  await expect(prompt).toBeVisible();
  await expect(milestones).toContainText('Started2026-11-22 14:30 UTC');
  await expect(entries(page)).not.toContainText('first customer ticket');

  // Cancel puts the held line back in the field, to correct it.
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(logField(page)).toHaveValue('@14:05 first customer ticket arrived');
  await expect(prompt).toBeHidden();

  // Asked again, the choice is made on purpose: Tab to the buttons.
  await logField(page).press('Enter');
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Log without moving' }).click();
  await expect(entries(page)).toContainText('first customer ticket arrived');
  await expect(logField(page)).toBeFocused();
  await reloadApp(page);
  await expect(page.getByRole('region', { name: 'Milestones' })).toContainText(
    'Started2026-11-22 14:30 UTC',
  );
  await expect(entries(page)).toContainText('first customer ticket arrived');
});

test('lines typed blind while two entries before the start wait are each logged on their own; the held ones follow once answered', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await openApp(page);
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Payments DB saturated');
  await dialog.getByLabel('Severity').selectOption('SEV1');
  await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
  await expect(logField(page)).toBeFocused();

  // Typed without looking at the screen, one line after another.
  for (const line of [
    '@14:05 f: earliest error in logs',
    '-5m a: scaled payments-db read replicas',
    'h: noisy neighbour on db host',
    'f: replica lag 0s',
    'd: keep the replicas at 6',
  ]) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  const rows = entries(page).getByRole('listitem');
  await expect(rows.filter({ hasText: 'noisy neighbour on db host' })).toContainText('Hypothesis');
  await expect(rows.filter({ hasText: 'replica lag 0s' })).toContainText('Finding');
  await expect(rows.filter({ hasText: 'keep the replicas at 6' })).toContainText('Decision');
  await expect(logField(page)).toHaveValue('');
  // Nothing glued together: no entry holds two of the lines.
  await expect(rows.filter({ hasText: /replicash|db hostf|0sd/ })).toHaveCount(0);

  // A reload while they wait brings both back held, in order, each still its own line.
  await reloadApp(page);
  await expect(logField(page)).toHaveValue('');
  // The two lines before the start wait, in order, the first one asked about.
  const prompt = timeline(page).getByRole('group', { name: 'Entry before the start' });
  await expect(timeline(page)).toContainText(
    'Waiting for your answer below: “@14:05 f: earliest error in logs” (1 more line after it)',
  );
  await prompt.getByRole('button', { name: 'Log without moving' }).click();
  await expect(rows.filter({ hasText: 'earliest error in logs' })).toContainText('Finding');
  await expect(timeline(page)).toContainText(
    'Waiting for your answer below: “-5m a: scaled payments-db read replicas”',
  );
  await prompt.getByRole('button', { name: 'Log without moving' }).click();
  await expect(rows.filter({ hasText: 'scaled payments-db read replicas' })).toContainText(
    'Action',
  );
  await expect(prompt).toBeHidden();
  await expect(logField(page)).toBeFocused();

  await reloadApp(page);
  for (const text of [
    'earliest error in logs',
    'scaled payments-db read replicas',
    'noisy neighbour on db host',
    'replica lag 0s',
    'keep the replicas at 6',
  ])
    await expect(entries(page).getByRole('listitem').filter({ hasText: text })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Hypotheses' })).toContainText(
    'noisy neighbour on db host',
  );
  await expect(logField(page)).toHaveValue('');
});
