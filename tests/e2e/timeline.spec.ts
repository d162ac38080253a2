import { expect, test, type Page } from '@playwright/test';
import { declare, diskTest, openApp, reloadApp } from './support';

// Tall enough that every row of these short timelines is inside the virtualized window. The zone
// is New York's so local time differs from UTC (local times carry their own marker).
test.use({ viewport: { width: 1280, height: 3200 }, timezoneId: 'America/New_York' });

function timeline(page: Page) {
  return page.getByRole('region', { name: 'Timeline' });
}
function entries(page: Page) {
  return timeline(page).getByRole('list', { name: 'Timeline entries' });
}
function entry(page: Page, text: string | RegExp) {
  return entries(page).getByRole('listitem').filter({ hasText: text });
}
function logField(page: Page) {
  return timeline(page).getByLabel('Log entry');
}

/**
 * Types a line into the focused log field and commits it with Enter; `fast` pastes the line in
 * one go (as a scribe pasting), which keeps 20-line journeys within the test timeout.
 */
async function log(page: Page, line: string, fast = false): Promise<void> {
  const field = logField(page);
  await expect(field).toBeFocused();
  if (fast) await page.keyboard.insertText(line);
  else await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('');
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

test('the scribe logs mixed kinds, a command and a backdate; order, kinds and times survive a reload', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Checkout API errors', severity: 'SEV2' });
  await logField(page).focus();

  const lines: [string, string, string][] = [
    ['Error rate on checkout at 40%', 'Note', 'Error rate on checkout at 40%'],
    ['f: 502s from checkout-api pods', 'Finding', '502s from checkout-api pods'],
    ['a: Paged the payments on-call', 'Action', 'Paged the payments on-call'],
    ['h: Deploy 42 exhausted the DB pool', 'Hypothesis', 'Deploy 42 exhausted the DB pool'],
    ['d: Roll back deploy 42', 'Decision', 'Roll back deploy 42'],
    ['todo: Alert on pool saturation', 'Action', 'Alert on pool saturation'],
    ['n: /var/log shows timeouts', 'Note', '/var/log shows timeouts'],
    ['f: Pool at 100% since 13:58', 'Finding', 'Pool at 100% since 13:58'],
    ['a: Rollback started', 'Action', 'Rollback started'],
    ['Dashboards lagging a minute', 'Note', 'Dashboards lagging a minute'],
    ['d: Hold deploys until green', 'Decision', 'Hold deploys until green'],
    ['f: Errors falling after rollback', 'Finding', 'Errors falling after rollback'],
    ['a: Posted in #inc channel', 'Action', 'Posted in #inc channel'],
    ['h: Cache stampede after restart', 'Hypothesis', 'Cache stampede after restart'],
    ['todo: Load test pool limits', 'Action', 'Load test pool limits'],
    ['Support reports fewer tickets', 'Note', 'Support reports fewer tickets'],
    ['f: p99 latency back to 300 ms', 'Finding', 'p99 latency back to 300 ms'],
    ['d: Keep monitoring for 30 min', 'Decision', 'Keep monitoring for 30 min'],
  ];
  test.setTimeout(180_000);
  for (const [i, [line]] of lines.slice(0, 9).entries()) await log(page, line, i > 2);
  await log(page, '/status mitigating');
  await expect(page.getByLabel('Status')).toHaveValue('mitigating');
  // The field kept focus through every commit: keep typing without clicking.
  for (const [line] of lines.slice(9)) await log(page, line, true);

  // A backdate before the declared start asks first; moving the start logs it at T+0:00.
  await page.keyboard.type('-5m f: First alert fired in #alerts');
  await page.keyboard.press('Enter');
  const prompt = timeline(page).getByRole('group', { name: 'Entry before the start' });
  await expect(prompt).toContainText("This is before the incident's start");
  await prompt.getByRole('button', { name: 'Move start and log' }).click();
  await expect(logField(page)).toHaveValue('');
  await expect(logField(page)).toBeFocused();

  await reloadApp(page);
  const items = entries(page).getByRole('listitem');
  // 18 lines + backdate + declared + status change + start correction.
  await expect(items).toHaveCount(22);
  const texts = await items.allInnerTexts();

  // The backdated finding sorts first, marked as backdated with its logged time.
  const first = entry(page, 'First alert fired in #alerts');
  await expect(first).toHaveAttribute('aria-posinset', '1');
  await expect(first).toContainText('Finding');
  await expect(first).toContainText('T+0:00');
  // Near midnight UTC the record spans two days and every time carries its date too.
  await expect(first).toContainText(/backdated, logged (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} UTC/);
  const at = /\d{2}:\d{2}/.exec(await first.locator('time').innerText())?.[0] ?? '';
  const loggedAt =
    /logged (?:\d{4}-\d{2}-\d{2} )?(\d{2}:\d{2})/.exec(await first.innerText())?.[1] ?? '';
  expect((minutes(loggedAt) - minutes(at) + 1440) % 1440).toBeGreaterThanOrEqual(4);
  expect((minutes(loggedAt) - minutes(at) + 1440) % 1440).toBeLessThanOrEqual(6);

  // Every line is there with its kind, in the order typed; the status change sits between.
  let last = 0;
  for (const [, kind, text] of lines) {
    const row = entry(page, text);
    await expect(row).toContainText(kind);
    await expect(row.locator('time')).toHaveText(/^(\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} UTC$/);
    const pos = Number(await row.getAttribute('aria-posinset'));
    expect(pos).toBeGreaterThan(last);
    last = pos;
  }
  const status = texts.findIndex((t) => t.includes('Status: Investigating → Mitigating'));
  const before = texts.findIndex((t) => t.includes('Rollback started'));
  const after = texts.findIndex((t) => t.includes('Dashboards lagging a minute'));
  expect(status).toBeGreaterThan(before);
  expect(status).toBeLessThan(after);
  await expect(entry(page, 'Milestone Started corrected')).toContainText('System');
  await expect(page.getByLabel('Status')).toHaveValue('mitigating');

  // UTC by default; the header toggles to local time (and the choice persists).
  await timeline(page).getByRole('button', { name: 'Show local time' }).click();
  await expect(first.locator('time')).toHaveText(/^(\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} E[SD]T$/);
  await reloadApp(page);
  await expect(timeline(page).getByRole('button', { name: 'Show UTC' })).toBeVisible();
});

