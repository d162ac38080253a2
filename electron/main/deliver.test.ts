import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { deliverMenuCommand, sendWhenLoaded, type EventTarget } from './deliver';

/** A window whose page is loading until `load()` fires did-finish-load. */
function fakeWindow(loading: boolean) {
  const events = new EventEmitter();
  const state = { loading, destroyed: false };
  const send = vi.fn();
  const win: EventTarget = {
    isDestroyed: () => state.destroyed,
    webContents: {
      isLoading: () => state.loading,
      once: (event, listener) => events.once(event, listener),
      send,
    },
  };
  const load = () => {
    state.loading = false;
    events.emit('did-finish-load');
  };
  return { win, send, load, state };
}

describe('sendWhenLoaded', () => {
  it('sends at once to a loaded page', () => {
    const { win, send } = fakeWindow(false);
    expect(sendWhenLoaded(win, 'menu:command', 'toggle-theme')).toBe(true);
    expect(send).toHaveBeenCalledWith('menu:command', 'toggle-theme');
  });

  it('queues for a page still loading and delivers, in order, once it has loaded', () => {
    const { win, send, load } = fakeWindow(true);
    sendWhenLoaded(win, 'menu:command', 'open-settings');
    sendWhenLoaded(win, 'menu:command', 'toggle-theme');
    expect(send).not.toHaveBeenCalled();
    load();
    expect(send.mock.calls).toEqual([
      ['menu:command', 'open-settings'],
      ['menu:command', 'toggle-theme'],
    ]);
  });

  it('sends nothing to a window destroyed before or while loading', () => {
    const gone = fakeWindow(false);
    gone.state.destroyed = true;
    expect(sendWhenLoaded(gone.win, 'menu:command', 'new-incident')).toBe(false);
    const closing = fakeWindow(true);
    sendWhenLoaded(closing.win, 'menu:command', 'new-incident');
    closing.state.destroyed = true;
    closing.load();
    expect(gone.send).not.toHaveBeenCalled();
    expect(closing.send).not.toHaveBeenCalled();
  });
});

describe('deliverMenuCommand', () => {
  it('opens a window when none is left and delivers the command once its page has loaded', () => {
    const opened = fakeWindow(true);
    const focus = vi.fn();
    const open = vi.fn(() => opened.win);
    deliverMenuCommand('menu:command', 'open-settings', { target: () => null, open, focus });
    expect(open).toHaveBeenCalledOnce();
    expect(focus).toHaveBeenCalledWith(opened.win);
    expect(opened.send).not.toHaveBeenCalled();
    opened.load();
    expect(opened.send).toHaveBeenCalledWith('menu:command', 'open-settings');
  });

  it('sends to the focused window without raising it for Toggle Theme', () => {
    const current = fakeWindow(false);
    const focus = vi.fn();
    const open = vi.fn();
    deliverMenuCommand('menu:command', 'toggle-theme', {
      target: () => current.win,
      open: open as () => EventTarget,
      focus,
    });
    expect(open).not.toHaveBeenCalled();
    expect(focus).not.toHaveBeenCalled();
    expect(current.send).toHaveBeenCalledWith('menu:command', 'toggle-theme');
  });
});
