import MiniSearch, {
  type Options,
  type Query,
  type SearchOptions,
  type SearchResult,
} from 'minisearch';
import type { Severity } from '../domain/severity';
import {
  SEARCHED_TABLES,
  type SearchDocument,
  type SearchedTable,
  type SearchKind,
} from './documents';

/**
 * The full-text index (MiniSearch, chosen by measurement: see BENCHMARKS.md run J): search
 * documents in, ranked hits out, with typo tolerance and prefix matching. Updated a row at a time
 * (`replaceRow`, `removeRow`) and serialisable (`toJSON`/`load`), so a worker can keep it current
 * from change events and start from a stored copy. Pure: no I/O.
 *
 * **Two levels, so a query's cost does not grow with the record** (BENCHMARKS.md run M). One
 * index over every document scored every document that matched: a common word in a year of
 * incidents matched 150,000 timeline entries and a query took half a second. Here the documents
 * of one incident are kept in *buckets* of about {@link BUCKET_DOCS}, in the order they arrive
 * (so a bucket is a stretch of the incident's time), and the *outline* index holds one document
 * per bucket: all its documents' text. A query first ranks buckets in the outline (a few thousand
 * at most), then opens the best ones, each a small index of its own built on first use and
 * kept in a least-recently-used cache, and takes the hits there: the same words, typos, prefixes
 * and filters decide, document by document. A document matching every word has every word in
 * its bucket, so the outline never hides a match. But a bucket can hold every word in different
 * documents and give no hit: so a query opens at least {@link OPEN_BUCKETS} buckets and goes on
 * down the ranking until the buckets opened hold {@link SEARCH_BUDGET_DOCS} documents (a budget
 * of work, not of time, so the same query finds the same things on a busy machine), and the
 * answer says when buckets were left unopened (`more`).
 */

/** The facts of an incident the results show and the filters read (kept current apart from
 * the documents, so a severity change does not re-index the incident's 50,000 entries). */
export interface IncidentMeta {
  id: string;
  ref: string;
  title: string;
  severity: Severity;
  services: readonly string[];
  drill: boolean;
  /** Declared at, epoch ms (UTC). */
  createdAt: number;
}

/** What a search narrows to; every field optional (absent: no narrowing). */
export interface SearchFilters {
  severities?: readonly Severity[];
  /** A service name (an incident's affected service, a runbook's service), exact. */
  service?: string;
  /** Only documents that happened at or after / before this time, epoch ms (UTC). */
  from?: number;
  to?: number;
  kinds?: readonly SearchKind[];
  /** Drills: left in (default), left out, or only drills. */
  drills?: 'include' | 'exclude' | 'only';
  /** Deleted timeline entries are found only when asked. */
  includeDeleted?: boolean;
}

/** One document found: what it is and the index terms it matched (for the snippet). */
export interface SearchHit {
  id: string;
  incidentId: string | null;
  kind: SearchKind;
  label: string;
  occurredAt: number;
  deleted: boolean;
  score: number;
  /** The index terms the query matched in it (lower-case), after typo and prefix expansion. */
  terms: string[];
}

/** Hits of one incident (or of none: runbooks), best first. */
export interface SearchGroup {
  incidentId: string | null;
  incident: IncidentMeta | null;
  hits: SearchHit[];
}

/** A search's answer: groups best first; `total` hits counted in the buckets opened, and `more`
 * when buckets that may hold further hits were left unopened (the count is then a floor). */
export interface SearchAnswer {
  groups: SearchGroup[];
  total: number;
  more: boolean;
}

/** Documents per bucket: a row's documents always share one, so a bucket can run over. */
export const BUCKET_DOCS = 100;
/** A query opens at least this many buckets (each ≤ 1.5 ms to build the first time, then cached)… */
export const OPEN_BUCKETS = 120;
/** …and goes on opening the next-ranked ones while those opened hold fewer documents than this. */
export const SEARCH_BUDGET_DOCS = 30_000;
/** Bucket indexes kept built between queries (typing refines a query over the same buckets). */
export const BUCKET_CACHE = 240;