test('an entry logged in one window shows in another at once; a committed draft stays gone', async ({
  page,
  context,
}) => {
  await openApp(page);
  await declare(page, { title: 'Replica lag', severity: 'SEV2' });
  const other = await context.newPage();
  await openApp(other, page.url());
  await expect(entries(other)).toContainText('Declared');

  // Plain entries (written on the fast path) reach the other window without a reload, with
  // their kinds.
  await logField(page).focus();
  await log(page, 'f: Replica lag at 40 s on db-2');
  await log(page, 'Paused the nightly export');
  await expect(entry(other, 'Replica lag at 40 s on db-2')).toContainText('Finding');
  await expect(entry(other, 'Paused the nightly export')).toContainText('Note');
  // Nothing is left marked as saving, in either window.
  await expect(entries(page).locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(entries(other).locator('[aria-busy="true"]')).toHaveCount(0);

  // A draft typed here, restored after a reload, then committed: it does not come back.
  await page.keyboard.type('d: fail over to db-3');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('warroom');
            open.onsuccess = () => {
              const req = open.result.transaction('drafts').objectStore('drafts').count();
              req.onsuccess = () => {
                resolve(req.result);
                open.result.close();
              };
            };
          }),
      ),
    )
    .toBe(1);
  await reloadApp(page);
  await expect(logField(page)).toHaveValue('d: fail over to db-3');
  await logField(page).focus();
  await page.keyboard.press('Enter');
  await expect(logField(page)).toHaveValue('');
  await expect(entry(page, 'fail over to db-3')).toContainText('Decision');
  await expect(entry(other, 'fail over to db-3')).toContainText('Decision');
  await reloadApp(page);
  await expect(logField(page)).toHaveValue('');
  await expect(entry(page, 'fail over to db-3')).toHaveCount(1);
  await expect(entry(page, 'Replica lag at 40 s on db-2')).toHaveCount(1);
});

