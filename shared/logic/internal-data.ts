/**
 * Finds internal details in text meant for customers, so the composer can warn before a
 * status-page post leaks them: hosts, addresses, people, services from the catalog, version
 * strings, and wording copied from the internal impact or cause text. It is a warning, not a
 * filter: the patterns favour precision (times, dates, percentages and plain decimals never
 * match) over catching every possible internal name.
 */

/** What kind of internal detail was found. */
export type InternalDataKind =
  | 'hostname'
  | 'ip'
  | 'handle'
  | 'person'
  | 'email'
  | 'url-internal'
  | 'service'
  | 'version'
  | 'internal-text';

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

/** What the check knows besides the text. */
export interface InternalCheckOptions {
  /** The people directory: names and handles. */
  people: readonly DirectoryPerson[];
  /** Service names (the catalog's and the incident's): each is internal wherever it appears. */
  services?: readonly string[];
  /**
   * Internal texts (impact summary, Current understanding, title, confirmed hypotheses):
   * wording copied from them, and identifier-like words in them, are reported.
   */
  internalTexts?: readonly string[];
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
 * Version strings: `v2.3`, `v2.3.1-rc1`, and bare three-part versions `2.3.1` or
 * `16.9.2-ee`. Not two-part decimals (`99.9`), dates, times or four-part addresses.
 */
const VERSION =
  '(?<![\\w.-])(?:v\\d+(?:\\.\\d+){1,3}|\\d+\\.\\d+\\.\\d+)(?:-[0-9a-z]+(?:\\.[0-9a-z]+)*)?(?![\\w-]|\\.\\d)';

/** Service names, whole word and case-insensitive (`payments` matches "Payments"). */
function services(text: string, names: readonly string[]): InternalDataMatch[] {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))];
  return unique.flatMap((name) =>
    collect(
      text,
      `(?<![\\p{L}\\p{N}_-])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`,
      'service',
      'giu',
    ),
  );
}

/**
 * Common words that say nothing internal on their own (function words and the vocabulary every
 * incident message uses); a copied run must hold at least two words outside this list.
 */
const COMMON_WORDS = new Set(
  (
    'a an the and or but nor of to in on at by for from with without into onto over under ' +
    'about after before during since until while when where which who whom whose what why how ' +
    'is are was were be been being am do does did done has have had having will would can ' +
    'could should may might must shall not no yes all any some many more most less few each ' +
    'every other another such than then there here this that these those it its they them ' +
    'their we our us you your he she his her i me my as so if also just only very too up ' +
    'down out off again still now new old one two three first last same ' +
    'service services user users customer customers error errors issue issues problem ' +
    'problems incident some working work works normal normally slow slower fail fails failed ' +
    'failing failure failures unable cannot affected affect affects impact impacted outage ' +
    'degraded partial partially page pages site app application request requests data time ' +
    'minutes hours investigating identified resolved monitoring mitigating fix fixed'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}_'’./-]*[\p{L}\p{N}_]|[\p{L}\p{N}]/gu;

interface Word {
  text: string;
  lower: string;
  index: number;
}

function words(text: string, limit: number): Word[] {
  const found: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    if (found.length >= limit) break;
    found.push({ text: m[0], lower: m[0].toLowerCase(), index: m.index });
  }
  return found;
}

/** An identifier rather than a word: digits with letters, `_`, camelCase, dots or slashes. */
function identifierLike(word: string): boolean {
  return (
    (/\p{L}/u.test(word) && /\p{N}/u.test(word)) ||
    word.includes('_') ||
    /\p{Ll}\p{Lu}/u.test(word) ||
    /\p{L}[./]\p{L}/u.test(word)
  );
}

/** Bounds on the copied-wording search, so a pasted log excerpt cannot stall the composer. */
const MAX_WORDS = 3_000;
/** A copied run counts from this many words, of which at least two are not common words. */
const MIN_RUN = 3;

/**
 * Wording copied from internal texts: every run of at least three consecutive words (case and
 * punctuation aside) that also appears in one of them and holds two words outside
 * COMMON_WORDS, and each identifier-like word of them (`db5`, `snippet_creation`,
 * `pgBouncer`).
 */
function internalText(text: string, internal: readonly string[]): InternalDataMatch[] {
  const mine = words(text, MAX_WORDS);
  const found: InternalDataMatch[] = [];
  const span = (from: Word, to: Word): InternalDataMatch => ({
    kind: 'internal-text',
    match: text.slice(from.index, to.index + to.text.length),
    index: from.index,
  });
  const identifiers = new Set<string>();
  for (const source of internal) {
    const theirs = words(source, MAX_WORDS);
    for (const w of theirs) if (identifierLike(w.text)) identifiers.add(w.lower);
    if (theirs.length < MIN_RUN) continue;
    const starts = new Map<string, number[]>();
    theirs.forEach((w, j) => starts.set(w.lower, [...(starts.get(w.lower) ?? []), j]));
    let i = 0;
    while (i < mine.length) {
      let best = 0;
      for (const j of starts.get(mine[i]?.lower ?? '') ?? []) {
        let n = 0;
        while (mine[i + n] && theirs[j + n] && mine[i + n]?.lower === theirs[j + n]?.lower) n += 1;
        best = Math.max(best, n);
      }
      const run = mine.slice(i, i + best);
      const content = run.filter((w) => !COMMON_WORDS.has(w.lower)).length;
      const first = run[0];
      const last = run.at(-1);
      if (best >= MIN_RUN && content >= 2 && first && last) {
        found.push(span(first, last));
        i += best;
      } else i += 1;
    }
  }
  for (const w of mine) if (identifiers.has(w.lower)) found.push(span(w, w));
  return found;
}

/**
 * Finds hostnames, IP addresses, e-mail addresses, internal URLs, @handles, people's names,
 * service names, version strings and wording copied from internal texts. Overlapping finds are
 * reduced to the longest (an internal URL is reported once, not also as a hostname), except
 * that copied wording is listed beside the details it contains; results come in text order.
 */
export function findInternalData(text: string, options: InternalCheckOptions): InternalDataMatch[] {
  const details = [
    ...internalUrls(text),
    ...collect(text, EMAIL, 'email'),
    ...collect(text, `(?<![\\w.-])${INTERNAL_HOST}(?![\\w-]|\\.\\w)`, 'hostname'),
    ...collect(text, `(?<![\\w.-])${MACHINE_NAME}(?![\\w-])`, 'hostname'),
    ...collect(text, IPV4, 'ip'),
    ...collect(text, IPV6, 'ip'),
    ...collect(text, HANDLE, 'handle'),
    ...people(text, options.people),
    ...services(text, options.services ?? []),
    ...collect(text, VERSION, 'version'),
  ];
  // Copied wording is reported beside the details inside it (a copied sentence naming a host
  // shows both), so the two are reduced separately.
  const wording = internalText(text, options.internalTexts ?? []);
  return [...longestOnly(details), ...longestOnly(wording)].sort(
    (a, b) => a.index - b.index || b.match.length - a.match.length,
  );
}

/** Overlapping finds reduced to the longest (a contained match loses to its container). */
function longestOnly(candidates: InternalDataMatch[]): InternalDataMatch[] {
  const sorted = [...candidates].sort(
    (a, b) => b.match.length - a.match.length || a.index - b.index,
  );
  const kept: InternalDataMatch[] = [];
  for (const c of sorted) {
    const end = c.index + c.match.length;
    if (kept.some((k) => c.index < k.index + k.match.length && end > k.index)) continue;
    kept.push(c);
  }
  return kept;
}
