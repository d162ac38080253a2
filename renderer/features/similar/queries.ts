import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Incident } from '../../../shared/domain/incident';
import type { ActionItem, Postmortem, Runbook } from '../../../shared/domain/records';
import { nameKey } from '../../../shared/domain/text';
import { hash128 } from '../../../shared/sync/hash';
import { latestVotes } from '../../../shared/logic/runbook';
import {
  SIMILAR_LIMIT,
  SimilarIncidentRanker,
  type SimilarityFacts,
  type SimilarMatch,
  similarityText,
} from '../../../shared/logic/similar-incidents';
import { TermDictionary, termCounts, type TermCounts } from '../../../shared/logic/text-similarity';
import type { ReadonlyDb } from '../../db/read-view';
import { useDb } from '../../db/db-context';
import { whenIdle } from '../shell/lazy';

/** The latest the panel's idle work waits for an idle moment, in ms (it is never urgent, but is wanted while the incident is fresh). */
const IDLE_MS = 200;

/** How many past incidents get their findings read for the second, finer ranking. */
const REFINE_POOL = 20;

/** The past incidents and post-mortems ranked against (read once per console visit). */
export interface SimilarPool {
  incidents: Incident[];
  postmortems: Map<string, Postmortem>;
}

/** One similar incident with what the panel shows beside it. */
export interface SimilarIncident extends SimilarMatch {
  incident: Incident;
  postmortem: Postmortem | null;
}

/**
 * Term counts per incident, kept for the window's life: ranking a thousand incidents costs a
 * millisecond or two once their texts are tokenised, and tokenising is most of the work. The key
 * changes whenever the incident, its post-mortem or its findings change.
 */
const countsCache = new Map<string, { key: string; counts: TermCounts }>();
/** The window's word numbering, which the cached counts are made under. */
const dictionary = new TermDictionary();

function withCounts(facts: SimilarityFacts, postmortemUpdatedAt: number | null): SimilarityFacts {
  // The findings by their text's hash: an entry edited to text of the same length (which does
  // not touch the incident row) must not reuse the old counts. With and without findings are
  // separate slots (the pool's pass reads none; the finer pass reads them).
  const findings = facts.findings;
  const slot = `${facts.incident.id}|${findings ? 'findings' : 'base'}`;
  const key = `${facts.incident.updatedAt}|${postmortemUpdatedAt ?? ''}|${
    findings ? `${findings.length}:${hash128(findings.join('\u0000')).join('.')}` : ''
  }`;
  const hit = countsCache.get(slot);
  if (hit && hit.key === key) return { ...facts, counts: hit.counts };
  const counts = termCounts(similarityText(facts), dictionary);
  countsCache.set(slot, { key, counts });
  return { ...facts, counts };
}

/** How many of an incident's findings are compared: the latest ones (the ids are time-ordered). */
export const FINDINGS_COMPARED = 200;
/** At most this many characters of findings are compared (a pasted log excerpt is 20,000). */
export const FINDINGS_TEXT_MAX = 20_000;

/**
 * Texts of an incident's latest live finding entries, newest first: at most
 * {@link FINDINGS_COMPARED} of them and {@link FINDINGS_TEXT_MAX} characters in all, read
 * newest first through the [incidentId+kind] index (whose ties sort by id, which is
 * time-ordered), so a 10,000-finding incident costs what a 200-finding one does.
 */
export async function findingTexts(db: ReadonlyDb, incidentId: string): Promise<string[]> {
  const rows = await db.timelineEntries
    .where('[incidentId+kind]')
    .equals([incidentId, 'finding'])
    .reverse()
    .filter((e) => e.deletedAt === null)
    .limit(FINDINGS_COMPARED)
    .toArray();
  const out: string[] = [];
  let room = FINDINGS_TEXT_MAX;
  for (const e of rows) {
    if (room <= 0) break;
    out.push(e.text.slice(0, room));
    room -= e.text.length;
  }
  return out;
}

/**
 * Tokenises the pool's incidents into the term-count cache a slice at a time, yielding to the
 * browser between slices (about 8 ms each), so a thousand incidents never block a keystroke.
 * Resolves false when `live()` turned false on the way.
 */
async function prepareCounts(pool: SimilarPool, live: () => boolean): Promise<boolean> {
  const SLICE_MS = 8;
  let i = 0;
  while (i < pool.incidents.length) {
    if (!live()) return false;
    const until = performance.now() + SLICE_MS;
    while (i < pool.incidents.length && performance.now() < until) {
      const incident = pool.incidents[i++];
      if (incident) factsOf(pool, incident);
    }
    if (i < pool.incidents.length) await new Promise<void>((resolve) => whenIdle(resolve, IDLE_MS));
  }
  return live();
}