test('on a slow disk the entry shows as saving, then logged; the text stays in the field until then', async ({
  page,
}) => {
  // A disk that confirms a write only when the test says so: while `slowDisk` is on, the
  // page hears a transaction's "complete" when `releaseDisk()` is called (the write itself is
  // not changed). The test waits on states, never on a time window.
  await page.addInitScript(() => {
    const proto = IDBTransaction.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, 'oncomplete');
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the accessors are called on a transaction below
    const { get, set } = original ?? {};
    if (!get || !set) return;
    const g = globalThis as { slowDisk?: boolean; held?: (() => void)[]; releaseDisk?: () => void };
    g.held = [];
    g.releaseDisk = () => {
      g.slowDisk = false;
      for (const go of g.held!.splice(0)) go();
    };
    Object.defineProperty(proto, 'oncomplete', {
      configurable: true,
      get(this: IDBTransaction): unknown {
        return get.call(this) as unknown;
      },
      set(this: IDBTransaction, handler: ((ev: Event) => void) | null) {
        const wrapped = handler
          ? (ev: Event) => {
              if (g.slowDisk === true) g.held!.push(() => handler.call(this, ev));
              else handler.call(this, ev);
            }
          : handler;
        set.call(this, wrapped);
      },
    });
  });
  await openApp(page);
  await declare(page, { title: 'Slow disk', severity: 'SEV3' });
  await logField(page).focus();
  await page.evaluate(() => {
    (globalThis as { slowDisk?: boolean }).slowDisk = true;
  });
  await page.keyboard.type('f: Write latency at 600 ms');
  await page.keyboard.press('Enter');

  const row = entry(page, 'Write latency at 600 ms');
  await expect(row).toHaveAttribute('aria-busy', 'true');
  await expect(row).toContainText('Saving…');
  await expect(row.getByRole('button', { name: 'Edit' })).toBeDisabled();
  // Not logged yet: the text is still in the field.
  await expect(logField(page)).toHaveValue('f: Write latency at 600 ms');

  await page.evaluate(() => (globalThis as { releaseDisk?: () => void }).releaseDisk?.());
  await expect(row).not.toHaveAttribute('aria-busy', 'true');
  await expect(row).not.toContainText('Saving…');
  await expect(row).toContainText('Finding');
  await expect(logField(page)).toHaveValue('');
  await reloadApp(page);
  await expect(entry(page, 'Write latency at 600 ms')).toContainText('Finding');
});

