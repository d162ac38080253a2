import { expect, test, type Page } from '@playwright/test';
import { declare, log, openApp, reloadApp, setStatus } from './support';

// New York: clocks go back at 02:00 EDT on 1 November 2026 (to 01:00 EST) and forward at 02:00
// EST on 8 March 2026 (to 03:00 EDT). The browser context runs in that zone.
test.use({
  timezoneId: 'America/New_York',
  permissions: ['clipboard-read', 'clipboard-write'],
  viewport: { width: 1280, height: 2400 },
});

const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });
const entry = (page: Page, text: string) =>
  entries(page).getByRole('listitem').filter({ hasText: text });

/** Opens the app at `time` (epoch ms, running) and switches Settings → Time zone to local. */
async function openInLocalTime(page: Page, time: number): Promise<void> {
  await page.clock.install({ time });
  await openApp(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Time zone').selectOption('local');
  await expect(page.getByLabel('Time zone')).toHaveValue('local');
  await page.getByRole('link', { name: 'Incidents' }).click();
}

test('post-mortem timeline in local time: ordered by instant across the fall-back, each row zoned', async ({
  page,
}) => {
  await openInLocalTime(page, Date.UTC(2026, 10, 1, 5, 35)); // 01:35 EDT
  await declare(page, { title: 'Replica lag', severity: 'SEV2' });
  await page.clock.fastForward('05:00'); // 01:40 EDT
  await log(page, 'f: Replica 1 stopped replicating');
  await log(page, '/pin');
  await page.clock.fastForward('30:00'); // 01:10 EST, half an hour later
  await log(page, 'd: Fail over to replica 2');
  await log(page, '/pin');
  await expect(entry(page, 'Replica 1 stopped replicating').locator('time')).toHaveText(
    '01:40 EDT',
  );
  await expect(entry(page, 'Fail over to replica 2').locator('time')).toHaveText('01:10 EST');

  await setStatus(page, 'resolved');
  const resolve = page.getByRole('dialog', { name: 'Resolve incident' });
  await resolve.getByLabel('Resolution summary').fill('Failed over to replica 2');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Post-mortem: Replica lag' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Post-mortem copied as Markdown.')).toBeVisible();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('## Timeline (local time, America/New\\_York)');
  // Each end of the Duration line carries its own offset; the duration is the real 35 minutes.
  expect(md).toMatch(/\*\*Duration:\*\* 01:35 EDT – 01:1\d EST \(3\d min\)/);
  const first = md.indexOf('| 01:40 EDT | Replica 1 stopped replicating |');
  const second = md.indexOf('| 01:10 EST | Decision: Fail over to replica 2 |');
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(first);
  expect(md).toMatch(/\| 01:35 EDT \| Incident declared( — [^|]*)? \|/);

  await reloadApp(page);
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Post-mortem copied as Markdown.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    '| 01:10 EST | Decision: Fail over to replica 2 |',
  );
});

test('Started at: a skipped local time is refused next to the field, a repeated one asks which', async ({
  page,
}) => {
  await openInLocalTime(page, Date.UTC(2026, 10, 1, 8, 0)); // 03:00 EST, after the fall-back
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Ledger writes failing');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  const started = dialog.getByLabel('Started at');

  // 02:30 on 8 March never happened in New York: refused, not moved to 03:30.
  await started.fill('2026-03-08T02:30');
  await expect(started).toHaveAttribute('aria-invalid', 'true');
  await expect(started).toHaveAccessibleDescription(/2026-03-08 02:30 did not happen/);
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(dialog).toBeVisible();
  await expect(started).toHaveValue('2026-03-08T02:30');

  // 01:30 on 1 November happened twice: the field asks which, and refuses until answered.
  await started.fill('2026-11-01T01:30');
  const which = dialog.getByRole('group', { name: 'Which time?' });
  await expect(which.getByRole('radio', { name: '01:30 EDT (first)' })).toBeVisible();
  await expect(which.getByRole('radio', { name: '01:30 EST (second)' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(started).toHaveAccessibleDescription(/Choose one below/);
  await expect(started).toHaveValue('2026-11-01T01:30');
  await which.getByRole('radio', { name: '01:30 EST (second)' }).check();
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ledger writes failing' }),
  ).toBeVisible();

  const milestones = page.getByRole('region', { name: 'Milestones' });
  await expect(milestones).toContainText('2026-11-01 01:30 EST');
  await reloadApp(page);
  await expect(milestones).toContainText('2026-11-01 01:30 EST');

  // A correction is read the same way: the skipped time is refused, the typed text kept.
  await milestones.getByRole('button', { name: 'Correct Started' }).click();
  const field = milestones.getByLabel('Started time (local)');
  // The stored 01:30 is the second one: the correction form starts from that choice.
  await expect(field).toHaveValue('2026-11-01T01:30');
  await expect(
    milestones
      .getByRole('group', { name: 'Which time?' })
      .getByRole('radio', { name: '01:30 EST (second)' }),
  ).toBeChecked();
  await field.fill('2026-03-08T02:30');
  await milestones.getByRole('button', { name: 'Save Started' }).click();
  await expect(field).toHaveAccessibleDescription(/did not happen/);
  await expect(field).toHaveValue('2026-03-08T02:30');
  await expect(milestones).not.toContainText('2026-03-08 03:30');
});

test('log field: @01:30 on the fall-back night asks which; the entries sort by instant', async ({
  page,
}) => {
  await openInLocalTime(page, Date.UTC(2026, 10, 1, 8, 0)); // 03:00 EST
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Payments queue stalled');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByLabel('Started at').fill('2026-11-01T00:30');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Payments queue stalled' }),
  ).toBeVisible();

  const field = page.getByLabel('Log entry');
  await field.fill('@01:30 Failover began');
  await field.press('Enter');
  const which = page.getByRole('group', { name: 'Which time?' });
  await expect(page.getByRole('alert').filter({ hasText: 'happened twice' })).toBeVisible();
  // The line waits beside the question; the field is free for the next one.
  await expect(field).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    '“@01:30 Failover began”',
  );
  await which.getByRole('button', { name: '01:30 EST (second)' }).click();
  await expect(field).toHaveValue('');
  await expect(entry(page, 'Failover began').locator('time')).toHaveText('01:30 EST');

  await field.fill('@01:40 Replica lag noticed');
  await field.press('Enter');
  await which.getByRole('button', { name: '01:40 EDT (first)' }).click();
  await expect(field).toHaveValue('');
  await expect(entry(page, 'Replica lag noticed').locator('time')).toHaveText('01:40 EDT');

  await reloadApp(page);
  // 01:40 EDT happened 50 minutes before 01:30 EST: it is listed first.
  const lag = Number(await entry(page, 'Replica lag noticed').getAttribute('aria-posinset'));
  const failover = Number(await entry(page, 'Failover began').getAttribute('aria-posinset'));
  expect(lag).toBeGreaterThan(0);
  expect(failover).toBeGreaterThan(lag);
  await expect(entry(page, 'Failover began').locator('time')).toHaveText('01:30 EST');
});

