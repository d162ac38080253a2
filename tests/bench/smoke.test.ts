import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The benchmark never runs inside `npm test`; this only proves `npm run bench` starts and
 * writes a valid JSON for a tiny data set. No figure is compared with a target here.
 */
describe('npm run bench (smoke)', () => {
  it.skipIf(!existsSync(chromium))(
    'runs on a tiny data set and writes every figure as JSON',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-'));
      const out = join(dir, 'bench.json');
      try {
        const run = spawnSync(process.execPath, ['tests/bench/run.mjs', '--tiny', '--out', out], {
          encoding: 'utf8',
          timeout: 420_000,
        });
        expect(run.status, run.stderr.slice(-2000)).toBe(0);
        expect(run.stdout).toContain('| figure | unit |');
        const json = JSON.parse(readFileSync(out, 'utf8')) as {
          tiny: boolean;
          machine: { cpus: number };
          results: { figure: string; count: number; median: number }[];
        };
        expect(json.tiny).toBe(true);
        expect(json.results.length).toBeGreaterThanOrEqual(12);
        for (const r of json.results) {
          expect(r.count, r.figure).toBeGreaterThan(0);
          expect(Number.isFinite(r.median), r.figure).toBe(true);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    450_000,
  );
});
