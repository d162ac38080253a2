/** A hand-off point for commands that may arrive before anyone listens (see createCommandQueue). */
export interface CommandQueue<T> {
  /** A command arrived: delivered to the listeners, or kept until the first one subscribes. */
  push: (command: T) => void;
  /** Subscribes; commands kept so far are delivered (in order) right after. Returns unsubscribe. */
  listen: (listener: (command: T) => void) => () => void;
}

/**
 * Commands (from the native menu) that arrive while nobody listens are kept, in order, and
 * handed to the first listener: a menu click during start-up is acted on once the app is ready,
 * not dropped. Queued commands are delivered on a microtask, so a listener that unsubscribes in
 * the same tick (React's StrictMode mounts effects twice) does not take them with it.
 */
export function createCommandQueue<T>(): CommandQueue<T> {
  const listeners = new Set<(command: T) => void>();
  const waiting: T[] = [];
  let scheduled = false;
  const drain = (): void => {
    scheduled = false;
    if (listeners.size === 0) return;
    for (const command of waiting.splice(0)) for (const l of [...listeners]) l(command);
  };
  return {
    push(command) {
      if (listeners.size === 0 || waiting.length > 0) {
        waiting.push(command);
        if (listeners.size > 0 && !scheduled) {
          scheduled = true;
          queueMicrotask(drain);
        }
        return;
      }
      for (const l of [...listeners]) l(command);
    },
    listen(listener) {
      listeners.add(listener);
      if (waiting.length > 0 && !scheduled) {
        scheduled = true;
        queueMicrotask(drain);
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
