import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A temp file next to the target: same directory means same filesystem, so the final rename
 * is atomic and readers see either the old file or the whole new one, never half of it.
 */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
}

/**
 * Writes `content` to `target` atomically: write a temp file in the same directory, flush it
 * to disk, then rename it over the target. On any failure the temp file is removed and the
 * previous target, if any, is left untouched.
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const temp = tempPathFor(target);
  try {
    // 'wx' refuses to follow or reuse an existing file at the temp path.
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * The synchronous twin of {@link writeFileAtomic}, for saves that must finish before the
 * process exits (window state on close), where an async write could be cut short by quit.
 */
export function writeFileAtomicSync(target: string, content: string): void {
  const temp = tempPathFor(target);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, content, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
