import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { SaveDialogOptions } from 'electron';
import { writeFileAtomic } from '../atomic-write';
import { handle } from './handle';

const FALLBACK_NAME = 'incident';
const MAX_BASE_LENGTH = 120;
// Device names Windows reserves in every directory, with or without an extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
const UNSAFE_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/**
 * Turns the page's suggested name into a safe file name ending in `.md`: any directory part
 * is dropped (both separators), characters invalid on Windows/macOS/Linux become "-", leading
 * dots (hidden files) and trailing dots/spaces go, reserved device names get a suffix, and the
 * length is capped. Never returns an empty name.
 */
export function sanitizeFileName(suggested: string): string {
  const lastPart = suggested.split(/[/\\]/).pop() ?? '';
  let base = lastPart
    .replace(/\.(md|markdown)$/i, '')
    .replace(UNSAFE_CHARS, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, MAX_BASE_LENGTH)
    .trim();
  if (!base) base = FALLBACK_NAME;
  if (WINDOWS_RESERVED.test(base.split('.')[0] ?? '')) base = `${base}-export`;
  return `${base}.md`;
}

/**
 * Adds `.md` when the path chosen in the dialog has no extension (Linux dialogs do not add the
 * filter's extension); an explicit other extension is the user's choice and is kept.
 */
export function ensureMarkdownExtension(filePath: string): string {
  return path.extname(filePath) ? filePath : `${filePath}.md`;
}

function defaultDirectory(): string {
  try {
    return app.getPath('documents');
  } catch {
    // Some minimal Linux desktops have no Documents folder configured.
    return app.getPath('home');
  }
}

/** export:save-markdown: native save dialog, then an atomic write of the Markdown. */
export function registerExportHandlers(): void {
  handle('export:save-markdown', async ({ fileName, content }, event) => {
    const options: SaveDialogOptions = {
      title: 'Export Markdown',
      defaultPath: path.join(defaultDirectory(), sanitizeFileName(fileName)),
      filters: [{ name: 'Markdown', extensions: ['md'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const win = BrowserWindow.fromWebContents(event.sender);
    const result = win
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false, path: null };

    const target = ensureMarkdownExtension(result.filePath);
    await writeFileAtomic(target, content);
    return { saved: true, path: target };
  });
}