/** Rows read per page of the pool: each page is one short task (structured-clone included). */
const POOL_PAGE = 100;

/**
 * Every row of a table by primary key, a page at a time (`page(after)` reads the next
 * {@link POOL_PAGE} rows after that key), the browser given a turn between pages.
 */
async function readInPages<T>(
  page: (after: string) => Promise<T[]>,
  keyOf: (row: T) => string,
): Promise<T[]> {
  const out: T[] = [];
  let after = '';
  for (;;) {
    const rows = await page(after);
    out.push(...rows);
    const last = rows[rows.length - 1];
    if (rows.length < POOL_PAGE || !last) return out;
    after = keyOf(last);
    await new Promise<void>((resolve) => whenIdle(resolve, IDLE_MS));
  }
}

/**
 * Reads every incident and post-mortem once (the pool the running incident is compared with), a
 * page at a time: a year of post-mortems is megabytes of section text.
 */
export async function readSimilarPool(db: ReadonlyDb): Promise<SimilarPool> {
  const incidents = await readInPages(
    (after) => db.incidents.where(':id').above(after).limit(POOL_PAGE).toArray(),
    (i) => i.id,
  );
  const postmortems = await readInPages(
    (after) => db.postmortems.where(':id').above(after).limit(POOL_PAGE).toArray(),
    (p) => p.incidentId,
  );
  return { incidents, postmortems: new Map(postmortems.map((p) => [p.incidentId, p])) };
}

/** One ranker per pool read: building it (tokenising a thousand incidents) is the costly part. */
const rankers = new WeakMap<SimilarPool, SimilarIncidentRanker>();

function rankerFor(pool: SimilarPool): SimilarIncidentRanker {
  let ranker = rankers.get(pool);
  if (!ranker) {
    ranker = new SimilarIncidentRanker(
      pool.incidents.map((i) => factsOf(pool, i)),
      dictionary,
    );
    rankers.set(pool, ranker);
  }
  return ranker;
}

function factsOf(pool: SimilarPool, incident: Incident, findings?: readonly string[]) {
  const postmortem = pool.postmortems.get(incident.id) ?? null;
  return withCounts({ incident, postmortem, findings }, postmortem?.updatedAt ?? null);
}

/**
 * Ranks the pool against the running incident in two passes: first every comparable incident on
 * its incident-level text, then the best {@link REFINE_POOL} again with their findings read, so
 * the findings of a thousand incidents are never read. Result: at most SIMILAR_LIMIT, best first.
 */
export async function rankAgainstPool(
  db: ReadonlyDb,
  pool: SimilarPool,
  current: Incident,
  currentFindings: readonly string[],
): Promise<SimilarIncident[]> {
  const ranker = rankerFor(pool);
  const currentFacts = factsOf(pool, current, currentFindings);
  const first = ranker.rank(currentFacts, REFINE_POOL);
  const byId = new Map(pool.incidents.map((i) => [i.id, i]));
  const refined = await Promise.all(
    first.map(async (m) => {
      const incident = byId.get(m.incidentId);
      return incident ? factsOf(pool, incident, await findingTexts(db, incident.id)) : null;
    }),
  );
  return ranker
    .rank(
      currentFacts,
      SIMILAR_LIMIT,
      refined.filter((f): f is SimilarityFacts => f !== null),
    )
    .flatMap((m) => {
      const incident = byId.get(m.incidentId);
      return incident
        ? [{ ...m, incident, postmortem: pool.postmortems.get(incident.id) ?? null }]
        : [];
    });
}

/**
 * The running incident's latest live finding texts (see findingTexts); undefined until read for
 * this incident (never the previous incident's while the new ones load), [] when not enabled
 * or when the storage cannot read them: the panel then compares without findings. (These hooks
 * run above the console's error boundaries, so a read error must never be thrown from them:
 * the timeline says the storage fails; the console must stay up.)
 */
function useFindingTexts(incidentId: string, enabled: boolean): string[] | undefined {
  const db = useDb();
  const read = useLiveQuery(
    async () => ({
      incidentId,
      texts: enabled ? await findingTexts(db, incidentId).catch(() => []) : [],
    }),
    [db, incidentId, enabled],
  );
  return read?.incidentId === incidentId ? read.texts : undefined;
}

/**
 * Similar past incidents for the running incident, ranked off the render path: the pool is read
 * when the browser is idle after the console shows, once per incident opened, and re-ranked in
 * memory when the incident's title, services, impact, understanding or findings change.
 * `undefined` while ranking the first time; `{ error }` when the read failed.
 */
