/**
 * How alike two short texts are ("Checkout 502s after deploy" vs "502 errors on checkout"), for
 * "have we seen this before?" (issue 16). TF-IDF weighted cosine similarity over word tokens, the
 * textbook vector-space measure (Salton & Buckley, 1988): words every incident uses ("error",
 * "service") count little, words few incidents use ("pgbouncer", "ttl") count a lot.
 *
 * Why not the search library: a full-text index answers "which documents match these query
 * words", typed by a person; here one whole incident is compared with a thousand others, document
 * to document, in one pass without an index, and the figure (0–1) is combined with shared
 * services and causes. This is a few lines of arithmetic over token counts.
 */

/** Words too common in incident prose to say anything about similarity. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have in into is it its of on or ' +
    'that the their then there these this to was were will with we our after before not no ' +
    'all any can could did do does so than too very via per when which while who why how'
  ).split(' '),
);

/** Scripts written without spaces between words: compared by overlapping character pairs. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The tokens of a text: Unicode NFKC, lower case, runs of letters, combining marks and digits
 * (so Devanagari "त्रुटि" stays one word), stop words and one-character tokens left out, a
 * plural `s` taken off longer words ("timeouts" → "timeout"). A run in a script written without
 * spaces (Chinese, Japanese, Korean, Thai…) becomes its overlapping character pairs
 * ("连接池耗尽" → 连接, 接池, 池耗, 耗尽), the usual way to compare such text without a
 * dictionary, so a phrase inside a longer run still matches.
 */
export function similarityTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    if (UNSPACED.test(raw)) {
      const chars = [...raw];
      if (chars.length === 1) out.push(raw);
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
      continue;
    }
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    out.push(raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}

/**
 * Numbers for words: each distinct token gets the next integer the first time it is seen, so
 * documents become arrays of numbers and indexing them is integer work. One dictionary serves a
 * window's life (term vectors from two dictionaries cannot be compared).
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();

  /** The number of `term`, given on first sight. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  /** How many distinct terms were seen. */
  get size(): number {
    return this.ids.size;
  }
}

/** A document's distinct terms (dictionary numbers) and how often each occurs, side by side. */
export interface TermCounts {
  readonly terms: Int32Array;
  readonly counts: Int32Array;
}

/** Counts each token of `text` (see {@link similarityTokens}) under `dictionary`'s numbers. */
export function termCounts(text: string, dictionary: TermDictionary): TermCounts {
  const counts = new Map<number, number>();
  for (const t of similarityTokens(text)) {
    const id = dictionary.id(t);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { terms: Int32Array.from(counts.keys()), counts: Int32Array.from(counts.values()) };
}

/** A weighted term vector (dictionary number → weight) and its Euclidean norm. */
export interface WeightedVector {
  weights: ReadonlyMap<number, number>;
  norm: number;
}

/**
 * Term weights over a fixed set of documents (the past incidents), built once and asked many
 * times (the running incident as it changes). Smoothed inverse document frequency
 * `ln((1 + N) / (1 + df)) + 1` (a term in every document still weighs 1, a term in none the
 * most), sublinear term frequency `1 + ln tf`. Each term keeps the documents that use it (an
 * inverted list, stored flat), so scoring a query touches only the documents sharing one of its
 * words.
 */
export class SimilarityIndex {
  /** How many documents the index holds. */
  readonly size: number;
  private readonly idfs: Float64Array;
  private readonly offsets: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingWeights: Float64Array;
  private readonly norms: Float64Array;

  /** `documents` are term counts under one dictionary; `terms` is its size when they were made. */
  constructor(documents: readonly TermCounts[], terms: number) {
    this.size = documents.length;
    const df = new Int32Array(terms);
    let total = 0;
    for (const doc of documents) {
      for (const t of doc.terms) df[t] = (df[t] ?? 0) + 1;
      total += doc.terms.length;
    }
    this.idfs = new Float64Array(terms);
    this.offsets = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) {
      const n = df[t] ?? 0;
      this.idfs[t] = n ? Math.log((1 + this.size) / (1 + n)) + 1 : 0;
      this.offsets[t + 1] = (this.offsets[t] ?? 0) + n;
    }
    this.postingDocs = new Int32Array(total);
    this.postingWeights = new Float64Array(total);
    this.norms = new Float64Array(this.size);
    const cursor = this.offsets.slice(0, terms);
    documents.forEach((doc, d) => {
      let sum = 0;
      for (let k = 0; k < doc.terms.length; k++) {
        const t = doc.terms[k] ?? 0;
        const w = (1 + Math.log(doc.counts[k] ?? 1)) * (this.idfs[t] ?? 0);
        const at = cursor[t] ?? 0;
        cursor[t] = at + 1;
        this.postingDocs[at] = d;
        this.postingWeights[at] = w;
        sum += w * w;
      }
      this.norms[d] = Math.sqrt(sum);
    });
  }

  /** The inverse document frequency of a term number (the largest for a term no document uses). */
  idf(term: number): number {
    const idf = this.idfs[term];
    return idf ? idf : Math.log(1 + this.size) + 1;
  }

  /** The weighted vector of any document (a query, or a document with more text) over this index. */
  vector(doc: TermCounts): WeightedVector {
    const weights = new Map<number, number>();
    let sum = 0;
    for (let k = 0; k < doc.terms.length; k++) {
      const t = doc.terms[k] ?? 0;
      const w = (1 + Math.log(doc.counts[k] ?? 1)) * this.idf(t);
      weights.set(t, w);
      sum += w * w;
    }
    return { weights, norm: Math.sqrt(sum) };
  }

  /**
   * Cosine similarity (0–1) of `query` with every indexed document, by document position. Only
   * the documents sharing a term with the query are visited.
   */
  scores(query: TermCounts): Float64Array {
    const dots = new Float64Array(this.size);
    const q = this.vector(query);
    if (q.norm === 0) return dots;
    for (const [t, wq] of q.weights) {
      if (t >= this.idfs.length) continue;
      const end = this.offsets[t + 1] ?? 0;
      for (let k = this.offsets[t] ?? 0; k < end; k++) {
        const d = this.postingDocs[k] ?? 0;
        dots[d] = (dots[d] ?? 0) + wq * (this.postingWeights[k] ?? 0);
      }
    }
    for (let d = 0; d < this.size; d++) {
      const norm = this.norms[d] ?? 0;
      dots[d] = norm === 0 ? 0 : Math.min(1, (dots[d] ?? 0) / (q.norm * norm));
    }
    return dots;
  }
}

/** Cosine similarity of two weighted vectors: 0 (nothing shared, or an empty text) to 1. */
export function cosine(a: WeightedVector, b: WeightedVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += w * other;
  }
  return Math.min(1, dot / (a.norm * b.norm));
}
