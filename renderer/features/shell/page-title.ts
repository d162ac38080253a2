/**
 * The document title for a route, so a screen reader announces where a link or a dialog took the
 * user, and the window list and task switcher name the page ("INC-2026-11-22-001 Checkout latency
 * — Warroom"). Pure: the route (hash path) and the incidents known to the shell are passed in.
 */
import type { Incident } from '../../../shared/domain/incident';

const APP = 'Warroom';

const PAGES: ReadonlyArray<readonly [prefix: string, name: string]> = [
  ['/action-items', 'Action items'],
  ['/runbooks', 'Runbooks'],
  ['/services', 'Services'],
  ['/metrics', 'Metrics'],
  ['/settings', 'Settings'],
];

/** "<page> — Warroom"; incidents by reference and title; "Not found — Warroom" for unknown routes. */
export function pageTitle(
  location: string,
  incidents: ReadonlyArray<Pick<Incident, 'id' | 'ref' | 'title'>>,
): string {
  const path = location.split('?')[0] ?? '/';
  if (path === '/' || path === '') return `Incidents — ${APP}`;
  const incident = /^\/incidents\/([^/]+)(\/postmortem)?\/?$/.exec(path);
  if (incident) {
    const id = decodeURIComponent(incident[1] ?? '');
    const found = incidents.find((i) => i.id === id);
    const name = found ? `${found.ref} ${found.title}` : 'Incident not found';
    return incident[2] ? `Post-mortem: ${name} — ${APP}` : `${name} — ${APP}`;
  }
  for (const [prefix, name] of PAGES) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return `${name} — ${APP}`;
  }
  return `Not found — ${APP}`;
}
