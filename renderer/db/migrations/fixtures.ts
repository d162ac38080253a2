import Dexie from 'dexie';
import yDexie from 'y-dexie';

/** A database as an older schema version wrote it: its stores and its rows per table. */
export interface DbFixture {
  version: number;
  tables: Record<string, unknown[]>;
}

/**
 * Writes a fixture with the OLD schema exactly as it was released, then closes it, so the test
 * can reopen the same database with the current `WarroomDb` and check that nothing was lost.
 */
export async function seedOldDatabase(
  name: string,
  stores: Record<string, string>,
  fixture: DbFixture,
): Promise<void> {
  // y-dexie reads the `doc: Y.Doc` declaration of v3 on (it makes the document tables).
  const old = new Dexie(name, { addons: [yDexie] });
  old.version(fixture.version).stores(stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables))
      await old.table(table).bulkAdd(rows);
  });
  old.close();
}
