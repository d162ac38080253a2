import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

/** Opens Edit impact from the console and returns the dialog. */
async function editImpact(page: Page) {
  await page.getByRole('button', { name: 'Edit impact' }).click();
  return page.getByRole('dialog', { name: 'Edit impact' });
}

test('Users affected: a % sign means a share, whole head counts with separators, anything else refused with the text kept', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Login errors', severity: 'SEV1', customerFacing: true });
  const impactLine = page.getByText(/^Impact: /);

  let dialog = await editImpact(page);
  const users = dialog.getByLabel('Users affected');
  const unit = dialog.getByLabel('Unit');
  await expect(unit).toHaveValue('users');
  for (const [typed, words] of [
    ['3.5', '"3.5" is not a whole number.'],
    ['99999999999999999999999', 'is out of range.'],
    ['1e6', '"1e6" is not a number.'],
    ['lots', '"lots" is not a number.'],
  ] as const) {
    await users.fill(typed);
    await dialog.getByRole('button', { name: 'Save impact' }).click();
    await expect(users).toHaveAttribute('aria-invalid', 'true');
    await expect(users).toHaveAccessibleDescription(new RegExp(words.replace(/[.]/g, '\\.')));
    await expect(users).toHaveValue(typed);
    await expect(dialog).toBeVisible();
  }
  await reloadApp(page);
  // Nothing of the above was saved.
  await expect(impactLine).not.toContainText('users');

  // "50%" with Unit = users: a share, and the unit shows it.
  dialog = await editImpact(page);
  await dialog.getByLabel('Users affected').fill('50%');
  await dialog.getByRole('button', { name: 'Save impact' }).click();
  await expect(dialog).toBeHidden();
  await expect(impactLine).toContainText('50% of users');
  await reloadApp(page);
  await expect(impactLine).toContainText('50% of users');
  dialog = await editImpact(page);
  await expect(dialog.getByLabel('Unit')).toHaveValue('percent');

  // 150 as a share is refused; "12,000" as users is understood.
  await dialog.getByLabel('Users affected').fill('150');
  await dialog.getByRole('button', { name: 'Save impact' }).click();
  await expect(dialog.getByLabel('Users affected')).toHaveAccessibleDescription(
    /"150" is out of range\. Enter a share of users from 0 to 100/,
  );
  await dialog.getByLabel('Unit').selectOption('users');
  await dialog.getByLabel('Users affected').fill('12,000');
  await dialog.getByRole('button', { name: 'Save impact' }).click();
  await expect(dialog).toBeHidden();
  await expect(impactLine).toContainText('12,000 users');
  await reloadApp(page);
  await expect(impactLine).toContainText('12,000 users');
});

test('Settings refuse absurd cadences, timeboxes and nudges next to the field; a sane value is saved', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const sev1 = page.getByLabel('SEV1 update cadence');
  await expect(sev1).toHaveValue('15');
  for (const typed of ['100000000', '1e9', '1441', '1.5', 'Infinity']) {
    await sev1.fill(typed);
    await sev1.press('Tab');
    await expect(sev1).toHaveAttribute('aria-invalid', 'true');
    await expect(sev1).toHaveAccessibleDescription(
      /Enter a whole number of minutes from 1 to 1,440 \(24 hours\)\./,
    );
    await expect(sev1).toHaveValue(typed);
  }
  const timebox = page.getByLabel('Hypothesis timebox (minutes)');
  await timebox.fill('1e5');
  await timebox.press('Tab');
  await expect(timebox).toHaveAccessibleDescription(/"1e5" is not a number/);
  const nudge = page.getByLabel('Nudge after the same Incident Commander for (hours)');
  await nudge.fill('100000');
  await nudge.press('Tab');
  await expect(nudge).toHaveAccessibleDescription(
    /out of range\. Enter a number of hours from 0\.5 to 24/,
  );

  await reloadApp(page);
  await expect(sev1).toHaveValue('15');
  await expect(timebox).toHaveValue('15');
  await expect(nudge).toHaveValue('4');

  // The longest standard cadence (SEV4 daily) is accepted, for any severity.
  await sev1.fill('1,440');
  await sev1.press('Tab');
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(sev1).not.toHaveAttribute('aria-invalid', 'true');
  await reloadApp(page);
  await expect(sev1).toHaveValue('1440');
});
