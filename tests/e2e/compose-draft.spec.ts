import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

// An update being written is kept as it is typed: a reload (or a crash) mid-sentence brings
// the Compose update dialog back on it, saying so; sending it or discarding it lets it go.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const composer = (page: Page) => page.getByRole('dialog', { name: 'Compose update' });

async function openComposer(page: Page) {
  await page.getByRole('button', { name: 'Compose update' }).click();
  await expect(composer(page)).toBeVisible();
  return composer(page);
}

test('an edited update survives a reload, is restored with a notice, and goes once discarded or sent', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });

  let dialog = await openComposer(page);
  await dialog.getByLabel('Audience').selectOption({ label: 'Executives' });
  await dialog.getByLabel('Message type').selectOption({ label: 'Status update' });
  const message = dialog.getByLabel('Message', { exact: true });
  const added = 'Finance asked for an ETA: we will give one at 15:00 UTC. مرحبا 👋';
  await message.press('Control+End');
  await page.keyboard.type(`\n${added}`);
  const typed = await message.inputValue();
  await dialog.getByLabel('Subject').fill('Checkout errors: rollback under way');

  // The window goes away mid-sentence.
  await reloadApp(page);
  dialog = await openComposer(page);
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Restored your unsent update from' }),
  ).toContainText(/\d{2}:\d{2} UTC/);
  await expect(dialog.getByLabel('Audience')).toHaveValue('executives');
  await expect(dialog.getByLabel('Message type')).toHaveValue('update');
  await expect(dialog.getByLabel('Message', { exact: true })).toHaveValue(typed);
  await expect(dialog.getByLabel('Subject')).toHaveValue('Checkout errors: rollback under way');

  // Discard draft: back to the generated message, and nothing comes back after a reload.
  await dialog.getByRole('button', { name: 'Discard draft' }).click();
  await expect(dialog.getByLabel('Message', { exact: true })).not.toHaveValue(typed);
  await expect(dialog.getByLabel('Subject')).not.toHaveValue('Checkout errors: rollback under way');
  await reloadApp(page);
  dialog = await openComposer(page);
  await expect(dialog.getByText('Restored your unsent update')).toHaveCount(0);

  // Edited again and sent: the draft goes with the sending.
  await dialog.getByLabel('Subject').fill('Checkout errors: fixed');
  await dialog.getByRole('button', { name: 'Copy plain text' }).click();
  const anyway = dialog.getByRole('button', { name: 'Copy anyway' });
  const done = dialog.getByRole('status').filter({ hasText: 'Copied as plain text' });
  await expect(anyway.or(done)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(done).toBeVisible();
  await reloadApp(page);
  dialog = await openComposer(page);
  await expect(dialog.getByText('Restored your unsent update')).toHaveCount(0);
  await expect(dialog.getByLabel('Subject')).not.toHaveValue('Checkout errors: fixed');
});

test('reopening a sent update and sending it again leaves the unsent draft of the next update in place', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Search latency', severity: 'SEV2', services: ['search'] });

  // One update goes out to executives.
  let dialog = await openComposer(page);
  await dialog.getByLabel('Audience').selectOption({ label: 'Executives' });
  await dialog.getByLabel('Subject').fill('Search latency: investigating');
  await dialog.getByRole('button', { name: 'Copy plain text' }).click();
  const anyway = dialog.getByRole('button', { name: 'Copy anyway' });
  const done = dialog.getByRole('status').filter({ hasText: 'Copied as plain text' });
  await expect(anyway.or(done)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(done).toBeVisible();
  await reloadApp(page);

  // The next one is half written, then the window reloads (the draft is kept).
  dialog = await openComposer(page);
  await dialog.getByLabel('Subject').fill('Search latency: index rebuild at 15:00 UTC');
  await reloadApp(page);

  // The sent one is reopened, corrected and sent again.
  const sent = page.getByRole('list', { name: 'Sent updates' }).getByRole('listitem');
  await sent
    .filter({ hasText: 'Search latency: investigating' })
    .getByRole('button', { name: 'Reopen' })
    .click();
  dialog = composer(page);
  await expect(dialog.getByLabel('Subject')).toHaveValue('Search latency: investigating');
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Your unsent update from' }),
  ).toContainText('is kept for later');
  await dialog.getByLabel('Subject').fill('Search latency: investigating (corrected)');
  await dialog.getByRole('button', { name: 'Copy plain text' }).click();
  await expect(anyway.or(done)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(done).toBeVisible();

  // The unsent draft is still there, untouched.
  await reloadApp(page);
  dialog = await openComposer(page);
  await expect(dialog.getByText('Restored your unsent update')).toBeVisible();
  await expect(dialog.getByLabel('Subject')).toHaveValue(
    'Search latency: index rebuild at 15:00 UTC',
  );
});

