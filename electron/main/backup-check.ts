import { Worker } from 'node:worker_threads';

/*
 * A backup can be tens of megabytes of JSON, and JSON.parse of that blocks for hundreds of
 * milliseconds: on the main process that freezes every window (and the quit itself). The
 * check runs in a worker thread instead; the source is inline (eval) so the main bundle needs
 * no second entry file.
 */
const CHECK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let ok = false;
try {
  const data = JSON.parse(workerData);
  ok = data !== null && typeof data === 'object' && !Array.isArray(data) &&
    data.format === 'warroom-backup';
} catch {
  ok = false;
}
parentPort.postMessage(ok);
`;

/**
 * True when `content` parses as JSON and is an object with `format: "warroom-backup"`: a light
 * check that the page sent a backup, not anything else, before it lands on disk (the full
 * validation happens on import). Parsed in a worker thread, so the main process's event loop
 * stays free; rejects only if the worker itself fails (out of memory, cannot start).
 */
export function isWarroomBackup(content: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK_SOURCE, { eval: true, workerData: content });
    worker.once('message', (ok: unknown) => resolve(ok === true));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      // After a message this is a no-op; without one, the worker died.
      reject(new Error(`the backup check stopped early (exit code ${code})`));
    });
  });
}
