/**
 * Lets the event loop run what is waiting (input, a worker's message, a paint) before the next
 * part of a long job: a message posted to ourselves runs as a new task after them, and, unlike
 * `setTimeout`, is neither clamped to 4 ms after a few nestings nor held to one run a second in a
 * hidden or minimised window (Chromium's timer throttling). Falls back to `setTimeout(0)` where
 * there is no MessageChannel. Never rejects.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
