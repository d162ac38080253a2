import { BrowserWindow, dialog, shell } from 'electron';
import type { MessageBoxOptions, Session, WebContents, WebPreferences } from 'electron';
import {
  buildContentSecurityPolicy,
  CSP_DIRECTIVES,
  securityHeaders,
} from '../../shared/security/csp';
import {
  externalLinkPolicy,
  LINK_WARNING_TEXT,
  type ExternalLinkDecision,
} from '../../shared/security/links';

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
    // Fixes Electronegativity AUXCLICK_JS_CHECK: a middle click cannot open links behind the
    // page's back (they would still meet setWindowOpenHandler's link policy).
    disableBlinkFeatures: 'Auxclick',
  };
}

// The policy lives in shared/ so the browser build's server and built page use the same one.
export { buildContentSecurityPolicy, CSP_DIRECTIVES };

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

export type NavigationDecision = { allow: true } | { allow: false; external: ExternalLinkDecision };

/**
 * What to do when the page tries to navigate: stay inside app://warroom; anything else is
 * blocked, and what the app's one link policy (shared/security/links.ts) says about the URL
 * decides whether it goes to the system browser, after a question or not at all.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, external: externalLinkPolicy(url) };
}

/**
 * The native question asked before a link that is not plain https reaches the system browser:
 * it names the real host (never the text before an `@`), says why it asks, and shows the whole
 * URL. "Cancel" is the default and the Escape answer.
 */
export function externalLinkPrompt(
  decision: Extract<ExternalLinkDecision, { action: 'confirm' }>,
): MessageBoxOptions {
  return {
    type: 'warning',
    title: 'Open link',
    message: `Open a link to ${decision.host}?`,
    detail: [...decision.warnings.map((w) => LINK_WARNING_TEXT[w]), '', decision.href].join('\n'),
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/**
 * Hands a link to the system browser as the link policy says: `open` goes straight through,
 * `confirm` only after the user says yes to {@link externalLinkPrompt} (or when the renderer's
 * own dialog already asked, `alreadyConfirmed`), `refuse` never. Resolves to whether it opened.
 */
export async function openExternalLink(
  decision: ExternalLinkDecision,
  parent: BrowserWindow | null,
  alreadyConfirmed = false,
): Promise<boolean> {
  if (decision.action === 'refuse') return false;
  if (decision.action === 'confirm' && !alreadyConfirmed) {
    const prompt = externalLinkPrompt(decision);
    const { response } = parent
      ? await dialog.showMessageBox(parent, prompt)
      : await dialog.showMessageBox(prompt);
    if (response !== 1) return false;
  }
  // Only URLs the link policy let through (http(s) with a host, asked about unless plain https)
  // reach the OS; see docs/electronegativity.md.
  await shell.openExternal(decision.href); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return true;
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

function openExternally(decision: ExternalLinkDecision, contents: WebContents): void {
  openExternalLink(decision, BrowserWindow.fromWebContents(contents)).catch((error: unknown) => {
    console.error('Warroom: could not open a link in the browser', error);
  });
}

/**
 * Response headers with the app's security headers set (any CSP a response brought is
 * replaced, whatever the case of its name), for the default session's `onHeadersReceived`.
 */
export function withSecurityHeaders(
  headers: Readonly<Record<string, string[] | string>> | undefined,
): Record<string, string[]> {
  const ours = securityHeaders();
  const names = new Set(Object.keys(ours).map((n) => n.toLowerCase()));
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (!names.has(name.toLowerCase())) out[name] = Array.isArray(value) ? value : [value];
  for (const [name, value] of Object.entries(ours)) out[name] = [value];
  return out;
}

/**
 * The default session's policy: every permission denied except the allow-list (requests and
 * synchronous checks), and every response carrying the CSP and security headers, so the policy
 * holds even for a response that did not come from the app:// handler.
 */
export function applySessionPolicy(session: Session): void {
  // Electronegativity's permission checks are answered here: an allow-list, for the app's own
  // origin only (docs/electronegativity.md).
  /* eng-disable PERMISSION_REQUEST_HANDLER_JS_CHECK */
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // The CSP is set on every response here, by the app:// handler (app-protocol.ts) and as a
  // <meta> tag in the built page (docs/electronegativity.md, CSP_GLOBAL_CHECK).
  /* eng-disable CSP_GLOBAL_CHECK */
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools (development builds only) brings its own policy; everything else gets ours.
    if (details.url.startsWith('devtools:')) callback({});
    else callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
}

/**
 * Locks down one web contents: no navigation away from the app, no new windows (links open
 * in the system browser), no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  // Navigation is limited by the three handlers below (will-navigate, will-redirect,
  // setWindowOpenHandler); docs/electronegativity.md, LIMIT_NAVIGATION_GLOBAL_CHECK.
  /* eng-disable LIMIT_NAVIGATION_JS_CHECK */
  const guard = (event: { url: string; preventDefault(): void }): void => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    openExternally(decision.external, contents);
  };
  contents.on('will-navigate', guard);
  // A redirect is never something the user clicked, so it is blocked without opening anything.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(externalLinkPolicy(url), contents);
    return { action: 'deny' };
  });
}
