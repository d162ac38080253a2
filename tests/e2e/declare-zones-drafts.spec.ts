import { expect, test, type Page } from '@playwright/test';
import { openApp, reloadApp } from './support';

// A new user's findings in the Declare incident dialog: "Started at" filled in UTC under a
// "Local time (…)" hint, a 1901 start refused in zod's words, a pasted long title silently cut,
// and an abandoned declaration silently coming back pre-filled.

const NOW = Date.UTC(2026, 0, 15, 12, 0); // 13:00 in Berlin, 07:00 in New York

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Declare incident' });

async function useLocalTime(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Time zone').selectOption('local');
  await expect(page.getByLabel('Time zone')).toHaveValue('local');
  await page.getByRole('link', { name: 'Incidents' }).click();
}

for (const [zone, shownNow, nudged, shownNudged] of [
  ['Europe/Berlin', '2026-01-15T13:00', '2026-01-15T12:50', '2026-01-15 12:50'],
  ['America/New_York', '2026-01-15T07:00', '2026-01-15T06:50', '2026-01-15 06:50'],
] as const) {
  test.describe(`in ${zone}`, () => {
    test.use({ timezoneId: zone });

    test('Started at shows now in local time and a 10-minute nudge records 10 minutes earlier', async ({
      page,
    }) => {
      await page.clock.install({ time: NOW });
      await openApp(page);
      await useLocalTime(page);
      await page.keyboard.press('Control+n');
      const started = dialog(page).getByLabel('Started at');
      await expect(started).toHaveValue(shownNow);
      await expect(started).toHaveAccessibleDescription(new RegExp(`^Local time \\(${zone}\\)`));
      await dialog(page).getByLabel('Title').fill('Checkout errors');
      await dialog(page).getByLabel('Severity').selectOption('SEV2');
      await started.fill(nudged);
      await dialog(page).getByRole('button', { name: 'Declare' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Checkout errors' })).toBeVisible();
      const milestones = page.getByRole('region', { name: 'Milestones' });
      await expect(milestones).toContainText(shownNudged);

      // Correcting a milestone starts from the stored time, written in the same zone.
      await milestones.getByRole('button', { name: 'Correct Started' }).click();
      await expect(milestones.getByLabel('Started time (local)')).toHaveValue(nudged);
    });

    test('the Detected field typed in local time stays the same instant after a reload', async ({
      page,
    }) => {
      await page.clock.install({ time: NOW });
      await openApp(page);
      await useLocalTime(page);
      await page.getByRole('button', { name: 'Declare incident' }).click();
      await dialog(page).getByLabel('Title').fill('Queue backlog');
      await dialog(page).getByLabel('Detected').fill(nudged);
      await page.keyboard.press('Escape');
      await expect(dialog(page)).toBeHidden();
      await reloadApp(page);
      await page.keyboard.press('Control+n');
      await expect(dialog(page).getByLabel('Detected')).toHaveValue(nudged);
      await expect(dialog(page).getByLabel('Started at')).toHaveValue(shownNow);
    });
  });
}

test('a restored declaration says so, selects its title and can be discarded', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page);
  await page.keyboard.press('Control+n');
  await dialog(page).getByLabel('Title').fill('Old half-typed title');
  await dialog(page).getByLabel('Severity').selectOption('SEV2');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await reloadApp(page);

  await page.keyboard.press('Control+n');
  const note = dialog(page).getByRole('status').filter({ hasText: 'Restored your unfinished' });
  await expect(note).toHaveText(/Restored your unfinished declaration from 12:00 UTC\./);
  const title = dialog(page).getByLabel('Title');
  await expect(title).toHaveValue('Old half-typed title');
  await expect(title).toBeFocused();
  await page.screenshot({ path: 'test-results/declare-restored-draft.png' });
  // Typing replaces the restored title instead of appending to it; the rest is kept.
  await page.keyboard.type('Payments down');
  await expect(title).toHaveValue('Payments down');
  await expect(dialog(page).getByLabel('Severity')).toHaveValue('SEV2');

  await dialog(page).getByRole('button', { name: 'Discard draft' }).click();
  await expect(title).toHaveValue('');
  await expect(title).toBeFocused();
  await expect(dialog(page).getByLabel('Severity')).toHaveValue('');
  await expect(note).toBeHidden();
  await page.keyboard.press('Escape');
  await reloadApp(page);
  await page.keyboard.press('Control+n');
  await expect(dialog(page).getByLabel('Title')).toHaveValue('');
  await expect(dialog(page).getByText('Restored your unfinished declaration')).toHaveCount(0);
});

test('a pasted 540-character title is kept whole and refused with its real length', async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('Control+n');
  const title = dialog(page).getByLabel('Title');
  const long = `${'Checkout API errors on every region '.repeat(15).trimEnd()}!`; // 540 characters
  expect(long).toHaveLength(540);
  await title.fill(long);
  await expect(title).toHaveValue(long);
  await expect(title).not.toHaveAttribute('maxlength');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(
    dialog(page).getByText('The title is 540 characters; the limit is 200.'),
  ).toBeVisible();
  await dialog(page).getByLabel('Severity').selectOption('SEV3');
  await dialog(page).getByRole('button', { name: 'Declare' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(title).toHaveValue(long);
  await expect(dialog(page).getByText('(it has 540)', { exact: false })).toBeVisible();
  await expect(dialog(page).getByText(/\(it has 400\)/)).toHaveCount(0);
});

test('a start in 1901 is refused in plain words beside the field, the typed date kept', async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('Control+n');
  await dialog(page).getByLabel('Title').fill('Ancient outage');
  await dialog(page).getByLabel('Severity').selectOption('SEV4');
  const started = dialog(page).getByLabel('Started at');
  await started.fill('1901-01-01T00:00');
  await expect(started).toHaveAttribute('aria-invalid', 'true');
  await dialog(page).getByRole('button', { name: 'Declare' }).click();
  await expect(
    dialog(page).getByText(
      'That is too early: the earliest date Warroom accepts is 1970-01-01 00:00 UTC.',
    ),
  ).toBeVisible();
  await expect(dialog(page).getByText(/expected number|Too small/)).toHaveCount(0);
  await expect(started).toHaveValue('1901-01-01T00:00');
});
