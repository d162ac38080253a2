import type { Connect, Plugin } from 'vite';
import {
  buildContentSecurityPolicy,
  buildMetaContentSecurityPolicy,
  CSP_DIRECTIVES,
  securityHeaders,
} from '../shared/security/csp.ts';

/**
 * The dev server's policy: the app's own, plus what Vite's hot reload needs (React Refresh's
 * inline preamble and the HMR websocket). Never used for a build or `npm run web`.
 */
export function devContentSecurityPolicy(): string {
  return buildContentSecurityPolicy({
    ...CSP_DIRECTIVES,
    'script-src': [...(CSP_DIRECTIVES['script-src'] ?? []), "'unsafe-inline'"],
    'connect-src': [...(CSP_DIRECTIVES['connect-src'] ?? []), 'ws://127.0.0.1:*'],
  });
}

/** A connect middleware that sets `headers` on every response. */
export function headersMiddleware(
  headers: Readonly<Record<string, string>>,
): Connect.NextHandleFunction {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };
}

/**
 * Adds the CSP `<meta http-equiv>` tag right after `<meta charset>` (so it precedes every
 * script and stylesheet it governs), or first in `<head>` when there is no charset tag. The
 * meta form leaves out the directives browsers ignore there (`frame-ancestors`); the header
 * carries them. The policy has no double quotes, so it sits safely in a double-quoted attribute.
 */
export function withCspMetaTag(html: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${buildMetaContentSecurityPolicy()}" />`;
  const charset = /<meta\s+charset=[^>]*>/i;
  if (charset.test(html)) return html.replace(charset, (m) => `${m}\n    ${tag}`);
  return html.replace(/<head[^>]*>/i, (m) => `${m}\n    ${tag}`);
}

/**
 * Puts the app's one Content-Security-Policy (shared/security/csp.ts) on the browser build:
 * a `<meta http-equiv>` tag first in the built index.html (so the page is protected wherever
 * its files are served from), and the full policy plus the other security headers on every
 * response of `vite preview`, which is what `npm run web` serves. The dev server gets a relaxed
 * policy for hot reload and no meta tag.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'warroom-content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        return ctx.server ? html : withCspMetaTag(html);
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use(headersMiddleware(securityHeaders()));
    },
    configureServer(server) {
      server.middlewares.use(
        headersMiddleware({
          ...securityHeaders(),
          'Content-Security-Policy': devContentSecurityPolicy(),
        }),
      );
    },
  };
}
