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
import { cosine, SimilarityCorpus, termCounts, type TermCounts } from './text-similarity';

/** What is known about one incident for the comparison. */
export interface SimilarityFacts {
  incident: Incident;
  /** Its post-mortem, or null when none was started. */
  postmortem: Pick<Postmortem, 'sections' | 'causes'> | null;
  /** Texts of its finding entries (not deleted); [] or absent when not loaded. */
  findings?: readonly string[];
  /** Precomputed {@link similarityText} term counts (a cache); computed when absent. */
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

/** Post-mortem sections that say what happened and why (the seed template's ids). */
const POSTMORTEM_TEXT_SECTIONS = [
  'executiveSummary',
  'immediateCause',
  'underlyingCause',
  'systemicCause',
] as const;

/**
 * The text an incident is compared by: title (twice: it is the best summary), impact summary,
 * current understanding, resolution, findings, the post-mortem's summary and cause sections,
 * and its cause tags.
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
    for (const id of POSTMORTEM_TEXT_SECTIONS) parts.push(postmortem.sections[id] ?? '');
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

/**
 * Ranks `candidates` by likeness to `current`, best first, at most `limit`. Listed: past
 * incidents sharing a service or a cause, or whose text similarity reaches
 * {@link TEXT_ONLY_THRESHOLD}. Ties go to the more recent incident, then the smaller id, so the
 * order is the same on every seat. Pure; about 1,000 candidates rank in a few milliseconds when
 * their term counts are cached (`counts`).
 */
export function rankSimilarIncidents(
  current: SimilarityFacts,
  candidates: readonly SimilarityFacts[],
  limit: number = SIMILAR_LIMIT,
): SimilarMatch[] {
  const pool = candidates.filter((c) => isComparable(current.incident, c.incident));
  if (!pool.length || limit <= 0) return [];
  const countsOf = (f: SimilarityFacts) => f.counts ?? termCounts(similarityText(f));
  const poolCounts = pool.map(countsOf);
  const currentCounts = countsOf(current);
  const corpus = new SimilarityCorpus([...poolCounts, currentCounts]);
  const currentVector = corpus.vector(currentCounts);
  const currentServices = new Set(current.incident.services.map(nameKey).filter(Boolean));
  const currentCauses = new Set(
    causesOf(current.postmortem)
      .map((c) => normaliseCauseTag(c.tag))
      .filter(Boolean),
  );

  const matches: { match: SimilarMatch; start: number }[] = [];
  pool.forEach((facts, i) => {
    const sharedServices = uniqueBy(
      facts.incident.services.filter((s) => currentServices.has(nameKey(s))),
      nameKey,
    );
    const sharedCauses = uniqueBy(
      causesOf(facts.postmortem)
        .map((c) => c.tag)
        .filter((t) => currentCauses.has(normaliseCauseTag(t))),
      normaliseCauseTag,
    );
    const textScore = cosine(currentVector, corpus.vector(poolCounts[i] ?? new Map()));
    if (!sharedServices.length && !sharedCauses.length && textScore < TEXT_ONLY_THRESHOLD) return;
    const score =
      SIMILARITY_WEIGHTS.services * share(sharedServices.length, currentServices.size) +
      SIMILARITY_WEIGHTS.text * textScore +
      SIMILARITY_WEIGHTS.causes * share(sharedCauses.length, currentCauses.size);
    matches.push({
      match: { incidentId: facts.incident.id, score, textScore, sharedServices, sharedCauses },
      start: startOf(facts.incident),
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

function share(shared: number, of: number): number {
  return of === 0 ? 0 : Math.min(1, shared / of);
}

function uniqueBy(values: readonly string[], key: (v: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
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
