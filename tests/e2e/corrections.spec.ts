import { expect, test, type Page } from '@playwright/test';
import { declare, log, openApp, reloadApp } from './support';

/** Corrections after a chaotic night: an entry's time, the incident's title, the scribe's name. */

const START = new Date('2026-11-22T14:00:00Z');
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });
const entry = (page: Page, text: string | RegExp) =>
  entries(page).getByRole('listitem').filter({ hasText: text });

/** The texts of the person-written rows, in the order the list shows them. */
async function rowOrder(page: Page, texts: string[]): Promise<string[]> {
  const all = await entries(page).getByRole('listitem').allInnerTexts();
  return all.flatMap((row) => texts.filter((t) => row.includes(t)));
}

test("editing an entry's time moves it, keeps the old time with the revision, and survives a reload", async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await openApp(page);
  await declare(page, { title: 'Checkout API errors', severity: 'SEV2' });
  await log(page, 'f: Error rate at 12 %');
  await page.clock.fastForward('10:00');
  await log(page, 'Paged the database on-call');
  expect(await rowOrder(page, ['Error rate at 12 %', 'Paged the database on-call'])).toEqual([
    'Error rate at 12 %',
    'Paged the database on-call',
  ]);

  // The page happened before the error-rate finding: correct its time to 14:00 UTC.
  const row = entry(page, 'Paged the database on-call');
  await row.getByRole('button', { name: 'Edit' }).click();
  const editor = timeline(page).getByLabel('Edit entry');
  await expect(editor).toBeFocused();
  const when = timeline(page).getByLabel('Occurred at');
  await expect(when).toHaveValue('2026-11-22T14:10');
  await when.fill('2026-11-22T13:58');
  await when.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect
    .poll(() => rowOrder(page, ['Error rate at 12 %', 'Paged the database on-call']))
    .toEqual(['Paged the database on-call', 'Error rate at 12 %']);
  await expect(entry(page, 'Paged the database on-call')).toContainText('13:58 UTC');

  await reloadApp(page);
  const moved = entry(page, 'Paged the database on-call');
  await expect(moved).toBeVisible();
  expect(await rowOrder(page, ['Error rate at 12 %', 'Paged the database on-call'])).toEqual([
    'Paged the database on-call',
    'Error rate at 12 %',
  ]);

  await expect(moved).toContainText('13:58 UTC');
  await expect(moved).toContainText('Edited');
  await moved.getByRole('button', { name: 'Show revisions (1)' }).click();
  await expect(moved.getByRole('list', { name: 'Earlier versions' })).toContainText(
    'was at 2026-11-22 14:10 UTC',
  );

  // A time in the future is refused next to the field; the typed text and time stay.
  await moved.getByRole('button', { name: 'Edit' }).click();
  await editor.fill('Paged the database on-call (Priya)');
  await when.fill('2026-11-23T09:00');
  await editor.press('Enter');
  await expect(when).toHaveAttribute('aria-invalid', 'true');
  await expect(timeline(page).getByRole('alert')).toContainText('in the future');
  await expect(editor).toHaveValue('Paged the database on-call (Priya)');
  await expect(when).toHaveValue('2026-11-23T09:00');
});

test('renaming the incident records old and new titles, keeps the reference, and reaches the post-mortem', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Checkout erors', severity: 'SEV2' });
  const ref = (await page.locator('.console-meta .ref').innerText()).trim();
  expect(ref).toMatch(/^INC-/);

  // Escape cancels and returns focus to the button.
  await page.getByRole('button', { name: 'Rename incident' }).click();
  const field = page.getByLabel('Incident title');
  await expect(field).toBeFocused();
  await field.fill('Never saved');
  await field.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rename incident' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout erors');

  // An empty title is refused beside the field.
  await page.getByRole('button', { name: 'Rename incident' }).click();
  await field.fill('   ');
  await field.press('Enter');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('   ');

  await field.fill('Checkout latency in eu-west');
  await field.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout latency in eu-west');
  await expect(entries(page)).toContainText('Title: Checkout erors → Checkout latency in eu-west');

  await reloadApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout latency in eu-west');
  await expect(page.locator('.console-meta .ref')).toHaveText(ref);
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Post-mortem: Checkout latency in eu-west' }),
  ).toBeVisible();
});

test('until a name is set, entries say "Me" and the console asks for it once', async ({ page }) => {
  await openApp(page);
  await declare(page, { title: 'Search results empty', severity: 'SEV3' });
  const prompt = page.getByRole('form', { name: 'Set your name' });
  await expect(prompt).toContainText('Entries are signed “Me”');
  await log(page, 'Looking at the indexer');
  await expect(entry(page, 'Looking at the indexer')).toContainText('Me');

  await prompt.getByRole('button', { name: 'Save name' }).click();
  await expect(prompt.getByRole('alert')).toContainText('Type your name first');
  await prompt.getByLabel('Your name').fill('Dana Okafor');
  await prompt.getByLabel('Your name').press('Enter');
  await expect(prompt).toHaveCount(0);
  await log(page, 'Indexer restarted');
  await expect(entry(page, 'Indexer restarted')).toContainText('Dana Okafor');

  await reloadApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results empty');
  await expect(page.getByRole('form', { name: 'Set your name' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Your name')).toHaveValue('Dana Okafor');
});

test('a post-mortem opened straight from its address is signed with the name already set', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Queue backlog', severity: 'SEV3' });
  const prompt = page.getByRole('form', { name: 'Set your name' });
  await prompt.getByLabel('Your name').fill('Dana Okafor');
  await prompt.getByLabel('Your name').press('Enter');
  await expect(prompt).toHaveCount(0);
  // A fresh window on the post-mortem's address: the first screen already knows the name.
  const address = `${page.url()}/postmortem`;
  await page.goto('about:blank');
  await openApp(page, address);
  await expect(page.getByLabel('Author', { exact: true })).toHaveValue('Dana Okafor');
  await reloadApp(page);
  await expect(page.getByLabel('Author', { exact: true })).toHaveValue('Dana Okafor');
});
