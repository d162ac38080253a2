// Finds the Electron binary without letting electron's own module download it or throw a stack
// trace: electron's index.js tries a download on require() when the binary is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The installed Electron binary's path, or null when it is not there. Never downloads. */
export function installedElectronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const full = join(distDir, executable);
  return existsSync(full) ? full : null;
}

/**
 * The binary's path, fetching it first when allowed (a user's machine where install scripts
 * were skipped); `{ ok: false }` when it is missing and cannot be had.
 * @returns {{ ok: true, path: string } | { ok: false }}
 */
export function findElectronBinary({
  allowDownload = !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD,
} = {}) {
  const found = installedElectronBinary();
  if (found) return { ok: true, path: found };
  if (!allowDownload) return { ok: false };
  let installer;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return { ok: false };
  }
  console.log('Fetching Electron (first start)…');
  const run = spawnSync(process.execPath, [installer], { stdio: 'pipe' });
  const after = run.status === 0 ? installedElectronBinary() : null;
  return after ? { ok: true, path: after } : { ok: false };
}

export const MISSING_ELECTRON_MESSAGE =
  "Warroom can't open its desktop window because Electron's binary is not installed " +
  '(it was skipped, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or could not be downloaded); run ' +
  '`npm run web` to use Warroom in your browser instead.';
