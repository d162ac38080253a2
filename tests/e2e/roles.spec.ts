import { expect, test, type Page } from '@playwright/test';
import { declare, openApp, reloadApp, setStatus } from './support';

const BANNER = 'Assign an Incident Commander and a Scribe before troubleshooting';

function roles(page: Page) {
  return page.getByRole('region', { name: 'Roles' });
}

function role(page: Page, name: string) {
  return roles(page).getByRole('group', { name, exact: true });
}

/** Types a name into the focused Person field and confirms with Enter. */
async function typeAndConfirm(page: Page, group: string, person: string): Promise<void> {
  await expect(role(page, group).getByLabel('Person')).toBeFocused();
  await page.keyboard.type(person);
  await page.keyboard.press('Enter');
  await expect(role(page, group)).toContainText(person);
  // Focus goes back to the card's button, now "Hand off".
  await expect(role(page, group).getByRole('button', { name: 'Hand off' })).toBeFocused();
}

test('assign IC, Scribe and Technical Lead by keyboard, hand off IC with a note, and see it everywhere', async ({
  page,
  context,
}) => {
  await openApp(page);
  await declare(page, { title: 'Checkout API errors', severity: 'SEV2' });
  const url = page.url();

  for (const name of ['Incident Commander', 'Communications Lead', 'Technical Lead', 'Scribe']) {
    await expect(role(page, name)).toContainText('Unassigned');
  }
  await expect(role(page, 'Incident Commander')).toContainText('Owns the timeline and decisions');
  await expect(roles(page).getByRole('status')).toContainText(BANNER);

  // Incident Commander: focus the button, Enter, the name, Enter.
  await role(page, 'Incident Commander').getByRole('button', { name: 'Assign' }).focus();
  await page.keyboard.press('Enter');
  await typeAndConfirm(page, 'Incident Commander', 'Alice');
  await expect(role(page, 'Incident Commander')).toContainText(/for (\d+ min( \d+ s)?|\d+ s)/);
  // Still no Scribe: the banner stays.
  await expect(roles(page).getByRole('status')).toContainText(BANNER);
  await expect(roles(page).getByRole('status')).toContainText('missing: Scribe');

  // Technical Lead: Tab past IC's Release and the Communications Lead card.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Release Alice' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    role(page, 'Communications Lead').getByRole('button', { name: 'Assign' }),
  ).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(role(page, 'Technical Lead').getByRole('button', { name: 'Assign' })).toBeFocused();
  await page.keyboard.press('Enter');
  await typeAndConfirm(page, 'Technical Lead', 'Tariq');

  // Scribe: Escape first cancels and returns focus; an empty name is refused in place.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const scribeAssign = role(page, 'Scribe').getByRole('button', { name: 'Assign' });
  await expect(scribeAssign).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(role(page, 'Scribe').getByLabel('Person')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(scribeAssign).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const person = role(page, 'Scribe').getByLabel('Person');
  await expect(person).toHaveAttribute('aria-invalid', 'true');
  await expect(person).toHaveAccessibleDescription(/Type the name/);
  await expect(role(page, 'Scribe')).toContainText('Unassigned');
  await typeAndConfirm(page, 'Scribe', 'Sam');
  await expect(roles(page).getByRole('status')).not.toContainText(BANNER);

  // Second window on the same incident, before the handoff.
  const other = await context.newPage();
  await openApp(other, url);
  await expect(role(other, 'Incident Commander')).toContainText('Alice');

  // Suggestions carry names used before, most recent first.
  await role(page, 'Incident Commander').getByRole('button', { name: 'Hand off' }).focus();
  await page.keyboard.press('Enter');
  const icPerson = role(page, 'Incident Commander').getByLabel('Person');
  await expect(icPerson).toBeFocused();
  const listId = await icPerson.getAttribute('list');
  const options = page.locator(`datalist[id="${listId}"] option`);
  await expect(options).toHaveCount(3);
  expect(
    await options.evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value)),
  ).toEqual(['Sam', 'Tariq', 'Alice']);

  // Hand off with a note: Tab into the note field, then Enter confirms.
  await page.keyboard.type('Bob');
  await page.keyboard.press('Tab');
  await expect(role(page, 'Incident Commander').getByLabel('Handoff note')).toBeFocused();
  await page.keyboard.type('2 hypotheses open, exec update due 14:45');
  await page.keyboard.press('Enter');

  const expectHandedOff = async (p: Page) => {
    const ic = role(p, 'Incident Commander');
    await expect(ic).toContainText('Bob');
    await expect(ic).not.toContainText('Alice');
    await expect(ic).toContainText('Handoff note: 2 hypotheses open, exec update due 14:45');
    await expect(role(p, 'Scribe')).toContainText('Sam');
    await expect(role(p, 'Technical Lead')).toContainText('Tariq');
    await expect(p.getByRole('list', { name: 'Timeline entries' })).toContainText(
      'Incident Commander: Alice → Bob — note: 2 hypotheses open, exec update due 14:45',
    );
  };
  await expectHandedOff(page);
  // The other window saw it live, without a reload.
  await expectHandedOff(other);

  await reloadApp(page);
  await expectHandedOff(page);
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(
    'Incident Commander: Alice',
  );
  await expect(roles(page).getByRole('status')).not.toContainText(BANNER);

  // History keeps both IC tenures.
  await roles(page).getByText('History').click();
  const history = roles(page).getByRole('table', { name: 'Role assignment history' });
  await expect(history.getByRole('row', { name: /Incident Commander Alice/ })).toBeVisible();
  await expect(history.getByRole('row', { name: /Incident Commander Bob/ })).toContainText(
    '2 hypotheses open',
  );
});

