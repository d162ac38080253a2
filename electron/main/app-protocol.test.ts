import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
  net: { fetch: vi.fn() },
}));
vi.mock('electron', () => electron);

import {
  APP_ENTRY_URL,
  contentTypeFor,
  registerAppProtocol,
  registerAppSchemeAsPrivileged,
  resolveAppPath,
} from './app-protocol';

describe('resolveAppPath (POSIX)', () => {
  const root = '/opt/warroom/dist';
  const resolve = (url: string) => resolveAppPath(url, root, path.posix);

  it.each([
    ['app://warroom/index.html', '/opt/warroom/dist/index.html'],
    ['app://warroom/', '/opt/warroom/dist/index.html'],
    ['app://warroom', '/opt/warroom/dist/index.html'],
    ['app://warroom/assets/index-abc123.js', '/opt/warroom/dist/assets/index-abc123.js'],
    ['app://warroom/assets/a%20b.css?v=1#top', '/opt/warroom/dist/assets/a b.css'],
    ['app://warroom//index.html', '/opt/warroom/dist/index.html'],
  ])('serves %s from %s', (url, expected) => {
    expect(resolve(url)).toBe(expected);
  });

  it.each([
    'app://warroom/../secret.txt',
    'app://warroom/assets/../../secret.txt',
    'app://warroom/%2e%2e/secret.txt',
  ])('keeps %s inside the root (the URL parser drops the dot segments)', (url) => {
    expect(resolve(url)).toBe('/opt/warroom/dist/secret.txt');
  });

  it.each([
    'app://warroom/%2E%2E%2Fsecret.txt',
    'app://warroom/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://warroom/..%2f..%2fetc/passwd',
    'app://warroom/%00index.html',
    'app://warroom/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://warroom/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolve(url)).toBeNull();
  });

  it('never returns a path outside the root, whatever the URL', () => {
    const attempts = ['..', '%2e%2e', '..%2f', '%2e%2e%5c', '....//', '.%2e/'];
    for (const a of attempts) {
      for (const b of attempts) {
        const result = resolve(`app://warroom/${a}/${b}/etc/passwd`);
        if (result !== null) expect(result.startsWith(`${root}/`)).toBe(true);
      }
    }
  });
});

describe('resolveAppPath (Windows rules)', () => {
  const root = 'C:\\Program Files\\Warroom\\resources\\app.asar\\dist';
  const resolve = (url: string) => resolveAppPath(url, root, path.win32);

  it('serves files inside the root', () => {
    expect(resolve('app://warroom/assets/app.js')).toBe(`${root}\\assets\\app.js`);
  });

  it.each([
    'app://warroom/..%5C..%5Csecret.txt',
    'app://warroom/%5C..%5C..%5Cwindows%5Cwin.ini',
    'app://warroom/C:%5Cwindows%5Cwin.ini',
    'app://warroom/D:/secret.txt',
  ])('refuses %s', (url) => {
    expect(resolve(url)).toBeNull();
  });

  it('treats a UNC-looking path as a path inside the root', () => {
    expect(resolve('app://warroom/%5C%5Cserver%5Cshare%5Cfile')).toBe(
      `${root}\\server\\share\\file`,
    );
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.JS', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['blob.bin', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('registerAppSchemeAsPrivileged', () => {
  it('registers app:// as a standard, secure scheme', () => {
    registerAppSchemeAsPrivileged();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      }),
    ]);
    expect(APP_ENTRY_URL).toBe('app://warroom/index.html');
  });
});

describe('registerAppProtocol', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'warroom-dist-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Warroom</title>');
  type Handler = (request: { url: string }) => Promise<Response>;
  let handler: Handler;

  beforeEach(() => {
    electron.protocol.handle.mockReset();
    electron.net.fetch.mockReset();
    electron.net.fetch.mockImplementation((url: string) =>
      Promise.resolve(new Response(`contents of ${url}`, { status: 200 })),
    );
    registerAppProtocol(root);
    handler = electron.protocol.handle.mock.calls[0]?.[1] as Handler;
  });

  it('serves files from the root with the CSP and a content type', async () => {
    const response = await handler({ url: 'app://warroom/index.html' });
    expect(response.status).toBe(200);
    expect(electron.net.fetch).toHaveBeenCalledWith(
      pathToFileURL(path.join(root, 'index.html')).toString(),
    );
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers 404 without touching the disk for traversal attempts', async () => {
    const response = await handler({ url: 'app://warroom/..%2f..%2fetc/passwd' });
    expect(response.status).toBe(404);
    expect(electron.net.fetch).not.toHaveBeenCalled();
  });

  it('answers 404 when the file is missing', async () => {
    electron.net.fetch.mockRejectedValueOnce(new Error('net::ERR_FILE_NOT_FOUND'));
    const response = await handler({ url: 'app://warroom/missing.js' });
    expect(response.status).toBe(404);
  });
});
