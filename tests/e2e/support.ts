import { rm } from 'node:fs/promises';
import { chromium, expect, test, type Locator, type Page } from '@playwright/test';

/** Opens the app and waits for the DOM readiness flag (never a sleep). */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready', READY_WAIT);
}

/**
 * How long a start or reload may take to reach `data-app-state="ready"`. A start evaluates the
 * bundle, opens the database and runs the first reads: on a machine far busier than two CPU-bound
 * processes (a CI run beside other test runs) Playwright itself took 8 s to read the attribute
 * once, and a 15 s wait failed while the app was on its way (traces of busy runs: ready 2–20 s
 * after the reload, never stuck). Still bounded by the test's own timeout.
 */
const READY_WAIT = { timeout: 60_000 };

/** Reloads and waits until the app is ready again. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready', READY_WAIT);
}

/** Declares an incident through the dialog, by role and label, and waits for its console. */
export async function declare(
  page: Page,
  opts: {
    title: string;
    severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
    services?: string[];
    customerFacing?: boolean;
    impact?: string;
  },
): Promise<void> {
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill(opts.title);
  await dialog.getByLabel('Severity').selectOption(opts.severity);
  for (const s of opts.services ?? []) {
    await dialog.getByLabel('Affected services').fill(s);
    await dialog.getByLabel('Affected services').press('Enter');
  }
  if (opts.impact) await dialog.getByLabel('Impact summary').fill(opts.impact);
  if (opts.customerFacing) await dialog.getByLabel('Customer-facing').check();
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: opts.title })).toBeVisible();
}

/** Logs one line in the scribe's Log entry field and waits until it was committed. */
export async function log(page: Page, line: string): Promise<void> {
  const field = page.getByLabel('Log entry');
  await field.fill(line);
  await field.press('Enter');
  await expect(field).toHaveValue('');
}

/** Assigns a role on the board by its group's name, and waits for the holder to show. */
export async function assign(page: Page, role: string, person: string): Promise<void> {
  const group = page
    .getByRole('region', { name: 'Roles' })
    .getByRole('group', { name: role, exact: true });
  await group.getByRole('button', { name: 'Assign' }).click();
  await group.getByLabel('Person').fill(person);
  await group.getByLabel('Person').press('Enter');
  await expect(group).toContainText(person);
}

/**
 * Chooses a status in the console's **Status** select and confirms it with **Set status** (the
 * select alone records nothing). Resolved then opens the Resolve incident dialog.
 */
export async function setStatus(page: Page, status: string): Promise<void> {
  await page.getByLabel('Status').selectOption(status);
  await page.getByRole('button', { name: 'Set status' }).click();
}

/**
 * Installs the page clock at `start`, opens the app and declares the SEV1 "Checkout API errors"
 * on checkout-api (40% of checkouts failing) with Alice as Incident Commander.
 */
export async function declareCheckoutOutage(page: Page, start: Date): Promise<void> {
  await page.clock.install({ time: start });
  await openApp(page);
  await declare(page, {
    title: 'Checkout API errors',
    severity: 'SEV1',
    services: ['checkout-api'],
    impact: '40% of checkouts failing',
  });
  await assign(page, 'Incident Commander', 'Alice');
}

/** Opens Settings and waits for its Backup and restore section. */
export async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Backup and restore' })).toBeVisible();
}

/** Opens the Incidents list from the navigation and waits for its heading. */
export async function openIncidentsList(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Incidents', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
}

/** Deletes the whole database, as a lost profile would, and reloads into an empty app. */
export async function wipeDatabase(page: Page): Promise<void> {
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        // Dexie closes its connection on `versionchange`, so the delete is not blocked for long.
        const req = indexedDB.deleteDatabase('warroom');
        req.onsuccess = () => resolve('deleted');
        req.onerror = () => resolve('error');
        req.onblocked = () => resolve('blocked');
      }),
  );
  expect(outcome).toBe('deleted');
  await reloadApp(page);
}

/** Opens the command palette with Ctrl+K and waits for its search field to have focus. */
export async function openPalette(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(
    palette.getByRole('combobox', { name: 'Search incidents and commands' }),
  ).toBeFocused();
  return palette;
}