test('release a role, add several experts and a custom role, all persisted', async ({ page }) => {
  await openApp(page);
  await declare(page, { title: 'Search latency', severity: 'SEV3' });

  const scribe = role(page, 'Scribe');
  await scribe.getByRole('button', { name: 'Assign' }).click();
  await scribe.getByLabel('Person').fill('Alice');
  await scribe.getByRole('button', { name: 'Assign' }).click();
  await expect(scribe).toContainText('Alice');
  await scribe.getByRole('button', { name: 'Release Alice' }).click();
  await expect(scribe).toContainText('Unassigned');
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(
    'Scribe: Alice → Unassigned',
  );

  // Same person twice is refused, next to the field.
  const ic = role(page, 'Incident Commander');
  await ic.getByRole('button', { name: 'Assign' }).click();
  await ic.getByLabel('Person').fill('Dana');
  await ic.getByLabel('Person').press('Enter');
  await ic.getByRole('button', { name: 'Hand off' }).click();
  await ic.getByLabel('Person').fill('dana');
  await ic.getByLabel('Person').press('Enter');
  await expect(ic.getByLabel('Person')).toHaveAccessibleDescription(
    'Dana already holds Incident Commander.',
  );
  await expect(ic.getByLabel('Person')).toHaveValue('dana');
  await ic.getByRole('button', { name: 'Cancel' }).click();

  // Unheld optional roles fold into one line ("Add Deputy, Subject Matter Expert, …"): open it.
  await roles(page)
    .getByText(/^Add Deputy, Subject Matter Expert/)
    .click();
  const sme = role(page, 'Subject Matter Expert');
  for (const name of ['Carol', 'Eve']) {
    await sme.getByRole('button', { name: 'Assign' }).click();
    await sme.getByLabel('Person').fill(name);
    await sme.getByLabel('Person').press('Enter');
    await expect(sme).toContainText(name);
  }

  await roles(page).getByRole('button', { name: 'Add role' }).click();
  await roles(page).getByLabel('Role name').press('Enter');
  await expect(roles(page).getByLabel('Role name')).toHaveAccessibleDescription(/name/);
  await roles(page).getByLabel('Role name').fill('Security Lead');
  await roles(page).getByLabel('Role name').press('Enter');
  const security = role(page, 'Security Lead');
  await expect(security).toContainText('Unassigned');
  await expect(roles(page).getByRole('button', { name: 'Add role' })).toBeFocused();

  await reloadApp(page);
  await expect(role(page, 'Security Lead')).toContainText('Unassigned');
  await expect(role(page, 'Subject Matter Expert')).toContainText('Carol');
  await expect(role(page, 'Subject Matter Expert')).toContainText('Eve');
  await expect(role(page, 'Scribe')).toContainText('Unassigned');
  await expect(roles(page).getByRole('status')).toContainText(BANNER);
  await role(page, 'Security Lead').getByRole('button', { name: 'Assign' }).click();
  await role(page, 'Security Lead').getByLabel('Person').fill('Finn');
  await role(page, 'Security Lead').getByLabel('Person').press('Enter');
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(
    'Security Lead: Finn',
  );
});

test('nudges a handoff when the same person has been IC longer than the setting', async ({
  page,
}) => {
  await page.clock.install();
  await openApp(page);
  await declare(page, { title: 'Long night', severity: 'SEV1' });
  const ic = role(page, 'Incident Commander');
  await ic.getByRole('button', { name: 'Assign' }).click();
  await ic.getByLabel('Person').fill('Alice');
  await ic.getByLabel('Person').press('Enter');
  await expect(ic).toContainText('Alice');

  await page.clock.fastForward('03:59:00');
  await expect(ic).toContainText('for 3 h 59 min');
  await expect(roles(page)).not.toContainText('consider a handoff');
  await page.clock.fastForward('00:11:00');
  await expect(roles(page).getByRole('status')).toContainText(
    'Alice has been Incident Commander for 4 h 10 min — consider a handoff',
  );

  await ic.getByRole('button', { name: 'Hand off' }).click();
  await ic.getByLabel('Person').fill('Bob');
  await ic.getByLabel('Person').press('Enter');
  await expect(ic).toContainText('Bob');
  await expect(roles(page)).not.toContainText('consider a handoff');
});

test('the handoff nudge and the staffing banner stop once the incident is resolved', async ({
  page,
}) => {
  await page.clock.install();
  await openApp(page);
  await declare(page, { title: 'Week-long restore', severity: 'SEV2' });
  const ic = role(page, 'Incident Commander');
  await ic.getByRole('button', { name: 'Assign' }).click();
  await ic.getByLabel('Person').fill('Alice');
  await ic.getByLabel('Person').press('Enter');
  await expect(ic).toContainText('Alice');
  await page.clock.fastForward('05:00:00');
  await expect(roles(page).getByRole('status')).toContainText('consider a handoff');
  await expect(roles(page).getByRole('status')).toContainText(BANNER);

  await setStatus(page, 'resolved');
  const dialog = page.getByRole('dialog', { name: 'Resolve incident' });
  await dialog.getByLabel('Resolution summary').fill('Restored from backup');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toBeHidden();
  await expect(roles(page)).not.toContainText('consider a handoff');
  await expect(roles(page)).not.toContainText(BANNER);
  // A week later, after a reload, still quiet.
  await page.clock.fastForward(7 * 24 * 60 * 60_000);
  await reloadApp(page);
  await expect(ic).toContainText('Alice');
  await expect(roles(page)).not.toContainText('consider a handoff');
});