test('a draft survives a reload, and edit, delete, undo and restore persist', async ({ page }) => {
  await openApp(page);
  await declare(page, { title: 'Search latency', severity: 'SEV3' });
  await logField(page).focus();
  await log(page, 'f: Index rebuild running on node 3');
  await log(page, 'a: Throttled the reindex job');

  await page.keyboard.type('d: half-typed decision');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  await expect(logField(page)).toHaveValue('d: half-typed decision\nsecond line');
  // The draft is written after a short pause; wait for it in the database, not with a sleep.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const open = indexedDB.open('warroom');
            open.onsuccess = () => {
              const req = open.result.transaction('drafts').objectStore('drafts').getAll();
              req.onsuccess = () => {
                resolve((req.result as { text: string }[]).map((d) => d.text));
                open.result.close();
              };
            };
          }),
      ),
    )
    .toEqual(['d: half-typed decision\nsecond line']);
  await reloadApp(page);
  await expect(logField(page)).toHaveValue('d: half-typed decision\nsecond line');
  await logField(page).fill('');

  // Edit: Enter saves, the old text is kept and viewable after a reload.
  const row = entry(page, 'Index rebuild running on node 3');
  await row.getByRole('button', { name: 'Edit' }).click();
  // Once editing, the row's text is in the editor: find the editor by its label alone.
  const editor = timeline(page).getByLabel('Edit entry');
  await expect(editor).toBeFocused();
  await editor.fill('Index rebuild running on nodes 3 and 4');
  await editor.press('Enter');
  // The edit is shown once it is in the database; only then reload.
  await expect(editor).toHaveCount(0);
  await expect(entry(page, 'Index rebuild running on nodes 3 and 4')).toBeVisible();
  await reloadApp(page);
  const edited = entry(page, 'Index rebuild running on nodes 3 and 4');
  await expect(edited).toContainText('Edited');
  await edited.getByRole('button', { name: 'Show revisions (1)' }).click();
  await expect(edited.getByRole('list', { name: 'Earlier versions' })).toContainText(
    'Index rebuild running on node 3',
  );

  // Escape cancels an edit.
  await edited.getByRole('button', { name: 'Edit' }).click();
  await editor.fill('never saved');
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(edited).toContainText('Index rebuild running on nodes 3 and 4');

  // Delete, then Undo.
  await entry(page, 'Throttled the reindex job').getByRole('button', { name: 'Delete' }).click();
  await expect(entry(page, 'Throttled the reindex job')).toHaveCount(0);
  await timeline(page).getByRole('button', { name: 'Undo' }).click();
  await expect(entry(page, 'Throttled the reindex job')).toHaveCount(1);

  // Delete again; after a reload it is gone until "Show deleted", where it can be restored.
  await entry(page, 'Throttled the reindex job').getByRole('button', { name: 'Delete' }).click();
  await expect(entry(page, 'Throttled the reindex job')).toHaveCount(0);
  await reloadApp(page);
  // Declared + the edited finding; the deleted action is hidden.
  await expect(entries(page).getByRole('listitem')).toHaveCount(2);
  await expect(entry(page, 'Throttled the reindex job')).toHaveCount(0);
  await timeline(page).getByLabel('Show deleted').check();
  const deleted = entry(page, 'Throttled the reindex job');
  await expect(deleted).toContainText('Deleted');
  await deleted.getByRole('button', { name: 'Restore' }).click();
  await timeline(page).getByLabel('Show deleted').uncheck();
  await expect(entry(page, 'Throttled the reindex job')).toHaveCount(1);
  await reloadApp(page);
  await expect(entry(page, 'Throttled the reindex job')).toHaveCount(1);
});

test('filters by kind, pinned only and search; /pin and Pin persist', async ({ page }) => {
  await openApp(page);
  await declare(page, { title: 'Queue backlog', severity: 'SEV2' });
  await logField(page).focus();
  await log(page, 'f: Consumer lag at 2 million');
  await log(page, 'd: Scale consumers to 40');
  await log(page, '/pin');
  await log(page, 'a: Scaled consumers');
  await entry(page, 'Scaled consumers').getByRole('button', { name: 'Pin' }).click();
  await expect(
    entry(page, 'Scaled consumers').getByRole('button', { name: 'Pin' }),
  ).toHaveAttribute('aria-pressed', 'true');
  // The visible text stays "Pin" when pressed (label in name); the state shows as a class.
  await expect(
    entry(page, 'Scaled consumers').getByRole('button', { name: 'Pin', exact: true }),
  ).toHaveText(/^\W*Pin$/);
  await expect(entry(page, 'Scaled consumers').getByRole('button', { name: 'Pin' })).toHaveClass(
    /tl-pin-on/,
  );
  await reloadApp(page);

  const panel = timeline(page);
  await panel.getByLabel('Kind').selectOption('finding');
  await expect(entries(page).getByRole('listitem')).toHaveCount(1);
  await expect(entry(page, 'Consumer lag at 2 million')).toHaveCount(1);
  await panel.getByLabel('Kind').selectOption('all');

  await panel.getByLabel('Pinned only').check();
  // The declared entry is pinned by the app; /pin pinned the decision; Pin pinned the action.
  await expect(entries(page).getByRole('listitem')).toHaveCount(3);
  await expect(entry(page, 'Scale consumers to 40')).toHaveCount(1);
  await expect(entry(page, 'Scaled consumers')).toHaveCount(1);
  await expect(entry(page, 'Consumer lag')).toHaveCount(0);
  await panel.getByLabel('Pinned only').uncheck();

  await panel.getByLabel('Search timeline').fill('CONSUMERS');
  await expect(entries(page).getByRole('listitem')).toHaveCount(2);
  await panel.getByLabel('Search timeline').fill('no such words');
  await expect(panel).toContainText('No entries match the filters.');
});