/** A document as the index keeps it: what a hit shows, what filters read, and its text. */
interface Doc {
  id: string;
  source: string;
  incidentId: string | null;
  kind: SearchKind;
  label: string;
  occurredAt: number;
  deleted: boolean;
  services: readonly string[];
  text: string;
  bucket: number;
}

interface Bucket {
  id: number;
  incidentId: string | null;
  docs: Set<string>;
  /** What its documents span, for filters that can rule the whole bucket out (kept by flush). */
  kinds: Set<SearchKind>;
  minAt: number;
  maxAt: number;
  live: number;
}

/** Serialised form (version 2: buckets; version 1 was one index over every document). */
interface Snapshot {
  version: 2;
  incidents: IncidentMeta[];
  counts: Record<SearchedTable, number>;
  /** Post-mortem source → its document ids (a post-mortem has one per section). */
  multi: Array<[string, string[]]>;
  /** [id, source, incidentId, kind, label, occurredAt, deleted 0|1, services, text, bucket] */
  docs: Array<
    [string, string, string | null, SearchKind, string, number, 0 | 1, string[], string, number]
  >;
  buckets: Array<[number, string | null]>;
  /** Shard (incident, entries or other records; see shardOf) → the bucket new rows go to. */
  open: Array<[string, number]>;
  nextBucket: number;
  outline: unknown;
}

const SNAPSHOT_VERSION = 2;

/** The outline: one document per bucket, its text all the bucket's texts. */
const OUTLINE_OPTIONS: Options<{ id: number; text: string }> = {
  idField: 'id',
  fields: ['text'],
  // Buckets change as entries are logged; discarded versions are cleaned up in small batches.
  autoVacuum: { batchSize: 500, batchWait: 10, minDirtCount: 500, minDirtFactor: 0.1 },
};

/** A bucket's own index: built once from the bucket as it is, thrown away when it changes. */
const BUCKET_OPTIONS: Options<Doc> = { idField: 'id', fields: ['text'], autoVacuum: false };

/**
 * Typo tolerance by word length: none under 4 letters (a typo in "db" is another word), one
 * edit up to 7, two from 8 on. Prefix matching for every word of 2 letters or more.
 */
export function maxEditsFor(term: string): number {
  if (term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}

/** MiniSearch's own word split (its default tokenizer): white space and punctuation. */
const WORD_SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/**
 * The words a person would have meant by swapping two neighbouring letters of `term` ("pyament"
 * → "payment", "cehckout" → "checkout"), each once, `term` itself left out. The commonest typing
 * slip, and two edits in the Levenshtein distance MiniSearch counts, so a word of 4 to 7 letters
 * (one edit allowed, see maxEditsFor) would otherwise miss it.
 */
export function transpositionsOf(term: string): string[] {
  const letters = [...term];
  const out = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) {
    if (letters[i] === letters[i + 1]) continue;
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [letters[i + 1] as string, letters[i] as string];
    out.add(swapped.join(''));
  }
  out.delete(term);
  return [...out];
}

/**
 * The query MiniSearch runs for what was typed: every word must match (AND); a word of 4 to 7
 * letters, all letters, that is not itself a word of the index (`known`, e.g. "pyament") also
 * matches as any of its transpositions ({@link transpositionsOf}), exactly or as a prefix,
 * scored like a typo (TYPO_BOOST). A correctly spelt word ("form") is not widened to another
 * ("from"), nor a number ("5432" to "4532"). Words of 8 letters or more already allow two edits.
 */
export function queryOf(query: string, known: (word: string) => boolean = () => false): Query {
  const words = query
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w !== '');
  return {
    combineWith: 'AND',
    queries: words.map((word): Query => {
      const swaps =
        maxEditsFor(word) === 1 && /^\p{L}+$/u.test(word) && !known(word)
          ? transpositionsOf(word)
          : [];
      if (swaps.length === 0) return word;
      return {
        combineWith: 'OR',
        queries: [word, { combineWith: 'OR', queries: swaps, fuzzy: false, boost: TYPO_BOOST }],
      };
    }),
  };
}

