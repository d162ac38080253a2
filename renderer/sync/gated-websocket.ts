/**
 * A WebSocket for the relay's provider that opens a real socket only when the relay answers.
 *
 * Why: Chromium (the browser build and Electron alike) throttles a renderer's WebSocket
 * connections after failures. Each new socket waits rand(1..5 s) × 2^min(pending + failed /
 * (succeeded + 1), 16) / 65536 before it even connects, with the failures of the last two to four
 * minutes counted (services/network/websocket_throttler.cc). A seat retrying every second while
 * the relay is down collects dozens of failures in a minute, so when the relay is back its next
 * socket waits one to five seconds: measured 3.8 s and 5.0 s (BENCHMARKS.md run N), most of the
 * reconnect figure. A plain HTTP request to the same address is not throttled, and the relay
 * answers one (426), so each attempt first asks with `fetch`; while nothing answers, the attempt
 * fails as a socket that could not connect would (an `error`, then a `close` with code 1006)
 * without a real socket, and the provider's own back-off (50 → 150 ms, renderer/sync/room.ts)
 * tries again.
 *
 * An attempt is made with a real socket at once, without asking, when no real socket was made in
 * the last {@link PROBE_FALLBACK_MS}: the first connection never waits for a probe, and should
 * the probe itself not work (a proxy that drops plain requests, a policy that blocks them) the
 * seat still tries a real socket that often; a few failures a minute keep the throttle's wait to
 * tens of milliseconds.
 *
 * Two brakes keep that short back-off from hammering anyone:
 * - **The relay closed us.** When the relay closes a socket that had opened less than
 *   {@link STABLE_MS} before (or closes it for a policy reason, 1008, or a message too big, 1009:
 *   its rate and size limits), the next real socket waits 1 s, then 2, 4 … up to
 *   {@link HOLD_MAX_MS} for each further such close; attempts meanwhile fail at once. Without it a
 *   seat over the relay's limits reconnected and re-synced every document several times a second.
 *   A socket that stays open {@link STABLE_MS} clears the count, so a seat that was connected
 *   when the relay restarted comes back at once.
 * - **A long outage.** After {@link LONG_OUTAGE_MS} without an answer the relay is asked at most
 *   once every {@link LONG_OUTAGE_PROBE_MS}, so a laptop left offline does not send several
 *   requests a second for hours (each also logged by the browser); it finds the relay within a
 *   second of its return.
 */

/** A socket open at least this long (ms) counts as a good connection when it closes. */
export const STABLE_MS = 10_000;

/** The longest wait (ms) before a real socket after the relay kept closing them. */
export const HOLD_MAX_MS = 30_000;

/** After this long (ms) without an answer, the relay is asked less often… */
export const LONG_OUTAGE_MS = 120_000;

/** …at most once per this many ms. */
export const LONG_OUTAGE_PROBE_MS = 1_000;

/** Close codes by which the relay says it will not serve this connection as it is. */
const REFUSING_CODES: ReadonlySet<number> = new Set([1008, 1009]);

/** A real socket is tried at least this often (ms) even while the probe says no. */
export const PROBE_FALLBACK_MS = 10_000;

/** Probes give up after this long (ms): a relay that takes longer to answer counts as away. */
export const PROBE_TIMEOUT_MS = 2_000;

