import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

const electron = vi.hoisted(() => ({ ipcMain: { handle: vi.fn() } }));
vi.mock('electron', () => electron);

import { createIpcListener, handle } from './handle';

function eventFrom(url: string | null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
}
const trusted = eventFrom('app://warroom/index.html');

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('createIpcListener', () => {
  it('runs the implementation for a trusted sender and a valid request', async () => {
    const impl = vi.fn(() => ({ shown: true }));
    const listener = createIpcListener('notify:show', impl);
    const request = { title: 'SEV1', body: 'Update due', tag: 'inc-1' };
    await expect(listener(trusted, request)).resolves.toEqual({ ok: true, value: { shown: true } });
    expect(impl).toHaveBeenCalledWith(request, trusted);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a file page', 'file:///tmp/index.html'],
    ['a lookalike app host', 'app://warroom.evil/index.html'],
    ['a destroyed frame', null],
  ])('rejects %s without running the implementation', async (_label, url) => {
    const impl = vi.fn(() => ({ written: true as const }));
    const listener = createIpcListener('clipboard:write', impl);
    const result = await listener(eventFrom(url), { text: 'hi' });
    expect(result).toEqual({ ok: false, error: 'clipboard:write: sender is not trusted' });
    expect(impl).not.toHaveBeenCalled();
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'hello'],
    ['a missing field', { text: 'x' }],
    ['a wrong type', { fileName: 42, content: 'x' }],
    ['an empty file name', { fileName: '', content: 'x' }],
    ['an oversized file name', { fileName: 'a'.repeat(256), content: 'x' }],
  ])('returns an error result for %s, never throwing', async (_label, payload) => {
    const impl = vi.fn(() => ({ saved: true, path: '/tmp/x.md' }));
    const listener = createIpcListener('export:save-markdown', impl);
    const result = await listener(trusted, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^export:save-markdown: invalid request/);
    expect(impl).not.toHaveBeenCalled();
  });

  it('rejects numbers outside the contract', async () => {
    const listener = createIpcListener('app:set-attention', () => ({ applied: true }));
    const result = await listener(trusted, { overdueCount: -1, title: 'x' });
    expect(result.ok).toBe(false);
  });

  it('turns a thrown error into an error result', async () => {
    const listener = createIpcListener('app:get-info', () => {
      throw new Error('boom');
    });
    await expect(listener(trusted, {})).resolves.toEqual({
      ok: false,
      error: 'app:get-info failed: boom',
    });
  });

  it('turns a rejected promise into an error result', async () => {
    const listener = createIpcListener('export:save-markdown', () =>
      Promise.reject(new Error('EACCES: permission denied')),
    );
    const result = await listener(trusted, { fileName: 'a.md', content: 'x' });
    expect(result).toEqual({
      ok: false,
      error: 'export:save-markdown failed: EACCES: permission denied',
    });
  });

  it('refuses to pass on an implementation result that breaks the contract', async () => {
    const listener = createIpcListener('app:get-info', () => ({ version: 1 }) as never);
    await expect(listener(trusted, {})).resolves.toEqual({
      ok: false,
      error: 'app:get-info: internal error (invalid response)',
    });
  });
});

describe('handle', () => {
  it('registers a guarded listener on ipcMain for the channel', async () => {
    handle('app:get-info', () => ({ version: '1.0.0', platform: 'linux' }));
    expect(electron.ipcMain.handle).toHaveBeenCalledWith('app:get-info', expect.any(Function));
    const listener = electron.ipcMain.handle.mock.calls[0]?.[1] as (
      e: IpcMainInvokeEvent,
      p: unknown,
    ) => Promise<unknown>;
    await expect(listener(eventFrom('https://evil.example/'), {})).resolves.toMatchObject({
      ok: false,
    });
    await expect(listener(trusted, {})).resolves.toEqual({
      ok: true,
      value: { version: '1.0.0', platform: 'linux' },
    });
  });
});
