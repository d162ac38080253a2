import { useEffect, useMemo, useState } from 'react';
import { yieldToEventLoop } from '../../../shared/logic/yield-to-event-loop';
import {
  PALETTE_INCIDENTS_MAX,
  bestPaletteIncidents,
  type PaletteIncident,
  type ScoredPaletteIncident,
} from './palette-items';

/** Incidents rated per task: ~3 ms of cmdk's fuzzy scoring on a laptop. */
export const RATED_PER_TASK = 150;

/**
 * The incidents the palette lists for `search` (see topPaletteIncidents), rated a slice at a
 * time between other work: cmdk's fuzzy rating of a year of incidents takes 5–20 ms, and in one
 * piece it held up the keystroke's paint and the full-text answer behind it (BENCHMARKS.md run
 * M). Until the rating of a new query is done, the list of the previous one stays (cmdk already
 * hides those the new query does not match). A newer query or list cancels an older rating.
 */
export function useTopPaletteIncidents(
  incidents: readonly PaletteIncident[],
  search: string,
  score: (value: string, search: string) => number,
): PaletteIncident[] {
  const typed = search.trim() !== '';
  const newest = useMemo(() => incidents.slice(0, PALETTE_INCIDENTS_MAX), [incidents]);
  /** The last rating finished (null before the first). */
  const [rated, setRated] = useState<PaletteIncident[] | null>(null);
  useEffect(() => {
    if (!typed) return;
    let cancelled = false;
    void (async () => {
      const scored: ScoredPaletteIncident[] = [];
      for (let start = 0; start < incidents.length; start += RATED_PER_TASK) {
        // Even the first slice waits: the keystroke's own render and paint come first.
        await yieldToEventLoop();
        if (cancelled) return;
        const end = Math.min(incidents.length, start + RATED_PER_TASK);
        for (let order = start; order < end; order++) {
          const incident = incidents[order];
          if (incident) scored.push({ incident, order, score: score(incident.value, search) });
        }
      }
      if (!cancelled) setRated(bestPaletteIncidents(scored));
    })();
    return () => {
      cancelled = true;
    };
  }, [incidents, search, score, typed]);
  return typed ? (rated ?? newest) : newest;
}
