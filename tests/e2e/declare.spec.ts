import { expect, test } from '@playwright/test';
import { declare, openApp, reloadApp, setStatus } from './support';

test('declare a SEV2 by keyboard, change status and severity, and find it all after a reload', async ({
  page,
}) => {
  await openApp(page);
  // Keyboard only: the shortcut opens the dialog, Tab moves between fields.
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Checkout API errors');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Severity')).toBeFocused();
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await expect(
    dialog.getByText('Degraded service for >25% users, key feature down. Respond < 15 min'),
  ).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Affected services')).toBeFocused();
  await page.keyboard.type('checkout-api');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Remove checkout-api' })).toBeVisible();
  await dialog.getByLabel('Impact summary').focus();
  await page.keyboard.type('40% of checkouts failing');
  await dialog.getByRole('button', { name: 'Declare' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Checkout API errors' })).toBeVisible();
  const ref = await page.locator('.console-meta .ref').textContent();
  // The day's first incident of this seat, tagged with the seat (shared/logic/reference.ts).
  expect(ref).toMatch(/^INC-\d{4}-\d{2}-\d{2}-001-[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(page.locator('.console-meta').getByText('SEV2')).toBeVisible();

  // Status forward, then severity with a reason.
  await setStatus(page, 'identified');
  await page.getByRole('button', { name: 'Change severity' }).click();
  const sev = page.getByRole('dialog', { name: 'Change severity' });
  await sev.getByLabel('Severity').selectOption('SEV1');
  await sev.getByRole('button', { name: 'Change' }).click();
  await expect(sev.getByText('Give a reason: it goes on the record.')).toBeVisible();
  await sev.getByLabel('Reason').fill('Payments failing for all regions');
  await sev.getByRole('button', { name: 'Change' }).click();
  await expect(sev).toBeHidden();

  await reloadApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout API errors' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('identified');
  await expect(page.locator('.console-meta').getByText('SEV1', { exact: true })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  await expect(timeline).toContainText('Status: Investigating → Identified');
  await expect(timeline).toContainText(
    'Severity: SEV2 → SEV1. Reason: Payments failing for all regions',
  );

  await page.getByRole('link', { name: 'Incidents' }).click();
  const link = page.getByRole('link', { name: `${ref} Checkout API errors` });
  await expect(link).toBeVisible();
  await expect(page.getByRole('listitem').filter({ has: link })).toContainText('SEV1');
  await expect(page.getByRole('listitem').filter({ has: link })).toContainText('Identified');

  // Declaring cleared the dialog's draft.
  await page.keyboard.press('Control+n');
  await expect(
    page.getByRole('dialog', { name: 'Declare incident' }).getByLabel('Title'),
  ).toHaveValue('');
  await page.keyboard.press('Escape');
});

test('bad input shows errors on the fields, keeps what was typed and writes nothing', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Impact summary').fill('Everything is slow');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  const title = dialog.getByLabel('Title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(/Give the incident a title/);
  await expect(dialog.getByLabel('Severity')).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toBeFocused();

  await title.fill('Search latency');
  await dialog.getByLabel('Severity').selectOption('SEV3');
  await dialog.getByLabel('Started at').fill('2099-01-01T10:00');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(dialog.getByLabel('Started at')).toHaveAccessibleDescription(/in the future/);
  await expect(dialog.getByLabel('Title')).toHaveValue('Search latency');
  await expect(dialog.getByLabel('Impact summary')).toHaveValue('Everything is slow');

  // Closing by accident keeps what was typed; reopening brings it back.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+n');
  await expect(dialog.getByLabel('Title')).toHaveValue('Search latency');
  await expect(dialog.getByLabel('Impact summary')).toHaveValue('Everything is slow');
  await page.keyboard.press('Escape');
  // The draft is in the database too (written after a short pause): a reload keeps it.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open('warroom');
            open.onsuccess = () => {
              const req = open.result.transaction('drafts').objectStore('drafts').get('declare');
              req.onsuccess = () => {
                resolve((req.result as { text?: string } | undefined)?.text ?? '');
                open.result.close();
              };
            };
          }),
      ),
    )
    .toContain('Search latency');
  await reloadApp(page);
  await expect(page.getByText('No incidents yet.')).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(dialog.getByLabel('Title')).toHaveValue('Search latency');
  await expect(dialog.getByLabel('Severity')).toHaveValue('SEV3');
  await expect(dialog.getByLabel('Impact summary')).toHaveValue('Everything is slow');
});

test('a declaration in one window shows in another at once, and simultaneous ones get distinct references', async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a);
  await openApp(b);
  await declare(a, { title: 'Login failures', severity: 'SEV1' });
  await expect(b.getByRole('link', { name: /Login failures/ })).toBeVisible();

  // Both windows submit at the same moment.
  for (const [p, t] of [
    [a, 'Queue backlog'],
    [b, 'DNS flapping'],
  ] as const) {
    await p.getByRole('button', { name: 'Declare incident' }).click();
    const d = p.getByRole('dialog', { name: 'Declare incident' });
    await d.getByLabel('Title').fill(t);
    await d.getByLabel('Severity').selectOption('SEV3');
  }
  await Promise.all([
    a.getByRole('dialog').getByRole('button', { name: 'Declare' }).click(),
    b.getByRole('dialog').getByRole('button', { name: 'Declare' }).click(),
  ]);
  await expect(a.getByRole('heading', { level: 1, name: 'Queue backlog' })).toBeVisible();
  await expect(b.getByRole('heading', { level: 1, name: 'DNS flapping' })).toBeVisible();
  const refA = await a.locator('.console-meta .ref').textContent();
  const refB = await b.locator('.console-meta .ref').textContent();
  expect(refA).not.toEqual(refB);
  // Two windows of one seat share its tag: the counters (before the tag) differ.
  const counter = (ref: string | null) =>
    /^INC-\d{4}-\d{2}-\d{2}-(\d{3})-\w{4}$/.exec(ref ?? '')?.[1];
  expect([counter(refA), counter(refB)].sort()).toEqual(['002', '003']);
});
