/**
 * The one Content-Security-Policy of the app, used by the desktop shell (app:// responses and
 * the default session's response hook), the browser build's server (`npm run web`, through
 * the Vite plugin in vite.config.ts) and the `<meta>` tag written into the built index.html.
 * Source: OWASP CSP cheat sheet ("strict policy") and Electron's security checklist, item 7.
 */

/**
 * Scripts only from the app itself (no inline script, no eval, no remote code); connections to
 * the app and to war-room relays; inline styles
 * are allowed because React's `style` props need them and they cannot run code; images from
 * the app or data: URLs; no plugins, no <base>, no form posts, no framing by other pages.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // A war room's relay (multi-seat): its address comes from the join code the user pastes, so any
  // host. WebSockets, and a plain request to the same address before each reconnect attempt
  // (renderer/sync/gated-websocket.ts: Chromium throttles failed WebSockets by seconds, plain
  // requests not). http:/https: add no reach that ws:/wss: to any host did not already give,
  // and scripts stay limited to the app (script-src).
  'connect-src': ["'self'", 'ws:', 'wss:', 'http:', 'https:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Directives browsers ignore (and warn about in the console) when the policy comes from a
 * `<meta http-equiv>` tag (CSP Level 3, §3.3): they only work as a response header.
 */
export const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set([
  'frame-ancestors',
  'report-uri',
  'sandbox',
]);

/** The policy as a header value: `name source source; name source; …`. */
export function buildContentSecurityPolicy(
  directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES,
): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The same policy for a `<meta http-equiv="Content-Security-Policy">` tag (header-only directives left out). */
export function buildMetaContentSecurityPolicy(
  directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES,
): string {
  return buildContentSecurityPolicy(
    Object.fromEntries(Object.entries(directives).filter(([n]) => !HEADER_ONLY_DIRECTIVES.has(n))),
  );
}

/**
 * Every security header the app's pages are served with, desktop and browser alike: the CSP,
 * `nosniff` (scripts only with a JavaScript MIME type) and a same-origin opener policy (a page
 * opened from a link cannot script the app's window).
 */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
