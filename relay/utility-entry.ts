import { startRelay, type RelayOptions, type RunningRelay } from './relay';

/**
 * Entry for running the relay inside an Electron utility process (the desktop's "Host war
 * room"), so a relay crash cannot take a window down. The parent talks through
 * `process.parentPort`:
 *
 *   → { type: 'start', options: RelayOptions }   (re-sending restarts, e.g. to open the LAN)
 *   ← { type: 'started', port, url, joinCode, fingerprint? }
 *   ← { type: 'error', message }                  (the relay could not start; none is running)
 *   → { type: 'stop' }
 *   ← { type: 'stopped' }                         (documents stored, then the process exits)
 *
 * `options.tls` carries PEM text, not file names.
 */

/** Electron's `process.parentPort` (typed here so this file needs no Electron types). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export type RelayRequest = { type: 'start'; options: RelayOptions } | { type: 'stop' };
export type RelayReport =
  | { type: 'started'; port: number; url: string; joinCode: string; fingerprint?: string }
  | { type: 'error'; message: string }
  | { type: 'stopped' };

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  throw new Error('relay/utility-entry.ts runs in an Electron utility process only.');
}
const port = parentPort;
const report = (message: RelayReport) => port.postMessage(message);

let running: RunningRelay | undefined;
// Requests are handled one at a time, in order.
let queue: Promise<void> = Promise.resolve();

async function handle(request: RelayRequest): Promise<void> {
  if (running) {
    const r = running;
    running = undefined;
    await r.close();
  }
  if (request.type === 'stop') {
    report({ type: 'stopped' });
    process.exit(0);
  }
  try {
    running = await startRelay({ ...request.options, log: (line) => console.error(line) });
    const { port: p, url, joinCode, fingerprint } = running;
    report({ type: 'started', port: p, url, joinCode, ...(fingerprint ? { fingerprint } : {}) });
  } catch (error) {
    report({ type: 'error', message: (error as Error).message });
  }
}

port.on('message', ({ data }) => {
  const request = data as RelayRequest;
  if (request?.type !== 'start' && request?.type !== 'stop') return;
  queue = queue.then(() => handle(request));
});
