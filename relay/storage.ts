import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { newRoomSecret } from '../shared/sync/room-token';

/**
 * The relay's state folder: one file per document plus the room secret. Every write goes to a
 * temporary file in the same folder, is flushed to disk (fsync) and then renamed over the old
 * file, so a crash leaves either the old state or the new one, never half a file. File names
 * are derived from document names by hex-encoding them, so no document name (`../x`, `/etc`,
 * `a\0b`) can reach outside the folder.
 */

/** Suffix of a document's state file. */
export const DOCUMENT_SUFFIX = '.ystate';

/** Longest document name (UTF-8 bytes) a file name can hold: 2 hex digits a byte, 255 max. */
export const MAX_DOCUMENT_NAME_BYTES = 120;

/**
 * The file name (no folder) holding document `name`: `doc-` + hex of its UTF-8 bytes +
 * `.ystate`. Only [0-9a-f] come from the name, so the result never contains a separator or
 * `..`. Throws an Error for an empty name or one longer than MAX_DOCUMENT_NAME_BYTES.
 */
export function documentFileName(name: string): string {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length === 0) throw new Error('A document name must not be empty.');
  if (bytes.length > MAX_DOCUMENT_NAME_BYTES) {
    throw new Error(`A document name may have at most ${MAX_DOCUMENT_NAME_BYTES} bytes.`);
  }
  return `doc-${bytes.toString('hex')}${DOCUMENT_SUFFIX}`;
}

/** The document name a state file holds, or null if `fileName` is not a state file. */
export function documentNameOf(fileName: string): string | null {
  const m = /^doc-((?:[0-9a-f]{2})+)\.ystate$/.exec(fileName);
  return m ? Buffer.from(m[1]!, 'hex').toString('utf8') : null;
}

/** Where the relay keeps one document's state. */
export interface DocumentStore {
  /** The absolute state folder. */
  readonly dir: string;
  /** The stored state of document `name` (a Yjs update), or null if none is stored. */
  load(name: string): Promise<Uint8Array | null>;
  /** Replaces the stored state of `name` atomically. Rejects on an I/O error. */
  save(name: string, state: Uint8Array): Promise<void>;
}

/** Resolves `fileName` inside `dir`; throws if the result would leave `dir`. */
function inside(dir: string, fileName: string): string {
  const full = path.resolve(dir, fileName);
  if (path.dirname(full) !== dir) throw new Error(`Refusing a path outside ${dir}: ${fileName}`);
  return full;
}

/**
 * Writes `data` to `dir/fileName` atomically: a temporary file in the same folder (mode 0600,
 * created exclusively), fsync, rename over the target, then fsync of the folder so the rename
 * itself survives a power cut (best effort: not every platform can open a folder).
 */
export async function writeFileAtomic(
  dir: string,
  fileName: string,
  data: Uint8Array | string,
): Promise<void> {
  const target = inside(dir, fileName);
  const temp = inside(dir, `.${fileName}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  try {
    const folder = await open(dir, 'r');
    await folder.sync().finally(() => folder.close());
  } catch {
    // Opening a folder for fsync is not possible everywhere (Windows); the rename stands.
  }
}

/** A DocumentStore in `stateDir` (created with mode 0700 if missing). */
export async function openDocumentStore(stateDir: string): Promise<DocumentStore> {
  const dir = path.resolve(stateDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return {
    dir,
    async load(name) {
      try {
        return new Uint8Array(await readFile(inside(dir, documentFileName(name))));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    save: (name, state) => writeFileAtomic(dir, documentFileName(name), state),
  };
}

/** File name of the room secret inside the state folder. */
export const SECRET_FILE = 'room-secret';

/**
 * The room secret kept in `dir` (already resolved and existing): read if present, otherwise a
 * new 128-bit secret written with mode 0600. Two relays starting at once on one folder agree:
 * the secret is written to a temporary file and hard-linked into place, which fails if the
 * file exists, so the loser reads the winner's complete secret.
 */
export async function loadOrCreateSecret(dir: string): Promise<string> {
  const file = inside(dir, SECRET_FILE);
  const read = async () => (await readFile(file, 'utf8')).trim();
  try {
    const existing = await read();
    if (existing) return existing;
    throw new Error(`${file} is empty: delete it to get a new room secret, or pass --secret.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = newRoomSecret();
  const temp = inside(dir, `.${SECRET_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${secret}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return read();
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
