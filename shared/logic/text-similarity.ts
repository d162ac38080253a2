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

/**
 * The tokens of a text: Unicode NFKC, lower case, runs of letters and digits, stop words and
 * one-character tokens left out, a plural `s` taken off longer words ("timeouts" → "timeout").
 */
export function similarityTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    out.push(raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}

/** Term counts of one document. */
export type TermCounts = ReadonlyMap<string, number>;

/** Counts each token of `text` (see {@link similarityTokens}). */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of similarityTokens(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * A corpus to weigh terms against: document frequencies over `documents` (each a term-count
 * map). Smoothed inverse document frequency `ln((1 + N) / (1 + df)) + 1`, so a term in every
 * document still weighs 1 and a term in none (only in the query) weighs the most.
 */
export class SimilarityCorpus {
  private readonly df = new Map<string, number>();
  private readonly n: number;

  constructor(documents: readonly TermCounts[]) {
    this.n = documents.length;
    for (const doc of documents) {
      for (const term of doc.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
  }

  /** The inverse document frequency of a term. */
  idf(term: string): number {
    return Math.log((1 + this.n) / (1 + (this.df.get(term) ?? 0))) + 1;
  }

  /** The TF-IDF vector of a document, sublinear term frequency (1 + ln tf), with its norm. */
  vector(doc: TermCounts): WeightedVector {
    const weights = new Map<string, number>();
    let sum = 0;
    for (const [term, tf] of doc) {
      const w = (1 + Math.log(tf)) * this.idf(term);
      weights.set(term, w);
      sum += w * w;
    }
    return { weights, norm: Math.sqrt(sum) };
  }
}

/** A weighted term vector and its Euclidean norm. */
export interface WeightedVector {
  weights: ReadonlyMap<string, number>;
  norm: number;
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
