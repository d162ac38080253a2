import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempPathFor, writeFileAtomic, writeFileAtomicSync } from './atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'warroom-atomic-'));
});

describe('tempPathFor', () => {
  it('puts a unique hidden temp file in the same directory', () => {
    const target = path.join(dir, 'report.md');
    const a = tempPathFor(target);
    const b = tempPathFor(target);
    expect(path.dirname(a)).toBe(dir);
    expect(path.basename(a)).toMatch(/^\.report\.md\..+\.tmp$/);
    expect(a).not.toBe(b);
  });
});

describe.each([
  ['writeFileAtomic', (target: string, content: string) => writeFileAtomic(target, content)],
  [
    'writeFileAtomicSync',
    // async, so a synchronous throw becomes a rejection like the async variant's.
    // eslint-disable-next-line @typescript-eslint/require-await
    async (target: string, content: string) => writeFileAtomicSync(target, content),
  ],
])('%s', (_name, write) => {
  it('creates the file with the exact content and leaves no temp file', async () => {
    const target = path.join(dir, 'post-mortem.md');
    await write(target, '# INC-7\n\nUnicode ✓ — “quotes”\n');
    expect(readFileSync(target, 'utf8')).toBe('# INC-7\n\nUnicode ✓ — “quotes”\n');
    expect(readdirSync(dir)).toEqual(['post-mortem.md']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'post-mortem.md');
    writeFileSync(target, 'old content that is longer than the new one');
    await write(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['post-mortem.md']);
  });

  it('on failure removes its temp file and leaves the target as it was', async () => {
    // Renaming a file over a non-empty directory fails on every platform.
    const target = path.join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'keep');
    await expect(write(target, 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('fails cleanly when the directory does not exist', async () => {
    await expect(write(path.join(dir, 'missing', 'file.md'), 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
