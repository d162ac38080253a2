import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  app: { getPath: vi.fn((_name: string) => '/home/user/Documents') },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  dialog: { showSaveDialog: vi.fn() },
}));
vi.mock('electron', () => electron);

import { MAX_DOCUMENT_CHARS } from '../../../shared/ipc/contract';
import { ensureMarkdownExtension, registerExportHandlers, sanitizeFileName } from './export';

describe('sanitizeFileName', () => {
  it.each([
    ['INC-42 Checkout errors.md', 'INC-42 Checkout errors.md'],
    ['INC-42 Checkout errors', 'INC-42 Checkout errors.md'],
    ['report.MARKDOWN', 'report.md'],
    ['../../etc/passwd', 'passwd.md'],
    ['..\\..\\Windows\\win.ini', 'win.ini.md'],
    ['/abs/path/notes.md', 'notes.md'],
    ['a<b>c:d"e|f?g*h.md', 'a-b-c-d-e-f-g-h.md'],
    ['tab\there\nnewline', 'tab-here-newline.md'],
    ['.hidden', 'hidden.md'],
    ['...', 'incident.md'],
    ['   ', 'incident.md'],
    ['/', 'incident.md'],
    ['trailing dots...', 'trailing dots.md'],
    ['CON', 'CON-export.md'],
    ['lpt1.md', 'lpt1-export.md'],
    ['nul.txt', 'nul.txt-export.md'],
    ['Console log', 'Console log.md'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('caps the length', () => {
    const name = sanitizeFileName('x'.repeat(255));
    expect(name.length).toBeLessThanOrEqual(123);
    expect(name.endsWith('.md')).toBe(true);
  });
});

describe('ensureMarkdownExtension', () => {
  it.each([
    ['/tmp/report', '/tmp/report.md'],
    ['/tmp/report.md', '/tmp/report.md'],
    ['/tmp/report.txt', '/tmp/report.txt'],
    ['/tmp/v1.2/report', '/tmp/v1.2/report.md'],
  ])('%s → %s', (input, expected) => {
    expect(ensureMarkdownExtension(input)).toBe(expected);
  });
});

describe('export:save-markdown', () => {
  type Listener = (event: unknown, payload: unknown) => Promise<unknown>;
  const trusted = { senderFrame: { url: 'app://warroom/index.html' }, sender: {} };
  let listener: Listener;
  let dir: string;

  beforeEach(() => {
    electron.ipcMain.handle.mockReset();
    electron.dialog.showSaveDialog.mockReset();
    registerExportHandlers();
    listener = electron.ipcMain.handle.mock.calls[0]?.[1] as Listener;
    dir = mkdtempSync(path.join(tmpdir(), 'warroom-export-'));
  });

  it('suggests a sanitized name in Documents and writes the chosen file atomically', async () => {
    const chosen = path.join(dir, 'INC-7');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    const result = await listener(trusted, { fileName: '../INC-7: outage', content: '# INC-7\n' });
    expect(result).toEqual({ ok: true, value: { saved: true, path: `${chosen}.md` } });
    expect(readFileSync(`${chosen}.md`, 'utf8')).toBe('# INC-7\n');
    expect(readdirSync(dir)).toEqual(['INC-7.md']);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join('/home/user/Documents', 'INC-7- outage.md'),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      }),
    );
  });

  it('reports a cancelled dialog as not saved', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(listener(trusted, { fileName: 'a.md', content: 'x' })).resolves.toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
  });

  it('returns an error result when the write fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const chosen = path.join(dir, 'missing-folder', 'a.md');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    const result = (await listener(trusted, { fileName: 'a.md', content: 'x' })) as {
      ok: boolean;
      error: string;
    };
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^export:save-markdown failed: ENOENT/);
  });
});

describe('export:save-file (the same save path as Markdown)', () => {
  type Listener = (event: unknown, payload: unknown) => Promise<unknown>;
  const trusted = { senderFrame: { url: 'app://warroom/index.html' }, sender: {} };
  let listeners: Map<string, Listener>;
  let dir: string;

  beforeEach(() => {
    electron.ipcMain.handle.mockReset();
    electron.dialog.showSaveDialog.mockReset();
    electron.app.getPath.mockImplementation(() => '/home/user/Documents');
    registerExportHandlers();
    listeners = new Map(
      electron.ipcMain.handle.mock.calls.map(([c, l]) => [c as string, l as Listener]),
    );
    dir = mkdtempSync(path.join(tmpdir(), 'warroom-save-'));
  });

  it.each([
    [
      'application/json',
      'warroom-backup-2026-11-22.json',
      'warroom-backup-2026-11-22.json',
      'JSON',
    ],
    ['text/markdown', 'INC-7.md', 'INC-7.md', 'Markdown'],
    ['text/plain', '../INC-7 update.txt', 'INC-7 update.txt', 'Text'],
  ])('%s: suggests %j as %j with the %s filter', async (mime, fileName, suggested, filter) => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await listeners.get('export:save-file')!(trusted, { fileName, content: '{}', mime });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join('/home/user/Documents', suggested),
        filters: [expect.objectContaining({ name: filter })],
      }),
    );
  });

  it.each(['export:save-file', 'export:save-markdown'])(
    '%s starts in the home folder when there is no Documents folder',
    async (channel) => {
      electron.app.getPath.mockImplementation((name: string) => {
        if (name === 'documents') throw new Error('Failed to get documents path');
        return '/home/user';
      });
      electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
      const result = await listeners.get(channel)!(trusted, {
        fileName: 'INC-7',
        content: '# x',
        mime: 'text/markdown',
      });
      expect(result).toEqual({ ok: true, value: { saved: false, path: null } });
      expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
        expect.objectContaining({ defaultPath: path.join('/home/user', 'INC-7.md') }),
      );
    },
  );

  it.skipIf(process.platform === 'win32')(
    'writes a saved backup owner-only (0600) and a document 0644 less the umask',
    async () => {
      electron.dialog.showSaveDialog.mockResolvedValueOnce({
        canceled: false,
        filePath: path.join(dir, 'backup'),
      });
      await expect(
        listeners.get('export:save-file')!(trusted, {
          fileName: 'backup.json',
          content: '{"format":"warroom-backup"}',
          mime: 'application/json',
        }),
      ).resolves.toEqual({ ok: true, value: { saved: true, path: path.join(dir, 'backup.json') } });
      expect(statSync(path.join(dir, 'backup.json')).mode & 0o777).toBe(0o600);

      electron.dialog.showSaveDialog.mockResolvedValueOnce({
        canceled: false,
        filePath: path.join(dir, 'update.txt'),
      });
      await listeners.get('export:save-file')!(trusted, {
        fileName: 'update.txt',
        content: 'x',
        mime: 'text/plain',
      });
      expect(statSync(path.join(dir, 'update.txt')).mode & 0o777).toBe(0o644 & ~process.umask());
    },
  );

  it('refuses a document larger than the document bound, even as a "file"', async () => {
    const result = (await listeners.get('export:save-file')!(trusted, {
      fileName: 'a.txt',
      content: 'x'.repeat(MAX_DOCUMENT_CHARS + 1),
      mime: 'text/plain',
    })) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
