import { clipboard, ClipboardItem } from 'electron';
import { handle } from './handle';

/**
 * clipboard:write: plain text always, HTML too when given, committed as one clipboard item so
 * rich editors paste the HTML and plain ones the text.
 */
export function registerClipboardHandlers(): void {
  handle('clipboard:write', async ({ text, html }) => {
    const item = new ClipboardItem(
      html === undefined ? { 'text/plain': text } : { 'text/plain': text, 'text/html': html },
    );
    await clipboard.write([item]);
    return { written: true };
  });
}
