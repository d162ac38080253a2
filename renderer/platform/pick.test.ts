import { describe, expect, it } from 'vitest';
import type { WarroomApi } from '../../shared/ipc/contract';
import { createBrowserPlatform } from './browser';
import { pickPlatform } from './pick';

describe('pickPlatform', () => {
  it('the browser build has no relay to host', () => {
    const platform = pickPlatform(window);
    expect(platform.kind).toBe('browser');
    expect(platform.hostRelay).toBeUndefined();
    expect(createBrowserPlatform(window).hostRelay).toBeUndefined();
  });

  it('the desktop can host the war room', () => {
    const noop = () => () => undefined;
    const api = new Proxy({} as WarroomApi, {
      get: (_target, name) =>
        typeof name === 'string' && name.startsWith('on')
          ? noop
          : () => Promise.resolve({ ok: true, value: {} }),
    });
    const win = Object.assign(Object.create(window) as Window, { warroom: api });
    const platform = pickPlatform(win);
    expect(platform.kind).toBe('electron');
    expect(platform.hostRelay).toBeDefined();
  });
});
