import { createContext, useContext, type ReactNode } from 'react';
import type { WarroomDb } from './schema';

const DbContext = createContext<WarroomDb | null>(null);

/** Provides the open database to the tree (tests pass their own fresh one). */
export function DbProvider({ db, children }: { db: WarroomDb; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

/** The open database. */
export function useDb(): WarroomDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb must be used inside <DbProvider>');
  return db;
}
