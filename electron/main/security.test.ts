import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

const openExternal = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('electron', () => ({ shell: { openExternal } }));

import {
  applySessionPolicy,
  buildContentSecurityPolicy,
  decideNavigation,
  externalUrlToOpen,
  hardenWebContents,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  secureWebPreferences,
} from './security';

beforeEach(() => {
  openExternal.mockClear();
});

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and disables Node and webview', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});

describe('buildContentSecurityPolicy', () => {
  const csp = buildContentSecurityPolicy();
  const directive = (name: string): string | undefined =>
    csp
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${name} `));

  it.each([
    ['default-src', "default-src 'self'"],
    ['script-src', "script-src 'self'"],
    ['object-src', "object-src 'none'"],
    ['style-src', "style-src 'self' 'unsafe-inline'"],
    ['img-src', "img-src 'self' data:"],
    ['connect-src', "connect-src 'self'"],
    ['base-uri', "base-uri 'none'"],
    ['form-action', "form-action 'none'"],
    ['frame-ancestors', "frame-ancestors 'none'"],
  ])('sets %s', (name, expected) => {
    expect(directive(name)).toBe(expected);
  });

  it('never lets scripts run inline or through eval', () => {
    expect(directive('script-src')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('isAppUrl / isTrustedSender', () => {
  it.each([
    ['app://warroom/index.html', true],
    ['app://warroom/', true],
    ['app://warroom', true],
    ['APP://WARROOM/index.html', true],
    ['app://evil/index.html', false],
    ['app://warroom.evil/index.html', false],
    ['app://warroom:8080/index.html', false],
    ['app://user@warroom/index.html', false],
    ['http://warroom/index.html', false],
    ['file:///app/dist/index.html', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isAppUrl(url)).toBe(trusted);
    expect(isTrustedSender({ senderFrame: { url } })).toBe(trusted);
  });

  it('does not trust a destroyed or navigated-away frame', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it.each([
    ['https://status.example.com/incident/42', 'https://status.example.com/incident/42'],
    ['http://intranet.example/runbook', 'http://intranet.example/runbook'],
    ['HTTPS://Example.com', 'https://example.com/'],
  ])('opens %s', (url, expected) => {
    expect(externalUrlToOpen(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://warroom/index.html',
    'smb://host/share',
    'data:text/html,<script>alert(1)</script>',
    'ms-settings:',
    'https://',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('allows staying inside the app', () => {
    expect(decideNavigation('app://warroom/index.html#/incidents/1')).toEqual({ allow: true });
  });

  it('blocks leaving the app and hands http(s) to the browser', () => {
    expect(decideNavigation('https://example.com/')).toEqual({
      allow: false,
      openExternally: 'https://example.com/',
    });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ allow: false, openExternally: null });
  });
});

describe('isPermissionAllowed', () => {
  it('grants notifications and sanitized clipboard writes to the app', () => {
    expect(isPermissionAllowed('notifications', 'app://warroom/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://warroom')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'app://warroom')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://evil.example')).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'usb', 'unknown'])(
    'denies %s',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://warroom/index.html')).toBe(false);
    },
  );

  it('denies even allowed permissions to other origins', () => {
    expect(isPermissionAllowed('notifications', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('notifications', undefined)).toBe(false);
  });
});

describe('applySessionPolicy', () => {
  it('installs request and check handlers that use the allow-list', () => {
    const setPermissionRequestHandler = vi.fn();
    const setPermissionCheckHandler = vi.fn();
    applySessionPolicy({
      setPermissionRequestHandler,
      setPermissionCheckHandler,
    } as unknown as Session);

    type RequestHandler = (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    const onRequest = setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler;
    const callback = vi.fn();
    onRequest(null, 'media', callback, { requestingUrl: 'app://warroom/index.html' });
    onRequest(null, 'notifications', callback, { requestingUrl: 'app://warroom/index.html' });
    expect(callback.mock.calls).toEqual([[false], [true]]);

    const onCheck = setPermissionCheckHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      origin: string,
    ) => boolean;
    expect(onCheck(null, 'notifications', 'app://warroom')).toBe(true);
    expect(onCheck(null, 'geolocation', 'app://warroom')).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: unknown) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: vi.fn((name: string, listener: (event: unknown) => void) => {
        listeners.set(name, listener);
      }),
      setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
        openHandler = handler;
      }),
    };
    hardenWebContents(contents as unknown as WebContents);
    const navigate = (name: string, url: string) => {
      const event = { url, preventDefault: vi.fn() };
      listeners.get(name)?.(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { listeners, navigate, open: (url: string) => openHandler?.({ url }) };
  }

  it('blocks navigation away from the app and opens web links in the browser', () => {
    const { navigate } = fakeContents();
    expect(navigate('will-navigate', 'app://warroom/index.html')).toBe(false);
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks redirects out of the app without opening them', () => {
    const { navigate } = fakeContents();
    expect(navigate('will-redirect', 'https://example.com/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, opening only http(s) URLs externally', () => {
    const { open } = fakeContents();
    expect(open('https://example.com/runbook')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('app://warroom/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/runbook']]);
  });

  it('refuses to attach webviews', () => {
    const { listeners } = fakeContents();
    const event = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