test('a bad command shows its usage and keeps the text; a 20,001-character paste is refused with the text kept', async ({
  page,
}) => {
  await openApp(page);
  await declare(page, { title: 'Login failures', severity: 'SEV1' });
  const field = logField(page);
  await field.focus();
  await page.keyboard.type('/sev 9 because');
  await page.keyboard.press('Enter');
  const alert = timeline(page).getByRole('alert');
  await expect(alert).toContainText('Give the new severity as 1–4');
  await expect(alert).toContainText('/sev <1-4> <reason>');
  await expect(field).toHaveValue('/sev 9 because');
  await expect(field).toBeFocused();

  await field.fill('/frobnicate now');
  await field.press('Enter');
  await expect(alert).toContainText('Unknown command "/frobnicate"');
  await expect(alert).toContainText('/status');
  await expect(field).toHaveValue('/frobnicate now');

  await field.fill('/status resolved');
  await field.press('Enter');
  await expect(alert).toContainText('Say in one line how it was resolved.');
  await expect(field).toHaveValue('/status resolved');
  // Once the text changes the refusal no longer applies: it goes, and the field is not marked.
  await field.press('End');
  await page.keyboard.type(' by');
  await expect(alert).toBeHidden();
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await field.fill('');
  await field.press('Enter');
  await expect(alert).toContainText('Nothing to log');
  await page.keyboard.type('n');
  await expect(alert).toBeHidden();

  await field.fill('/help');
  await field.press('Enter');
  await expect(timeline(page).getByRole('region', { name: 'Log commands' })).toContainText(
    '/comms <engineering|executives|customers>',
  );
  await expect(field).toHaveValue('');

  const long = 'x'.repeat(20_001);
  await field.fill(long);
  await expect(timeline(page).getByText('20,001 / 20,000 characters')).toBeVisible();
  await field.press('Enter');
  await expect(alert).toContainText('The entry is 20,001 characters; the limit is 20,000');
  await expect(field).toHaveValue(long);
  await reloadApp(page);
  await expect(entries(page).getByRole('listitem')).toHaveCount(1);
});

test('/comms logs the update and restarts that audience countdown', async ({ page }) => {
  await openApp(page);
  await declare(page, { title: 'Payments down', severity: 'SEV1' });
  await logField(page).focus();
  await log(page, '/comms executives Impact and ETA sent');
  const row = entry(page, 'Executives update sent: Impact and ETA sent');
  await expect(row).toContainText('Comms');
  await expect(row).toContainText('to Executives');
  await reloadApp(page);
  await expect(entry(page, 'Executives update sent')).toHaveCount(1);
});

