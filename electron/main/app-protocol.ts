import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { securityHeaders } from '../../shared/security/csp';
import { APP_HOST, APP_SCHEME, isAppUrl } from './security';

/** The page every window loads; served by {@link registerAppProtocol} from the renderer build. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The subset of `node:path` the resolver needs, so tests can check Windows rules on Linux. */
type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an `app://warroom/…` request URL to a file inside `rootDir`, or `null` when the URL is
 * not ours or would escape the root (`..`, encoded separators, NUL bytes, another drive).
 * Pure, so the traversal rules are unit-tested without Electron.
 */
export function resolveAppPath(
  requestUrl: string,
  rootDir: string,
  pathApi: PathApi = path,
): string | null {
  if (!isAppUrl(requestUrl)) return null;

  let relative: string;
  try {
    relative = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (relative.includes('\0')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';

  const root = pathApi.resolve(rootDir);
  // Resolve as relative to the root: a leading "/" must not mean the filesystem root.
  const resolved = pathApi.resolve(root, `.${relative}`);
  const fromRoot = pathApi.relative(root, resolved);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${pathApi.sep}`)) return null;
  if (pathApi.isAbsolute(fromRoot)) return null; // e.g. another drive on Windows
  return resolved;
}

/**
 * Declares `app://` a standard, secure scheme so the renderer gets a real origin (IndexedDB,
 * the async clipboard and ES modules all need one). Must run before the app is ready.
 */
export function registerAppSchemeAsPrivileged(): void {
  // The scheme serves only the renderer build, with traversal refused (resolveAppPath) and the
  // CSP on every response (docs/electronegativity.md).
  /* eng-disable PROTOCOL_HANDLER_JS_CHECK */
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Type for a served file. Set explicitly because responses carry `nosniff`, and
 * Chromium refuses module scripts without a JavaScript MIME type.
 */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Security headers sent with every app:// response; the CSP is the one that matters. */
export function appResponseHeaders(): Record<string, string> {
  // The same headers the browser build's server sends (shared/security/csp.ts).
  return securityHeaders();
}

/**
 * Serves the renderer build (`rootDir`, i.e. dist/) on app://warroom. Files are read with
 * `net.fetch` of a file URL, which also works inside the asar archive, and every response
 * carries the CSP, so the policy holds whatever the HTML says.
 */
export function registerAppProtocol(rootDir: string): void {
  /* eng-disable PROTOCOL_HANDLER_JS_CHECK */
  protocol.handle(APP_SCHEME, async (request) => {
    const filePath = resolveAppPath(request.url, rootDir);
    if (!filePath) return new Response('Not found', { status: 404 });
    try {
      const file = await net.fetch(pathToFileURL(filePath).toString());
      if (!file.ok) return new Response('Not found', { status: 404 });
      const headers = new Headers(file.headers);
      headers.set('Content-Type', contentTypeFor(filePath));
      for (const [name, value] of Object.entries(appResponseHeaders())) headers.set(name, value);
      return new Response(file.body, { status: 200, headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
