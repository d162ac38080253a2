/**
 * Rebasing one seat's edit of a row onto what the row has become meanwhile (another seat's
 * changes arrived between the read and the replay). A change set carries whole rows; written
 * as they are, they would put back every field this seat had not changed but a peer had (a pin,
 * a deletion, a post-mortem sentence). `rebaseRow` keeps exactly the edit: the fields that
 * differ between the row this seat read (`before`) and the row it wrote (`after`) are taken
 * from `after`; every other field keeps the `current` value. Plain objects (an incident's
 * impact, milestones, cadence) are rebased field by field; arrays and other values whole.
 * `mergeText`, when given, merges a changed string three ways instead (post-mortem sections).
 */

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Deep equality of JSON-like values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** Merges a string this seat changed from `before` to `after` into `current`. */
export type TextMerge = (
  path: readonly string[],
  before: string,
  after: string,
  current: string,
) => string;

/**
 * `current` with this seat's edit (`before` → `after`) applied: see the module comment. Pure;
 * returns a new object (never mutates its arguments).
 */
export function rebaseRow<T extends object>(
  before: T,
  after: T,
  current: T,
  mergeText?: TextMerge,
  path: readonly string[] = [],
): T {
  const b = before as Plain;
  const a = after as Plain;
  const out: Plain = { ...(current as Plain) };
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (sameValue(b[k], a[k])) continue;
    const cur = out[k];
    if (isPlain(b[k]) && isPlain(a[k]) && isPlain(cur))
      out[k] = rebaseRow(b[k], a[k], cur, mergeText, [...path, k]);
    else if (
      mergeText &&
      (typeof b[k] === 'string' || b[k] === undefined) &&
      typeof a[k] === 'string' &&
      typeof cur === 'string'
    )
      out[k] = mergeText([...path, k], b[k] ?? '', a[k], cur);
    else if (a[k] === undefined) delete out[k];
    else out[k] = a[k];
  }
  return out as T;
}