/** A transposed word's match counts as a typo's (MATCHING's fuzzy weight). */
const TYPO_BOOST = { text: 0.45 };

/** The same matching at both levels: every word must match; exact beats prefix beats typo. */
const MATCHING: SearchOptions = {
  combineWith: 'AND',
  prefix: (term) => term.length >= 2,
  fuzzy: (term) => maxEditsFor(term),
  weights: { fuzzy: 0.45, prefix: 0.6 },
};

const emptyCounts = (): Record<SearchedTable, number> =>
  Object.fromEntries(SEARCHED_TABLES.map((t) => [t, 0])) as Record<SearchedTable, number>;

function tableOf(source: string): SearchedTable {
  return source.slice(0, source.indexOf('/')) as SearchedTable;
}

export class SearchIndex {
  private outline = new MiniSearch<{ id: number; text: string }>(OUTLINE_OPTIONS);
  private readonly docs = new Map<string, Doc>();
  private readonly buckets = new Map<number, Bucket>();
  /** Shard (see shardOf) → the bucket its next rows go to. */
  private readonly open = new Map<string, number>();
  private nextBucket = 1;
  /** Buckets changed since the outline last saw them. */
  private readonly dirty = new Set<number>();
  /** Built bucket indexes, least recently used first. */
  private readonly cache = new Map<number, MiniSearch<Doc>>();
  private readonly incidents = new Map<string, IncidentMeta>();
  private readonly multi = new Map<string, string[]>();
  private counts = emptyCounts();

  /** An empty index. */
  static create(): SearchIndex {
    return new SearchIndex();
  }

  /**
   * An index from `toJSON()`'s text. Throws when the text is not a snapshot of this version
   * (the caller then builds from scratch).
   */
  static load(json: string): SearchIndex {
    const snap = JSON.parse(json) as Snapshot;
    if (snap?.version !== SNAPSHOT_VERSION) throw new Error('Not a search index snapshot.');
    const index = new SearchIndex();
    index.outline = MiniSearch.loadJS(snap.outline as never, OUTLINE_OPTIONS);
    for (const [id, incidentId] of snap.buckets) index.buckets.set(id, emptyBucket(id, incidentId));
    for (const [
      id,
      source,
      incidentId,
      kind,
      label,
      occurredAt,
      deleted,
      services,
      text,
      bucket,
    ] of snap.docs) {
      index.docs.set(id, {
        id,
        source,
        incidentId,
        kind,
        label,
        occurredAt,
        deleted: deleted === 1,
        services,
        text,
        bucket,
      });
      index.buckets.get(bucket)?.docs.add(id);
    }
    for (const b of index.buckets.values()) summarise(b, index.docs);
    for (const [k, v] of snap.open) index.open.set(k, v);
    index.nextBucket = snap.nextBucket;
    for (const i of snap.incidents) index.incidents.set(i.id, i);
    for (const [k, v] of snap.multi) index.multi.set(k, v);
    index.counts = { ...emptyCounts(), ...snap.counts };
    return index;
  }

  /** The whole index as text (tens of MB for a year of incidents). */
  toJSON(): string {
    this.flush();
    const snap: Snapshot = {
      version: SNAPSHOT_VERSION,
      incidents: [...this.incidents.values()],
      counts: this.counts,
      multi: [...this.multi],
      docs: [...this.docs.values()].map((d) => [
        d.id,
        d.source,
        d.incidentId,
        d.kind,
        d.label,
        d.occurredAt,
        d.deleted ? 1 : 0,
        [...d.services],
        d.text,
        d.bucket,
      ]),
      buckets: [...this.buckets.values()].map((b) => [b.id, b.incidentId]),
      open: [...this.open],
      nextBucket: this.nextBucket,
      outline: this.outline.toJSON(),
    };
    return JSON.stringify(snap);
  }

  /** Rows indexed per table (a post-mortem counts once, whatever its number of sections). */
  rowCounts(): Readonly<Record<SearchedTable, number>> {
    return this.counts;
  }

  /** Documents held. */
  get size(): number {
    return this.docs.size;
  }

