import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  clipboard: { write: vi.fn(() => Promise.resolve()) },
  ClipboardItem: class {
    constructor(public items: Record<string, string>) {}
  },
}));
vi.mock('electron', () => electron);

import { registerClipboardHandlers } from './clipboard';

type Listener = (event: unknown, payload: unknown) => Promise<unknown>;
const trusted = { senderFrame: { url: 'app://warroom/index.html' } };

describe('clipboard:write', () => {
  registerClipboardHandlers();
  const listener = electron.ipcMain.handle.mock.calls[0]?.[1] as Listener;

  it('writes text and HTML as one clipboard item', async () => {
    const result = await listener(trusted, { text: 'INC-1', html: '<b>INC-1</b>' });
    expect(result).toEqual({ ok: true, value: { written: true } });
    expect(electron.clipboard.write).toHaveBeenLastCalledWith([
      { items: { 'text/plain': 'INC-1', 'text/html': '<b>INC-1</b>' } },
    ]);
  });

  it('writes plain text alone when there is no HTML', async () => {
    await listener(trusted, { text: 'plain' });
    expect(electron.clipboard.write).toHaveBeenLastCalledWith([
      { items: { 'text/plain': 'plain' } },
    ]);
  });
});