/** The address to probe for a relay URL: ws → http, wss → https, the rest unchanged. */
export function probeUrlOf(relayUrl: string): string {
  return relayUrl.replace(/^ws(s?):\/\//i, 'http$1://');
}

/**
 * Asks the relay's address over HTTP: true when anything answers (any status; the response is
 * opaque and never read), false when the request fails (nothing listening, refused, timed out).
 * Never rejects.
 */
export async function probeRelay(url: string): Promise<boolean> {
  try {
    await fetch(url, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return true;
  } catch {
    return false;
  }
}

/** What the gate needs: a probe, the real WebSocket class and a clock (tests give their own). */
export interface GateOptions {
  probe: (httpUrl: string) => Promise<boolean>;
  Native: typeof WebSocket;
  now?: () => number;
  fallbackMs?: number;
}

const CONNECTING = 0;
const CLOSED = 3;

/**
 * A WebSocket class (the provider's `WebSocketPolyfill`) whose instances probe first and open a
 * real `Native` socket only when the probe answers or the fallback is due. Events of the real
 * socket are passed on as copies (open, message, error, close); until it exists `readyState` is
 * CONNECTING, `send` throws as a connecting socket's does, and `close` ends the attempt.
 */
export function gatedWebSocket(options: GateOptions): typeof WebSocket {
  const { probe, Native } = options;
  const now = options.now ?? (() => Date.now());
  const fallbackMs = options.fallbackMs ?? PROBE_FALLBACK_MS;
  // Shared by every socket of this class (one provider's successive attempts):
  /** When a real socket was last created. */
  let lastReal = -Infinity;
  /** No real socket before this time (the relay kept closing them), and how many in a row. */
  let holdUntil = -Infinity;
  let strikes = 0;
  /** Since when probes have gone unanswered (null: the last one answered), and the last probe. */
  let unansweredSince: number | null = null;
  let lastProbe = -Infinity;

  class GatedWebSocket extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    readonly url: string;
    readonly protocols: string | string[] | undefined;
    private real: WebSocket | null = null;
    private state = CONNECTING;
    private type: BinaryType = 'blob';
    private ended = false;
    /** Set when this side closed the real socket (leaving, a stalled connection): no strike. */
    private closedHere = false;

    constructor(url: string | URL, protocols?: string | string[]) {
      super();
      this.url = String(url);
      this.protocols = protocols;
      void this.start();
    }

    get readyState(): number {
      return this.real ? this.real.readyState : this.state;
    }

    get binaryType(): BinaryType {
      return this.type;
    }

    set binaryType(value: BinaryType) {
      this.type = value;
      if (this.real) this.real.binaryType = value;
    }

    get bufferedAmount(): number {
      return this.real?.bufferedAmount ?? 0;
    }

    get protocol(): string {
      return this.real?.protocol ?? '';
    }

    get extensions(): string {
      return this.real?.extensions ?? '';
    }

    private async start(): Promise<void> {
      // Never an event from inside the constructor: the provider listens only after it returns.
      await Promise.resolve();
      if (this.ended) return;
      const t = now();
      if (t < holdUntil) return this.fail('The relay closed the last connection: waiting');
      const due = t - lastReal >= fallbackMs;
      let answered = due;
      if (!due) {
        const long = unansweredSince !== null && t - unansweredSince >= LONG_OUTAGE_MS;
        if (long && t - lastProbe < LONG_OUTAGE_PROBE_MS) return this.fail('Relay not reachable');
        lastProbe = t;
        answered = await probe(probeUrlOf(this.url)).catch(() => false);
        if (answered) unansweredSince = null;
        else unansweredSince ??= t;
      }
      if (this.ended) return;
      if (!answered) return this.fail('Relay not reachable');
      lastReal = now();
      const ws = new Native(this.url, this.protocols);
      ws.binaryType = this.type;
      this.real = ws;
      let openedAt: number | null = null;
      ws.addEventListener('open', () => {
        openedAt = now();
        unansweredSince = null;
        this.dispatchEvent(new Event('open'));
      });
      ws.addEventListener('error', () => this.dispatchEvent(new Event('error')));
      ws.addEventListener('message', (e: MessageEvent) =>
        this.dispatchEvent(new MessageEvent('message', { data: e.data as unknown })),
      );
      ws.addEventListener('close', (e: CloseEvent) => {
        if (openedAt !== null && !this.closedHere) {
          if (now() - openedAt < STABLE_MS || REFUSING_CODES.has(e.code)) {
            strikes += 1;
            holdUntil = now() + Math.min(1_000 * 2 ** (strikes - 1), HOLD_MAX_MS);
          } else strikes = 0;
        }
        this.dispatchEvent(
          new CloseEvent('close', { code: e.code, reason: e.reason, wasClean: e.wasClean }),
        );
      });
    }

    /** Ends the attempt as a socket that could not connect would: `error`, then `close` 1006. */
    private fail(reason: string): void {
      this.ended = true;
      this.state = CLOSED;
      this.dispatchEvent(new Event('error'));
      this.dispatchEvent(new CloseEvent('close', { code: 1006, reason, wasClean: false }));
    }

    send(data: Parameters<WebSocket['send']>[0]): void {
      if (!this.real) throw new DOMException('Still connecting', 'InvalidStateError');
      this.real.send(data);
    }

    close(code?: number, reason?: string): void {
      if (this.real) {
        this.closedHere = true;
        this.real.close(code, reason);
        return;
      }
      if (this.ended) return;
      this.ended = true;
      this.state = CLOSED;
      this.dispatchEvent(
        new CloseEvent('close', { code: code ?? 1005, reason: reason ?? '', wasClean: false }),
      );
    }

    // The `on…` handler properties of WebSocket are not used by the provider.
    onopen = null;
    onmessage = null;
    onerror = null;
    onclose = null;
  }
  return GatedWebSocket as unknown as typeof WebSocket;
}