  /** Buckets held (for figures and tests). */
  get bucketCount(): number {
    return this.buckets.size;
  }

  /** Sets (or replaces) an incident's facts, used by results and filters. */
  setIncident(meta: IncidentMeta): void {
    this.incidents.set(meta.id, meta);
  }

  incident(id: string): IncidentMeta | undefined {
    return this.incidents.get(id);
  }

  /** A document's text as indexed (for the snippet), or undefined when it is not held. */
  textOf(id: string): string | undefined {
    return this.docs.get(id)?.text;
  }

  private idsOf(source: string): string[] {
    const many = this.multi.get(source);
    if (many) return many;
    return this.docs.has(source) ? [source] : [];
  }

  private has(source: string): boolean {
    return this.multi.has(source) || this.docs.has(source);
  }

  private touch(bucket: number): void {
    this.dirty.add(bucket);
    this.cache.delete(bucket);
  }

  /**
   * The bucket a new row goes to: its incident's open bucket while that has room. Timeline
   * entries and the incident's other records (title and impact, hypotheses, updates, post-mortem
   * sections, action items) fill separate buckets, so a search for one kind skips the other's.
   */
  private bucketFor(incidentId: string | null, kind: SearchKind): number {
    const shard = shardOf(incidentId, kind);
    const current = this.open.get(shard);
    if (
      current !== undefined &&
      (this.buckets.get(current)?.docs.size ?? BUCKET_DOCS) < BUCKET_DOCS
    )
      return current;
    const id = this.nextBucket++;
    this.buckets.set(id, emptyBucket(id, incidentId));
    this.open.set(shard, id);
    return id;
  }

  /**
   * Takes a row's documents out of the index and their bucket (which is marked changed);
   * returns that bucket, or undefined when the row held no document.
   */
  private dropDocs(source: string): number | undefined {
    let bucket: number | undefined;
    for (const id of this.idsOf(source)) {
      const old = this.docs.get(id);
      if (!old) continue;
      bucket = old.bucket;
      this.docs.delete(id);
      this.buckets.get(old.bucket)?.docs.delete(id);
      this.touch(old.bucket);
    }
    this.multi.delete(source);
    return bucket;
  }

  /**
   * Replaces every document of one row (`source`, `<table>/<key>`) with `docs` (which may be
   * empty: a post-mortem with nothing written yet still counts as indexed). The row stays in its
   * bucket; a new row goes to its incident's open bucket.
   */
  replaceRow(source: string, docs: readonly SearchDocument[]): void {
    const table = tableOf(source);
    const existed = this.has(source);
    let bucket = this.dropDocs(source);
    if (table === 'postmortems')
      this.multi.set(
        source,
        docs.map((d) => d.id),
      );
    const first = docs[0];
    if (first) {
      if (bucket === undefined || this.buckets.get(bucket)?.incidentId !== first.incidentId)
        bucket = this.bucketFor(first.incidentId, first.kind);
      const b = this.buckets.get(bucket);
      for (const d of docs) {
        this.docs.set(d.id, {
          id: d.id,
          source,
          incidentId: d.incidentId,
          kind: d.kind,
          label: d.label,
          occurredAt: d.occurredAt,
          deleted: d.deleted,
          services: d.services,
          text: d.text,
          bucket,
        });
        b?.docs.add(d.id);
      }
      this.touch(bucket);
    }
    if (!existed) this.counts[table] += 1;
  }

  /** Removes a row's documents (nothing when it was not indexed); an incident's facts too. */
  removeRow(source: string): void {
    const table = tableOf(source);
    if (!this.has(source)) return;
    this.dropDocs(source);
    this.counts[table] -= 1;
    if (table === 'incidents') this.incidents.delete(source.slice(source.indexOf('/') + 1));
  }

  /** Adds many rows' documents to an index that holds none of them (a build from scratch). */
  addAll(rows: ReadonlyArray<{ source: string; docs: readonly SearchDocument[] }>): void {
    for (const { source, docs } of rows) this.replaceRow(source, docs);
    this.flush();
  }

