// Finds the Electron binary without letting electron's own module throw a stack trace.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
export function findElectronBinary() {
  try {
    const path = /** @type {string} */ (require('electron'));
    if (typeof path === 'string' && existsSync(path)) return { ok: true, path };
    return { ok: false, reason: 'missing' };
  } catch {
    return { ok: false, reason: 'missing' };
  }
}

export const MISSING_ELECTRON_MESSAGE =
  "Warroom can't open its desktop window because Electron's binary is not installed " +
  '(it was skipped, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run `npm run web` to use ' +
  'Warroom in your browser instead, or reinstall with `npm install` where downloads are allowed.';
