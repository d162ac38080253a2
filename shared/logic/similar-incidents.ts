/**
 * "Have we seen this before?" (issue 16): past incidents ranked by how much they have in common
 * with a running one — the services they hit, the words of their title, impact, current
 * understanding, findings and post-mortem, and their contributing causes — with what the person
 * needs next to each: what resolved it, its root cause, and its action items still not done.
 */
import type { Incident } from '../domain/incident';
import type { ActionItem, Postmortem } from '../domain/records';
import { PRIORITIES } from '../domain/records';
import { nameKey } from '../domain/text';
import { causesOf, normaliseCauseTag } from './causes';
import { startOf } from './incident-metrics';
import {
  cosine,
  SimilarityIndex,
  TermDictionary,
  termCounts,
  type TermCounts,
} from './text-similarity';

/** What is known about one incident for the comparison. */
export interface SimilarityFacts {
  incident: Incident;
  /** Its post-mortem, or null when none was started. */
  postmortem: Pick<Postmortem, 'sections' | 'causes'> | null;
  /** Texts of its finding entries (not deleted); [] or absent when not loaded. */
  findings?: readonly string[];
  /**
   * Precomputed {@link similarityText} term counts (a cache), under the same dictionary as the
   * ranker's; computed when absent.
   */
  counts?: TermCounts;
}

/** One ranked past incident and why it ranked. */
export interface SimilarMatch {
  incidentId: string;
  /** 0–1: {@link SIMILARITY_WEIGHTS} over the three shares below. */
  score: number;
  /** TF-IDF cosine of the two incidents' texts, 0–1. */
  textScore: number;
  /** Services both incidents hit, as the past incident names them. */
  sharedServices: string[];
  /** Contributing causes both post-mortems name, as the past incident tags them. */
  sharedCauses: string[];
}

/**
 * Weights of the score: the share of the running incident's services the past one hit, the text
 * similarity, and the share of the running incident's causes it shares (a running incident
 * rarely has causes yet, so services and words decide most rankings).
 */
export const SIMILARITY_WEIGHTS = { services: 0.45, text: 0.35, causes: 0.2 } as const;

/** A past incident with no shared service or cause is listed only from this text similarity. */
export const TEXT_ONLY_THRESHOLD = 0.2;

/** How many similar incidents the console shows. */
export const SIMILAR_LIMIT = 5;

/**
 * How much of each post-mortem section is compared, in characters: the opening of a summary or
 * a cause says what it is about; the rest would only cost time.
 */
export const SECTION_TEXT_MAX = 600;

/** Post-mortem sections that say what happened and why (the seed template's ids). */
const POSTMORTEM_TEXT_SECTIONS = [
  'executiveSummary',
  'immediateCause',
  'underlyingCause',
  'systemicCause',
] as const;

/**
 * The text an incident is compared by: title (twice: it is the best summary), impact summary,
 * current understanding, resolution, findings, the opening of the post-mortem's summary and cause
 * sections, and its cause tags.
 */
export function similarityText(facts: SimilarityFacts): string {
  const { incident, postmortem } = facts;
  const parts = [
    incident.title,
    incident.title,
    incident.impact.summary,
    incident.understanding ?? '',
    incident.resolutionSummary ?? '',
    ...(facts.findings ?? []),
  ];
  if (postmortem) {
    for (const id of POSTMORTEM_TEXT_SECTIONS)
      parts.push((postmortem.sections[id] ?? '').slice(0, SECTION_TEXT_MAX));
    for (const c of causesOf(postmortem)) parts.push(c.tag);
  }
  return parts.join('\n');
}

/**
 * May `candidate` be offered as a past incident like `current`? Not itself; only incidents that
 * began no later than it; and a drill is never offered for a real incident (a game day is not
 * what happened last time), though a drill is offered real incidents and other drills.
 */
export function isComparable(current: Incident, candidate: Incident): boolean {
  if (candidate.id === current.id) return false;
  if (candidate.drill && !current.drill) return false;
  return startOf(candidate) <= startOf(current);
}

/** One past incident as the ranker keeps it. */
interface PoolItem {
  facts: SimilarityFacts;
  start: number;
  /** Normalised service name → the name as this incident writes it (first spelling). */
  services: Map<string, string>;
  /** Normalised cause tag → the tag as written. */
  causes: Map<string, string>;
}

/**
 * Ranks running incidents against a fixed pool of past ones. Building it tokenises the pool
 * and indexes its words once (the costly part, done once per pool); each {@link rank} then
 * touches only the incidents sharing a word, a service or a cause with the running one.
 */
export class SimilarIncidentRanker {
  private readonly items: PoolItem[];
  private readonly index: SimilarityIndex;
  private readonly byId = new Map<string, number>();

