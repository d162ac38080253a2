import { expect, test, type Page } from '@playwright/test';
import {
  assign,
  declare,
  declareCheckoutOutage,
  expectCountdown,
  log,
  openApp,
  reloadApp,
} from './support';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const START = new Date('2026-11-22T14:00:00Z');

const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });
const composer = (page: Page) => page.getByRole('dialog', { name: 'Compose update' });

async function readClipboard(page: Page): Promise<{ types: string[]; html: string; text: string }> {
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items[0];
    if (!item) return { types: [], html: '', text: '' };
    const read = async (type: string) =>
      item.types.includes(type) ? (await item.getType(type)).text() : '';
    return {
      types: [...item.types],
      html: await read('text/html'),
      text: await read('text/plain'),
    };
  });
}

test('a SEV1 status update for executives is copied as rich text, recorded, resets the timer and reopens', async ({
  page,
}) => {
  const declared = Date.now();
  await declareCheckoutOutage(page, START);
  await assign(page, 'Scribe', 'Sam');
  await log(page, 'f: Error rate rose to 18% right after config deploy 2.3.1');
  await log(page, 'a: Paused the deploy pipeline');
  await page
    .getByRole('region', { name: 'Hypotheses' })
    .getByRole('button', { name: 'Add hypothesis' })
    .click();
  const add = page.getByRole('dialog', { name: 'Add hypothesis' });
  await add.getByLabel('Hypothesis').fill('Connection pool max lowered to 20 by the config change');
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await page
    .getByRole('region', { name: 'Hypotheses' })
    .getByRole('button', { name: 'Confirm' })
    .click();
  await expect(timeline(page)).toContainText('Hypothesis confirmed');

  await page.clock.fastForward('05:00');
  const exec = page.getByRole('timer', { name: 'Next executive update' });
  await expectCountdown(exec, 10 * 60, declared);

  await page.getByRole('button', { name: 'Compose update' }).click();
  const dialog = composer(page);
  await dialog.getByLabel('Audience').selectOption({ label: 'Executives' });
  await dialog.getByLabel('Message type').selectOption({ label: 'Status update' });
  await expect(dialog.getByLabel('Subject')).toHaveValue(
    '[SEV1 UPDATE] checkout-api — Investigating',
  );
  const message = dialog.getByLabel('Message', { exact: true });
  await expect(message).toHaveValue(/\*\*Cause:\*\* Connection pool max lowered to 20/);
  // Sent at 14:05 and some seconds of page time: the next update is due at 14:20 (14:21 if the
  // machine took over a minute to get here).
  await expect(message).toHaveValue(/Next update at 14:2[01] UTC \(in 15 minutes\)\./);

  const copied = Date.now();
  await dialog.getByRole('button', { name: 'Copy rich text' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    'Copied as rich text. Recorded on the timeline; the Executives countdown restarted.',
  );
  const clip = await readClipboard(page);
  expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  expect(clip.html).toContain('[SEV1 UPDATE] checkout-api — Investigating');
  expect(clip.html).toContain('<strong>Cause:</strong>');
  expect(clip.html).toMatch(/Next update at 14:2[01] UTC \(in 15 minutes\)\./);
  expect(clip.text).toContain('Subject: [SEV1 UPDATE] checkout-api — Investigating');
  expect(clip.text).toMatch(/Next update at 14:2[01] UTC \(in 15 minutes\)\./);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await expect(timeline(page)).toContainText(
    'Status update sent to Executives (copied as rich text): [SEV1 UPDATE] checkout-api — Investigating',
  );
  // One line on the timeline; the full message is behind Show message (issue 11 §5).
  const sentRow = timeline(page)
    .getByRole('listitem')
    .filter({ hasText: 'Status update sent to Executives' });
  await expect(sentRow).not.toContainText('Cause: Connection pool max lowered to 20');
  await sentRow.getByRole('button', { name: 'Show message' }).click();
  await expect(sentRow.getByRole('group', { name: 'Sent message' })).toContainText(
    'Cause:** Connection pool max lowered to 20',
  );
  await expectCountdown(exec, 15 * 60, copied);
  // Engineering was not sent anything: its countdown runs on from declaration.
  await expectCountdown(
    page.getByRole('timer', { name: 'Next engineering update' }),
    10 * 60,
    declared,
  );

  await reloadApp(page);
  await expectCountdown(exec, 15 * 60, copied);
  const history = page.getByRole('list', { name: 'Sent updates' });
  const sent = history.getByRole('listitem').filter({ hasText: 'Executives' });
  await expect(sent).toContainText('Status update');
  await expect(sent).toContainText('[SEV1 UPDATE] checkout-api — Investigating');
  await sent.getByRole('button', { name: 'Reopen' }).click();
  await expect(composer(page).getByLabel('Audience')).toHaveValue('executives');
  await expect(composer(page).getByLabel('Subject')).toHaveValue(
    '[SEV1 UPDATE] checkout-api — Investigating',
  );
  await expect(composer(page).getByLabel('Message', { exact: true })).toHaveValue(
    /Next update at 14:2[01] UTC/,
  );
});

test('edits survive a change of audience until Regenerate is confirmed; Copy Markdown carries the edit', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Search slow', severity: 'SEV2', services: ['search'] });
  await page.getByRole('button', { name: 'Compose update' }).click();
  const dialog = composer(page);
  await expect(dialog.getByLabel('Message type')).toHaveValue('initial');
  await dialog
    .getByLabel('Message', { exact: true })
    .fill('Search is slow.\n- We <b>rolled back</b> | index v2');
  await dialog.getByLabel('Audience').selectOption({ label: 'Executives' });
  await expect(dialog.getByLabel('Message', { exact: true })).toHaveValue(/^Search is slow\./);
  await dialog.getByRole('button', { name: 'Copy Markdown' }).click();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toContain('**Subject:** \\[SEV2\\] search');
  // Edited text stays text: the tag is escaped and the pipe cannot start a table.
  expect(clip).toContain('- We &lt;b>rolled back&lt;/b> \\| index v2');
  await expect(dialog.getByRole('status')).toContainText('Copied as Markdown');

  await dialog.getByRole('button', { name: 'Regenerate' }).click();
  await dialog.getByRole('button', { name: 'Keep my text' }).click();
  await expect(dialog.getByLabel('Message', { exact: true })).toHaveValue(/^Search is slow\./);
  await dialog.getByRole('button', { name: 'Regenerate' }).click();
  await dialog.getByRole('button', { name: 'Replace my text' }).click();
  await expect(dialog.getByLabel('Message', { exact: true })).toHaveValue(
    /^\*\*Current status:\*\*/,
  );
});

