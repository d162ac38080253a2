/**
 * Test-only golden-file check. Tests run in Node, but shared/ is type-checked without Node's
 * types (tsconfig.json) and linted as pure code, so the file system is reached through
 * `process.getBuiltinModule` (Node ≥ 20.16) with the few signatures needed typed here.
 */
import { expect } from 'vitest';

interface GoldenFs {
  existsSync(path: URL): boolean;
  readFileSync(path: URL, encoding: 'utf8'): string;
  writeFileSync(path: URL, data: string): void;
  mkdirSync(path: URL, options: { recursive: true }): void;
}

interface NodeProcess {
  env: Record<string, string | undefined>;
  getBuiltinModule(id: 'node:fs'): GoldenFs;
}

const proc = (globalThis as unknown as { process: NodeProcess }).process;

/** tests/fixtures/golden/ at the repository root. */
const GOLDEN_ROOT = new URL('../../../tests/fixtures/golden/', import.meta.url);

/**
 * Compares `actual` with tests/fixtures/golden/<relativePath>. With UPDATE_GOLDEN=1 in the
 * environment the file is (re)written instead, and the check passes.
 */
export function expectGolden(relativePath: string, actual: string): void {
  const fs = proc.getBuiltinModule('node:fs');
  const file = new URL(relativePath, GOLDEN_ROOT);
  if (proc.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(new URL('.', file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  expect(fs.existsSync(file), `${relativePath} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual, `${relativePath} differs: review, then run with UPDATE_GOLDEN=1`).toBe(
    fs.readFileSync(file, 'utf8'),
  );
}
