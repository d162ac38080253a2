import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

const openExternal = vi.hoisted(() => vi.fn(() => Promise.resolve()));
const showMessageBox = vi.hoisted(() => vi.fn(() => Promise.resolve({ response: 0 })));
const parentWindow = vi.hoisted(() => ({ id: 'parent' }));
vi.mock('electron', () => ({
  shell: { openExternal },
  dialog: { showMessageBox },
  BrowserWindow: { fromWebContents: vi.fn(() => parentWindow) },
}));

import {
  applySessionPolicy,
  buildContentSecurityPolicy,
  decideNavigation,
  externalLinkPrompt,
  hardenWebContents,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  openExternalLink,
  secureWebPreferences,
  withSecurityHeaders,
} from './security';
import { SECURE_PREFERENCES } from './testing/fake-electron';

beforeEach(() => {
  openExternal.mockClear();
  showMessageBox.mockReset();
  showMessageBox.mockResolvedValue({ response: 0 });
});

/** Lets the promise chains started by event handlers settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and disables Node and webview', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      ...SECURE_PREFERENCES,
      disableBlinkFeatures: 'Auxclick',
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
    ['connect-src', "connect-src 'self' ws: wss: http: https:"],
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

describe('decideNavigation', () => {
  it('allows staying inside the app', () => {
    expect(decideNavigation('app://warroom/index.html#/incidents/1')).toEqual({ allow: true });
  });

  it.each([
    ['https://example.com/', { action: 'open', href: 'https://example.com/', host: 'example.com' }],
    [
      'http://intranet.example/runbook',
      {
        action: 'confirm',
        href: 'http://intranet.example/runbook',
        host: 'intranet.example',
        warnings: ['not-encrypted'],
      },
    ],
    [
      'https://good.example@evil.example/',
      {
        action: 'confirm',
        href: 'https://good.example@evil.example/',
        host: 'evil.example',
        warnings: ['credentials'],
      },
    ],
    ['file:///etc/passwd', { action: 'refuse' }],
    ['javascript:alert(1)', { action: 'refuse' }],
    ['app://warroom.evil/index.html', { action: 'refuse' }],
    ['smb://host/share', { action: 'refuse' }],
    ['ms-settings:', { action: 'refuse' }],
  ])('blocks leaving the app for %s and applies the link policy', (url, external) => {
    expect(decideNavigation(url)).toEqual({ allow: false, external });
  });
});

describe('openExternalLink', () => {
  it('opens plain https without asking', async () => {
    await expect(
      openExternalLink({ action: 'open', href: 'https://a.example/', host: 'a.example' }, null),
    ).resolves.toBe(true);
    expect(showMessageBox).not.toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://a.example/');
  });

  it('asks first, naming the real host, and opens only on "Open in browser"', async () => {
    const decision = {
      action: 'confirm',
      href: 'https://good.example@evil.example/',
      host: 'evil.example',
      warnings: ['credentials'],
    } as const;
    await expect(openExternalLink(decision, null)).resolves.toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
    const prompt = externalLinkPrompt(decision);
    expect(prompt.message).toBe('Open a link to evil.example?');
    expect(prompt.detail).toContain('https://good.example@evil.example/');
    expect(prompt.buttons).toEqual(['Cancel', 'Open in browser']);
    expect(prompt.cancelId).toBe(0);
    expect(prompt.defaultId).toBe(0);
    expect(showMessageBox).toHaveBeenCalledWith(prompt);

    showMessageBox.mockResolvedValue({ response: 1 });
    await expect(openExternalLink(decision, null)).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://good.example@evil.example/');
  });

  it('does not ask twice when the renderer already asked', async () => {
    const decision = {
      action: 'confirm',
      href: 'http://a.example/',
      host: 'a.example',
      warnings: ['not-encrypted'],
    } as const;
    await expect(openExternalLink(decision, null, true)).resolves.toBe(true);
    expect(showMessageBox).not.toHaveBeenCalled();
  });

  it('never opens a refused link, even "confirmed"', async () => {
    await expect(openExternalLink({ action: 'refuse' }, null, true)).resolves.toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('withSecurityHeaders', () => {
  it('replaces any CSP the response brought and keeps other headers', () => {
    const out = withSecurityHeaders({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
      'x-content-type-options': 'sniff',
    });
    expect(out['Content-Security-Policy']).toEqual([buildContentSecurityPolicy()]);
    expect(out['content-security-policy']).toBeUndefined();
    expect(out['x-content-type-options']).toBeUndefined();
    expect(out['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(out['Content-Type']).toEqual(['text/html']);
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
    const onHeadersReceived = vi.fn();
    applySessionPolicy({
      setPermissionRequestHandler,
      setPermissionCheckHandler,
      webRequest: { onHeadersReceived },
    } as unknown as Session);

    type HeadersHook = (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const onHeaders = onHeadersReceived.mock.calls[0]?.[0] as HeadersHook;
    const headersCallback = vi.fn();
    onHeaders(
      { url: 'app://warroom/index.html', responseHeaders: { 'Content-Type': ['text/html'] } },
      headersCallback,
    );
    expect(headersCallback).toHaveBeenCalledWith({
      responseHeaders: expect.objectContaining({
        'Content-Security-Policy': [buildContentSecurityPolicy()],
        'Content-Type': ['text/html'],
      }) as unknown,
    });

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

  it('blocks navigation away from the app and opens web links in the browser', async () => {
    const { navigate } = fakeContents();
    expect(navigate('will-navigate', 'app://warroom/index.html')).toBe(false);
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    await settle();
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    await settle();
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('asks before following an http: or credentials link, naming the real host', async () => {
    const { navigate, open } = fakeContents();
    expect(navigate('will-navigate', 'https://good.example@evil.example/')).toBe(true);
    expect(open('http://status.example/')).toEqual({ action: 'deny' });
    await settle();
    expect(showMessageBox.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      parentWindow,
      parentWindow,
    ]);
    expect(
      showMessageBox.mock.calls.map((c) => ((c as unknown[])[1] as { message: string }).message),
    ).toEqual(['Open a link to evil.example?', 'Open a link to status.example?']);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks redirects out of the app without opening them', () => {
    const { navigate } = fakeContents();
    expect(navigate('will-redirect', 'https://example.com/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, opening only plain https URLs externally', async () => {
    const { open } = fakeContents();
    expect(open('https://example.com/runbook')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('app://warroom/index.html')).toEqual({ action: 'deny' });
    await settle();
    expect(openExternal.mock.calls).toEqual([['https://example.com/runbook']]);
  });

  it('refuses to attach webviews', () => {
    const { listeners } = fakeContents();
    const event = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
