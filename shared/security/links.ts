/**
 * The one URL policy for links that leave the app: the Electron shell (navigation, new
 * windows, the `app:open-external` channel), the renderer's Markdown preview, and the
 * exported documents' links all decide with the functions below.
 *
 * Source of the rules: WHATWG URL parsing (never string matching), and the phishing patterns
 * browsers warn about: credentials before the host (`https://good.example@evil.example/` goes
 * to evil.example), plain http (readable and rewritable on the way), punycode look-alike hosts
 * (`https://аpple.example` is `xn--pple-…`), and link text that names another host.
 */

/** Schemes the app will hand to the system browser. */
export const WEB_LINK_PROTOCOLS: readonly string[] = ['https:', 'http:'];

/** Schemes a link may keep in an exported document (Markdown, HTML, Slack, plain text). */
export const DOCUMENT_LINK_PROTOCOLS: readonly string[] = [...WEB_LINK_PROTOCOLS, 'mailto:'];

/** Longest URL the app follows or keeps (a generous bound; Chromium's own limit is 2 MB). */
export const MAX_LINK_LENGTH = 8_192;

/**
 * Parses `raw` (trimmed) with the WHATWG URL parser and keeps it only when its scheme is in
 * `protocols` and, for http(s), it names a host. Returns the URL, or `null` for anything
 * else: relative paths, `javascript:`, `data:`, `file:`, custom app handlers, malformed text,
 * or text longer than {@link MAX_LINK_LENGTH}.
 */
export function parseLink(
  raw: string,
  protocols: readonly string[] = WEB_LINK_PROTOCOLS,
): URL | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_LINK_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!protocols.includes(url.protocol)) return null;
  if (WEB_LINK_PROTOCOLS.includes(url.protocol) && url.hostname === '') return null;
  return url;
}

/** Why a link needs the user's word before it opens. */
export type LinkWarning =
  /** `http:`: anyone on the network can read or change the page. */
  | 'not-encrypted'
  /** `user:password@` before the host: the text before `@` is not where the link goes. */
  | 'credentials'
  /** A punycode (`xn--`) label: the host may imitate another with look-alike letters. */
  | 'lookalike-host'
  /** The link's visible text is a URL or domain on another host than the link's. */
  | 'text-names-other-host';

/** Plain-words explanation of each warning, for the confirmation dialogs. */
export const LINK_WARNING_TEXT: Readonly<Record<LinkWarning, string>> = {
  'not-encrypted':
    'The link is not encrypted (http:), so the page can be read or changed on the way.',
  credentials:
    'The link has a user name or password before the host, which can disguise where it goes.',
  'lookalike-host': 'The host name uses international characters that can imitate another site.',
  'text-names-other-host': 'The link text names a different site than the one the link opens.',
};

/** What to do with a link that leaves the app. */
export type ExternalLinkDecision =
  | { action: 'refuse' }
  | { action: 'open'; href: string; host: string }
  | { action: 'confirm'; href: string; host: string; warnings: readonly LinkWarning[] };

/** The host a visible link text names (`https://a.example/x`, `a.example/x`), or null. */
function hostNamedBy(text: string): string | null {
  const t = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return parseLink(t)?.hostname ?? null;
  // A bare domain: letters/digits/hyphens in dot-separated labels with a letter TLD.
  if (/^(?:[a-z0-9-]+\.)+[a-z]{2,63}(?:[:/?#]\S*)?$/i.test(t))
    return parseLink(`https://${t}`)?.hostname ?? null;
  return null;
}

const sameHost = (a: string, b: string): boolean =>
  a.replace(/\.$/, '').replace(/^www\./, '') === b.replace(/\.$/, '').replace(/^www\./, '');

/**
 * Decides whether a link may leave the app, given its URL and (optionally) the text the user
 * saw for it:
 * - `refuse`: not an absolute http(s) URL with a host (see {@link parseLink});
 * - `open`: plain `https:` with no credentials, an ASCII host, and text that does not name
 *   another host: open it in the system browser without asking;
 * - `confirm`: anything else that is http(s); the caller shows `host` (the real destination,
 *   `hostname[:port]` in ASCII/punycode form) and the warnings, and opens `href` only on yes.
 *
 * `href` is the parser's normalised form (what the browser will really load).
 */
export function externalLinkPolicy(raw: string, shownText?: string): ExternalLinkDecision {
  const url = parseLink(raw, WEB_LINK_PROTOCOLS);
  if (!url) return { action: 'refuse' };
  const warnings: LinkWarning[] = [];
  if (url.protocol === 'http:') warnings.push('not-encrypted');
  if (url.username !== '' || url.password !== '') warnings.push('credentials');
  if (url.hostname.split('.').some((label) => label.startsWith('xn--')))
    warnings.push('lookalike-host');
  const named = shownText === undefined ? null : hostNamedBy(shownText);
  if (named !== null && !sameHost(named, url.hostname)) warnings.push('text-names-other-host');
  const host = url.host;
  return warnings.length === 0
    ? { action: 'open', href: url.href, host }
    : { action: 'confirm', href: url.href, host, warnings };
}
