/**
 * Resolves at a moment the page is idle (requestIdleCallback, at most 2 s later), or after a
 * task where there is no idle callback (Node, tests). Never rejects.
 */
export function idle(): Promise<void> {
  return new Promise((resolve) => {
    const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: object) => number })
      .requestIdleCallback;
    if (ric) ric(() => resolve(), { timeout: 2_000 });
    else setTimeout(resolve, 0);
  });
}
