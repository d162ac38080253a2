import { expect, test, type Page } from '@playwright/test';
import { openApp, reloadApp } from './support';

// A held line (one asked "which time?" or "before the start?") whose save fails keeps its own
// failure and its answer: the scribe logging the next lines from the field meanwhile neither
// clears it nor has the question asked again, the field is not marked invalid for it, and a
// reload brings it back as it was, Retry logging it as answered.

/** While `__diskFull` is set, every IndexedDB add/put throws what Chromium throws on a full disk. */
function injectDiskFull() {
  const w = window as unknown as { __diskFull: boolean };
  w.__diskFull = false;
  for (const method of ['add', 'put'] as const) {
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown]) {
      if (w.__diskFull)
        throw new DOMException(
          'Internal error: FILE_ERROR_NO_SPACE (write failed)',
          'UnknownError',
        );
      return original.apply(this, args);
    };
  }
}

async function setDiskFull(page: Page, full: boolean) {
  await page.evaluate((f) => {
    (window as unknown as { __diskFull: boolean }).__diskFull = f;
  }, full);
}

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const logField = (page: Page) => timeline(page).getByLabel('Log entry');
const entry = (page: Page, text: string) =>
  timeline(page)
    .getByRole('list', { name: 'Timeline entries' })
    .getByRole('listitem')
    .filter({ hasText: text });

async function declareStartedAt(page: Page, title: string, startedAt?: string): Promise<void> {
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Severity').selectOption('SEV2');
  if (startedAt) await dialog.getByLabel('Started at').fill(startedAt);
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(injectDiskFull);
});

test('a held line whose save failed keeps its answer and its failure while the next lines are logged, and after a reload', async ({
  page,
}) => {
  await page.clock.install({ time: Date.UTC(2026, 11, 2, 14, 20) });
  await openApp(page);
  await declareStartedAt(page, 'Held line keeps its failure', '2026-12-01T08:00');

  // "@14:30" at 14:20 asks which day; the scribe starts the next line, then answers while the
  // disk is full.
  const line = '@14:30 restarted pods';
  await logField(page).fill(line);
  await logField(page).press('Enter');
  const which = timeline(page).getByRole('group', { name: 'Which time?' });
  await expect(which).toBeVisible();
  await logField(page).fill('f: error rate falling');
  await setDiskFull(page, true);
  await which.getByRole('button', { name: 'Yesterday, 2026-12-01 14:30 UTC' }).click();
  const failed = timeline(page).getByRole('group', { name: 'Not logged yet' });
  await expect(failed).toHaveAccessibleDescription(/^Not saved: the disk is full\./);
  await expect(timeline(page)).toContainText(`Not logged yet: “${line}”`);
  await expect(which).toBeHidden();
  // The field holds a valid line of its own: it is not marked invalid for the held line.
  await expect(logField(page)).toHaveValue('f: error rate falling');
  await expect(logField(page)).not.toHaveAttribute('aria-invalid');
  await expect(logField(page)).not.toHaveAccessibleDescription(/Not saved|Not logged yet/);

  // Space is freed; the scribe logs the line they were typing (and one more). The held line's
  // failure is its own: it still waits answered, not asked again.
  await setDiskFull(page, false);
  await logField(page).press('Enter');
  await expect(entry(page, 'error rate falling')).toBeVisible();
  await expect(logField(page)).toHaveValue('');
  await logField(page).fill('n: paged the payments on-call');
  await logField(page).press('Enter');
  await expect(entry(page, 'paged the payments on-call')).toBeVisible();
  await expect(failed).toBeVisible();
  await expect(which).toBeHidden();
  await expect(timeline(page)).toContainText(`Not logged yet: “${line}”`);
  // The held lines' draft is on disk again (its save was retried once space was freed).
  await expect(timeline(page).getByText(/Draft not safe yet/)).toHaveCount(0, { timeout: 20_000 });

  // A reload brings it back as it was: answered, with why, and its Retry.
  await reloadApp(page);
  await expect(timeline(page)).toContainText(`Not logged yet: “${line}”`);
  await expect(failed).toHaveAccessibleDescription(/^Not saved: the disk is full\./);
  await expect(which).toBeHidden();
  await expect(logField(page)).not.toHaveAttribute('aria-invalid');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(entry(page, 'restarted pods').locator('time')).toHaveText('2026-12-01 14:30 UTC');
  await expect(failed).toBeHidden();
  await expect(which).toBeHidden();
  await expect(timeline(page)).not.toContainText('Not logged yet');

  await reloadApp(page);
  await expect(entry(page, 'restarted pods')).toHaveCount(1);
  await expect(entry(page, 'restarted pods').locator('time')).toHaveText('2026-12-01 14:30 UTC');
  await expect(entry(page, 'error rate falling')).toHaveCount(1);
  await expect(entry(page, 'paged the payments on-call')).toHaveCount(1);
  await expect(timeline(page)).not.toContainText('Not logged yet');
  await expect(which).toBeHidden();
});

