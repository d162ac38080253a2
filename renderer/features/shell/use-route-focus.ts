import { useEffect, useRef } from 'react';
import {
  focusHeadingWhenReady,
  focusInitialField,
  focusSettledInMain,
} from '../../ui/focus-return';

/**
 * Moves focus to the new page's main heading after each route change (not on first load), so a
 * keyboard or screen-reader user lands at the top of what they opened instead of on the link they
 * used or on <body>. A page that already put focus inside <main> on its own keeps it, and one
 * that marks where its work starts (`data-initial-focus`: the console's Log entry) gets focus
 * there. The heading may render after the route changes (lazy pages, live
 * queries): it is focused as soon as it appears, within a few seconds.
 */
export function useRouteFocus(location: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!document.getElementById('main')) return;
    return focusHeadingWhenReady(() => focusSettledInMain() || focusInitialField());
  }, [location]);
}
