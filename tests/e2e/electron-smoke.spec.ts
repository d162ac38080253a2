import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test } from '@playwright/test';
import type { WarroomApi } from '../../shared/ipc/contract';

/*
 * Smoke test of the real desktop app: it proves the shell boots (app:// protocol, CSP,
 * sandboxed preload, bridge) around the renderer. Behaviour is proven by the browser specs;
 * this only runs where Electron's binary is installed.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Electron binary's path, or null when the install skipped downloading it. This reads the
 * package's path.txt rather than calling `require('electron')`, because since Electron 45 that
 * require tries to download a missing binary, which hangs or fails noisily offline.
 */
function findElectronBinary(): string | null {
  try {
    const packageDir = path.dirname(
      createRequire(import.meta.url).resolve('electron/package.json'),
    );
    const pathFile = path.join(packageDir, 'path.txt');
    const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = override
      ? path.join(override, executable || 'electron')
      : executable && path.join(packageDir, 'dist', executable);
    return binary && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();

test.describe('desktop app', () => {
  test.skip(
    electronBinary === null,
    'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1); the browser build covers the renderer',
  );

  test('opens one secure window that becomes ready', async () => {
    const main = path.join(root, 'dist-electron', 'main', 'index.js');
    const preload = path.join(root, 'dist-electron', 'preload', 'index.cjs');
    if (!existsSync(main) || !existsSync(preload)) {
      // Build the desktop bundles on demand, as `npm start` does.
      const build = spawnSync(
        process.execPath,
        [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'electron'],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
      expect(build.status, 'vite build --mode electron failed').toBe(0);
    }

    // A fresh profile: no saved window state, no database, and no single-instance clash with
    // a Warroom the developer has open.
    const profile = mkdtempSync(path.join(tmpdir(), 'warroom-e2e-'));
    const app = await _electron.launch({
      executablePath: electronBinary ?? undefined,
      args: [root, `--user-data-dir=${profile}`],
      env: { ...process.env, XDG_CONFIG_HOME: profile },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.locator('html')).toHaveAttribute('data-app-state', 'ready');
      await expect(window).toHaveTitle(/Warroom/);
      expect(window.url()).toBe('app://warroom/index.html');

      // The bridge is there and answers; Node is not.
      const info = await window.evaluate(() =>
        (window as unknown as { warroom: WarroomApi }).warroom.getInfo(),
      );
      expect(info).toMatchObject({ ok: true, value: { platform: process.platform } });
      const pageGlobals = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
