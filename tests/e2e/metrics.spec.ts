import { expect, test } from '@playwright/test';
import { declare, openApp, reloadApp, setStatus } from './support';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const START = new Date('2026-11-22T14:00:00Z');

test('metrics show MTTA and MTTR of a resolved SEV2, drills apart, charts, and copy as Markdown', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await openApp(page);
  await declare(page, {
    title: 'Payments latency',
    severity: 'SEV2',
    services: ['payments'],
    customerFacing: true,
  });
  await page.clock.fastForward('10:00');
  const milestones = page.getByRole('region', { name: 'Milestones' });
  await milestones.getByRole('button', { name: 'Set Acknowledged' }).click();
  await milestones.getByLabel('Acknowledged time (UTC)').fill('2026-11-22T14:06');
  await milestones.getByRole('button', { name: 'Save Acknowledged' }).click();
  await expect(milestones.getByRole('button', { name: 'Correct Acknowledged' })).toBeVisible();
  await page.clock.fastForward('20:00');
  await setStatus(page, 'resolved');
  const dialog = page.getByRole('dialog', { name: 'Resolve incident' });
  await dialog.getByLabel('Resolution summary').fill('Scaled the payments pool');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toHaveCount(0);

  // A drill: counted apart, left out of the table unless asked.
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const declareDialog = page.getByRole('dialog', { name: 'Declare incident' });
  await declareDialog.getByLabel('Title').fill('Game day: database failover');
  await declareDialog.getByLabel('Severity').selectOption('SEV1');
  await declareDialog.getByLabel('Drill').check();
  await declareDialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Game day/ })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Metrics' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
  const table = page.getByRole('table', { name: /Incident metrics by severity/ });
  const sev2 = table.getByRole('row', { name: /^SEV2/ });
  // Detected at declaring (14:00, a few seconds in), acknowledged 14:06, resolved 30 minutes
  // after the start. Means are rounded, not truncated: MTTA is just under 6 min, never "5 min".
  const sev2Cells = ['1', '0 s', /^(5 min [3-5]\d s|6 min)$/, '30 min', '30'];
  await expect(sev2.getByRole('cell')).toHaveText(sev2Cells);
  await expect(table.getByRole('row', { name: /^SEV1/ }).getByRole('cell').first()).toHaveText('0');
  await expect(table.getByRole('row', { name: /^All/ }).getByRole('cell').first()).toHaveText('1');
  const drills = page.getByRole('definition').nth(3);
  await expect(drills).toHaveText('1');
  await expect(
    page.getByRole('img', { name: /Mean time to resolve by severity: .*SEV2 30 min/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Incidents per week: .*week of 11-16 1/ }),
  ).toBeVisible();

  await page.getByLabel('Include drills').check();
  await expect(table.getByRole('row', { name: /^SEV1/ }).getByRole('cell').first()).toHaveText('1');
  await expect(table.getByRole('row', { name: /^All/ }).getByRole('cell').first()).toHaveText('2');
  await page.getByLabel('Include drills').uncheck();
  await page.getByLabel('Period').selectOption({ label: 'Last 7 days' });
  await expect(table).toHaveAccessibleName(/Last 7 days/);

  // Each chart has its own Copy as Markdown; this one, in the page's controls, copies the table.
  await page.getByRole('button', { name: 'Copy as Markdown: metrics table', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'copied as Markdown' })).toBeVisible();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('## Incident metrics: Last 7 days');
  expect(md).toContain('| Severity | Count | MTTD | MTTA | MTTR | Customer-impact minutes |');
  expect(md).toMatch(/\| SEV2 \| 1 \| 0 s \| (5 min [3-5]\d s|6 min) \| 30 min \| 30 \|/);
  expect(md).toContain('Drills: 1');

  await reloadApp(page);
  await expect(
    page
      .getByRole('table', { name: /Incident metrics by severity/ })
      .getByRole('row', { name: /^SEV2/ })
      .getByRole('cell'),
  ).toHaveText(sev2Cells);
});
