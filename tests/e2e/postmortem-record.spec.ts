import { expect, test, type Page } from '@playwright/test';
import { declare, log, openApp, reloadApp, setStatus } from './support';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const START = new Date('2026-11-22T14:00:00Z');

/** The Markdown the Copy Markdown button puts on the clipboard. */
async function copiedMarkdown(page: Page): Promise<string> {
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Post-mortem copied as Markdown.')).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Lines of the Markdown's "Timeline (UTC)" table. */
function timelineRows(md: string): string[] {
  const from = md.indexOf('## Timeline (UTC)');
  const to = md.indexOf('## Responders');
  return md
    .slice(from, to)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Time') && !l.startsWith('| ---'));
}

async function incidentWithEntries(page: Page): Promise<void> {
  await page.clock.install({ time: START });
  await openApp(page);
  await declare(page, { title: 'Replica failover', severity: 'SEV2', services: ['orders-db'] });
  await log(page, 'Looking at the dashboards');
  await log(page, '! d: fail over to the replica');
  await expect(
    page.getByRole('list', { name: 'Timeline entries' }).getByText('★ Highlight'),
  ).toHaveCount(1);
  await log(page, 'f: replica lag back under 1 s');
  await page.clock.fastForward('30:00');
  await setStatus(page, 'resolved');
  const resolve = page.getByRole('dialog', { name: 'Resolve incident' });
  await resolve.getByLabel('Resolution summary').fill('Failed over to the replica');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByText('Post-mortem due in')).toBeVisible();
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Post-mortem: Replica failover' }),
  ).toBeVisible();
}

test('a ! highlight is in the post-mortem timeline; curation toggles change the export and survive reload', async ({
  page,
}) => {
  await incidentWithEntries(page);
  let rows = timelineRows(await copiedMarkdown(page));
  expect(rows).toContainEqual('| 14:00 | Decision: fail over to the replica |');
  expect(rows.join('\n')).not.toContain('Looking at the dashboards');
  expect(rows.join('\n')).not.toContain('replica lag back under 1 s');

  await page.locator('summary', { hasText: 'Timeline curation' }).click();
  const curation = page.getByRole('list', { name: 'Timeline curation' });
  const note = curation.getByRole('checkbox', { name: /Looking at the dashboards/ });
  const decision = curation.getByRole('checkbox', { name: /fail over to the replica/ });
  await expect(note).not.toBeChecked();
  await expect(decision).toBeChecked();
  await note.check();
  await decision.uncheck();
  rows = timelineRows(await copiedMarkdown(page));
  expect(rows).toContainEqual('| 14:00 | Looking at the dashboards |');
  expect(rows.join('\n')).not.toContain('fail over to the replica');

  await reloadApp(page);
  await page.locator('summary', { hasText: 'Timeline curation' }).click();
  await expect(page.getByRole('checkbox', { name: /Looking at the dashboards/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /fail over to the replica/ })).not.toBeChecked();
  rows = timelineRows(await copiedMarkdown(page));
  expect(rows).toContainEqual('| 14:00 | Looking at the dashboards |');

  // Key events only puts the default back.
  await page.getByRole('button', { name: 'Key events only' }).click();
  rows = timelineRows(await copiedMarkdown(page));
  expect(rows).toContainEqual('| 14:00 | Decision: fail over to the replica |');
});

