import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  app: { getPath: vi.fn(() => '/nowhere'), on: vi.fn(), quit: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => null), getAllWindows: vi.fn(() => []) },
  dialog: { showSaveDialog: vi.fn() },
}));
vi.mock('electron', () => electron);

import {
  MAX_BACKUP_FILE_BYTES,
  autoBackupName,
  autoBackupsToPrune,
  isAutoBackupDue,
  parseAutoBackupName,
  readAutoBackup,
  registerBackupHandlers,
  writeAutoBackup,
} from './backup';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 22, 14, 5, 9);
const BACKUP = JSON.stringify({ format: 'warroom-backup', tables: {} });

describe('names', () => {
  it('encodes the UTC time and parses it back; anything else is not ours', () => {
    expect(autoBackupName(T0)).toBe('warroom-2026-11-22T14-05-09Z.json');
    expect(parseAutoBackupName(autoBackupName(T0))).toBe(T0);
    for (const bad of [
      '../warroom-2026-11-22T14-05-09Z.json',
      'warroom-2026-11-22T14-05-09Z.json.tmp',
      'warroom-2026-13-40T14-05-09Z.json',
      'notes.txt',
    ])
      expect(parseAutoBackupName(bad)).toBeNull();
  });
});

describe('retention', () => {
  it('is due once per UTC day', () => {
    expect(isAutoBackupDue([], T0)).toBe(true);
    expect(isAutoBackupDue([autoBackupName(T0 - 3600_000)], T0)).toBe(false);
    expect(isAutoBackupDue([autoBackupName(T0 - DAY)], T0)).toBe(true);
    expect(isAutoBackupDue(['unrelated.json'], T0)).toBe(true);
  });

  it('keeps the newest of each day, and the newest 7 days', () => {
    const names = Array.from({ length: 10 }, (_, i) => autoBackupName(T0 - i * DAY));
    const sameDayEarlier = autoBackupName(T0 - 3600_000);
    const prune = autoBackupsToPrune([...names, sameDayEarlier, 'mine.txt']);
    expect(prune.sort()).toEqual([...names.slice(7), sameDayEarlier].sort());
  });
});

describe('files', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'warroom-backup-')), 'backups');
  });

  it('writes at most one a day unless forced, and keeps 7 after 10 days', async () => {
    expect((await writeAutoBackup(dir, BACKUP, false, T0)).written).toBe(true);
    expect((await writeAutoBackup(dir, BACKUP, false, T0 + 1000)).written).toBe(false);
    expect((await writeAutoBackup(dir, BACKUP, true, T0 + 2000)).written).toBe(true);
    // The forced one superseded the morning's.
    expect(readdirSync(dir)).toEqual([autoBackupName(T0 + 2000)]);
    for (let i = 1; i <= 9; i++) await writeAutoBackup(dir, BACKUP, false, T0 + i * DAY);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(7);
    expect(left[0]).toBe(autoBackupName(T0 + 3 * DAY));
    expect(readFileSync(path.join(dir, left[6]!), 'utf8')).toBe(BACKUP);
  });

  it.each(['{"x":1}', '[1]', 'null', '{"format":"warroom-backup"', 'not json'])(
    'refuses content that is not a backup: %j',
    async (content) => {
      await expect(writeAutoBackup(dir, content, true, T0)).rejects.toThrow(/not a Warroom/);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'writes backups owner-only: file 0600 in a 0700 folder',
    async () => {
      await writeAutoBackup(dir, BACKUP, true, T0);
      expect(statSync(path.join(dir, autoBackupName(T0))).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    },
  );

  it('checks a large backup off the main thread: never JSON.parse on the event loop', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `e${i}`, text: 'x'.repeat(60) }));
    const big = JSON.stringify({ format: 'warroom-backup', tables: { entries: rows } });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await expect(writeAutoBackup(dir, big, true, T0)).resolves.toMatchObject({ written: true });
      // The worker thread has its own JSON; the main thread's never saw the backup.
      expect(parse.mock.calls.filter(([text]) => text === big)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect(readFileSync(path.join(dir, autoBackupName(T0)), 'utf8')).toBe(big);
  });

  it('refuses to read back a file larger than any backup', async () => {
    await writeAutoBackup(dir, BACKUP, false, T0);
    // A sparse file: huge on paper, nothing on disk.
    truncateSync(path.join(dir, autoBackupName(T0)), MAX_BACKUP_FILE_BYTES + 1);
    await expect(readAutoBackup(dir, autoBackupName(T0))).rejects.toThrow(/larger than any/);
  });

  it('reads only listed backups by name, never another path', async () => {
    await writeAutoBackup(dir, BACKUP, false, T0);
    writeFileSync(path.join(dir, '..', 'secret.json'), 'nope');
    await expect(readAutoBackup(dir, autoBackupName(T0))).resolves.toBe(BACKUP);
    await expect(readAutoBackup(dir, '../secret.json')).rejects.toThrow(/no such/);
    await expect(readAutoBackup(dir, autoBackupName(T0 - DAY))).rejects.toThrow(/no such/);
  });
});

describe('IPC handlers', () => {
  type Listener = (event: unknown, payload: unknown) => Promise<unknown>;
  const listeners = new Map<string, Listener>();
  const trusted = { senderFrame: { url: 'app://warroom/index.html' }, sender: { id: 1 } };
  const untrusted = { senderFrame: { url: 'https://evil.example/' }, sender: { id: 2 } };
  let userData: string;

  beforeEach(() => {
    userData = mkdtempSync(path.join(tmpdir(), 'warroom-userdata-'));
    electron.app.getPath.mockImplementation(() => userData);
    electron.ipcMain.handle.mockReset();
    registerBackupHandlers(() => T0);
    for (const [channel, listener] of electron.ipcMain.handle.mock.calls as unknown as [
      string,
      Listener,
    ][])
      listeners.set(channel, listener);
  });

  it('rejects untrusted senders and writes nothing', async () => {
    const write = listeners.get('backup:write-auto')!;
    await expect(write(untrusted, { content: BACKUP })).resolves.toMatchObject({ ok: false });
    await expect(listeners.get('backup:list-auto')!(untrusted, {})).resolves.toMatchObject({
      ok: false,
    });
    await expect(write(trusted, { content: BACKUP })).resolves.toEqual({
      ok: true,
      value: { written: true, name: autoBackupName(T0) },
    });
    await expect(listeners.get('backup:list-auto')!(trusted, {})).resolves.toEqual({
      ok: true,
      value: [{ name: autoBackupName(T0), at: T0, size: BACKUP.length }],
    });
    await expect(
      listeners.get('backup:read-auto')!(trusted, { name: '../../etc/passwd' }),
    ).resolves.toMatchObject({ ok: false });
  });
});
