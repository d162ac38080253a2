import * as fs from 'node:fs';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempPathFor, writeFileAtomic, writeFileAtomicSync } from './atomic-write';

// The real file system, with spies on the calls that make a write durable.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsp>();
  return { ...real, open: vi.fn(real.open) };
});
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return { ...real, openSync: vi.fn(real.openSync), fsyncSync: vi.fn(real.fsyncSync) };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'warroom-atomic-'));
  vi.mocked(fsp.open).mockClear();
  vi.mocked(fs.openSync).mockClear();
  vi.mocked(fs.fsyncSync).mockClear();
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

describe.skipIf(process.platform === 'win32')('durability and permissions', () => {
  it('writeFileAtomic flushes the directory after the rename', async () => {
    const target = path.join(dir, 'backup.json');
    await writeFileAtomic(target, '{}');
    const opened = vi.mocked(fsp.open).mock.calls.map((c) => [String(c[0]), c[1]]);
    // First the temp file (exclusive create), last the directory itself, read-only.
    expect(opened[0]?.[1]).toBe('wx');
    expect(opened.at(-1)).toEqual([dir, 'r']);
  });

  it('writeFileAtomicSync flushes the file, then the directory', () => {
    const target = path.join(dir, 'window-state.json');
    writeFileAtomicSync(target, '{}');
    const opened = vi.mocked(fs.openSync).mock.calls.map((c) => [String(c[0]), c[1]]);
    expect(opened.at(-1)).toEqual([dir, 'r']);
    expect(vi.mocked(fs.fsyncSync)).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['writeFileAtomic', (t: string, m?: number) => writeFileAtomic(t, 'x', m ? { mode: m } : {})],
    [
      'writeFileAtomicSync',
      // eslint-disable-next-line @typescript-eslint/require-await
      async (t: string, m?: number) => writeFileAtomicSync(t, 'x', m ? { mode: m } : {}),
    ],
  ])('%s writes 0600 when asked, 0644 (less the umask) by default', async (_n, write) => {
    const privateFile = path.join(dir, 'private.json');
    await write(privateFile, 0o600);
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    // Replacing a 0644 file keeps the new file's mode, not the old one's.
    const shared = path.join(dir, 'shared.md');
    writeFileSync(shared, 'old', { mode: 0o644 });
    await write(shared, 0o600);
    expect(statSync(shared).mode & 0o777).toBe(0o600);
    const normal = path.join(dir, 'export.md');
    await write(normal);
    expect(statSync(normal).mode & 0o077).toBe(0o644 & ~process.umask() & 0o077);
  });
});