test('custom sections and a second whys chain are exported in order; impact windows give durations and the error budget spent', async ({
  page,
}, testInfo) => {
  await incidentWithEntries(page);

  // Two custom sections, the second moved above the first by keyboard.
  await page.getByRole('button', { name: 'Add section' }).click();
  await page.getByLabel('Section 1 title').fill('Communication and transparency');
  await page.getByRole('button', { name: 'Add section' }).click();
  await page.getByLabel('Section 2 title').fill('Recovery procedures');
  await page
    .getByRole('textbox', { name: 'Recovery procedures', exact: true })
    .fill('Promote the replica, then rebuild the primary.');
  await page.getByRole('button', { name: 'Move up: Recovery procedures' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Section 1 title')).toHaveValue('Recovery procedures');

  // A second whys chain with its own question.
  await page.getByLabel('Why 1', { exact: true }).fill('The primary ran out of disk');
  await page.getByRole('button', { name: 'Add whys chain' }).click();
  await page.getByLabel('Question of whys chain 2').fill('Why did the restore take so long?');
  await page.getByLabel('Chain 2, why 1', { exact: true }).fill('Backups were in cold storage');

  // A 6 h degradation followed by an 18 h outage, across midnight.
  const windows = page.getByRole('group', { name: 'Impact windows' });
  await windows.getByRole('button', { name: 'Add impact window' }).click();
  await windows.getByLabel('Window 1 kind').selectOption('degraded');
  await windows.getByLabel('Window 1 start').fill('2026-11-21T08:00');
  await windows.getByLabel('Window 1 end').fill('2026-11-21T14:00');
  await windows.getByRole('button', { name: 'Add impact window' }).click();
  await windows.getByLabel('Window 2 kind').selectOption('outage');
  await windows.getByLabel('Window 2 start').fill('2026-11-21T14:00');
  await windows.getByLabel('Window 2 end').fill('2026-11-22T08:00');
  await expect(windows.getByLabel('Window 2 duration')).toHaveText('18 h');
  // An end before its start is refused next to the field, the text kept.
  await windows.getByRole('button', { name: 'Add impact window' }).click();
  await windows.getByLabel('Window 3 start').fill('2026-11-22T10:00');
  await windows.getByLabel('Window 3 end').fill('2026-11-22T09:00');
  await expect(windows.getByLabel('Window 3 end')).toHaveAttribute('aria-invalid', 'true');
  await expect(windows.getByText('The end must be after the start.')).toBeVisible();
  await windows.getByRole('button', { name: 'Remove window 3' }).click();
  await windows.getByLabel('Affected records').fill('1,200');

  // An action item with a ticket link: a Markdown link in the export.
  const addForm = page.getByRole('group', { name: 'Add an action item' });
  await addForm.getByLabel('Action', { exact: true }).fill('Keep 24 h of backups warm');
  await addForm.getByRole('button', { name: 'Add action item' }).click();
  await page.getByLabel('Link of action 1').fill('https://tracker.example.com/OPS-481');
  await page.getByLabel('Link of action 1').press('Tab');
  await expect
    .poll(() => copiedMarkdown(page))
    .toContain('[https\\://tracker.example.com/OPS-481](https://tracker.example.com/OPS-481) |');

  const md = await copiedMarkdown(page);
  await page.screenshot({ path: testInfo.outputPath('postmortem-editor.png'), fullPage: true });
  const order = [
    '### 5 Whys',
    '1. The primary ran out of disk',
    '### 5 Whys (2)',
    '**Question:** Why did the restore take so long?',
    '1. Backups were in cold storage',
    '## What Went Poorly',
    '## Recovery procedures',
    'Promote the replica, then rebuild the primary.',
    '## Communication and transparency',
    '## Action Items',
  ];
  let from = 0;
  for (const h of order) {
    const at = md.indexOf(h, from);
    expect(at, `${h} after offset ${from}`).toBeGreaterThanOrEqual(from);
    from = at + h.length;
  }
  expect(md).toContain('### Impact windows (UTC)');
  // No SLO target on orders-db: no share recorded, so 100% of users is assumed.
  expect(md).toContain('| 1 | Degraded | 2026-11-21 08:00 | 2026-11-21 14:00 | 6 h | 360 min |');
  expect(md).toContain('| 2 | Outage | 2026-11-21 14:00 | 2026-11-22 08:00 | 18 h | 1,080 min |');
  expect(md).toContain(
    '**Total:** 1 d of impact (18 h outage, 6 h degraded); 1,440 min of error budget spent ' +
      '(1,440 min of impact × assumed 100% of users: share not recorded).',
  );
  expect(md).toContain('**Affected records:** 1,200');

  await reloadApp(page);
  await expect(page.getByLabel('Section 1 title')).toHaveValue('Recovery procedures');
  await expect(page.getByLabel('Question of whys chain 2')).toHaveValue(
    'Why did the restore take so long?',
  );
  await expect(page.getByLabel('Window 2 end')).toHaveValue('2026-11-22T08:00');
  await expect(page.getByLabel('Link of action 1')).toHaveValue(
    'https://tracker.example.com/OPS-481',
  );
  expect(await copiedMarkdown(page)).toBe(md);
});
