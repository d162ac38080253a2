/** Test-only helpers for component tests that read and write a real (fake-indexeddb) database. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { DbProvider } from './db-context';
import type { WarroomDb } from './schema';

/** Renders `ui` inside a DbProvider for `db` (what useDb / useCommand / live queries read). */
export function renderWithDb(db: WarroomDb, ui: ReactNode): RenderResult {
  return render(<DbProvider db={db}>{ui}</DbProvider>);
}

/**
 * For afterEach: unmounts every rendered component, then closes each database. The order
 * matters: a live query still answering must find its component gone, not a closed database.
 */
export function unmountThenClose(...dbs: WarroomDb[]): void {
  cleanup();
  for (const db of dbs) db.close();
}
