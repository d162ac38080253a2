/**
 * Contributing causes of a post-mortem (issue 16): reading them from a stored row, comparing them
 * across incidents, and the pure edits the editor makes. A repeat incident is one on the same
 * service with the same cause, so "same cause" is defined once, here.
 */
import type { CauseCategory, ContributingCause, Postmortem } from '../domain/records';

/**
 * The comparable form of a cause tag: Unicode NFKC, lower case, inner runs of whitespace, hyphens
 * and underscores folded to one space, trimmed. "Connection-Pool  exhaustion" and
 * "connection pool exhaustion" are the same cause. '' for a blank tag.
 */
export function normaliseCauseTag(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\s_-]+/gu, ' ')
    .trim();
}

/** The post-mortem's causes ([] for rows written before causes existed). */
export function causesOf(pm: Pick<Postmortem, 'causes'> | null | undefined): ContributingCause[] {
  return pm?.causes ? [...pm.causes] : [];
}

/** The set of normalised tags of a post-mortem's causes (blank tags left out). */
export function causeKeysOf(pm: Pick<Postmortem, 'causes'> | null | undefined): Set<string> {
  const keys = new Set<string>();
  for (const c of causesOf(pm)) {
    const key = normaliseCauseTag(c.tag);
    if (key) keys.add(key);
  }
  return keys;
}

/** Normalised tags the two post-mortems share, in `a`'s order. */
export function sharedCauseKeys(
  a: Pick<Postmortem, 'causes'> | null | undefined,
  b: Pick<Postmortem, 'causes'> | null | undefined,
): string[] {
  const other = causeKeysOf(b);
  return [...causeKeysOf(a)].filter((k) => other.has(k));
}

/**
 * Adds a cause, or returns the list unchanged (a copy) when the tag is blank or a cause with the
 * same normalised tag is already there (the first one's category stays).
 */
export function addCause(
  list: readonly ContributingCause[],
  cause: ContributingCause,
): ContributingCause[] {
  const key = normaliseCauseTag(cause.tag);
  if (!key || list.some((c) => normaliseCauseTag(c.tag) === key)) return [...list];
  return [...list, { tag: cause.tag.trim().replace(/\s+/gu, ' '), category: cause.category }];
}

/** Removes the cause whose normalised tag equals `tag`'s (a copy, unchanged when absent). */
export function removeCause(list: readonly ContributingCause[], tag: string): ContributingCause[] {
  const key = normaliseCauseTag(tag);
  return list.filter((c) => normaliseCauseTag(c.tag) !== key);
}

/** A cause tag already used in other post-mortems, offered while typing a new one. */
export interface CauseSuggestion {
  /** The tag as first written (trimmed, inner whitespace folded). */
  tag: string;
  /** The category it is filed under most often (the first seen on a tie). */
  category: CauseCategory;
  /** How many post-mortems use it. */
  uses: number;
}

/**
 * Tags used in the post-mortems `pms`, one per normalised tag, most used first then
 * alphabetically; `exclude` (already on the post-mortem being edited) is left out, as are blank
 * tags. A post-mortem naming a cause twice counts once.
 */
export function causeSuggestions(
  pms: readonly (Pick<Postmortem, 'causes'> | null | undefined)[],
  exclude: readonly ContributingCause[] = [],
): CauseSuggestion[] {
  const skip = new Set(exclude.map((c) => normaliseCauseTag(c.tag)));
  const found = new Map<
    string,
    { tag: string; uses: number; categories: Map<CauseCategory, number> }
  >();
  for (const pm of pms) {
    const seen = new Set<string>();
    for (const c of causesOf(pm)) {
      const key = normaliseCauseTag(c.tag);
      if (!key || skip.has(key) || seen.has(key)) continue;
      seen.add(key);
      const entry = found.get(key) ?? {
        tag: c.tag.trim().replace(/\s+/gu, ' '),
        uses: 0,
        categories: new Map<CauseCategory, number>(),
      };
      entry.uses++;
      entry.categories.set(c.category, (entry.categories.get(c.category) ?? 0) + 1);
      found.set(key, entry);
    }
  }
  return [...found.values()]
    .map(({ tag, uses, categories }) => {
      let category: CauseCategory = 'other';
      let most = 0;
      for (const [cat, n] of categories)
        if (n > most) {
          category = cat;
          most = n;
        }
      return { tag, category, uses };
    })
    .sort((a, b) => b.uses - a.uses || a.tag.localeCompare(b.tag, 'en'));
}
