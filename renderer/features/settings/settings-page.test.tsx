import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAll } from '../../db/repo/backup';
import { saveSetting } from '../../db/repo/settings';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { NOW } from '../../db/testing';
import { renderWithDb } from '../../db/testing-render';
import { createBrowserPlatform } from '../../platform/browser';
import { PlatformProvider } from '../../platform/platform-context';
import { SettingsPage } from './settings-page';

let db: WarroomDb;
let source: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  source = await freshDb();
});
afterEach(() => {
  db.close();
  source.close();
});

function renderPage() {
  return renderWithDb(
    db,
    <PlatformProvider platform={createBrowserPlatform(window)}>
      <SettingsPage />
    </PlatformProvider>,
  );
}

async function storedRows(): Promise<Record<string, unknown>> {
  return Object.fromEntries((await db.settings.toArray()).map((r) => [r.key, r.value]));
}

describe('SettingsPage', () => {
  it('after Import backup the form shows the restored name, and focusing and leaving it keeps it', async () => {
    const user = userEvent.setup();
    await saveSetting(db, 'me', 'Dana (old)');
    await saveSetting(source, 'me', 'Priya Raman');
    await saveSetting(source, 'hypothesisTimeboxMinutes', 25);
    const file = JSON.stringify(await exportAll(source, { appVersion: 't', now: NOW }));
    renderPage();
    const name = await screen.findByLabelText('Your name');
    await waitFor(() => expect(name).toHaveValue('Dana (old)'));

    await user.upload(
      screen.getByLabelText('Backup file'),
      new File([file], 'b.json', { type: 'application/json' }),
    );
    await user.click(await screen.findByLabelText('Replace'));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Settings: 1 added, 1 replaced, 0 skipped',
    );
    await waitFor(() => expect(name).toHaveValue('Priya Raman'));
    expect(screen.getByLabelText('Hypothesis timebox (minutes)')).toHaveValue('25');

    await user.click(name);
    await user.click(screen.getByLabelText('Hypothesis timebox (minutes)'));
    await user.tab();
    expect(await storedRows()).toEqual({ me: 'Priya Raman', hypothesisTimeboxMinutes: 25 });
  });

  it('follows a change made in another window to a field the user did not touch', async () => {
    const user = userEvent.setup();
    renderPage();
    const cadence = await screen.findByLabelText('SEV2 update cadence');
    await waitFor(() => expect(cadence).toHaveValue('30'));
    await saveSetting(db, 'cadenceMinutes', { SEV1: 15, SEV2: 45, SEV3: 60, SEV4: 240 });
    await waitFor(() => expect(cadence).toHaveValue('45'));
    await user.click(cadence);
    await user.tab();
    expect((await storedRows()).cadenceMinutes).toEqual({
      SEV1: 15,
      SEV2: 45,
      SEV3: 60,
      SEV4: 240,
    });
  });

  it('saves only the field the user changed, with the others as stored now', async () => {
    const user = userEvent.setup();
    renderPage();
    const name = await screen.findByLabelText('Your name');
    await user.type(name, 'Sam Lee');
    await user.tab();
    await waitFor(async () => expect(await storedRows()).toEqual({ me: 'Sam Lee' }));
    // Another window changes SEV1's cadence; editing SEV3 here keeps SEV1's new value.
    await saveSetting(db, 'cadenceMinutes', { SEV1: 10, SEV2: 30, SEV3: 60, SEV4: 240 });
    const sev3 = screen.getByLabelText('SEV3 update cadence');
    await waitFor(() => expect(screen.getByLabelText('SEV1 update cadence')).toHaveValue('10'));
    await user.clear(sev3);
    await user.type(sev3, '90');
    await user.tab();
    await waitFor(async () =>
      expect((await storedRows()).cadenceMinutes).toEqual({
        SEV1: 10,
        SEV2: 30,
        SEV3: 90,
        SEV4: 240,
      }),
    );
    expect(sev3).toHaveValue('90');
  });

  it('keeps what the user is typing when the store changes under it, and saves their text', async () => {
    const user = userEvent.setup();
    await saveSetting(db, 'me', 'Old');
    renderPage();
    const name = await screen.findByLabelText('Your name');
    await waitFor(() => expect(name).toHaveValue('Old'));
    await user.clear(name);
    await user.type(name, 'Mine');
    await saveSetting(db, 'me', 'Theirs');
    // Give the live query a chance to answer: the typed text stays.
    await waitFor(async () => expect((await db.settings.get('me'))?.value).toBe('Theirs'));
    expect(name).toHaveValue('Mine');
    await user.tab();
    await waitFor(async () => expect((await db.settings.get('me'))?.value).toBe('Mine'));
  });

  it.each([
    ['Hypothesis timebox (minutes)', '0', '"0" is out of range.'],
    ['Hypothesis timebox (minutes)', '1e5', '"1e5" is not a number.'],
    ['SEV1 update cadence', '100000000', '"100000000" is out of range.'],
    ['SEV1 update cadence', '1e9', '"1e9" is not a number.'],
    ['SEV4 update cadence', '1441', '"1441" is out of range.'],
    ['SEV2 update cadence', '2.5', '"2.5" is not a whole number.'],
    ['Nudge after the same Incident Commander for (hours)', '25', '"25" is out of range.'],
  ])(
    'refuses %s = %j next to the field, keeping the text and writing nothing',
    async (label, typed, words) => {
      const user = userEvent.setup();
      renderPage();
      const field = await screen.findByLabelText(label);
      await user.clear(field);
      await user.type(field, typed);
      await user.tab();
      expect(await screen.findByText(new RegExp(`^${words.replace(/[.]/g, '\\.')}`))).toBeVisible();
      expect(field).toHaveValue(typed);
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(await storedRows()).toEqual({});
    },
  );
});