export function useSimilarIncidents(
  incident: Incident,
  enabled: boolean,
): SimilarIncident[] | { error: string } | undefined {
  const db = useDb();
  const findings = useFindingTexts(incident.id, enabled);
  const [loaded, setLoaded] = useState<{
    incidentId: string;
    pool: SimilarPool | { error: string };
  } | null>(null);
  const [ranked, setRanked] = useState<{
    incidentId: string;
    result: SimilarIncident[] | { error: string };
  } | null>(null);
  // State from an earlier incident is never shown for this one.
  const pool = loaded?.incidentId === incident.id ? loaded.pool : null;

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const id = incident.id;
    const cancel = whenIdle(() => {
      readSimilarPool(db)
        .then(async (p) => ((await prepareCounts(p, () => live)) ? p : null))
        .then(
          (p) => live && p && setLoaded({ incidentId: id, pool: p }),
          (e: unknown) =>
            live &&
            setLoaded({
              incidentId: id,
              pool: { error: e instanceof Error ? e.message : String(e) },
            }),
        );
    }, IDLE_MS);
    return () => {
      live = false;
      cancel();
    };
  }, [db, incident.id, enabled]);

  const key = [
    incident.title,
    incident.impact.summary,
    incident.understanding ?? '',
    incident.services.map(nameKey).join(','),
    incident.drill,
  ].join('\u0000');
  useEffect(() => {
    if (!enabled || !pool || 'error' in pool || !findings) return;
    let live = true;
    const id = incident.id;
    const cancel = whenIdle(() => {
      rankAgainstPool(db, pool, incident, findings).then(
        (r) => live && setRanked({ incidentId: id, result: r }),
        (e: unknown) =>
          live &&
          setRanked({
            incidentId: id,
            result: { error: e instanceof Error ? e.message : String(e) },
          }),
      );
    }, IDLE_MS);
    return () => {
      live = false;
      cancel();
    };
    // `incident` is read through `key`: a cadence tick or a timer must not re-rank.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, pool, findings, key, enabled]);

  if (pool && 'error' in pool) return pool;
  return ranked?.incidentId === incident.id ? ranked.result : undefined;
}

/**
 * Live action items of the listed incidents (so an item closed on another seat stops being
 * shown as unfinished), keyed by incident id; undefined until read.
 */
export function useActionItemsOf(
  incidentIds: readonly string[],
): Map<string, ActionItem[]> | undefined {
  const db = useDb();
  const key = incidentIds.join(',');
  return useLiveQuery(async () => {
    const ids = key ? key.split(',') : [];
    // Never thrown (see useFindingTexts): unreadable action items show as none.
    const items = ids.length
      ? await db.actionItems
          .where('incidentId')
          .anyOf(ids)
          .toArray()
          .catch(() => [])
      : [];
    const out = new Map<string, ActionItem[]>();
    for (const a of items) {
      if (!a.incidentId) continue;
      out.set(a.incidentId, [...(out.get(a.incidentId) ?? []), a]);
    }
    return out;
  }, [db, key]);
}

/** Runbooks written for any of `services` (normalised names), by title; undefined until read. */
export function useRunbooksFor(services: readonly string[]): Runbook[] | undefined {
  const db = useDb();
  const key = [...new Set(services.map(nameKey))].sort().join('\n');
  return useLiveQuery(async () => {
    const names = new Set(key ? key.split('\n') : []);
    if (!names.size) return [];
    const all = await db.runbooks.toArray();
    return all
      .filter((r) => names.has(nameKey(r.service)))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [db, key]);
}

/** A runbook used in an incident, with the responders' verdict there. */
export interface UsedRunbook {
  runbook: Runbook;
  /** Each responder's latest helpful vote in that incident (see latestVotes). */
  helpful: number;
  notHelpful: number;
}

/**
 * Runbooks used in an incident (opened, a step ticked, a helpful vote: entries carrying runbook
 * data, read through the [incidentId+kind] index), by title, with the responders' votes;
 * undefined until read.
 */
export function useRunbooksUsedIn(incidentId: string): UsedRunbook[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const entries = await db.timelineEntries
      .where('[incidentId+kind]')
      .equals([incidentId, 'action'])
      .filter((e) => e.deletedAt === null && e.runbook !== undefined)
      .toArray();
    const ids = [...new Set(entries.flatMap((e) => (e.runbook ? [e.runbook.runbookId] : [])))];
    const runbooks = (await db.runbooks.bulkGet(ids)).filter((r): r is Runbook => !!r);
    return runbooks
      .map((runbook) => {
        const votes = [...latestVotes(entries, runbook).values()];
        const helpful = votes.filter(Boolean).length;
        return { runbook, helpful, notHelpful: votes.length - helpful };
      })
      .sort((a, b) => a.runbook.title.localeCompare(b.runbook.title));
  }, [db, incidentId]);
}
