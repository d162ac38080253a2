import { expect, test } from '@playwright/test';
import { declareCheckoutOutage, log } from './support';

// Issue: a customer update showed `\[Public summary not written yet\]` in the editable message.

test('the composer message shows no needless Markdown escapes, for any audience', async ({
  page,
}) => {
  await declareCheckoutOutage(page, new Date('2026-11-22T14:00:00Z'));
  await log(page, 'f: snake_case_flag [retry] issue #42 went wrong');
  await page.getByRole('button', { name: 'Compose update' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Compose update' });
  await dialog.getByLabel('Audience').selectOption('customers');
  const message = dialog.getByLabel('Message', { exact: true });
  await expect(message).toHaveValue(/\[Public summary not written yet\]/);
  await expect(message).not.toHaveValue(/\\[[\]_#]/);
  for (const audience of ['engineering', 'executives']) {
    await dialog.getByLabel('Audience').selectOption(audience);
    await expect(message).not.toHaveValue(/\\[[\]_#]/);
  }
});
