import { memo, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { MenuCommand } from '../shared/ipc/contract';
import { DbProvider } from './db/db-context';
import type { WarroomDb } from './db/schema';
import { OverdueActionItemsBadge } from './features/action-items/nav-badge';
import { IncidentListPage } from './features/incidents/incident-list';
import { useIncidents } from './features/incidents/queries';
import { usePaletteStore } from './features/palette/palette-state';
import { lazyPart, usePreloadWhenIdle } from './features/shell/lazy';
import { pageTitle } from './features/shell/page-title';
import { useToggleTheme } from './features/shell/toggle-theme';
import { useRouteFocus } from './features/shell/use-route-focus';
import { useAttention } from './features/timers/use-attention';
import { useSettings } from './features/settings/use-settings';
import type { Platform } from './platform';
import { PlatformProvider, usePlatform } from './platform/platform-context';
import { useUiStore } from './store/ui-store';
import { ErrorBoundary } from './features/shell/error-boundary';
import { StorageBanner } from './features/shell/storage-banner';
import { Toasts } from './features/shell/toasts';
import { SyncProvider } from './features/sync/sync-context';
import { WarRoomBar } from './features/sync/war-room';
import type { SyncController } from './sync/controller';

/**
 * Marks `<html data-app-state="ready">` once the database is open and the first view (a lazily
 * loaded page included: this sits inside the same Suspense boundary) has rendered.
 */
function ReadyMarker() {
  usePreloadWhenIdle(PRELOAD);
  // A layout effect: the first view is in the DOM when it runs, and the mark is set before that
  // frame is painted instead of after it (a passive effect waited for the paint).
  useLayoutEffect(() => {
    document.documentElement.dataset.appState = 'ready';
  }, []);
  return null;
}

// Only the incident list is in the start-up bundle. Every other page, the Declare incident dialog
// and the desktop's automatic backup load on first use, and the console and the dialog (the parts
// a war room reaches first) are also loaded as soon as the first screen is up and the app is idle.
const IncidentConsolePage = lazyPart(
  () => import('./features/incidents/incident-console'),
  (m) => m.IncidentConsolePage,
);
const DeclareDialog = lazyPart(
  () => import('./features/incidents/declare-dialog'),
  (m) => m.DeclareDialog,
);
const CommandPalette = lazyPart(
  () => import('./features/palette/command-palette'),
  (m) => m.CommandPalette,
);
const AutoBackup = lazyPart(
  () => import('./features/backup/auto-backup'),
  (m) => m.AutoBackup,
);
const ActionItemsPage = lazyPart(
  () => import('./features/action-items/action-items-page'),
  (m) => m.ActionItemsPage,
);
const MetricsPage = lazyPart(
  () => import('./features/metrics/metrics-page'),
  (m) => m.MetricsPage,
);
const PostmortemPage = lazyPart(
  () => import('./features/postmortem/postmortem-page'),
  (m) => m.PostmortemPage,
);
const RunbooksPage = lazyPart(
  () => import('./features/runbooks/runbooks-page'),
  (m) => m.RunbooksPage,
);
const ServicesPage = lazyPart(
  () => import('./features/services/services-page'),
  (m) => m.ServicesPage,
);
const SettingsPage = lazyPart(
  () => import('./features/settings/settings-page'),
  (m) => m.SettingsPage,
);
/** Loaded in idle time once the first screen is up, most likely first. */
const PRELOAD = [IncidentConsolePage, DeclareDialog, CommandPalette];

/** The app: providers, the one shared clock, global shortcuts, navigation and routes. */
export function App({
  db,
  platform,
  sync = null,
}: {
  db: WarroomDb;
  platform: Platform;
  /** The seat's multi-seat controller (renderer/sync); component tests leave it out. */
  sync?: SyncController | null;
}) {
  return (
    <DbProvider db={db}>
      <PlatformProvider platform={platform}>
        <SyncProvider sync={sync}>
          <Router hook={useHashLocation}>
            <Shell />
          </Router>
        </SyncProvider>
      </PlatformProvider>
    </DbProvider>
  );
}

function useClock() {
  const tick = useUiStore((s) => s.tick);
  useEffect(() => {
    // One interval for the whole app; every countdown derives from `now`.
    const id = window.setInterval(() => tick(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [tick]);
}

function useTheme() {
  const { theme } = useSettings();
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: light)');
    const apply = () => {
      // Dark unless the user asked for light, or for the system theme and the OS is light.
      const resolved = theme === 'system' ? (media?.matches ? 'light' : 'dark') : theme;
      document.documentElement.dataset.theme = resolved;
    };
    apply();
    media?.addEventListener('change', apply);
    return () => media?.removeEventListener('change', apply);
  }, [theme]);
}

function useShortcuts() {
  const setOpenDialog = useUiStore((s) => s.setOpenDialog);
  const togglePalette = usePaletteStore((s) => s.toggle);
  const toggleTheme = useToggleTheme();
  const platform = usePlatform();
  const [, navigate] = useLocation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A key press something on the page already handled (the palette's own Ctrl+N) is done.
      if (e.defaultPrevented) return;
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'n') {
        e.preventDefault();
        setOpenDialog('declare');
      } else if (key === 'k') {
        e.preventDefault();
        togglePalette();
      }
    };
    window.addEventListener('keydown', onKey);
    // Every command the native menu sends (MENU_COMMANDS) has its handler here.
    const handlers: Record<MenuCommand, () => void> = {
      'new-incident': () => setOpenDialog('declare'),
      'open-settings': () => navigate('/settings'),
      'toggle-theme': toggleTheme,
    };
    const off = platform.onMenuCommand((command) => handlers[command]?.());
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [setOpenDialog, togglePalette, toggleTheme, platform, navigate]);
}

