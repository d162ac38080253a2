import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: Array<{ options: unknown; emit: (name: string) => boolean; show: () => void }> =
    [];
  return {
    created,
    supported: { value: true },
    ipcMain: { handle: vi.fn() },
  };
});
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    static isSupported = () => electron.supported.value;
    show = vi.fn();
    constructor(public options: unknown) {
      super();
      electron.created.push(this);
    }
  }
  return { ipcMain: electron.ipcMain, Notification };
});

import { escapeNotificationMarkup, notificationOptions, registerNotifyHandlers } from './notify';

type Listener = (event: unknown, payload: unknown) => Promise<unknown>;
const trusted = { senderFrame: { url: 'app://warroom/index.html' } };
let listener: Listener;
const onClick = vi.fn();

beforeEach(() => {
  electron.ipcMain.handle.mockReset();
  electron.created.length = 0;
  electron.supported.value = true;
  onClick.mockReset();
  registerNotifyHandlers(onClick, 'linux');
  listener = electron.ipcMain.handle.mock.calls[0]?.[1] as Listener;
});

describe('notify:show', () => {
  it('shows a notification and reports the tag when it is clicked', async () => {
    const result = await listener(trusted, { title: 'Update due', body: 'INC-4', tag: 'inc-4' });
    expect(result).toEqual({ ok: true, value: { shown: true } });
    const [notification] = electron.created;
    expect(notification?.options).toEqual({ title: 'Update due', body: 'INC-4' });
    expect(notification?.show).toHaveBeenCalled();
    (notification as unknown as EventEmitter).emit('click');
    expect(onClick).toHaveBeenCalledWith('inc-4');
  });

  it('reports not shown where the OS has no notifications', async () => {
    electron.supported.value = false;
    const result = await listener(trusted, { title: 'x', body: '', tag: 't' });
    expect(result).toEqual({ ok: true, value: { shown: false } });
    expect(electron.created).toHaveLength(0);
  });
});

describe('notification markup', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>SEV1</b>', '&lt;b&gt;SEV1&lt;/b&gt;'],
    [
      '<a href="https://evil.example">x</a>',
      '&lt;a href=&quot;https://evil.example&quot;&gt;x&lt;/a&gt;',
    ],
    ["<img src='file:///etc/passwd'>", '&lt;img src=&#39;file:///etc/passwd&#39;&gt;'],
    ['&amp;', '&amp;amp;'],
    ['Update due for INC-4', 'Update due for INC-4'],
  ])('escapes %j → %j', (text, expected) => {
    expect(escapeNotificationMarkup(text)).toBe(expected);
  });

  it('escapes the body on Linux only; the title is plain text everywhere', () => {
    const title = 'SEV1 <Checkout> & co';
    const body = '<i>Update</i> due';
    expect(notificationOptions(title, body, 'linux')).toEqual({
      title,
      body: '&lt;i&gt;Update&lt;/i&gt; due',
    });
    expect(notificationOptions(title, body, 'darwin')).toEqual({ title, body });
    expect(notificationOptions(title, body, 'win32')).toEqual({ title, body });
  });

  it('the notify:show handler hands the escaped body to the OS on Linux', async () => {
    await listener(trusted, { title: 'A & B', body: 'x <b>y</b> & z', tag: 't' });
    expect(electron.created[0]?.options).toEqual({
      title: 'A & B',
      body: 'x &lt;b&gt;y&lt;/b&gt; &amp; z',
    });
  });
});
