import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { SyncController, SyncSnapshot } from '../../sync/controller';

const SyncContext = createContext<SyncController | null>(null);

/** Provides the seat's sync controller (main.tsx makes it; component tests may leave it out). */
export function SyncProvider({
  sync,
  children,
}: {
  sync: SyncController | null;
  children: ReactNode;
}) {
  return <SyncContext.Provider value={sync}>{children}</SyncContext.Provider>;
}

/** The seat's sync controller, or null where multi-seat is not wired (component tests). */
export function useSyncController(): SyncController | null {
  return useContext(SyncContext);
}

const NONE = (): (() => void) => () => undefined;

/** The live multi-seat state: status, who is in the room, the room's incidents. */
export function useSyncSnapshot(): SyncSnapshot | null {
  const sync = useContext(SyncContext);
  return useSyncExternalStore(sync ? sync.subscribe : NONE, () =>
    sync ? sync.getSnapshot() : null,
  );
}