/**
 * The Declare incident dialog, mounted from the first time it is asked for (its code loads then,
 * unless idle preloading got there first) and kept mounted, so it closes and returns focus as a
 * dialog that was always there does.
 */
function LazyDeclareDialog() {
  const asked = useUiStore((s) => s.openDialog === 'declare');
  const [mounted, setMounted] = useState(asked);
  if (asked && !mounted) setMounted(true);
  return mounted ? (
    <Suspense fallback={null}>
      <DeclareDialog.Component />
    </Suspense>
  ) : null;
}

/**
 * The command palette, mounted from the first Ctrl/Cmd+K (its code loads then, unless idle
 * preloading got there first) and kept mounted, like the Declare incident dialog.
 */
function LazyCommandPalette() {
  const asked = usePaletteStore((s) => s.open);
  const [mounted, setMounted] = useState(asked);
  if (asked && !mounted) setMounted(true);
  return mounted ? (
    <Suspense fallback={null}>
      <CommandPalette.Component />
    </Suspense>
  ) : null;
}

/** Applies the theme setting; a component of its own so a settings read re-renders only it. */
function ThemeSync() {
  useTheme();
  return null;
}

/**
 * The overdue count in the title and badge, notifications, and the polite live region for
 * countdown announcements. A component of its own: it follows the shared clock, and the shell
 * (and with it the page) need not re-render every second for it.
 */
function Attention({ title }: { title: string }) {
  // One owner of document.title: the attention hook prefixes the page title with the overdue count.
  const announcement = useAttention(title);
  return (
    <div role="status" aria-label="Timer announcements" className="visually-hidden">
      {announcement}
    </div>
  );
}

/**
 * The current page. Memoised on the route: a change to the incident list (the shell reads it
 * for the title) does not re-render the page, which reads what it needs itself.
 */
const Pages = memo(function Pages({ location }: { location: string }) {
  return (
    <ErrorBoundary key={location} what="This page">
      <Suspense fallback={null}>
        <Switch>
          <Route path="/">
            <IncidentListPage />
          </Route>
          <Route path="/incidents/:id/postmortem">
            {(params) => <PostmortemPage.Component id={params.id} />}
          </Route>
          <Route path="/incidents/:id">
            {(params) => <IncidentConsolePage.Component id={params.id} />}
          </Route>
          <Route path="/action-items">
            <ActionItemsPage.Component />
          </Route>
          <Route path="/runbooks/:id?">
            {(params) => <RunbooksPage.Component id={params.id} />}
          </Route>
          <Route path="/services">
            <ServicesPage.Component />
          </Route>
          <Route path="/metrics">
            <MetricsPage.Component />
          </Route>
          <Route path="/settings">
            <SettingsPage.Component />
          </Route>
          <Route>
            <div className="page">
              <h1>Not found</h1>
              <Link href="/">Back to incidents</Link>
            </div>
          </Route>
        </Switch>
        <ReadyMarker />
      </Suspense>
    </ErrorBoundary>
  );
});

function Shell() {
  const platform = usePlatform();
  useClock();
  useShortcuts();
  const setOpenDialog = useUiStore((s) => s.setOpenDialog);
  const incidents = useIncidents();
  const [location] = useLocation();
  const ready = incidents !== undefined;
  const title = pageTitle(location, incidents ?? []);
  useRouteFocus(location);
  const current = (path: string) =>
    location === path || (path !== '/' && location.startsWith(path)) ? 'page' : undefined;
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand" aria-hidden="true">
          Warroom
        </span>
        <nav aria-label="Main">
          <Link
            href="/"
            aria-current={
              location === '/' || location.startsWith('/incidents') ? 'page' : undefined
            }
          >
            Incidents
          </Link>
          <Link href="/action-items" aria-current={current('/action-items')}>
            Action items
            <OverdueActionItemsBadge />
          </Link>
          <Link href="/runbooks" aria-current={current('/runbooks')}>
            Runbooks
          </Link>
          <Link href="/services" aria-current={current('/services')}>
            Services
          </Link>
          <Link href="/metrics" aria-current={current('/metrics')}>
            Metrics
          </Link>
          <Link href="/settings" aria-current={current('/settings')}>
            Settings
          </Link>
        </nav>
        <button
          type="button"
          className="button button-primary"
          aria-keyshortcuts="Control+N Meta+N"
          onClick={() => setOpenDialog('declare')}
        >
          Declare incident
        </button>
      </header>
      <StorageBanner />
      <WarRoomBar />
      <main id="main" tabIndex={-1}>
        {ready ? <Pages location={location} /> : null}
      </main>
      <Attention title={title} />
      <ThemeSync />
      <LazyDeclareDialog />
      <LazyCommandPalette />
      {platform.writeAutoBackup ? (
        <Suspense fallback={null}>
          <AutoBackup.Component />
        </Suspense>
      ) : null}
      <Toasts />
    </div>
  );
}
