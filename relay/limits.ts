/**
 * A token bucket for one connection's incoming messages: `burst` messages may arrive at once,
 * then `perSecond` a second on average. The relay closes a connection whose bucket runs dry
 * (the seat reconnects and re-syncs, so no change is lost; a flood is cut off).
 */
export class MessageRateLimiter {
  private tokens: number;
  private last: number;

  /**
   * @param burst most messages accepted back to back (≥ 1)
   * @param perSecond sustained messages per second (> 0)
   * @param now clock in ms (injectable for tests)
   */
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one message; false when the connection is over its limit. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
