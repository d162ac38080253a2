import MiniSearch, { type SearchResult } from 'minisearch';
import type { Severity } from '../domain/severity';
import {
  SEARCHED_TABLES,
  type SearchDocument,
  type SearchedTable,
  type SearchKind,
} from './documents';

/**
 * The full-text index (MiniSearch, chosen by measurement: see BENCHMARKS.md "Full-text search
 * library"): search documents in, ranked hits out, with typo tolerance and prefix matching.
 * Updated a row at a time (`replaceRow`, `removeRow`) and serialisable (`toJSON`/`load`), so a
 * worker can keep it current from change events and start from a stored copy. Pure: no I/O.
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

interface Stored {
  incidentId: string | null;
  kind: SearchKind;
  label: string;
  occurredAt: number;
  deleted: boolean;
  services: readonly string[];
}

/** Serialised form: the MiniSearch JSON plus the bookkeeping the index keeps beside it. */
interface Snapshot {
  version: 1;
  index: unknown;
  incidents: IncidentMeta[];
  /** Post-mortem source → its document ids (a post-mortem has one per section). */
  multi: Array<[string, string[]]>;
  counts: Record<SearchedTable, number>;
}

const SNAPSHOT_VERSION = 1;

/** MiniSearch's options; the same for a new index and a loaded one. */
const OPTIONS = {
  idField: 'id',
  fields: ['text'],
  storeFields: ['incidentId', 'kind', 'label', 'occurredAt', 'deleted', 'services'],
  // Discarded documents are cleaned up in the background in small batches.
  autoVacuum: { batchSize: 1000, batchWait: 10, minDirtCount: 1000, minDirtFactor: 0.1 },
};

/**
 * Typo tolerance by word length: none under 4 letters (a typo in "db" is another word), one
 * edit up to 7, two from 8 on. Prefix matching for every word of 2 letters or more.
 */
