import { WEAK_NAME_MATCH } from '../search/full-text-results';
import type { PaletteCommand, PaletteIncident } from './palette-items';

/**
 * Rates a name against what was typed (the palette's filter, cmdk's ranking): above 0 when it
 * matches at all; at or above {@link WEAK_NAME_MATCH} when it matches as a name.
 */
export type NameScore = (value: string, search: string, keywords?: string[]) => number;

/**
 * The options of one group for `search`, as cmdk listed them when it filtered: with nothing
 * typed, all of them as given; else those `score` rates above 0, best first, in the given order
 * among equals (a stable sort).
 */
export function rankOptions<T>(
  options: readonly T[],
  search: string,
  score: (option: T) => number,
): { listed: T[]; best: number } {
  if (search === '') return { listed: [...options], best: Infinity };
  const rated = options
    .map((option, order) => ({ option, order, score: score(option) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  return { listed: rated.map((r) => r.option), best: rated[0]?.score ?? 0 };
}

/** What the palette lists by name for a search, and where: the full-text hits go between. */
export interface PaletteLayout {
  incidents: PaletteIncident[];
  commands: PaletteCommand[];
  /**
   * The Incidents group goes before the full-text hits: one of its incidents matches as a name
   * (or nothing is typed). Else after them, so the first option listed (and selected) is a hit.
   */
  incidentsFirst: boolean;
  /** The same for the Commands group. */
  commandsFirst: boolean;
}

/**
 * The palette's name matching, done by the palette rather than by cmdk (which rated and re-sorted
 * every option in the page's DOM on each keystroke and each answer, hits included, though they
 * come ranked from the index): the incidents and commands `score` matches, best first within
 * each group, and whether each group is listed before or after the full-text hits. Pure.
 *
 * `search` is the field's text as typed; nothing is filtered while it is empty. A group with a
 * name match (score at or above {@link WEAK_NAME_MATCH}, or only blanks typed) is listed before
 * the hits; one matched only by scattered letters after them, still listed.
 */
export function paletteLayout(
  incidents: readonly PaletteIncident[],
  commands: readonly PaletteCommand[],
  search: string,
  score: NameScore,
): PaletteLayout {
  const blank = search.trim() === '';
  const inc = rankOptions(incidents, search, (i) => score(i.value, search));
  const cmd = rankOptions(commands, search, (c) => score(c.label, search, [...c.keywords]));
  return {
    incidents: inc.listed,
    commands: cmd.listed,
    incidentsFirst: blank || inc.best >= WEAK_NAME_MATCH,
    commandsFirst: blank || cmd.best >= WEAK_NAME_MATCH,
  };
}
