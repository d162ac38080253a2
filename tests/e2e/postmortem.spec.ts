import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { assign, declareCheckoutOutage, log, reloadApp, setStatus } from './support';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const START = new Date('2026-11-22T14:00:00Z');

/** Declares, staffs, logs and resolves an incident, then opens its post-mortem. */
async function resolvedIncident(page: Page): Promise<void> {
  await declareCheckoutOutage(page, START);
  await assign(page, 'Technical Lead', 'Bob');
  await log(page, 'f: Connection pool exhausted after config deploy 2.3.1');
  await log(page, '/pin');
  await page.clock.fastForward('20:00');
  await log(page, 'd: Roll back config 2.3.1');
  await log(page, '/pin');
  await setStatus(page, 'resolved');
  const resolve = page.getByRole('dialog', { name: 'Resolve incident' });
  await resolve.getByLabel('Resolution summary').fill('Rolled back config 2.3.1');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByText('Post-mortem due in')).toBeVisible();
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Post-mortem: Checkout API errors' }),
  ).toBeVisible();
}

/** A section's textarea (the section's Regenerate button carries its title too). */
const text = (page: Page, title: string) => page.getByRole('textbox', { name: title, exact: true });

const SEED_HEADINGS = [
  '# Post-Mortem: Checkout API errors',
  '**Date:**',
  '**Severity:** SEV1',
  '**Duration:**',
  '**Author:**',
  '**Status:** Draft',
  '## Executive Summary',
  '## Impact',
  '## Timeline (UTC)',
  '## Responders',
  '## Root Cause Analysis',
  '### What happened',
  '### Contributing Factors',
  '### 5 Whys',
  '## What Went Well',
  '## What Went Poorly',
  '## Action Items',
  '## Lessons Learned',
];

