import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { SaveDialogOptions, WebContents } from 'electron';
import { writeFileAtomic } from '../atomic-write';
import { handle } from './handle';

const FALLBACK_NAME = 'incident';
const MAX_BASE_LENGTH = 120;
// Device names Windows reserves in every directory, with or without an extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
const UNSAFE_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/**
 * Turns the page's suggested name into a safe file name ending in `.<ext>` (default `md`): any
 * directory part is dropped (both separators), a trailing `.md`/`.markdown` or `.<ext>` goes,
 * characters invalid on Windows/macOS/Linux become "-", leading dots (hidden files) and
 * trailing dots/spaces go, reserved device names get a suffix, and the length is capped. Never
 * returns an empty name.
 */
export function sanitizeFileName(suggested: string, ext = 'md'): string {
  const lastPart = suggested.split(/[/\\]/).pop() ?? '';
  let base = lastPart
    .replace(/\.(md|markdown)$/i, '')
    .replace(new RegExp(`\\.${ext}$`, 'i'), '')
    .replace(UNSAFE_CHARS, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, MAX_BASE_LENGTH)
    .trim();
  if (!base) base = FALLBACK_NAME;
  if (WINDOWS_RESERVED.test(base.split('.')[0] ?? '')) base = `${base}-export`;
  return `${base}.${ext}`;
}

/**
 * Adds `.<ext>` when the path chosen in the dialog has no extension (Linux dialogs do not add
 * the filter's extension); an explicit other extension is the user's choice and is kept.
 */
export function ensureExtension(filePath: string, ext: string): string {
  return path.extname(filePath) ? filePath : `${filePath}.${ext}`;
}

/** {@link ensureExtension} for Markdown. */
export function ensureMarkdownExtension(filePath: string): string {
  return ensureExtension(filePath, 'md');
}

/**
 * Where the save dialog starts: Documents, or the home folder where no Documents folder is
 * configured (some minimal Linux desktops), where getPath throws.
 */
export function defaultDirectory(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/** One kind of file the app saves through the native dialog. */
export interface SaveKind {
  /** Dialog title. */
  title: string;
  /** Extension without the dot. */
  ext: string;
  /** Name of the dialog's file-type filter. */
  filterName: string;
  /** Permission bits (see AtomicWriteOptions.mode): 0o600 for full backups. */
  mode: number;
}

/** What each MIME type of `export:save-file` is saved as. */
export const SAVE_KINDS = {
  'text/markdown': { title: 'Export Markdown', ext: 'md', filterName: 'Markdown', mode: 0o644 },
  'text/plain': { title: 'Save text', ext: 'txt', filterName: 'Text', mode: 0o644 },
  // A JSON file is a full backup of the incident record: readable by its owner only.
  'application/json': { title: 'Save backup', ext: 'json', filterName: 'JSON', mode: 0o600 },
} as const satisfies Record<string, SaveKind>;

/**
 * The app's one save path: a native save dialog (parented to the sender's window) starting in
 * {@link defaultDirectory} with a sanitised name, then an atomic, durable write of `content`
 * to the chosen path (extension added when missing). Resolves to `{ saved: false }` when the
 * user cancels.
 */
export async function saveThroughDialog(
  kind: SaveKind,
  fileName: string,
  content: string,
  sender: WebContents,
): Promise<{ saved: boolean; path: string | null }> {
  const options: SaveDialogOptions = {
    title: kind.title,
    defaultPath: path.join(defaultDirectory(), sanitizeFileName(fileName, kind.ext)),
    filters: [{ name: kind.filterName, extensions: [kind.ext] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const win = BrowserWindow.fromWebContents(sender);
  const result = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return { saved: false, path: null };
  const target = ensureExtension(result.filePath, kind.ext);
  await writeFileAtomic(target, content, { mode: kind.mode });
  return { saved: true, path: target };
}

/** export:save-markdown and export:save-file, both through {@link saveThroughDialog}. */
export function registerExportHandlers(): void {
  handle('export:save-markdown', ({ fileName, content }, event) =>
    saveThroughDialog(SAVE_KINDS['text/markdown'], fileName, content, event.sender),
  );
  handle('export:save-file', ({ fileName, content, mime }, event) =>
    saveThroughDialog(SAVE_KINDS[mime], fileName, content, event.sender),
  );
}
