/*
 * Runs relay/utility-entry.ts in a plain Node child process (child_process.fork) as Electron's
 * utility process would: `process.parentPort` is made from Node's IPC channel. Only for tests
 * (there is no Electron binary on the test machines).
 */

const send = (message: unknown): void => {
  process.send?.(message);
};

Object.assign(process, {
  parentPort: {
    on(_event: 'message', listener: (event: { data: unknown }) => void): void {
      process.on('message', (data) => listener({ data }));
    },
    postMessage: send,
  },
});

await import('../../../relay/utility-entry');

export {};