test('closing with an edited, unsent message asks first; Keep editing keeps it, Discard drops it', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Login errors', severity: 'SEV2', services: ['auth'] });
  await page.getByRole('button', { name: 'Compose update' }).click();
  const dialog = composer(page);
  const message = dialog.getByLabel('Message', { exact: true });
  await message.fill('Logins fail for some users; we are rolling back.');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('alert');
  await expect(confirm).toContainText('Discard your edited message?');
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(message).toHaveValue('Logins fail for some users; we are rolling back.');
  await expect(message).toBeFocused();

  await dialog.getByLabel('Subject').fill('Login errors: rolling back');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Discard your edited message?');
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Sent updates (0)')).toBeVisible();

  // Reopened, it starts fresh; once the edit has been sent, closing does not ask.
  await page.getByRole('button', { name: 'Compose update' }).click();
  await expect(message).not.toHaveValue(/rolling back/);
  await message.fill('Rolled back; logins recovering.');
  await dialog.getByRole('button', { name: 'Copy plain text' }).click();
  await expect(dialog.getByRole('status')).toContainText('Copied as plain text');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await reloadApp(page);
  await expect(page.getByText('Sent updates (1)')).toBeVisible();
});

test('a customer message that looks internal is flagged with the hostnames', async ({ page }) => {
  await openApp(page);
  await declare(page, {
    title: 'Checkout failing',
    severity: 'SEV2',
    customerFacing: true,
    impact: 'Checkout fails while db-prod-3.internal and 10.0.3.7 are overloaded',
  });
  await page.getByRole('button', { name: 'Compose update' }).click();
  const dialog = composer(page);
  await dialog.getByLabel('Audience').selectOption({ label: 'Customers' });
  // The internal impact never reaches customers by itself (issue 11 §1)…
  const warning = dialog.getByRole('note', { name: 'Looks internal' });
  await expect(dialog.getByLabel('Message', { exact: true })).toHaveValue(
    /\[Public summary not written yet\]/,
  );
  await expect(warning).toHaveCount(0);
  // …but copied into the message it is flagged.
  await dialog
    .getByLabel('Message', { exact: true })
    .fill('Checkout fails while db-prod-3.internal and 10.0.3.7 are overloaded');
  await expect(warning).toContainText('Hostname: db-prod-3.internal');
  await expect(warning).toContainText('IP address: 10.0.3.7');
  await dialog
    .getByLabel('Message', { exact: true })
    .fill('Checkout is failing for some customers.');
  await dialog.getByLabel('Subject').fill('Investigating: checkout problems');
  await expect(warning).toHaveCount(0);
});

test('a failed clipboard write shows an error and records nothing', async ({ page }) => {
  await page.addInitScript(() => {
    const reject = () => Promise.reject(new DOMException('Clipboard blocked', 'NotAllowedError'));
    Object.defineProperty(navigator.clipboard, 'writeText', { value: reject });
    Object.defineProperty(navigator.clipboard, 'write', { value: reject });
  });
  await openApp(page);
  await declare(page, { title: 'Queue backlog', severity: 'SEV3' });
  await page.getByRole('button', { name: 'Compose update' }).click();
  const dialog = composer(page);
  await dialog.getByRole('button', { name: 'Copy plain text' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Not copied: Clipboard blocked');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was recorded.');
  await page.keyboard.press('Escape');
  await expect(timeline(page)).not.toContainText('sent to Engineering');
  await expect(page.getByText('Sent updates (0)')).toBeVisible();
});

test('a template with {{bogus}} is refused next to the field; a saved template is what Compose uses', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Message templates' });
  await expect(section).toBeVisible();
  const subject = section.getByLabel('Subject template');
  await subject.fill('Heads-up {{bogus}} {{ref}}');
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByRole('alert')).toContainText('Unknown placeholder {{bogus}}');
  await section.getByRole('button', { name: 'Save template' }).click();
  await expect(subject).toHaveValue('Heads-up {{bogus}} {{ref}}');
  await expect(section).toContainText('The default template is in use.');

  await subject.fill('Heads-up {{ref}}: {{status}}');
  await expect(subject).not.toHaveAttribute('aria-invalid', 'true');
  await section.getByRole('button', { name: 'Save template' }).click();
  await expect(section).toContainText('A custom template is in use.');
  await reloadApp(page);
  await expect(page.getByLabel('Subject template')).toHaveValue('Heads-up {{ref}}: {{status}}');

  await declare(page, { title: 'Cache misses', severity: 'SEV3' });
  await page.getByRole('button', { name: 'Compose update' }).click();
  await expect(composer(page).getByLabel('Subject')).toHaveValue(
    /^Heads-up INC-\d{4}-\d{2}-\d{2}-001-[0-9A-HJKMNP-TV-Z]{4}: Investigating$/,
  );
});
