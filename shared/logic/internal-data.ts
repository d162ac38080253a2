/**
 * Finds internal details (hosts, addresses, people) in text meant for customers, so the
 * composer can warn before a status-page post leaks them. It is a warning, not a filter: the
 * patterns favour precision (times, versions and percentages never match) over catching every
 * possible internal name.
 */

/** What kind of internal detail was found. */
export type InternalDataKind = 'hostname' | 'ip' | 'handle' | 'person' | 'email' | 'url-internal';

/** One internal detail found in the text. */
export interface InternalDataMatch {
  kind: InternalDataKind;
  /** The text as it appears. */
  match: string;
  /** UTF-16 offset of the match in the text. */
  index: number;
}

/** Someone from the people directory. */
export interface DirectoryPerson {
  name: string;
  handle: string;
}

/** DNS suffixes that only resolve inside a company network or cluster. */
const INTERNAL_SUFFIXES = [
  'internal',
  'local',
  'localdomain',
  'corp',
  'lan',
  'intra',
  'intranet',
  'private',
  'svc',
  'home.arpa',
];

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const SUFFIX = `(?:${INTERNAL_SUFFIXES.map((s) => s.replace('.', '\\.')).join('|')})`;

/** `db-prod-3.internal`, `api.svc.cluster.local`, `build.corp`, `localhost`. */
const INTERNAL_HOST = `(?:(?:${LABEL}\\.)+${SUFFIX}|localhost)`;

/**
 * Bare machine names with an environment tag and a number (`db-prod-3`, `cache-stg-12a`) or
 * cloud-style IP names (`ip-10-0-3-7`): product names rarely look like this.
 */
const MACHINE_NAME =
  '(?:[a-z][a-z0-9]*-(?:prod|production|stg|staging|dev|qa|uat|canary)-[a-z0-9]*\\d[a-z0-9]*|ip-\\d{1,3}(?:-\\d{1,3}){3})';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Four octets, not part of a longer dotted number (a 5-part version is not an address). */
const IPV4 = `(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?:/\\d{1,2})?(?![\\d.]*\\d)`;

const HEX = '[0-9a-f]{1,4}';
/**
 * IPv6: eight groups, or a compressed form with `::`. Both need a shape a clock time cannot
 * have (14:05:09 has three groups and no `::`).
 */
const IPV6 = `(?<![\\w:])(?:(?:${HEX}:){7}${HEX}|${HEX}(?::${HEX}){0,6}::(?:${HEX}(?::${HEX}){0,6})?|::${HEX}(?::${HEX}){0,6})(?![\\w:])`;

const EMAIL = '(?<![\\w.+-])[a-z0-9._%+-]+@(?:[a-z0-9-]+\\.)+[a-z]{2,}(?![\\w-])';
const URL = '\\bhttps?://[^\\s<>"\'`]+';
/** @handle not preceded by a word character (which would make it part of an e-mail address). */
const HANDLE = '(?<![\\w@.])@[a-z0-9][a-z0-9._-]*[a-z0-9_]|(?<![\\w@.])@[a-z0-9]';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function collect(
  text: string,
  pattern: string,
  kind: InternalDataKind,
  flags = 'gi',
): InternalDataMatch[] {
  return [...text.matchAll(new RegExp(pattern, flags))].map((m) => ({
    kind,
    match: m[0],
    index: m.index,
  }));
}

/** A URL is internal when its host is an internal name, an address or has no dot at all. */
function internalUrls(text: string): InternalDataMatch[] {
  return collect(text, URL, 'url-internal').flatMap((m) => {
    const trimmed = m.match.replace(/[.,;:!?)\]]+$/, '');
    let host: string;
    try {
      host = new globalThis.URL(trimmed).hostname.toLowerCase();
    } catch {
      return [];
    }
    const internal =
      !host.includes('.') ||
      new RegExp(`^(?:${INTERNAL_HOST}|${MACHINE_NAME})$`, 'i').test(host) ||
      new RegExp(`^${IPV4}$`).test(host) ||
      host.startsWith('[');
    return internal ? [{ ...m, match: trimmed }] : [];
  });
}

/** Names from the directory, whole word and case-insensitive, plus their handles without `@`. */
function people(text: string, directory: readonly DirectoryPerson[]): InternalDataMatch[] {
  const found: InternalDataMatch[] = [];
  for (const person of directory) {
    const name = person.name.trim();
    if (name.length >= 2) {
      const words = escapeRegExp(name).replace(/\s+/g, '\\s+');
      found.push(
        ...collect(text, `(?<![\\p{L}\\p{N}_])${words}(?![\\p{L}\\p{N}_])`, 'person', 'giu'),
      );
    }
    const handle = person.handle.trim().replace(/^@/, '');
    if (handle.length >= 3) {
      const h = escapeRegExp(handle);
      found.push(...collect(text, `(?<![\\w@.])${h}(?![\\w])`, 'handle', 'gi'));
    }
  }
  return found;
}

/**
 * Finds hostnames, IP addresses, e-mail addresses, internal URLs, @handles and people's names
 * in text. Overlapping finds are reduced to the longest (an internal URL is reported once, not
 * also as a hostname), and results come in text order.
 */
export function findInternalData(
  text: string,
  options: { people: readonly DirectoryPerson[] },
): InternalDataMatch[] {
  const candidates = [
    ...internalUrls(text),
    ...collect(text, EMAIL, 'email'),
    ...collect(text, `(?<![\\w.-])${INTERNAL_HOST}(?![\\w-]|\\.\\w)`, 'hostname'),
    ...collect(text, `(?<![\\w.-])${MACHINE_NAME}(?![\\w-])`, 'hostname'),
    ...collect(text, IPV4, 'ip'),
    ...collect(text, IPV6, 'ip'),
    ...collect(text, HANDLE, 'handle'),
    ...people(text, options.people),
  ];
  // Longest first, so a contained match (the host inside a URL) loses to its container.
  candidates.sort((a, b) => b.match.length - a.match.length || a.index - b.index);
  const kept: InternalDataMatch[] = [];
  for (const c of candidates) {
    const end = c.index + c.match.length;
    if (kept.some((k) => c.index < k.index + k.match.length && end > k.index)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.index - b.index);
}
