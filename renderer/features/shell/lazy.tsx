import { createElement, lazy, useEffect, type ComponentType } from 'react';

/** A component loaded on first use, whose code can also be fetched ahead of time. */
export interface LazyPart<P> {
  /** Renders the part; suspends (for the nearest Suspense) only while its code is not loaded. */
  Component: ComponentType<P>;
  /** Fetches and evaluates the part's code (once; later calls share the first promise). */
  preload: () => Promise<unknown>;
}

/**
 * Wraps `React.lazy` around a named export, so the code behind a page or a dialog is left out
 * of the start-up bundle, and adds `preload` so it can be loaded while the app is idle (see
 * {@link usePreloadWhenIdle}). A failed load is not cached: the next render or preload tries again.
 */
export function lazyPart<P extends object, M>(
  load: () => Promise<M>,
  pick: (m: M) => ComponentType<P>,
): LazyPart<P> {
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  let loaded: ComponentType<P> | null = null;
  const get = () => {
    pending ??= load().then(
      (m) => {
        loaded = pick(m);
        return { default: loaded };
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(get);
  // Once the code is in (preloaded in idle time, say), render the component itself: React.lazy
  // would still suspend once on its first render, showing nothing for a moment.
  const Component = (props: P) => createElement(loaded ?? Lazy, props);
  return { Component, preload: get };
}

/** How long to wait for an idle moment before preloading anyway, in ms. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * Runs `run` when the browser is next idle (or after `timeoutMs`, default
 * {@link IDLE_TIMEOUT_MS}, at the latest), or soon after a timer where requestIdleCallback does
 * not exist (jsdom, older engines). Returns a function that cancels it if it has not run yet.
 */
export function whenIdle(run: () => void, timeoutMs: number = IDLE_TIMEOUT_MS): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, 50);
  return () => window.clearTimeout(handle);
}

/**
 * Once mounted (the first screen is up), loads `parts` one at a time in the browser's idle
 * time, so the first visit to a page or the first opening of a dialog does not wait for the
 * network and the parser. Failures are ignored here: the part retries when it is first used.
 */
export function usePreloadWhenIdle(parts: ReadonlyArray<Pick<LazyPart<never>, 'preload'>>): void {
  useEffect(() => {
    let cancelled = false;
    const next = (i: number): void => {
      const part = parts[i];
      if (cancelled || !part) return;
      whenIdle(() => {
        if (cancelled) return;
        part.preload().then(
          () => next(i + 1),
          () => next(i + 1),
        );
      });
    };
    next(0);
    return () => {
      cancelled = true;
    };
    // The parts are module-level constants: load them once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
