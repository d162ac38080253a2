import type { Incident } from '../../../shared/domain/incident';

/** What choosing a palette command does; the palette runs it once it has closed. */
export type PaletteAction =
  /** Go to a route (wouter's navigate, hash routing). */
  | { kind: 'navigate'; to: string }
  /** Open the Declare incident dialog (ui-store `setOpenDialog('declare')`). */
  | { kind: 'declare' }
  /** Flip the theme and keep it as the setting, as View › Toggle Theme does. */
  | { kind: 'toggle-theme' }
  /** Press the console's own Compose update button, so its dialog opens as from the button. */
  | { kind: 'compose-update' }
  /** Press the role board's Hand off (or Assign, while nobody holds it) for a role. */
  | { kind: 'hand-off'; role: string };

/** One entry of the palette's Commands group. */
export interface PaletteCommand {
  /** Stable and unique within the palette; also cmdk's item value (what filtering matches). */
  label: string;
  /** Extra words filtering matches (aliases such as "IC", "new"). */
  keywords: readonly string[];
  action: PaletteAction;
}

/** The incident id of an incident console route (`/incidents/<id>`), else null. */
export function consoleIncidentId(location: string): string | null {
  const m = /^\/incidents\/([^/?#]+)\/?$/.exec(location);
  return m?.[1] ?? null;
}

const PAGES: ReadonlyArray<{ name: string; path: string }> = [
  { name: 'Incidents', path: '/' },
  { name: 'Action items', path: '/action-items' },
  { name: 'Runbooks', path: '/runbooks' },
  { name: 'Services', path: '/services' },
  { name: 'Metrics', path: '/metrics' },
  { name: 'Settings', path: '/settings' },
];

/**
 * The Commands group for the current route (a wouter location such as `/incidents/abc`): the
 * app-wide commands, then the page links, and on an incident console also Compose update, Open
 * post-mortem and Hand off Incident Commander for that incident. Pure; order is display order.
 */
export function paletteCommands(location: string): PaletteCommand[] {
  const commands: PaletteCommand[] = [];
  const incidentId = consoleIncidentId(location);
  if (incidentId) {
    commands.push(
      {
        label: 'Compose update',
        keywords: ['stakeholder', 'comms', 'message', 'status update'],
        action: { kind: 'compose-update' },
      },
      {
        label: 'Open post-mortem',
        keywords: ['postmortem', 'retrospective', 'review'],
        action: { kind: 'navigate', to: `/incidents/${incidentId}/postmortem` },
      },
      {
        label: 'Hand off Incident Commander',
        keywords: ['IC', 'handoff', 'assign', 'role'],
        action: { kind: 'hand-off', role: 'Incident Commander' },
      },
    );
  }
  commands.push(
    { label: 'Declare incident', keywords: ['new', 'open', 'start'], action: { kind: 'declare' } },
    {
      label: 'Toggle theme',
      keywords: ['dark', 'light', 'appearance'],
      action: { kind: 'toggle-theme' },
    },
  );
  for (const page of PAGES) {
    if (page.path === location) continue;
    commands.push({
      label: `Go to ${page.name}`,
      keywords: ['page', 'open'],
      action: { kind: 'navigate', to: page.path },
    });
  }
  return commands;
}

/** One entry of the palette's Incidents group. */
export interface PaletteIncident {
  id: string;
  ref: string;
  title: string;
  severity: Incident['severity'];
  status: Incident['status'];
  drill: boolean;
  /** cmdk's item value: the reference and the title, so either one finds it. Unique by ref. */
  value: string;
}

/**
 * Every incident, newest first (by declaration time, `createdAt` in epoch ms; ties by reference,
 * later first), as palette entries.
 */
export function paletteIncidents(incidents: readonly Incident[]): PaletteIncident[] {
  return [...incidents]
    .sort((a, b) => b.createdAt - a.createdAt || b.ref.localeCompare(a.ref))
    .map((i) => ({
      id: i.id,
      ref: i.ref,
      title: i.title,
      severity: i.severity,
      status: i.status,
      drill: i.drill,
      value: `${i.ref} ${i.title}`,
    }));
}

/** At most this many incidents are listed in the palette at once (the best matches). */
export const PALETTE_INCIDENTS_MAX = 20;

/** An incident the palette's filter rated for a query: its place in the newest-first list too. */
export interface ScoredPaletteIncident {
  incident: PaletteIncident;
  order: number;
  score: number;
}

/**
 * The `max` best of the scored incidents: highest score first, newest first among equals
 * (lower `order`); those rated 0 are left out.
 */
export function bestPaletteIncidents(
  scored: readonly ScoredPaletteIncident[],
  max = PALETTE_INCIDENTS_MAX,
): PaletteIncident[] {
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map((s) => s.incident);
}

/**
 * The incidents the palette lists for `search`: with nothing typed, the newest `max`; else the
 * `max` that `score` (the palette's own filter, cmdk's ranking) rates highest, best first and
 * newest first among equals; those it rates 0 are left out. A year of incidents is 1,000
 * options: listing only the best keeps each keystroke from re-rendering and laying out all of
 * them (BENCHMARKS.md run M), and anything further down is one more word away.
 */
export function topPaletteIncidents(
  incidents: readonly PaletteIncident[],
  search: string,
  score: (value: string, search: string) => number,
  max = PALETTE_INCIDENTS_MAX,
): PaletteIncident[] {
  if (search.trim() === '') return incidents.slice(0, max);
  return bestPaletteIncidents(
    incidents.map((incident, order) => ({ incident, order, score: score(incident.value, search) })),
    max,
  );
}
