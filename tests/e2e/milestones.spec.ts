import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp, setStatus } from './support';

// Issue 11 §3 and §4: milestones stay in order, status commits only when confirmed, Detected and
// Acknowledged at declaration, response targets at the declared severity, long snoozes and a
// hand-set next update time. Times are UTC (the default setting).
const START = new Date('2026-11-22T14:00:00Z');

const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });
const milestones = (page: Page) => page.getByRole('region', { name: 'Milestones' });

async function start(page: Page): Promise<void> {
  await page.clock.install({ time: START });
  await openApp(page);
}

async function resolve(page: Page, summary: string): Promise<void> {
  await setStatus(page, 'resolved');
  const dialog = page.getByRole('dialog', { name: 'Resolve incident' });
  await dialog.getByLabel('Resolution summary').fill(summary);
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toBeHidden();
}

test('a correction that breaks the milestone order is refused, naming the conflict, and keeps the typed value', async ({
  page,
}) => {
  await start(page);
  await declare(page, { title: 'Checkout errors', severity: 'SEV2' });
  await resolve(page, 'Rolled back');
  // An hour later, so 14:50 is in the past.
  await page.clock.fastForward('01:00:00');

  // The example: Started corrected to 14:50, after Resolved (14:00 here).
  await milestones(page).getByRole('button', { name: 'Correct Started' }).click();
  const field = milestones(page).getByLabel('Started time (UTC)');
  await field.fill('2026-11-22T14:50');
  await milestones(page).getByRole('button', { name: 'Save Started' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const error = milestones(page).getByRole('alert');
  await expect(error).toContainText('Started must be at or before');
  await expect(error).toContainText('Resolved (2026-11-22 14:00 UTC)');
  await expect(field).toHaveValue('2026-11-22T14:50');
  await expect(timeline(page)).not.toContainText('Milestone Started corrected');

  // Nothing was stored: after a reload Started is still 14:00 and the duration is not "0 min".
  await reloadApp(page);
  await expect(milestones(page)).toContainText('Started2026-11-22 14:00 UTC');
  await expect(timeline(page)).not.toContainText('Milestone Started corrected');
});

test('arrowing through the Status select records nothing until Set status confirms', async ({
  page,
}) => {
  await start(page);
  await declare(page, { title: 'Search degraded', severity: 'SEV3' });
  const status = page.getByLabel('Status');
  await status.focus();
  // Investigating → Identified → Mitigating → Monitoring, one arrow at a time.
  for (const passed of ['identified', 'mitigating', 'monitoring']) {
    await page.keyboard.press('ArrowDown');
    await expect(status).toHaveValue(passed);
  }
  await expect(timeline(page)).toContainText('Declared SEV3');
  await expect(timeline(page)).not.toContainText('Status:');
  await expect(milestones(page)).toContainText('Identified—');
  await expect(milestones(page)).toContainText('Mitigated—');

  // Confirming records one change, from where the incident really was.
  await page.getByRole('button', { name: 'Set status' }).click();
  await expect(timeline(page)).toContainText('Status: Investigating → Monitoring');
  await reloadApp(page);
  await expect(page.getByLabel('Status')).toHaveValue('monitoring');
  await expect(timeline(page).getByText(/^Status: /)).toHaveCount(1);
  await expect(timeline(page)).not.toContainText('Investigating → Identified');
  await expect(milestones(page)).toContainText('Identified—');
});

test('Detected and Acknowledged given at declaration are kept in order and shown after a reload', async ({
  page,
}) => {
  await start(page);
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Payments timeouts');
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByLabel('Started at').fill('2026-11-22T13:45');
  await dialog.getByLabel('Detected').fill('2026-11-22T13:50');
  // Acknowledged before Detected: refused beside the field, naming Detected, text kept.
  await dialog.getByLabel('Acknowledged').fill('2026-11-22T13:48');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  const ack = dialog.getByLabel('Acknowledged');
  await expect(ack).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toContainText(
    'Acknowledged must be at or after Detected (2026-11-22 13:50 UTC).',
  );
  await expect(ack).toHaveValue('2026-11-22T13:48');

  await ack.fill('2026-11-22T13:53');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments timeouts' })).toBeVisible();

  await reloadApp(page);
  await expect(milestones(page)).toContainText('Detected2026-11-22 13:50 UTC');
  await expect(milestones(page)).toContainText('Acknowledged2026-11-22 13:53 UTC');
  const targets = page.getByRole('list', { name: 'Response-time targets' });
  await expect(targets).toContainText('Acknowledged in 3 min (target < 15 min) ✓');
});

test('the response target stays met after raising SEV3 to SEV1', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill('Report exports slow');
  await dialog.getByLabel('Severity').selectOption('SEV3');
  await dialog.getByLabel('Started at').fill('2026-11-22T13:50');
  await dialog.getByLabel('Detected').fill('2026-11-22T13:55');
  await dialog.getByRole('button', { name: 'Declare' }).click();
  const targets = page.getByRole('list', { name: 'Response-time targets' });
  await expect(targets).toContainText(/Declared in [5-9] min( \d+ s)? \(target < 1 hour\) ✓/);

  await page.getByRole('button', { name: 'Change severity' }).click();
  const sev = page.getByRole('dialog', { name: 'Change severity' });
  await sev.getByLabel('Severity').selectOption('SEV1');
  await sev.getByLabel('Reason').fill('Exports now fail for every customer');
  await sev.getByRole('button', { name: 'Change' }).click();
  await expect(sev).toBeHidden();
  await expect(page.locator('.console-meta').getByText('SEV1', { exact: true })).toBeVisible();
  await expect(targets).toContainText(
    /Declared in [5-9] min( \d+ s)? \(target < 1 hour, SEV3 at declaration\) ✓/,
  );
  await expect(targets).not.toContainText('missed');

  await reloadApp(page);
  await expect(targets).toContainText(
    /Declared in [5-9] min( \d+ s)? \(target < 1 hour, SEV3 at declaration\) ✓/,
  );
  await expect(targets).not.toContainText('missed');
});

test('snooze for 2 hours and a next-update time are recorded with their reasons and survive a reload', async ({
  page,
}) => {
  await start(page);
  await declare(page, { title: 'Database restore', severity: 'SEV1' });

  const engineering = page.getByRole('group', { name: 'Engineering updates' });
  await engineering.getByRole('button', { name: 'Snooze' }).click();
  const snooze = page.getByRole('dialog', { name: 'Snooze Engineering reminder' });
  await snooze.getByLabel('Snooze for').selectOption({ label: '2 hours' });
  await snooze.getByLabel('Reason').fill('Restore runs until 16:00; nothing to add before');
  await snooze.getByRole('button', { name: 'Snooze' }).click();
  await expect(snooze).toBeHidden();
  // Due 14:15 (SEV1 every 15 min) + 2 h.
  await expect(timeline(page)).toContainText(
    'Engineering update reminder snoozed for 2 h (until 16:15 UTC). Reason: Restore runs until 16:00; nothing to add before',
  );
  await expect(page.getByRole('timer', { name: 'Next engineering update' })).toHaveAttribute(
    'data-state',
    'snoozed',
  );

  const executives = page.getByRole('group', { name: 'Executives updates' });
  await executives.getByRole('button', { name: 'Plan next update' }).click();
  const plan = page.getByRole('dialog', { name: 'Next Executives update' });
  await plan.getByRole('button', { name: 'Set next update' }).click();
  await expect(plan.getByLabel('Next update at')).toHaveAttribute('aria-invalid', 'true');
  await plan.getByLabel('Next update at').fill('16:30');
  await plan.getByLabel('Reason').fill('CTO briefing at 16:30');
  await plan.getByRole('button', { name: 'Set next update' }).click();
  await expect(plan).toBeHidden();
  await expect(timeline(page)).toContainText(
    /Next Executives update set for 16:30 UTC \(in 2 hours (29|30) minutes\)\. Reason: CTO briefing at 16:30/,
  );
  await expect(executives).toContainText('Next update set for 16:30 UTC: CTO briefing at 16:30');
  await expect(page.getByRole('timer', { name: 'Next executive update' })).toHaveAttribute(
    'data-state',
    'calm',
  );

  await reloadApp(page);
  await expect(page.getByRole('timer', { name: 'Next engineering update' })).toHaveAttribute(
    'data-state',
    'snoozed',
  );
  await expect(page.getByRole('group', { name: 'Executives updates' })).toContainText(
    'Next update set for 16:30 UTC: CTO briefing at 16:30',
  );
  await expect(page.getByRole('timer', { name: 'Next executive update' })).toHaveAttribute(
    'data-state',
    'calm',
  );
  await expect(timeline(page)).toContainText('snoozed for 2 h (until 16:15 UTC)');
  await expect(timeline(page)).toContainText('Next Executives update set for 16:30 UTC');
});

test('"/status identified <what>" stamps Identified and sets the current understanding, after a reload too', async ({
  page,
}) => {
  await start(page);
  await declare(page, { title: 'Cache errors', severity: 'SEV2' });
  await page.clock.fastForward('00:05:00');
  const field = page.getByRole('region', { name: 'Timeline' }).getByLabel('Log entry');
  await field.fill('/status identified bad cache key');
  await field.press('Enter');
  await expect(timeline(page)).toContainText('Status: Investigating → Identified');
  await expect(milestones(page)).toContainText('Identified2026-11-22 14:05 UTC');
  await expect(page.getByText('bad cache key').first()).toBeVisible();
  // The sync engine replays the line's change set a moment later: the milestone must survive it.
  await reloadApp(page);
  await expect(milestones(page)).toContainText('Identified2026-11-22 14:05 UTC');
  await expect(page.getByLabel('Status')).toHaveValue('identified');
  await expect(timeline(page)).toContainText('Current understanding');
});