test('a correction to a reopened update is kept as its own draft: restored on reopening after a reload, gone once resent, the next update kept', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Search latency', severity: 'SEV2', services: ['search'] });
  const sendPlain = async (dialog: ReturnType<typeof composer>) => {
    await dialog.getByRole('button', { name: 'Copy plain text' }).click();
    const anyway = dialog.getByRole('button', { name: 'Copy anyway' });
    const done = dialog.getByRole('status').filter({ hasText: 'Copied as plain text' });
    await expect(anyway.or(done)).toBeVisible();
    if (await anyway.isVisible()) await anyway.click();
    await expect(done).toBeVisible();
  };
  const reopenSent = async () => {
    await page
      .getByRole('list', { name: 'Sent updates' })
      .getByRole('listitem')
      .filter({ hasText: 'Search latency: investigating' })
      .filter({ hasNotText: 'corrected' })
      .getByRole('button', { name: 'Reopen' })
      .click();
    await expect(composer(page)).toBeVisible();
    return composer(page);
  };
  const correction = (dialog: ReturnType<typeof composer>) =>
    dialog.getByRole('status').filter({ hasText: 'Your unsent correction from' });

  // One update goes out to executives.
  let dialog = await openComposer(page);
  await dialog.getByLabel('Audience').selectOption({ label: 'Executives' });
  await dialog.getByLabel('Subject').fill('Search latency: investigating');
  await sendPlain(dialog);
  await reloadApp(page);

  // The next one is half written, then the window reloads (its draft is kept).
  dialog = await openComposer(page);
  await dialog.getByLabel('Subject').fill('Search latency: index rebuild at 15:00 UTC');
  await reloadApp(page);

  // The sent one is reopened and corrected, and the window goes away mid-correction.
  dialog = await reopenSent();
  await expect(dialog.getByLabel('Subject')).toHaveValue('Search latency: investigating');
  await expect(correction(dialog)).toHaveCount(0);
  const message = dialog.getByLabel('Message', { exact: true });
  await message.press('Control+End');
  await page.keyboard.type('\nThe index rebuild starts at 15:00 UTC. مرحبا');
  const corrected = await message.inputValue();
  await dialog.getByLabel('Subject').fill('Search latency: investigating (corrected)');
  await reloadApp(page);

  // Reopened again: the correction is back, saying so.
  dialog = await reopenSent();
  await expect(correction(dialog)).toContainText(/\d{2}:\d{2} UTC is restored/);
  await expect(dialog.getByLabel('Subject')).toHaveValue(
    'Search latency: investigating (corrected)',
  );
  await expect(dialog.getByLabel('Message', { exact: true })).toHaveValue(corrected);
  await expect(dialog.getByLabel('Audience')).toHaveValue('executives');
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Your unsent update from' }),
  ).toContainText('is kept for later');

  // The next update's draft is still there too.
  await reloadApp(page);
  dialog = await openComposer(page);
  await expect(dialog.getByText('Restored your unsent update')).toBeVisible();
  await expect(dialog.getByLabel('Subject')).toHaveValue(
    'Search latency: index rebuild at 15:00 UTC',
  );
  await reloadApp(page);

  // The correction is resent: its draft goes with it; the next update's stays.
  dialog = await reopenSent();
  await expect(dialog.getByLabel('Subject')).toHaveValue(
    'Search latency: investigating (corrected)',
  );
  await sendPlain(dialog);
  await reloadApp(page);
  await expect(page.getByRole('list', { name: 'Sent updates' }).getByRole('listitem')).toHaveCount(
    2,
  );
  dialog = await reopenSent();
  await expect(dialog.getByLabel('Subject')).toHaveValue('Search latency: investigating');
  await expect(dialog.getByLabel('Message', { exact: true })).not.toHaveValue(corrected);
  await expect(correction(dialog)).toHaveCount(0);
  await reloadApp(page);
  dialog = await openComposer(page);
  await expect(dialog.getByLabel('Subject')).toHaveValue(
    'Search latency: index rebuild at 15:00 UTC',
  );
});
