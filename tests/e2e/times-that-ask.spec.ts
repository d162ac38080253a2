import { expect, test, type Page } from '@playwright/test';
import { log, openApp, reloadApp } from './support';

// Typed times that do not name exactly one sensible instant are asked about, never guessed:
// an "@hh:mm" still to come today far from midnight (yesterday's reading is most of a day back),
// and an entry's Occurred at set to the hour a fall-back night repeats.

test.use({ viewport: { width: 1280, height: 2000 } });

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const entry = (page: Page, text: string) =>
  page
    .getByRole('list', { name: 'Timeline entries' })
    .getByRole('listitem')
    .filter({ hasText: text });

/** Declares an incident through the dialog with its Started at typed in the display zone. */
async function declareStartedAt(page: Page, title: string, startedAt: string): Promise<void> {
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByLabel('Started at').fill(startedAt);
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('@14:30 typed at 14:20 UTC asks before logging it yesterday, keeps the text, and the choice persists', async ({
  page,
}) => {
  await page.clock.install({ time: Date.UTC(2026, 11, 2, 14, 20) });
  await openApp(page);
  await declareStartedAt(page, 'Pods crash-looping', '2026-12-01T08:00');

  const field = page.getByLabel('Log entry');
  await field.fill('@14:30 restarted pods');
  await field.press('Enter');
  // Not logged 23 h 50 min back without a word: a question, the line kept in the field.
  const question = page.getByRole('alert').filter({ hasText: 'still to come today' });
  await expect(question).toBeVisible();
  await expect(question).toContainText("Yesterday's 14:30 was 2026-12-01 14:30 UTC, 23 h");
  await expect(question).toContainText('-10m is 10 minutes ago');
  // The line is held beside the question (not logged, not lost); the field is free.
  await expect(field).toHaveValue('');
  await expect(timeline(page)).toContainText(
    'Waiting for your answer below: “@14:30 restarted pods”',
  );
  await expect(entry(page, 'restarted pods')).toHaveCount(0);
  // A reload before answering keeps the held line: it comes back held, asked again.
  await reloadApp(page);
  await expect(question).toBeVisible();
  await expect(timeline(page)).toContainText(
    'Waiting for your answer below: “@14:30 restarted pods”',
  );
  await expect(field).toHaveValue('');

  await page
    .getByRole('group', { name: 'Which time?' })
    .getByRole('button', { name: 'Yesterday, 2026-12-01 14:30 UTC' })
    .click();
  await expect(field).toHaveValue('');
  await expect(entry(page, 'restarted pods').locator('time')).toHaveText('2026-12-01 14:30 UTC');

  await reloadApp(page);
  await expect(entry(page, 'restarted pods').locator('time')).toHaveText('2026-12-01 14:30 UTC');
});

test.describe('in Europe/Berlin', () => {
  // Berlin's clocks go back at 03:00 CEST on 25 October 2026 (01:00 UTC) to 02:00 CET: 02:30
  // happens at 00:30 UTC, then again at 01:30 UTC.
  test.use({ timezoneId: 'Europe/Berlin' });

  test("an entry's Occurred at in the repeated hour asks which 02:30, and the one chosen persists", async ({
    page,
  }) => {
    await page.clock.install({ time: Date.UTC(2026, 9, 25, 4, 0) }); // 05:00 CET
    await openApp(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Time zone').selectOption('local');
    await expect(page.getByLabel('Time zone')).toHaveValue('local');
    await page.getByRole('link', { name: 'Incidents' }).click();
    await declareStartedAt(page, 'Night batch failing', '2026-10-25T01:00');
    await log(page, 'Batch job restarted');

    await entry(page, 'Batch job restarted').getByRole('button', { name: 'Edit' }).click();
    const when = timeline(page).getByLabel('Occurred at');
    await expect(when).toHaveValue('2026-10-25T05:00');
    await when.fill('2026-10-25T02:30');
    const which = timeline(page).getByRole('group', { name: 'Which time?' });
    await expect(which.getByRole('radio', { name: '02:30 UTC+02:00 (first)' })).toBeVisible();
    // Saving before answering is refused with the question, not a generic "enter a time".
    await when.press('Enter');
    await expect(when).toHaveAccessibleDescription(/happened twice.*Choose one below/);
    await expect(when).toHaveValue('2026-10-25T02:30');
    await which.getByRole('radio', { name: '02:30 UTC+01:00 (second)' }).check();
    await when.press('Enter');
    await expect(timeline(page).getByLabel('Edit entry')).toHaveCount(0);
    await expect(entry(page, 'Batch job restarted').locator('time')).toHaveText('02:30 UTC+01:00');

    await reloadApp(page);
    const row = entry(page, 'Batch job restarted');
    await expect(row.locator('time')).toHaveText('02:30 UTC+01:00');
    await row.getByRole('button', { name: 'Show revisions (1)' }).click();
    await expect(row.getByRole('list', { name: 'Earlier versions' })).toContainText(
      'was at 2026-10-25 05:00 UTC+01:00',
    );
    // Editing it again starts from the instant stored, the second 02:30.
    await row.getByRole('button', { name: 'Edit' }).click();
    await expect(when).toHaveValue('2026-10-25T02:30');
    await expect(which.getByRole('radio', { name: '02:30 UTC+01:00 (second)' })).toBeChecked();
  });
});
