import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

/** Issue 11 §6: record text with markup characters survives an edit in every copy format. */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const IMPACT = 'Calls to /v1/** and 2**10 buckets fail';
const ZWSP = '\u200b';

const composer = (page: Page) => page.getByRole('dialog', { name: 'Compose update' });

async function readClipboard(page: Page): Promise<{ html: string; text: string }> {
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items[0];
    if (!item) return { html: '', text: '' };
    const read = async (type: string) =>
      item.types.includes(type) ? (await item.getType(type)).text() : '';
    return { html: await read('text/html'), text: await read('text/plain') };
  });
}

/** Clicks a Copy button and waits for its confirmation before reading the clipboard. */
async function copy(page: Page, button: string, confirmation: string) {
  await composer(page).getByRole('button', { name: button }).click();
  await expect(composer(page).getByRole('status')).toContainText(confirmation);
  return readClipboard(page);
}

test('impact text with ** survives one typed character in Markdown, plain text, Slack and rich text', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Bucket API errors', severity: 'SEV2', impact: IMPACT });
  await page.getByRole('button', { name: 'Compose update' }).click();
  const dialog = composer(page);
  await dialog.getByLabel('Audience').selectOption({ label: 'Engineering' });
  await dialog.getByLabel('Message type').selectOption({ label: 'Initial notification' });
  const message = dialog.getByLabel('Message', { exact: true });
  // The record text enters the Markdown escaped, so it is literal.
  await expect(message).toHaveValue(
    /\*\*Impact:\*\* Calls to \/v1\/\\\*\\\* and 2\\\*\\\*10 buckets fail\n/,
  );

  // A person adds one character at the end of the message.
  await message.click();
  await message.press('Control+End');
  await message.pressSequentially('!');
  await expect(message).toHaveValue(/!$/);

  const markdown = await copy(page, 'Copy Markdown', 'Copied as Markdown');
  expect(markdown.text).toContain('**Impact:** Calls to /v1/\\*\\* and 2\\*\\*10 buckets fail\n');
  expect(markdown.text).toMatch(/!\n$/);

  const plain = await copy(page, 'Copy plain text', 'Copied as plain text');
  expect(plain.text).toContain(`Impact: ${IMPACT}\n`);
  expect(plain.text).toMatch(/!\n$/);

  const slack = await copy(page, 'Copy for Slack', 'Copied for Slack');
  expect(slack.text).toContain(
    `*Impact:* Calls to /v1/${ZWSP}*${ZWSP}*${ZWSP} and 2${ZWSP}*${ZWSP}*${ZWSP}10 buckets fail\n`,
  );
  expect(slack.text.replaceAll(ZWSP, '')).toContain(`*Impact:* ${IMPACT}\n`);

  const rich = await copy(page, 'Copy rich text', 'Copied as rich text');
  expect(rich.html).toContain(`<strong>Impact:</strong> ${IMPACT}<`);
  expect(rich.html).not.toContain('<strong> and 2</strong>');
  expect(rich.text).toContain(`Impact: ${IMPACT}\n`);
  await page.keyboard.press('Escape');

  // The sent text is stored as typed: reopened after a reload, it copies the same.
  await reloadApp(page);
  const sent = page
    .getByRole('list', { name: 'Sent updates' })
    .getByRole('listitem')
    .filter({ hasText: 'Engineering' });
  await sent.getByRole('button', { name: 'Reopen' }).click();
  await expect(composer(page).getByLabel('Message', { exact: true })).toHaveValue(/!$/);
  const again = await copy(page, 'Copy plain text', 'Copied as plain text');
  expect(again.text).toContain(`Impact: ${IMPACT}\n`);
});