  /**
   * Brings the outline up to date with the buckets changed since (re-reading each changed
   * bucket's text once, however many rows changed in it). Searches and `toJSON` do it first;
   * a keeper may call it when idle so the next query does not pay for it.
   */
  flush(): void {
    for (const id of this.dirty) {
      if (this.outline.has(id)) this.outline.discard(id);
      const b = this.buckets.get(id);
      if (!b) continue;
      if (b.docs.size === 0) {
        this.buckets.delete(id); // an open bucket gone is replaced when next needed
        continue;
      }
      summarise(b, this.docs);
      let text = '';
      for (const d of b.docs) text += `${this.docs.get(d)?.text ?? ''}\n`;
      this.outline.add({ id, text });
    }
    this.dirty.clear();
  }

  /** A bucket's own index, built on first use and kept while the bucket does not change. */
  private bucketIndex(id: number): MiniSearch<Doc> {
    let ms = this.cache.get(id);
    if (ms) {
      this.cache.delete(id); // most recently used goes last
    } else {
      ms = new MiniSearch<Doc>(BUCKET_OPTIONS);
      for (const d of this.buckets.get(id)?.docs ?? []) {
        const doc = this.docs.get(d);
        if (doc) ms.add(doc);
      }
      if (this.cache.size >= BUCKET_CACHE) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    }
    this.cache.set(id, ms);
    return ms;
  }

  /**
   * The hits for `query` (words; typos and prefixes tolerated, every word must match in one
   * document), narrowed by `filters`, grouped by incident. Groups come in the order of their
   * incident's best-ranked bucket; hits within a group best first (the best of the buckets opened:
   * an incident's first bucket that fills its group ends its search). At most `maxGroups` groups
   * of at most `perGroup` hits; `budgetDocs` as {@link SEARCH_BUDGET_DOCS}. An empty query finds
   * nothing.
   */
  search(
    query: string,
    filters: SearchFilters = {},
    {
      maxGroups = 20,
      perGroup = 3,
      budgetDocs = SEARCH_BUDGET_DOCS,
    }: { maxGroups?: number; perGroup?: number; budgetDocs?: number } = {},
  ): SearchAnswer {
    if (query.trim() === '') return { groups: [], total: 0, more: false };
    let examined = 0;
    this.flush();
    const accept = this.filterOf(filters);
    const acceptBucket = this.bucketFilterOf(filters);
    const q = queryOf(query, (word) => this.hasTerm(word));
    const ranked = this.outline.search(q, {
      ...MATCHING,
      filter: (r) => acceptBucket(r.id as number),
    });
    const groups = new Map<string, SearchGroup>();
    let full = 0;
    let total = 0;
    let opened = 0;
    let more = false;
    for (const candidate of ranked) {
      const bucket = this.buckets.get(candidate.id as number);
      if (!bucket) continue;
      const key = bucket.incidentId ?? '';
      const group = groups.get(key);
      const wanted = group ? group.hits.length < perGroup : groups.size < maxGroups;
      const spent = opened >= OPEN_BUCKETS && examined >= budgetDocs;
      if (!wanted || spent) {
        more = true;
        if (full >= maxGroups || spent) break;
        continue;
      }
      opened += 1;
      examined += bucket.docs.size;
      const hits = this.bucketIndex(bucket.id).search(q, {
        ...MATCHING,
        filter: (r) => {
          const d = this.docs.get(r.id as string);
          return d !== undefined && accept(d);
        },
      });
      total += hits.length;
      if (hits.length === 0) continue;
      const g: SearchGroup = group ?? {
        incidentId: bucket.incidentId,
        incident: bucket.incidentId ? (this.incidents.get(bucket.incidentId) ?? null) : null,
        hits: [],
      };
      groups.set(key, g);
      const before = g.hits.length;
      // Hits past `perGroup` are counted in `total` but not listed.
      for (const r of hits) {
        if (g.hits.length >= perGroup) break;
        g.hits.push(this.hitOf(r));
      }
      g.hits.sort((a, b) => b.score - a.score);
      if (before < perGroup && g.hits.length >= perGroup) full += 1;
    }
    return { groups: [...groups.values()], total, more };
  }

