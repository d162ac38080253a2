import { shell } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';

/**
 * Electron's security checklist as small pure functions and config objects, each unit-tested,
 * plus two thin functions that wire them into a session and a web contents.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'warroom';

/**
 * The only webPreferences a Warroom window gets: isolated, sandboxed, no Node, no webview.
 * The page reaches the desktop only through the preload's `window.warroom`.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * CSP directives. Scripts only from the app itself (no inline, no eval); inline styles are
 * allowed because React's `style` props need them and they cannot run code.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The Content-Security-Policy header value sent with every app:// response. */
export function buildContentSecurityPolicy(
  directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES,
): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** True when `url` is on the app's own origin (app://warroom). Unparseable URLs are not. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // `origin` is "null" for custom schemes in Node's URL, which also keeps the host's case
    // (Chromium lowercases it), so compare scheme and lowercased host, with no credentials.
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host.toLowerCase() === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** The part of an IPC event that identifies who sent it. */
export interface IpcSenderLike {
  readonly senderFrame: { readonly url: string } | null;
}

/**
 * Decides whether an IPC message comes from the app's own page. A frame that navigated away,
 * was destroyed (`senderFrame` null) or shows any other origin is not trusted.
 */
export function isTrustedSender(event: IpcSenderLike): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

/**
 * Returns the normalised URL to hand to the system browser, or `null` when it must not be
 * opened: only http(s) is allowed, so `file:`, `javascript:`, custom app handlers and
 * malformed strings are refused after real URL parsing, not string matching.
 */
export function externalUrlToOpen(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    if (!parsed.hostname) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | null };

/**
 * What to do when the page tries to navigate: stay inside app://warroom; anything else is
 * blocked, and http(s) links go to the system browser instead of replacing the app.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, openExternally: externalUrlToOpen(url) };
}

/**
 * The only permissions the page may have; everything else (camera, geolocation…) is denied.
 * persistent-storage lets the renderer's navigator.storage.persist() keep the incident record
 * from being evicted under disk pressure.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
  'persistent-storage',
]);

/** Grants a permission only if it is allow-listed and asked for by the app's own origin. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return (
    ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl)
  );
}

function openExternally(url: string | null): void {
  if (!url) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.error('Warroom: could not open a link in the browser', error);
  });
}

/** Denies every permission except the allow-list, for requests and synchronous checks. */
export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}

/**
 * Locks down one web contents: no navigation away from the app, no new windows (links open
 * in the system browser), no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  const guard = (event: { url: string; preventDefault(): void }): void => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    openExternally(decision.openExternally);
  };
  contents.on('will-navigate', guard);
  // A redirect is never something the user clicked, so it is blocked without opening anything.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(externalUrlToOpen(url));
    return { action: 'deny' };
  });
}