  /**
   * `dictionary` numbers the words; pass the one the facts' cached `counts` were made with
   * (a fresh one when none are cached).
   */
  constructor(
    pool: readonly SimilarityFacts[],
    private readonly dictionary: TermDictionary = new TermDictionary(),
  ) {
    this.items = pool.map((facts, i) => {
      this.byId.set(facts.incident.id, i);
      const services = new Map<string, string>();
      for (const s of facts.incident.services) {
        const key = nameKey(s);
        if (key && !services.has(key)) services.set(key, s);
      }
      const causes = new Map<string, string>();
      for (const c of causesOf(facts.postmortem)) {
        const key = normaliseCauseTag(c.tag);
        if (key && !causes.has(key)) causes.set(key, c.tag);
      }
      return { facts, start: startOf(facts.incident), services, causes };
    });
    const counts = this.items.map((it) => this.countsOf(it.facts));
    this.index = new SimilarityIndex(counts, this.dictionary.size);
  }

  /**
   * The past incidents like `current`, best first, at most `limit`. Listed: comparable
   * incidents ({@link isComparable}) sharing a service or a cause, or whose text similarity
   * reaches {@link TEXT_ONLY_THRESHOLD}. Ties go to the more recent incident, then the smaller
   * id, so the order is the same on every seat. `moreText` replaces the text of the incidents it
   * names (the same facts with their findings read), scored against the pool's word weights.
   */
  rank(
    current: SimilarityFacts,
    limit: number = SIMILAR_LIMIT,
    moreText: readonly SimilarityFacts[] = [],
  ): SimilarMatch[] {
    if (limit <= 0 || !this.items.length) return [];
    const query = this.countsOf(current);
    const textScores = this.index.scores(query);
    if (moreText.length) {
      const q = this.index.vector(query);
      for (const facts of moreText) {
        const i = this.byId.get(facts.incident.id);
        if (i !== undefined) textScores[i] = cosine(q, this.index.vector(this.countsOf(facts)));
      }
    }
    const currentServices = new Set(current.incident.services.map(nameKey).filter(Boolean));
    const currentCauses = new Set(
      causesOf(current.postmortem)
        .map((c) => normaliseCauseTag(c.tag))
        .filter(Boolean),
    );
    const matches: { match: SimilarMatch; start: number }[] = [];
    this.items.forEach((item, i) => {
      if (!isComparable(current.incident, item.facts.incident)) return;
      const sharedServices = [...item.services]
        .filter(([key]) => currentServices.has(key))
        .map(([, name]) => name);
      const sharedCauses = [...item.causes]
        .filter(([key]) => currentCauses.has(key))
        .map(([, tag]) => tag);
      const textScore = textScores[i] ?? 0;
      if (!sharedServices.length && !sharedCauses.length && textScore < TEXT_ONLY_THRESHOLD) return;
      const score =
        SIMILARITY_WEIGHTS.services * share(sharedServices.length, currentServices.size) +
        SIMILARITY_WEIGHTS.text * textScore +
        SIMILARITY_WEIGHTS.causes * share(sharedCauses.length, currentCauses.size);
      matches.push({
        match: {
          incidentId: item.facts.incident.id,
          score,
          textScore,
          sharedServices,
          sharedCauses,
        },
        start: item.start,
      });
    });
    matches.sort(
      (a, b) =>
        b.match.score - a.match.score ||
        b.start - a.start ||
        (a.match.incidentId < b.match.incidentId
          ? -1
          : a.match.incidentId > b.match.incidentId
            ? 1
            : 0),
    );
    return matches.slice(0, limit).map((m) => m.match);
  }

  private countsOf(facts: SimilarityFacts): TermCounts {
    return facts.counts ?? termCounts(similarityText(facts), this.dictionary);
  }
}

/**
 * Ranks `candidates` by likeness to `current` (one-off: builds a {@link SimilarIncidentRanker}
 * over the candidates and ranks once). Best first, at most `limit`.
 */
export function rankSimilarIncidents(
  current: SimilarityFacts,
  candidates: readonly SimilarityFacts[],
  limit: number = SIMILAR_LIMIT,
): SimilarMatch[] {
  return new SimilarIncidentRanker(candidates).rank(current, limit);
}

function share(shared: number, of: number): number {
  return of === 0 ? 0 : Math.min(1, shared / of);
}

/**
 * A post-mortem's root cause as one text: the underlying cause, else the immediate cause, else
 * the systemic cause (seed template sections); null when none is written.
 */
export function rootCauseOf(pm: Pick<Postmortem, 'sections'> | null | undefined): string | null {
  if (!pm) return null;
  for (const id of ['underlyingCause', 'immediateCause', 'systemicCause'] as const) {
    const text = pm.sections[id]?.trim();
    if (text) return text;
  }
  return null;
}

/**
 * Action items of an incident still to be done (Not Started or In Progress; Won't Do is a
 * decision, not an unfinished fix), most urgent first: priority P0 → P3, then due date, then
 * title.
 */
export function unfinishedActionItems(items: readonly ActionItem[]): ActionItem[] {
  return items
    .filter((a) => a.status === 'not-started' || a.status === 'in-progress')
    .sort(
      (a, b) =>
        PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.title.localeCompare(b.title),
    );
}
