let lastMs = 0;
let seq = 0;

/**
 * A new id: a UUID v7 (time-ordered) whose sequence field also counts up within a millisecond,
 * so rows written in one session sort in creation order even when their timestamps tie (two
 * entries logged in the same millisecond keep the order they were logged in).
 */
export function newId(now: number = Date.now()): string {
  if (now <= lastMs) {
    seq += 1;
    if (seq > 0xfff) {
      // More than 4096 ids in one millisecond: borrow the next millisecond.
      lastMs += 1;
      seq = 0;
    }
  } else {
    lastMs = now;
    seq = 0;
  }
  const ts = lastMs.toString(16).padStart(12, '0').slice(-12);
  const rand = crypto.getRandomValues(new Uint8Array(8));
  const hex = Array.from(rand, (b) => b.toString(16).padStart(2, '0')).join('');
  const variant = ((rand[0] ?? 0) & 0x3f) | 0x80;
  return (
    `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${seq.toString(16).padStart(3, '0')}-` +
    `${variant.toString(16).padStart(2, '0')}${hex.slice(2, 4)}-${hex.slice(4, 16)}`
  );
}