// On a profile kept on disk: in the in-memory storage of a throwaway context the seeding of
// 50,000 rows alone took 37-60 s (see diskTest); with it the whole test took 49 s, on disk 10 s.
diskTest(
  'an incident with 50,000 entries opens at the latest entry with a small DOM, and scrolls',
  async ({ diskPage: page }) => {
    diskTest.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page);
    await declare(page, { title: 'Huge timeline', severity: 'SEV3' });
    const id = decodeURIComponent(/incidents\/([^/?#]+)/.exec(page.url())?.[1] ?? '');
    await page.evaluate(async (incidentId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('warroom');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const tx = db.transaction('timelineEntries', 'readwrite');
      const store = tx.objectStore('timelineEntries');
      // Every seeded entry an hour or more before now, so before the declaration's entry however
      // long the machine took between declaring and seeding (a busy CI run took over a second,
      // and the last seeded entries then sorted after "Declared").
      const start = Date.now() - 50_000 * 1000 - 3_600_000;
      for (let i = 0; i < 50_000; i += 1)
        store.put({
          id: `seed-${String(i).padStart(6, '0')}`,
          incidentId,
          kind: i % 7 === 0 ? 'finding' : 'note',
          text: i % 50 === 0 ? `Seeded entry ${i}\nwith a second line` : `Seeded entry ${i}`,
          occurredAt: start + i * 1000,
          loggedAt: start + i * 1000,
          author: i % 2 ? 'Sam' : 'Alice',
          pinned: false,
          deletedAt: null,
          revisions: [],
          change: null,
          audience: null,
        });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, id);

    await reloadApp(page);
    const list = entries(page);
    await expect(list.getByRole('listitem').last()).toContainText('Huge timeline');
    await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '50001');
    // Only the rows in view (plus a few) are in the DOM: the pane fills the console's height, so
    // that is a screenful of one-line rows, not 50,000 of them.
    const nodes = await list.evaluate((el) => el.querySelectorAll('*').length);
    expect(nodes).toBeLessThan(450);

    // Scrolling up stops following and offers "Jump to latest"; new entries do not pull it down.
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    const jump = timeline(page).getByRole('button', { name: 'Jump to latest' });
    await expect(jump).toBeVisible();
    await expect(list.getByRole('listitem').first()).toContainText('Seeded entry');
    expect(await list.evaluate((el) => el.querySelectorAll('*').length)).toBeLessThan(450);
    await logField(page).fill('Logged while reading the middle');
    await logField(page).press('Enter');
    await expect(logField(page)).toHaveValue('');
    await expect(jump).toBeVisible();
    await jump.click();
    await expect(list.getByRole('listitem').last()).toContainText(
      'Logged while reading the middle',
    );
  },
);

test('a timeline the storage cannot read says so, keeps the field usable, and Read again shows it', async ({
  page,
}) => {
  // While the `failTimelineReads` flag is set (kept across the reload), reading timeline entries
  // fails as a damaged disk would.
  await page.addInitScript(() => {
    for (const proto of [IDBIndex.prototype, IDBObjectStore.prototype]) {
      for (const method of ['getAll', 'openCursor'] as const) {
        const original = Object.getOwnPropertyDescriptor(proto, method)?.value as (
          this: IDBIndex | IDBObjectStore,
          ...args: unknown[]
        ) => IDBRequest;
        Object.defineProperty(proto, method, {
          configurable: true,
          value(this: IDBIndex | IDBObjectStore, ...args: unknown[]) {
            const store = 'objectStore' in this ? this.objectStore : this;
            if (
              store.name === 'timelineEntries' &&
              localStorage.getItem('failTimelineReads') === '1'
            )
              throw new DOMException('Internal error reading the backing store.', 'UnknownError');
            return original.apply(this, args);
          },
        });
      }
    }
  });
  await openApp(page);
  await declare(page, { title: 'Disk errors on db-3', severity: 'SEV3' });
  await logField(page).focus();
  await log(page, 'f: fsck reports bad sectors');
  const url = page.url();
  await page.evaluate(() => localStorage.setItem('failTimelineReads', '1'));
  await page.goto('about:blank');
  await page.goto(url);

  const problem = timeline(page).getByRole('alert');
  await expect(problem).toContainText('The timeline could not be read');
  // What the scribe types is still kept: the field works while the record cannot be shown.
  await expect(logField(page)).toBeEditable();
  await timeline(page).screenshot({ path: test.info().outputPath('timeline-read-error.png') });

  await page.evaluate(() => localStorage.removeItem('failTimelineReads'));
  await timeline(page).getByRole('button', { name: 'Read again' }).click();
  await expect(problem).toHaveCount(0);
  await expect(entry(page, 'fsck reports bad sectors')).toContainText('Finding');
});