test('two identical lines held on purpose are two lines, also after a reload', async ({ page }) => {
  await page.clock.install({ time: Date.UTC(2026, 11, 2, 14, 20) });
  await openApp(page);
  await declareStartedAt(page, 'Identical held lines');

  // Typed twice on purpose: both before the start (just declared), both held.
  for (let i = 0; i < 2; i += 1) {
    await logField(page).fill('-5m n: still failing');
    await logField(page).press('Enter');
  }
  const notice = timeline(page).getByText(/Waiting for your answer below/);
  await expect(notice).toContainText('“-5m n: still failing” (1 more line after it)');
  await reloadApp(page);
  await expect(notice).toContainText('“-5m n: still failing” (1 more line after it)');

  const prompt = timeline(page).getByRole('group', { name: 'Entry before the start' });
  await prompt.getByRole('button', { name: 'Log without moving' }).click();
  await expect(entry(page, 'still failing')).toHaveCount(1);
  await expect(notice).not.toContainText('more line');
  await prompt.getByRole('button', { name: 'Log without moving' }).click();
  await expect(entry(page, 'still failing')).toHaveCount(2);
  await expect(prompt).toBeHidden();
  await reloadApp(page);
  await expect(entry(page, 'still failing')).toHaveCount(2);
  await expect(prompt).toBeHidden();
});

test('a held line answered just as the window reloads is neither lost nor logged twice', async ({
  page,
}) => {
  await page.clock.install({ time: Date.UTC(2026, 11, 2, 14, 20) });
  await openApp(page);
  await declareStartedAt(page, 'Held line answered at reload', '2026-12-01T08:00');
  // Two lines ask which 14:30; the scribe answers the first and the window reloads at once.
  for (const line of ['@14:30 restarted pods', '@14:30 drained node 3']) {
    await logField(page).fill(line);
    await logField(page).press('Enter');
  }
  const which = timeline(page).getByRole('group', { name: 'Which time?' });
  await expect(timeline(page)).toContainText('“@14:30 restarted pods” (1 more line after it)');
  await which.getByRole('button', { name: 'Yesterday, 2026-12-01 14:30 UTC' }).click();
  await reloadApp(page);
  // Whether its write landed before the reload or not, the line is either logged once or
  // still waiting for its answer; the other line waits either way.
  await expect(timeline(page)).toContainText('drained node 3');
  const logged = await entry(page, 'restarted pods').count();
  const waiting = await timeline(page).getByText('“@14:30 restarted pods”').count();
  expect(logged + waiting).toBe(1);
  if (waiting) {
    await timeline(page)
      .getByRole('group', { name: 'Which time?' })
      .getByRole('button', { name: 'Yesterday, 2026-12-01 14:30 UTC' })
      .click();
    await expect(entry(page, 'restarted pods')).toHaveCount(1);
  }
  await timeline(page)
    .getByRole('group', { name: 'Which time?' })
    .getByRole('button', { name: 'Yesterday, 2026-12-01 14:30 UTC' })
    .click();
  await expect(entry(page, 'drained node 3')).toHaveCount(1);
  await expect(entry(page, 'restarted pods')).toHaveCount(1);
  await reloadApp(page);
  await expect(entry(page, 'restarted pods')).toHaveCount(1);
  await expect(entry(page, 'drained node 3')).toHaveCount(1);
  await expect(timeline(page).getByRole('group', { name: 'Which time?' })).toHaveCount(0);
});