/**
 * `test` with a `diskPage`: a page whose browser profile (and so its IndexedDB) is kept in a
 * folder on disk, as a real user's is, instead of the in-memory storage of Playwright's usual
 * throwaway contexts. Chromium's in-memory IndexedDB makes every commit cost time in proportion
 * to what the store already holds (measured: 5,000-row commits took 0.7 s into an empty store and
 * 7.5 s into one of 45,000 rows; on disk 0.4–0.7 s throughout), so a test that seeds tens of
 * thousands of rows spends its time on the seeding, and more so on a busy machine. The folder
 * lives in the test's output folder and is removed afterwards. Only the launch options, base URL,
 * viewport and time zone of the test's settings are passed on (not permissions, locale or
 * tracing): add what a new user of it needs.
 */
export const diskTest = test.extend<{ diskPage: Page }>({
  diskPage: async ({ launchOptions, baseURL, viewport, timezoneId }, use, testInfo) => {
    const dir = testInfo.outputPath('profile');
    const context = await chromium.launchPersistentContext(dir, {
      ...launchOptions,
      baseURL,
      viewport,
      timezoneId,
    });
    try {
      await use(context.pages()[0] ?? (await context.newPage()));
    } finally {
      await context.close();
      // Chromium's helper processes may still be writing into the profile just after close:
      // retry, and never fail a test over its clean-up (the folder is in test-results anyway).
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(
        () => undefined,
      );
    }
  },
});

/**
 * A countdown's text read as seconds left: "12:04" → 724, "1 h 5 min" → 3,900, "Overdue by
 * 1 min 12 s" → −72. `exact` is false when the text is to the minute ("1 h 5 min", "Overdue by
 * 180 d 0 h 3 min"), which the app rounds to the nearest minute. Null for any other text.
 */
export function countdownSeconds(text: string): { seconds: number; exact: boolean } | null {
  const clock = /^(\d+):([0-5]\d)$/.exec(text);
  if (clock) return { seconds: Number(clock[1]) * 60 + Number(clock[2]), exact: true };
  const overdue = text.startsWith('Overdue by ');
  const span = overdue ? text.slice('Overdue by '.length) : text;
  const unit: Record<string, number> = { d: 86_400, h: 3_600, min: 60, s: 1 };
  let seconds = 0;
  let exact = false;
  for (const part of span.split(/(?<=[a-z]) (?=\d)/)) {
    const m = /^(\d+) (d|h|min|s)$/.exec(part);
    if (!m) return null;
    seconds += Number(m[1]) * (unit[m[2]!] ?? 0);
    if (m[2] === 's') exact = true;
  }
  // Under 10 minutes (SECONDS_SHOWN_BELOW_MS) durations are to the second, and a whole minute
  // drops its "0 s": "Overdue by 1 min" is exact.
  if (seconds < 600) exact = true;
  return { seconds: overdue ? -seconds : seconds, exact };
}

/**
 * Waits until `timer` shows what is left of a countdown that had `seconds` left at `mark` (a
 * `Date.now()` in the test, taken no later than the step that set the countdown; add the page
 * clock's fast-forwards to the figure yourself). Playwright's installed clock keeps moving in
 * real time, so a busy machine lets any number of seconds pass between steps: the window
 * accepted is exactly the real time elapsed since `mark`, plus the display's rounding and a
 * second's margin (1 s, or 31 s for texts to the minute). Fails with the text shown and the window expected.
 */
export async function expectCountdown(
  timer: Locator,
  seconds: number,
  mark: number,
): Promise<void> {
  await expect
    .poll(async () => {
      const text = (await timer.textContent())?.trim() ?? '';
      const shown = countdownSeconds(text);
      if (!shown) return `"${text}" is not a countdown`;
      const elapsed = (Date.now() - mark) / 1000;
      const slack = shown.exact ? 1 : 31;
      const low = seconds - elapsed - slack;
      const high = seconds + slack;
      if (shown.seconds >= low && shown.seconds <= high) return 'as expected';
      return `"${text}" (${shown.seconds} s) outside ${Math.floor(low)}…${high} s`;
    })
    .toBe('as expected');
}