export function maxEditsFor(term: string): number {
  if (term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}

const emptyCounts = (): Record<SearchedTable, number> =>
  Object.fromEntries(SEARCHED_TABLES.map((t) => [t, 0])) as Record<SearchedTable, number>;

function tableOf(source: string): SearchedTable {
  return source.slice(0, source.indexOf('/')) as SearchedTable;
}

export class SearchIndex {
  private ms: MiniSearch<SearchDocument>;
  private readonly incidents = new Map<string, IncidentMeta>();
  private readonly multi = new Map<string, string[]>();
  private counts = emptyCounts();

  private constructor(ms: MiniSearch<SearchDocument>) {
    this.ms = ms;
  }

  /** An empty index. */
  static create(): SearchIndex {
    return new SearchIndex(new MiniSearch<SearchDocument>(OPTIONS));
  }

  /**
   * An index from `toJSON()`'s text. Throws when the text is not a snapshot of this version
   * (the caller then builds from scratch).
   */
  static load(json: string): SearchIndex {
    const snap = JSON.parse(json) as Snapshot;
    if (snap?.version !== SNAPSHOT_VERSION) throw new Error('Not a search index snapshot.');
    const index = new SearchIndex(MiniSearch.loadJS<SearchDocument>(snap.index as never, OPTIONS));
    for (const i of snap.incidents) index.incidents.set(i.id, i);
    for (const [k, v] of snap.multi) index.multi.set(k, v);
    index.counts = { ...emptyCounts(), ...snap.counts };
    return index;
  }

  /** The whole index as text (tens of MB for a year of incidents). */
  toJSON(): string {
    const snap: Snapshot = {
      version: SNAPSHOT_VERSION,
      index: this.ms.toJSON(),
      incidents: [...this.incidents.values()],
      multi: [...this.multi],
      counts: this.counts,
    };
    return JSON.stringify(snap);
  }

  /** Rows indexed per table (a post-mortem counts once, whatever its number of sections). */
  rowCounts(): Readonly<Record<SearchedTable, number>> {
    return this.counts;
  }

  /** Documents held. */
  get size(): number {
    return this.ms.documentCount;
  }

  /** Sets (or replaces) an incident's facts, used by results and filters. */
  setIncident(meta: IncidentMeta): void {
    this.incidents.set(meta.id, meta);
  }

  incident(id: string): IncidentMeta | undefined {
    return this.incidents.get(id);
  }

  private idsOf(source: string): string[] {
    const many = this.multi.get(source);
    if (many) return many;
    return this.ms.has(source) ? [source] : [];
  }

  private has(source: string): boolean {
    return this.multi.has(source) || this.ms.has(source);
  }

  /**
   * Replaces every document of one row (`source`, `<table>/<key>`) with `docs` (which may be
   * empty: a post-mortem with nothing written yet still counts as indexed).
   */
  replaceRow(source: string, docs: readonly SearchDocument[]): void {
    const table = tableOf(source);
    const existed = this.has(source);
    for (const id of this.idsOf(source)) this.ms.discard(id);
    this.multi.delete(source);
    if (table === 'postmortems')
      this.multi.set(
        source,
        docs.map((d) => d.id),
      );
    for (const d of docs) this.ms.add(d);
    if (!existed) this.counts[table] += 1;
  }

  /** Removes a row's documents (nothing when it was not indexed); an incident's facts too. */
  removeRow(source: string): void {
    const table = tableOf(source);
    if (!this.has(source)) return;
    for (const id of this.idsOf(source)) this.ms.discard(id);
    this.multi.delete(source);
    this.counts[table] -= 1;
    if (table === 'incidents') this.incidents.delete(source.slice(source.indexOf('/') + 1));
  }

  /** Adds many rows' documents to an index that holds none of them (a build from scratch). */
  addAll(rows: ReadonlyArray<{ source: string; docs: readonly SearchDocument[] }>): void {
    for (const { source, docs } of rows) this.replaceRow(source, docs);
  }

  /**
   * The hits for `query` (words; typos and prefixes tolerated, every word must match), narrowed
   * by `filters`, best first, grouped by incident (groups ordered by their best hit). At most
   * `maxGroups` groups of at most `perGroup` hits. An empty query finds nothing.
   */
  search(
    query: string,
    filters: SearchFilters = {},
    { maxGroups = 20, perGroup = 3 }: { maxGroups?: number; perGroup?: number } = {},
  ): { groups: SearchGroup[]; total: number } {
    if (query.trim() === '') return { groups: [], total: 0 };
    const accept = this.filterOf(filters);
    const results = this.ms.search(query, {
      combineWith: 'AND',
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => maxEditsFor(term),
      // An exact word counts for more than one found through a typo or a prefix.
      weights: { fuzzy: 0.45, prefix: 0.6 },
      filter: (r) => accept(r as unknown as SearchResult & Stored),
    });
    const groups = new Map<string, SearchGroup>();
    for (const r of results) {
      const s = r as unknown as SearchResult & Stored;
      const key = s.incidentId ?? '';
      let g = groups.get(key);
      if (!g) {
        if (groups.size >= maxGroups) continue;
        g = {
          incidentId: s.incidentId,
          incident: s.incidentId ? (this.incidents.get(s.incidentId) ?? null) : null,
          hits: [],
        };
        groups.set(key, g);
      }
      if (g.hits.length >= perGroup) continue;
      g.hits.push({
        id: String(r.id),
        incidentId: s.incidentId,
        kind: s.kind,
        label: s.label,
        occurredAt: s.occurredAt,
        deleted: s.deleted,
        score: r.score,
        terms: r.terms,
      });
    }
    return { groups: [...groups.values()], total: results.length };
  }

  private filterOf(f: SearchFilters): (r: Stored) => boolean {
    const severities = f.severities?.length ? new Set(f.severities) : null;
    const kinds = f.kinds?.length ? new Set(f.kinds) : null;
    const drills = f.drills ?? 'include';
    const service = f.service?.trim() || null;
    return (r) => {
      if (r.deleted && !f.includeDeleted) return false;
      if (kinds && !kinds.has(r.kind)) return false;
      if (f.from !== undefined && r.occurredAt < f.from) return false;
      if (f.to !== undefined && r.occurredAt > f.to) return false;
      const meta = r.incidentId ? this.incidents.get(r.incidentId) : undefined;
      if (r.incidentId && !meta) return false; // an entry whose incident is not here (yet)
      if (severities && (!meta || !severities.has(meta.severity))) return false;
      const drill = meta?.drill ?? false;
      if (drills === 'exclude' && drill) return false;
      if (drills === 'only' && !drill) return false;
      if (service && !(meta?.services ?? r.services).includes(service)) return false;
      return true;
    };
  }
}
