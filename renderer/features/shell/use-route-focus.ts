import { useEffect, useRef } from 'react';
import { focusMainHeading } from '../../ui/focus-return';

/** How long a new page may take to render its heading (a lazily loaded page, a live query). */
const HEADING_WAIT_MS = 5_000;

/**
 * Moves focus to the new page's main heading after each route change (not on first load), so a
 * keyboard or screen-reader user lands at the top of what they opened instead of on the link they
 * used or on <body>. A page that already put focus inside <main> on its own (the console's log
 * field, say) keeps it. The heading may render after the route changes (lazy pages, live
 * queries): a MutationObserver waits for it, up to a few seconds.
 */
export function useRouteFocus(location: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    const settled = () => {
      const active = document.activeElement;
      return active instanceof HTMLElement && active !== main && main.contains(active);
    };
    const attempt = () => settled() || focusMainHeading();
    if (attempt()) return;
    const observer = new MutationObserver(() => {
      if (attempt()) stop();
    });
    const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
    function stop() {
      observer.disconnect();
      window.clearTimeout(timer);
    }
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [location]);
}
