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
  // The scribe keeps typing the next line: the space and the letters go into the field, no
  // button is pressed and no shortcut fires; the start has not moved.
  await page.keyboard.type(' and more');
  await expect(logField(page)).toHaveValue('@14:05 first customer ticket arrived and more');
  await expect(logField(page)).toBeFocused();
  await expect(milestones).toContainText('Started2026-11-22 14:30 UTC');
  await expect(entries(page)).not.toContainText('first customer ticket');

  // Asked again, the choice is made on purpose: Tab to the buttons.
  await logField(page).fill('@14:05 first customer ticket arrived');
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
