import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the start script, typed by its JSDoc.
import { installedElectronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs';

const installed = (installedElectronBinary as () => string | null)() !== null;

describe('npm start without the Electron binary', () => {
  it.skipIf(installed)(
    'says so in one sentence, points to npm run web, and prints no stack trace',
    () => {
      const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(MISSING_ELECTRON_MESSAGE);
      expect(run.stderr).toContain('npm run web');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );
});
