import { expect, test, type Page } from '@playwright/test';
import { openApp, reloadApp, setStatus } from './support';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const START = new Date('2026-11-02T09:00:00Z');
const DAY_MS = 86_400_000;

/**
 * Declares an incident (a drill when asked), resolves it, opens its post-mortem and tags one
 * contributing cause through the editor, adding an action item when given.
 */
async function incidentWithCause(
  page: Page,
  opts: {
    title: string;
    service: string;
    cause: string;
    category: string;
    drill?: boolean;
    action?: string;
  },
): Promise<void> {
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare incident' });
  await dialog.getByLabel('Title').fill(opts.title);
  await dialog.getByLabel('Severity').selectOption('SEV2');
  await dialog.getByLabel('Affected services').fill(opts.service);
  await dialog.getByLabel('Affected services').press('Enter');
  if (opts.drill) await dialog.getByLabel('Drill').check();
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: opts.title })).toBeVisible();
  await page.clock.fastForward('30:00');
  await setStatus(page, 'resolved');
  const resolve = page.getByRole('dialog', { name: 'Resolve incident' });
  await resolve.getByLabel('Resolution summary').fill('Fixed');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toHaveCount(0);
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Post-mortem: ${opts.title}` }),
  ).toBeVisible();
  const causes = page.getByRole('group', { name: 'Contributing causes' });
  await causes.getByLabel('Contributing cause').fill(opts.cause);
  await causes.getByLabel('Cause category').selectOption({ label: opts.category });
  await causes.getByRole('button', { name: 'Add cause' }).click();
  await expect(causes.getByRole('button', { name: `Remove cause ${opts.cause}` })).toBeVisible();
  await expect(causes.getByLabel('Contributing cause')).toHaveValue('');
  if (opts.action) {
    const addForm = page.getByRole('group', { name: 'Add an action item' });
    await addForm.getByLabel('Action', { exact: true }).fill(opts.action);
    await addForm.getByLabel('Owner').fill('Dana');
    await addForm.getByRole('button', { name: 'Add action item' }).click();
    await expect(page.getByLabel('Action 1', { exact: true })).toHaveValue(opts.action);
  }
}

async function openMetrics(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Metrics' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
}

test('cause tags feed the repeat-incident metric with the earlier unfinished action item; drills never repeat real incidents', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: START });
  await openApp(page);

  await incidentWithCause(page, {
    title: 'Search index full',
    service: 'search',
    cause: 'Index shard full',
    category: 'Technology',
    action: 'Alert on shard size',
  });
  // The cause is in the post-mortem's Markdown, with its category.
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Post-mortem copied as Markdown.')).toBeVisible();
  const pmMarkdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(pmMarkdown).toContain('### Contributing Causes\n\n- Index shard full *(Technology)*');
  // A blank tag and the same tag again are refused beside the field.
  const causes = page.getByRole('group', { name: 'Contributing causes' });
  await causes.getByRole('button', { name: 'Add cause' }).click();
  await expect(causes.getByLabel('Contributing cause')).toHaveAccessibleDescription(
    /Name the cause in a few words/,
  );
  await causes.getByLabel('Contributing cause').fill('index-shard  FULL');
  await causes.getByLabel('Contributing cause').press('Enter');
  await expect(causes.getByLabel('Contributing cause')).toHaveAccessibleDescription(
    /"Index shard full" is already a contributing cause/,
  );
  await expect(causes.getByLabel('Contributing cause')).toHaveValue('index-shard  FULL');

  await page.clock.fastForward(2 * DAY_MS);
  await incidentWithCause(page, {
    title: 'Game day: search shard',
    service: 'search',
    cause: 'index shard full',
    category: 'Technology',
    drill: true,
  });
  await page.clock.fastForward(2 * DAY_MS);
  await incidentWithCause(page, {
    title: 'Search certificate expired',
    service: 'search',
    cause: 'Expired certificate',
    category: 'Process',
  });
  await page.clock.fastForward(2 * DAY_MS);
  await incidentWithCause(page, {
    title: 'Search timeouts',
    service: 'search',
    cause: 'INDEX-SHARD full',
    category: 'Technology',
  });
  // Tags of other post-mortems are offered while typing (not those already here); a wrong tag
  // is removed again.
  await expect(page.locator('datalist option[value="Expired certificate"]')).toHaveCount(1);
  await expect(page.locator('datalist option[value="Index shard full"]')).toHaveCount(0);
  const later = page.getByRole('group', { name: 'Contributing causes' });
  await later.getByLabel('Contributing cause').fill('typo');
  await later.getByRole('button', { name: 'Add cause' }).click();
  await later.getByRole('button', { name: 'Remove cause typo' }).click();
  await expect(later.getByRole('button', { name: 'Remove cause typo' })).toHaveCount(0);
  await expect(later.getByLabel('Contributing cause')).toBeFocused();

  await openMetrics(page);
  const region = page.getByRole('region', { name: 'Repeat incidents' });
  const repeats = region.getByRole('list', { name: 'Repeat incidents' });
  const check = async () => {
    const item = repeats.locator(':scope > li');
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('link').first()).toContainText('Search timeouts');
    await expect(item).toContainText('Same cause “INDEX-SHARD full” on search as');
    await expect(item).toContainText('Alert on shard size');
    // The drill and the unrelated cause are not the earlier incidents of this repeat.
    await expect(item).not.toContainText('Game day');
    await expect(
      item.getByRole('list', { name: /Unfinished action items before/ }).getByRole('listitem'),
    ).toHaveText([/Alert on shard size · Not Started · Dana · due \d{4}-\d\d-\d\d · from INC-/]);
  };
  await check();
  // Drills included: the drill is still no repeat of the real incident, nor the other way round.
  await page.getByLabel('Include drills').check();
  await check();
  await page.getByLabel('Include drills').uncheck();

  await reloadApp(page);
  await check();

  // Copy as Markdown of one chart: its data as a table.
  const figure = page.getByRole('figure', { name: 'Services by incidents' });
  await expect(figure.getByRole('img')).toHaveAccessibleName(
    'Services by incidents (Last 30 days): search 3',
  );
  // Each chart's button is named after it, so the page's buttons are told apart.
  await page.getByRole('button', { name: 'Copy as Markdown: Services by incidents' }).click();
  const names = await page
    .getByRole('button', { name: /^Copy as Markdown/ })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  expect(names.length).toBeGreaterThan(5);
  expect(new Set(names).size).toBe(names.length);
  await expect(figure.getByRole('status')).toHaveText('Services by incidents copied as Markdown.');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toBe(
    '### Services by incidents\n\n| Rank | Service | Incidents |\n| --- | --- | --- |\n| 1 | search | 3 |\n',
  );
  const hours = page.getByRole('figure', { name: 'Incidents by hour of day (UTC)' });
  await expect(hours.getByRole('img')).toHaveAccessibleName(/^Incidents by hour of day, UTC: /);
});
