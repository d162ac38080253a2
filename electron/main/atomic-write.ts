import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Options for the atomic writes. */
export interface AtomicWriteOptions {
  /**
   * Permission bits of the new file (POSIX; the umask can only remove bits). 0o644 for files
   * the user saves on purpose; 0o600 for the app's own copies of incident data (backups,
   * window state), which other accounts on the machine have no business reading.
   */
  mode?: number;
}

const DEFAULT_MODE = 0o644;

/**
 * Errors from fsync on a directory that mean "not supported here" rather than "the data did
 * not reach the disk": Windows cannot open a directory as a file, and some network and FUSE
 * file systems refuse directory fsync. Anything else (EIO, ENOSPC…) is a real failure.
 */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

function isUnsupportedDirSync(error: unknown): boolean {
  return DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '');
}

/**
 * A temp file next to the target: same directory means same filesystem, so the final rename
 * is atomic and readers see either the old file or the whole new one, never half of it.
 */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
}

/**
 * Flushes a directory's entries to disk, so a rename in it survives a power cut (POSIX only
 * promises the file's data after fsync(file), and the new name after fsync(directory)).
 * A no-op where the platform cannot do it (Windows; see {@link DIR_SYNC_UNSUPPORTED}).
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isUnsupportedDirSync(error)) throw error;
  } finally {
    await handle?.close();
  }
}

/** The synchronous twin of {@link syncDirectory}. */
export function syncDirectorySync(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (!isUnsupportedDirSync(error)) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `content` to `target` atomically and durably: write a temp file in the same
 * directory with `mode`, flush it, rename it over the target, then flush the directory so the
 * rename itself is on disk. On any failure before the rename the temp file is removed and the
 * previous target, if any, is left untouched.
 */
export async function writeFileAtomic(
  target: string,
  content: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(target);
  try {
    // 'wx' refuses to follow or reuse an existing file at the temp path.
    const handle = await open(temp, 'wx', options.mode ?? DEFAULT_MODE);
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
  await syncDirectory(path.dirname(target));
}

/**
 * The synchronous twin of {@link writeFileAtomic}, for saves that must finish before the
 * process exits (window state on close), where an async write could be cut short by quit.
 */
export function writeFileAtomicSync(
  target: string,
  content: string,
  options: AtomicWriteOptions = {},
): void {
  const temp = tempPathFor(target);
  try {
    const fd = openSync(temp, 'wx', options.mode ?? DEFAULT_MODE);
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
  syncDirectorySync(path.dirname(target));
}
