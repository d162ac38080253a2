import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportAll } from '../../db/repo/backup';
import { declareIncident } from '../../db/repo/incidents';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { NOW } from '../../db/testing';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import type { Platform } from '../../platform';
import { PlatformProvider } from '../../platform/platform-context';
import { AutoBackup } from './auto-backup';
import { BackupSection } from './backup-section';

let db: WarroomDb;
let source: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  source = await freshDb();
});
afterEach(() => unmountThenClose(db, source));

/** A desktop-like platform whose automatic backups live in a map. */
function fakePlatform(files: Map<string, string>) {
  let request: (() => void) | undefined;
  const writeAutoBackup = vi.fn((content: string, _opts?: { force?: boolean }) => {
    files.set(`warroom-${files.size}.json`, content);
    return Promise.resolve({ ok: true as const, value: { written: true } });
  });
  const platform = {
    kind: 'electron',
    saveFile: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { saved: true, path: 'x' } }),
    ),
    listAutoBackups: () =>
      Promise.resolve({
        ok: true as const,
        value: [...files.keys()].map((name, i) => ({ name, at: NOW - i * 86_400_000, size: 2048 })),
      }),
    readAutoBackup: (name: string) =>
      Promise.resolve({ ok: true as const, value: files.get(name) ?? '' }),
    writeAutoBackup,
    onBackupRequest: (listener: () => void) => {
      request = listener;
      return () => (request = undefined);
    },
  } as unknown as Platform;
  return { platform, writeAutoBackup, ask: () => request?.() };
}

function renderWith(platform: Platform, ui: React.ReactNode) {
  return renderWithDb(db, <PlatformProvider platform={platform}>{ui}</PlatformProvider>);
}

describe('BackupSection', () => {
  it('refuses a broken file with the path of its first problem, writing nothing', async () => {
    const user = userEvent.setup();
    renderWith(fakePlatform(new Map()).platform, <BackupSection />);
    const backup = await exportAll(source, { appVersion: 't', now: NOW });
    const broken = { ...backup, tables: { ...backup.tables, people: [{ id: 'p', name: 3 }] } };
    await user.upload(
      screen.getByLabelText('Backup file'),
      new File([JSON.stringify(broken)], 'b.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('tables.people[0].name');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await db.people.count()).toBe(0);
  });

  it('restores from an automatic backup through the same review', async () => {
    const user = userEvent.setup();
    await declareIncident(
      source,
      { title: 'Restored one', severity: 'SEV3', startedAt: NOW },
      { now: NOW, author: 'A' },
    );
    const files = new Map([
      ['warroom-a.json', JSON.stringify(await exportAll(source, { appVersion: 't', now: NOW }))],
    ]);
    renderWith(fakePlatform(files).platform, <BackupSection />);
    await user.click(await screen.findByRole('button', { name: /^Restore backup of/ }));
    expect(await screen.findByRole('group', { name: 'Backup contents' })).toHaveTextContent(
      'Incidents: 1',
    );
    await user.click(screen.getByLabelText('Replace'));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Incidents: 1 added, 0 replaced, 0 skipped',
    );
    expect((await db.incidents.toArray()).map((i) => i.title)).toEqual(['Restored one']);
  });
});

describe('AutoBackup', () => {
  it('offers a backup at start and a forced one when main asks before closing', async () => {
    const fake = fakePlatform(new Map());
    renderWith(fake.platform, <AutoBackup />);
    await waitFor(() => expect(fake.writeAutoBackup).toHaveBeenCalledTimes(1));
    expect(fake.writeAutoBackup.mock.calls[0]?.[1]).toEqual({ force: false });
    fake.ask();
    await waitFor(() => expect(fake.writeAutoBackup).toHaveBeenCalledTimes(2));
    expect(fake.writeAutoBackup.mock.calls[1]?.[1]).toEqual({ force: true });
    expect(JSON.parse(fake.writeAutoBackup.mock.calls[1]?.[0] ?? '')).toMatchObject({
      format: 'warroom-backup',
    });
  });
});