test('log field: @02:30 on the spring-forward day is refused with the text kept', async ({
  page,
}) => {
  await openInLocalTime(page, Date.UTC(2026, 2, 8, 8, 0)); // 04:00 EDT
  await declare(page, { title: 'Cache stampede', severity: 'SEV3' });
  const field = page.getByLabel('Log entry');
  await field.fill('@02:30 Cache nodes restarted');
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'did not happen' })).toBeVisible();
  await expect(field).toHaveValue('@02:30 Cache nodes restarted');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(entries(page)).not.toContainText('Cache nodes restarted');
  await field.fill('@03:30 Cache nodes restarted');
  await field.press('Enter');
  // 03:30 EDT is before the incident's start (04:00 EDT, when it was declared).
  await page
    .getByRole('group', { name: 'Entry before the start' })
    .getByRole('button', { name: 'Log without moving' })
    .click();
  await expect(field).toHaveValue('');
  await expect(entry(page, 'Cache nodes restarted').locator('time')).toHaveText('03:30 EDT');
});

// The same field rules where the zone has no letter abbreviation in en-US (offsets instead), and
// in the southern hemisphere, where the clocks go back in April and forward in October.
for (const c of [
  {
    zone: 'Europe/London',
    now: Date.UTC(2026, 9, 25, 3, 0), // 03:00 GMT, after the fall-back
    gap: '2026-03-29T01:30',
    overlap: '2026-10-25T01:30',
    first: '01:30 UTC+01:00 (first)',
    second: '01:30 GMT (second)',
    shown: '2026-10-25 01:30 GMT',
  },
  {
    zone: 'Australia/Sydney',
    now: Date.UTC(2026, 3, 4, 18, 0), // 04:00 AEST on 5 April, after the fall-back
    gap: '2026-10-04T02:30',
    overlap: '2026-04-05T02:30',
    first: '02:30 UTC+11:00 (first)',
    second: '02:30 UTC+10:00 (second)',
    shown: '2026-04-05 02:30 UTC+10:00',
  },
]) {
  test.describe(c.zone, () => {
    test.use({ timezoneId: c.zone });

    test(`Started at in ${c.zone}: the gap is refused, the repeated time asks which`, async ({
      page,
    }) => {
      await openInLocalTime(page, c.now);
      await page.getByRole('button', { name: 'Declare incident' }).click();
      const dialog = page.getByRole('dialog', { name: 'Declare incident' });
      await dialog.getByLabel('Title').fill('Batch jobs stuck');
      await dialog.getByLabel('Severity').selectOption('SEV3');
      const started = dialog.getByLabel('Started at');
      await started.fill(c.gap);
      await expect(started).toHaveAttribute('aria-invalid', 'true');
      await expect(started).toHaveAccessibleDescription(/did not happen/);
      await dialog.getByRole('button', { name: 'Declare' }).click();
      await expect(started).toHaveValue(c.gap);

      await started.fill(c.overlap);
      const which = dialog.getByRole('group', { name: 'Which time?' });
      await expect(which.getByRole('radio', { name: c.first })).toBeVisible();
      await which.getByRole('radio', { name: c.second }).check();
      await dialog.getByRole('button', { name: 'Declare' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Batch jobs stuck' })).toBeVisible();
      const milestones = page.getByRole('region', { name: 'Milestones' });
      await expect(milestones).toContainText(c.shown);
      await reloadApp(page);
      await expect(milestones).toContainText(c.shown);
    });
  });
}