  /**
   * Whether `term` is a word of the index as it is (in any bucket). Reads MiniSearch's term map,
   * which it does not expose; if a later version moves it, every word counts as unknown (typos
   * are then widened as before, never narrowed).
   */
  private hasTerm(term: string): boolean {
    const terms = (this.outline as unknown as { _index?: { has?: (t: string) => boolean } })._index;
    return typeof terms?.has === 'function' ? terms.has(term) : false;
  }

  private hitOf(r: SearchResult): SearchHit {
    const d = this.docs.get(r.id as string) as Doc;
    return {
      id: d.id,
      incidentId: d.incidentId,
      kind: d.kind,
      label: d.label,
      occurredAt: d.occurredAt,
      deleted: d.deleted,
      score: r.score,
      terms: r.terms,
    };
  }

  /** Rules out whole buckets: incident facts, kinds held, time span, deleted-only. */
  private bucketFilterOf(f: SearchFilters): (id: number) => boolean {
    const kinds = f.kinds?.length ? f.kinds : null;
    const incidentOk = this.incidentFilterOf(f);
    return (id) => {
      const b = this.buckets.get(id);
      if (!b) return false;
      if (!f.includeDeleted && b.live === 0) return false;
      if (kinds && !kinds.some((k) => b.kinds.has(k))) return false;
      if (f.from !== undefined && b.maxAt < f.from) return false;
      if (f.to !== undefined && b.minAt > f.to) return false;
      // A bucket of no incident (runbooks) is judged document by document.
      return b.incidentId === null || incidentOk(b.incidentId, null);
    };
  }

  private incidentFilterOf(
    f: SearchFilters,
  ): (incidentId: string | null, own: readonly string[] | null) => boolean {
    const severities = f.severities?.length ? new Set(f.severities) : null;
    const drills = f.drills ?? 'include';
    const service = f.service?.trim() || null;
    return (incidentId, own) => {
      const meta = incidentId ? this.incidents.get(incidentId) : undefined;
      if (incidentId && !meta) return false; // a document whose incident is not here (yet)
      if (severities && (!meta || !severities.has(meta.severity))) return false;
      const drill = meta?.drill ?? false;
      if (drills === 'exclude' && drill) return false;
      if (drills === 'only' && !drill) return false;
      if (service && !(meta?.services ?? own ?? []).includes(service)) return false;
      return true;
    };
  }

  private filterOf(f: SearchFilters): (d: Doc) => boolean {
    const kinds = f.kinds?.length ? new Set(f.kinds) : null;
    const incidentOk = this.incidentFilterOf(f);
    return (d) => {
      if (d.deleted && !f.includeDeleted) return false;
      if (kinds && !kinds.has(d.kind)) return false;
      if (f.from !== undefined && d.occurredAt < f.from) return false;
      if (f.to !== undefined && d.occurredAt > f.to) return false;
      return incidentOk(d.incidentId, d.services);
    };
  }
}

/** Where a new row's bucket is looked for: its incident, entries apart from the rest. */
function shardOf(incidentId: string | null, kind: SearchKind): string {
  return `${incidentId ?? ''}|${kind === 'entry' ? 'entries' : 'records'}`;
}

function emptyBucket(id: number, incidentId: string | null): Bucket {
  return {
    id,
    incidentId,
    docs: new Set(),
    kinds: new Set(),
    minAt: Infinity,
    maxAt: -Infinity,
    live: 0,
  };
}

/** Recomputes what a bucket's documents span (kinds, time, live documents). */
function summarise(b: Bucket, docs: ReadonlyMap<string, Doc>): void {
  b.kinds.clear();
  b.minAt = Infinity;
  b.maxAt = -Infinity;
  b.live = 0;
  for (const id of b.docs) {
    const d = docs.get(id);
    if (!d) continue;
    b.kinds.add(d.kind);
    if (d.occurredAt < b.minAt) b.minAt = d.occurredAt;
    if (d.occurredAt > b.maxAt) b.maxAt = d.occurredAt;
    if (!d.deleted) b.live += 1;
  }
}