test('write the post-mortem: prefilled, blameless check, action items, copy and export, intact after reload', async ({
  page,
}) => {
  await resolvedIncident(page);
  const summary = text(page, 'Executive Summary');
  await expect(summary).toHaveValue(/checkout-api affected/);
  await expect(text(page, 'What happened')).toHaveValue(
    /- Connection pool exhausted after config deploy 2\.3\.1/,
  );

  await text(page, 'What Went Poorly').fill('- Bob forgot to run the migration.');
  const check = page.getByRole('list', { name: 'Blameless language check' });
  await expect(check).toContainText('“Bob forgot to run the migration.”');
  await expect(check).toContainText('Name the safeguard that was missing');
  await text(page, 'Lessons Learned').fill('Config changes need a canary stage.');
  await page.getByLabel('Why 1', { exact: true }).fill('The pool was too small');
  await page.getByLabel('Why 2', { exact: true }).fill('The config lowered it to 20');
  await page.getByRole('button', { name: 'Remove Why 5' }).click();
  await expect(page.getByLabel('Why 5', { exact: true })).toHaveCount(0);

  const addForm = page.getByRole('group', { name: 'Add an action item' });
  await addForm
    .getByLabel('Action', { exact: true })
    .fill('Add a migration check to the deploy pipeline');
  await addForm.getByLabel('Owner').fill('Bob');
  await addForm.getByLabel('Priority').selectOption('P1');
  await expect(addForm.getByLabel('Due date')).toHaveValue('2026-12-06');
  await addForm.getByRole('button', { name: 'Add action item' }).click();
  await expect(page.getByLabel('Action 1', { exact: true })).toHaveValue(
    'Add a migration check to the deploy pipeline',
  );
  await page.getByLabel('Status of action 1').selectOption({ label: 'In Progress' });

  // Copy Markdown at once (the status command may still be landing: the copy waits for it and
  // reads the record): every seed section in order, and the timeline table.
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Post-mortem copied as Markdown.')).toBeVisible();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  let from = 0;
  for (const h of SEED_HEADINGS) {
    const at = md.indexOf(h, from);
    expect(at, `${h} after offset ${from}`).toBeGreaterThanOrEqual(from);
    from = at + h.length;
  }
  expect(md).toContain('| Time | Event |');
  expect(md).toMatch(/\| 14:00 \| Incident declared — Declared SEV1/);
  expect(md).toMatch(/\| 14:20 \| Decision: Roll back config 2\.3\.1 \|/);
  expect(md).toMatch(
    /\| 14:20 \| Incident resolved — Status: .* → Resolved\. Resolution: Rolled back config 2\.3\.1 \|/,
  );
  expect(md).toContain('- Bob forgot to run the migration.');
  expect(md).toContain('1. The pool was too small\n2. The config lowered it to 20');
  expect(md).toMatch(
    /\| 1 \| Add a migration check to the deploy pipeline \| Bob \| P1 \| 2026-12-06 \| In Progress \|/,
  );
  expect(md).toMatch(/\| Technical Lead \| Bob \|/);

  // Export Markdown: the file, named after the incident, with the same content.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^INC-2026-11-22-001-[0-9A-HJKMNP-TV-Z]{4}-postmortem\.md$/,
  );
  const saved = await readFile((await download.path()) ?? '', 'utf8');
  expect(saved).toBe(md);

  await reloadApp(page);
  await expect(text(page, 'What Went Poorly')).toHaveValue('- Bob forgot to run the migration.');
  await expect(text(page, 'Lessons Learned')).toHaveValue('Config changes need a canary stage.');
  await expect(page.getByLabel('Why 2', { exact: true })).toHaveValue(
    'The config lowered it to 20',
  );
  await expect(page.getByLabel('Why 5', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Status of action 1')).toHaveValue('in-progress');
  await expect(text(page, 'Executive Summary')).toHaveValue(/checkout-api affected/);
  await expect(page.getByRole('list', { name: 'Blameless language check' })).toBeVisible();
});

test('Copy Markdown pressed right after a status change and a typed line copies both, and both are kept', async ({
  page,
}) => {
  await resolvedIncident(page);
  const addForm = page.getByRole('group', { name: 'Add an action item' });
  await addForm.getByLabel('Action', { exact: true }).fill('Alert on pool saturation');
  await addForm.getByLabel('Owner').fill('Bob');
  await addForm.getByRole('button', { name: 'Add action item' }).click();
  const status = page.getByLabel('Status of action 1');
  await expect(status).toHaveValue('not-started');

  // As a person does it: type a line, choose the status, press Copy Markdown, no pause between
  // (neither the line's pause-then-save nor the status command has landed yet).
  await text(page, 'Lessons Learned').fill('Saturation alerts come before errors.');
  await status.selectOption({ label: 'Done' });
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Post-mortem copied as Markdown.')).toBeVisible();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toMatch(/\| 1 \| Alert on pool saturation \| Bob \| P\d \| [\d-]+ \| Done \|/);
  expect(md).toContain('Saturation alerts come before errors.');

  await reloadApp(page);
  await expect(page.getByLabel('Status of action 1')).toHaveValue('done');
  await expect(text(page, 'Lessons Learned')).toHaveValue('Saturation alerts come before errors.');
});

test('regenerate asks before replacing text; Final completes the post-mortem and stops the due indicator', async ({
  page,
}) => {
  await resolvedIncident(page);
  const summary = text(page, 'Executive Summary');
  await summary.fill('My own summary.');
  await page.getByRole('button', { name: 'Regenerate Executive Summary' }).click();
  await page.getByRole('button', { name: 'Keep mine' }).click();
  await expect(summary).toHaveValue('My own summary.');
  await page.getByRole('button', { name: 'Regenerate Executive Summary' }).click();
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(summary).toHaveValue(/checkout-api affected/);

  await page.locator('summary', { hasText: 'Timeline curation' }).click();
  await page.getByRole('button', { name: 'Include all entries' }).click();
  await expect(page.getByRole('button', { name: 'Include all entries' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByLabel('Post-mortem status').selectOption('final');
  await page.getByRole('button', { name: 'Set post-mortem status' }).click();
  await expect(page.getByText(/^Completed 2026-11-22/)).toBeVisible();
  await reloadApp(page);
  await expect(page.getByLabel('Post-mortem status')).toHaveValue('final');
  await page.locator('summary', { hasText: 'Timeline curation' }).click();
  await expect(page.getByRole('button', { name: 'Include all entries' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(summary).toHaveValue(/checkout-api affected/);
  await page.getByRole('link', { name: 'Back to the incident console' }).click();
  await expect(page.getByRole('timer', { name: 'Post-mortem due' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(
    'Post-mortem Draft → Final',
  );
});
