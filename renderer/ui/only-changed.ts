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
