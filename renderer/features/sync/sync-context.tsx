import { createContext, useContext, type ReactNode } from 'react';

/*
 * PLACEHOLDER on branch i15-host, which was cut before the multi-seat engine landed: main has
 * the real renderer/features/sync/sync-context.tsx (with useSyncSnapshot and the controller from
 * renderer/sync/controller.ts). When merging, take main's file; the Host war room uses only
 * what is declared here, which the real controller provides.
 */

/** The part of the seat's sync controller (renderer/sync/controller.ts) the host dialog uses. */
export interface SyncController {
  /** Joins the room a join code names (leaving any other room first). */
  join(code: string): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Leaves the room, keeping the local copy. */
  leave(): void;
  getSnapshot(): { readonly code: string | null };
}

const SyncContext = createContext<SyncController | null>(null);

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
