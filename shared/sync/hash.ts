/**
 * A fast, deterministic, non-cryptographic 128-bit hash of a string (cyrb128: four mixed 32-bit
 * lanes over the UTF-16 code units). Used to derive ids that every seat computes alike; never for
 * secrets. Returns four unsigned 32-bit integers.
 */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/**
 * A UUID in the version-7 layout whose time field is `at` (ms since the epoch, UTC; 48 bits) and
 * whose other 74 bits come from {@link hash128} of `seed`: the same on every seat for the same
 * seed, and sorting among newId()'s ids by `at`. Throws a RangeError for an `at` outside 0…2^48-1.
 */
export function deterministicId(at: number, seed: string): string {
  if (!Number.isInteger(at) || at < 0 || at >= 2 ** 48)
    throw new RangeError('at must be a whole number of ms within 48 bits');
  const [a, b, c] = hash128(seed);
  const ts = hex(at, 12);
  const randA = a & 0xfff;
  const variant = 0x8000 | ((b >>> 16) & 0x3fff);
  return (
    `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${hex(randA, 3)}-${hex(variant, 4)}-` +
    `${hex(b & 0xffff, 4)}${hex(c, 8)}`
  );
}
