import { describe, expect, it } from 'vitest';
import v1 from '../../../tests/fixtures/db/v1.json';
import schemaV1 from '../../../tests/fixtures/db/schema-v1.json';
import schemaV2 from '../../../tests/fixtures/db/schema-v2.json';
import schemaV3 from '../../../tests/fixtures/db/schema-v3.json';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, WarroomDb } from '../schema';
import { seedOldDatabase, type DbFixture } from './fixtures';
import { incidentSchema } from '../../../shared/domain/incident';
import { timelineEntrySchema } from '../../../shared/domain/timeline';

/** A released schema version, frozen as the literal stores it shipped with. */
interface SchemaSnapshot {
  version: number;
  released: string;
  stores: Record<string, string>;
}

/**
 * Versions a user's database can be left at. v3 (y-dexie's `doc: Y.Doc`, the multi-seat
 * documents) is the current one: its snapshot guards the constant; there is nothing older to
 * open it with yet, so no "opens a v3 database" case until v4 exists.
 */
const RELEASED: readonly SchemaSnapshot[] = [schemaV1, schemaV2];

/**
 * One test per released schema version: create the database from that version's FROZEN
 * snapshot (tests/fixtures/db/schema-vN.json, never the live constants, so an edit to a released
 * schema cannot pass unnoticed), seed it, reopen it with the current schema and assert every row
 * survived. A new `version(n)` adds a snapshot and a case here.
 */
describe('schema migrations', () => {
  it('the released schema constants still equal their frozen snapshots', () => {
    // Editing SCHEMA_V1 or SCHEMA_V2 changes what users' databases were created with: add a
    // version instead (renderer/db/schema.ts).
    expect({ ...SCHEMA_V1 }).toEqual(schemaV1.stores);
    expect({ ...SCHEMA_V2 }).toEqual(schemaV2.stores);
    expect({ ...SCHEMA_V3 }).toEqual(schemaV3.stores);
  });

  it.each(RELEASED.map((s) => [s.version, s] as const))(
    'opens a v%i database with the current schema and keeps every row',
    async (version, snapshot) => {
      const fixture: DbFixture = { ...(v1 as DbFixture), version };
      const name = `migration-v${version}-${Date.now()}`;
      await seedOldDatabase(name, snapshot.stores, fixture);

      const db = new WarroomDb(name);
      await db.open();
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const stored = await db.table(table).toArray();
        expect(stored, table).toEqual(expect.arrayContaining(rows));
        expect(stored).toHaveLength(rows.length);
      }
      // The fixture is valid against today's schemas, so the app can read it.
      for (const row of await db.incidents.toArray()) incidentSchema.parse(row);
      for (const row of await db.timelineEntries.toArray()) timelineEntrySchema.parse(row);
      expect(await db.incidents.where('ref').equals('INC-2026-11-22-001').count()).toBe(1);
      // The [incidentId+kind] index (v2) answers for rows written under any released version.
      expect(
        await db.timelineEntries.where('[incidentId+kind]').equals(['inc-1', 'finding']).count(),
      ).toBe(1);
      expect(db.verno).toBe(3);
      db.close();
    },
  );
});
