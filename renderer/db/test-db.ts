import { WarroomDb } from './schema';

let seq = 0;

/** A fresh, uniquely named database for one test (fake-indexeddb in jsdom). */
export async function freshDb(): Promise<WarroomDb> {
  const db = new WarroomDb(`warroom-test-${Date.now()}-${++seq}`);
  await db.open();
  return db;
}
