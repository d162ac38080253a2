import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp } from './support';

// Text typed in the last instant before a reload (inside the save-as-you-type pause) is kept:
// a new user lost the last words typed up to half a second before a reload, in the Log entry
// field and in the post-mortem alike: the save started as the page went away never landed.
// Here that is made certain: writes to the store are refused in this page (as when the browser
// aborts the page's last transaction), and the reload follows the last key press at once.

/** Makes this page's writes to `store` fail until the page goes away (not after the reload). */
async function writesNeverLand(page: Page, store: string): Promise<void> {
  await page.evaluate((name) => {
    const proto = IDBObjectStore.prototype;
    for (const m of ['put', 'add'] as const) {
      const original = Reflect.get(proto, m) as (
        this: IDBObjectStore,
        ...args: unknown[]
      ) => IDBRequest;
      (proto as unknown as Record<string, unknown>)[m] = function (
        this: IDBObjectStore,
        ...args: unknown[]
      ) {
        if (this.name === name) throw new DOMException('The page is going away', 'AbortError');
        return original.apply(this, args);
      };
    }
  }, store);
}

test('words typed the instant before a reload are in the Log entry field after it', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Replica lag', severity: 'SEV2' });
  const field = page.getByRole('region', { name: 'Timeline' }).getByLabel('Log entry');
  await field.focus();
  await writesNeverLand(page, 'drafts');
  await page.keyboard.type('f: half typed finding about redis');
  await reloadApp(page);
  await expect(page.getByRole('region', { name: 'Timeline' }).getByLabel('Log entry')).toHaveValue(
    'f: half typed finding about redis',
  );
  // Restored once, as a draft: a second reload shows it again, and logging it clears it.
  await reloadApp(page);
  const again = page.getByRole('region', { name: 'Timeline' }).getByLabel('Log entry');
  await expect(again).toHaveValue('f: half typed finding about redis');
  await again.press('Enter');
  await expect(again).toHaveValue('');
  await reloadApp(page);
  await expect(page.getByRole('region', { name: 'Timeline' }).getByLabel('Log entry')).toHaveValue(
    '',
  );
});

test('a post-mortem section typed the instant before a reload keeps every word', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Cache stampede', severity: 'SEV2' });
  await page
    .getByRole('link', { name: 'Post-mortem' })
    .or(page.getByRole('button', { name: 'Post-mortem' }))
    .first()
    .click();
  const lessons = page.getByRole('textbox', { name: 'Lessons Learned', exact: true });
  await lessons.click();
  await writesNeverLand(page, 'postmortems');
  await page.keyboard.type('Config changes need a canary stage.');
  await reloadApp(page);
  await expect(page.getByRole('textbox', { name: 'Lessons Learned', exact: true })).toHaveValue(
    'Config changes need a canary stage.',
  );
});
