import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * docs/electronegativity.md is the allow-list of Electronegativity findings; the code carries
 * `eng-disable` markers the tool honours. This keeps the two in step, so an unexplained marker
 * (which would hide a real finding) fails CI.
 */

const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/electronegativity.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

const markers = sourceFiles(path.join(root, 'electron')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/eng-disable\s+([A-Z_]+)/g)].map((m) => ({
    file: path.relative(root, file),
    check: m[1]!,
  })),
);

/** The checks named in the allow-list table's first column. */
const listed = new Set(
  doc
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!)),
);

describe('Electronegativity allow-list', () => {
  it('lists the findings the audit reported', () => {
    for (const check of [
      'CSP_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'PRELOAD_JS_CHECK',
    ])
      expect(listed, check).toContain(check);
  });

  it('every eng-disable marker in electron/ names a check the allow-list explains', () => {
    expect(markers.length).toBeGreaterThan(0);
    for (const { file, check } of markers) expect(listed, `${file}: ${check}`).toContain(check);
  });

  it('every marker the allow-list points to is still in the code', () => {
    const marked = new Set(markers.map((m) => m.check));
    for (const check of [
      'CSP_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_JS_CHECK',
      'LIMIT_NAVIGATION_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'PRELOAD_JS_CHECK',
      'PROTOCOL_HANDLER_JS_CHECK',
    ])
      expect(marked, check).toContain(check);
  });

  it.each(['docs/electronegativity.md', 'SECURITY.md'])(
    '%s names only files that exist (the tests behind each promise)',
    (page) => {
      const text = readFileSync(path.join(root, page), 'utf8');
      const named = [
        ...text.matchAll(/`((?:electron|shared|renderer|scripts|resources|tests)\/[\w./-]+)`/g),
      ];
      expect(named.length).toBeGreaterThan(5);
      for (const [, file] of named) expect(existsSync(path.join(root, file!)), file).toBe(true);
    },
  );
});
