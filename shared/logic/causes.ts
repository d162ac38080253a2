/**
 * Contributing causes of a post-mortem (issue 16): reading them from a stored row, comparing them
 * across incidents, and the pure edits the editor makes. A repeat incident is one on the same
 * service with the same cause, so "same cause" is defined once, here.
 */
import type { ContributingCause, Postmortem } from '../domain/records';

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
