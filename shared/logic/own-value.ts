/**
 * Looks `key` up among `record`'s OWN properties only. Plain object literals inherit from
 * Object.prototype, so `record['constructor']`, `record['toString']` or `record['__proto__']`
 * return functions or the prototype instead of `undefined`; any key that comes from the user
 * (a placeholder name, a command word, a stored setting's key) goes through this instead.
 *
 * Returns the own value, or `undefined` when `record` has no own property `key`.
 */
export function ownValue<V>(
  record: Readonly<Partial<Record<string, V>>>,
  key: string,
): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
