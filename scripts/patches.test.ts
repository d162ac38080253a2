// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency patches in patches/ (applied by patch-package on install) are in the files the
 * app loads: a version bump that no longer matches fails the install, and this fails a checkout
 * whose node_modules missed the postinstall step.
 */
const require = createRequire(import.meta.url);

describe('dependency patches', () => {
  it('Dexie: idle live queries test each write alone (patches/dexie+4.4.7.patch)', () => {
    for (const file of ['dexie/dist/dexie.js', 'dexie/dist/dexie.mjs']) {
      const code = readFileSync(require.resolve(file), 'utf8');
      expect(code).toContain('Warroom patch (patches/README.md)');
      expect(code).toMatch(/if \(!querying\) \{\s*if \(obsSetsOverlap\(currentObs, parts\)\)/);
    }
  });

  it('Hocuspocus: an update is not sent back to its connection (patches/@hocuspocus+server+4.7.0.patch)', () => {
    // The package exports its entry points only: found from the one `require` resolves.
    const dist = path.dirname(require.resolve('@hocuspocus/server'));
    for (const file of ['hocuspocus-server.esm.js', 'hocuspocus-server.cjs']) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      expect(code).toContain('Warroom patch (patches/README.md)');
      expect(code).toContain('this.broadcastUpdate(update, from)');
    }
  });
});
