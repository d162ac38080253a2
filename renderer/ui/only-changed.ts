import { useState } from 'react';

/**
 * The fields of `edited` whose value differs from what the form first showed (`shown`),
 * compared by value (JSON), so an explicit-save form sends only what the user changed and never
 * writes a value they left alone back over a newer stored one. Fields missing from `shown` are
 * always kept.
 */
export function onlyChanged<T extends object>(edited: T, shown: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!(key in shown) || JSON.stringify(edited[key]) !== JSON.stringify(shown[key]))
      out[key] = edited[key];
  }
  return out;
}

/**
 * {@link onlyChanged} against what the form first showed: `opened` is read on the first render
 * only (later values are ignored), and the returned function gives the fields of `edited` the
 * user changed since. An explicit-save form spreads them over the stored record as it is now.
 */
export function useOnlyChanged<T extends object>(
  opened: () => Partial<T>,
): (edited: T) => Partial<T> {
  const [shown] = useState(opened);
  return (edited) => onlyChanged(edited, shown);
}
