/**
 * Where keyboard focus goes when a dialog closes. Our dialogs open from state (a shortcut, a menu
 * command, a button elsewhere on the page), not from a Radix trigger, so Radix has nothing to
 * return focus to and drops it on <body>. WCAG 2.4.3 (focus order) expects focus back on the
 * control that opened the dialog; when that control is gone, or the dialog navigated to another
 * page, the page's main heading takes it instead.
 */

/** What was focused when the dialog opened, and the route it opened on. */
export interface FocusOrigin {
  element: HTMLElement | null;
  location: string;
}

/** Records the focused element and the current route: call as the dialog opens. */
export function captureFocusOrigin(doc: Document = document): FocusOrigin {
  const active = doc.activeElement;
  const element =
    active instanceof HTMLElement && active !== doc.body && active !== doc.documentElement
      ? active
      : null;
  return { element, location: doc.location?.hash ?? '' };
}

/** True when `el` is still in the page and can take focus (not hidden, not disabled). */
export function canTakeFocus(el: HTMLElement | null): el is HTMLElement {
  if (!el || !el.isConnected) return false;
  if ((el as HTMLButtonElement).disabled) return false;
  if (el.closest('[hidden], [inert]')) return false;
  return true;
}

/**
 * Focuses the main heading of the page (`#main h1`), making it programmatically focusable first.
 * Returns false when the page has no heading yet.
 */
export function focusMainHeading(doc: Document = document): boolean {
  const heading = doc.querySelector<HTMLElement>('#main h1');
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
  return true;
}

/**
 * Focuses the field where work on the page starts, when the page marks one inside <main> with
 * `data-initial-focus` (the console's Log entry: the README promises the console opens with the
 * cursor there, and a scribe who types at once must not fire the page's one-key shortcuts).
 * Returns false when there is none (yet) or it cannot take focus.
 */
export function focusInitialField(doc: Document = document): boolean {
  const el = doc.querySelector<HTMLElement>('#main [data-initial-focus]');
  if (!canTakeFocus(el)) return false;
  el.focus();
  return true;
}

/** True when focus is on something inside <main> (a page put it there on purpose). */
export function focusSettledInMain(doc: Document = document): boolean {
  const main = doc.getElementById('main');
  const active = doc.activeElement;
  return !!main && active instanceof HTMLElement && active !== main && main.contains(active);
}

/** How long a new page may take to render its heading (a lazily loaded page, a live query). */
export const HEADING_WAIT_MS = 5_000;

/**
 * Focuses the page's main heading now, or as soon as it renders (up to HEADING_WAIT_MS).
 * `skip` is asked first each time: when it says focus is settled elsewhere on purpose, nothing
 * moves. Returns a function that stops waiting.
 */
export function focusHeadingWhenReady(
  skip: () => boolean = () => false,
  doc: Document = document,
): () => void {
  const attempt = () => skip() || focusMainHeading(doc);
  if (attempt()) return () => undefined;
  const main = doc.getElementById('main') ?? doc.body;
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
}

/**
 * Returns focus after a dialog closed: to its opener while that is still there and the route did
 * not change; otherwise to the page's main heading. When the dialog took the user to a new page
 * (Declare opens the new console), to the field the page starts work in (`data-initial-focus`)
 * if it has one, else its heading; either may render a moment later.
 */
export function restoreFocus(origin: FocusOrigin, doc: Document = document): void {
  const moved = (doc.location?.hash ?? '') !== origin.location;
  if (!moved && canTakeFocus(origin.element)) {
    origin.element.focus();
    return;
  }
  if (!moved) {
    focusHeadingWhenReady(() => false, doc);
    return;
  }
  // A new page: where its work starts if it says so, else its heading (the field may render
  // after the heading; the console's field then takes focus from the heading itself).
  focusHeadingWhenReady(() => focusSettledInMain(doc) || focusInitialField(doc), doc);
}
