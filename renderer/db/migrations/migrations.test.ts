import { describe, expect, it } from 'vitest';
import v1 from '../../../tests/fixtures/db/v1.json';
import schemaV1 from '../../../tests/fixtures/db/schema-v1.json';
import schemaV2 from '../../../tests/fixtures/db/schema-v2.json';
import schemaV3 from '../../../tests/fixtures/db/schema-v3.json';
import schemaV4 from '../../../tests/fixtures/db/schema-v4.json';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, WarroomDb } from '../schema';
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
 * Versions a user's database can be left at. v4 (the runbook index on timeline entries) is the
 * current one: its snapshot guards the constant; there is nothing newer to open it with yet.
 */
const RELEASED: readonly SchemaSnapshot[] = [schemaV1, schemaV2, schemaV3];

/** A runbook's use recorded on an entry (written under any version: the field is plain JSON). */
const RUNBOOK_ENTRY = {
  id: 'e-rb',
  incidentId: 'inc-1',
  kind: 'action',
  text: 'Opened runbook “Checkout failover”',
  occurredAt: 1795356300000,
  loggedAt: 1795356300000,
  author: 'Alice',
  pinned: false,
  deletedAt: null,
  revisions: [],
  change: null,
  audience: null,
  runbook: { runbookId: 'rb-1', action: 'opened' },
};

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
    expect({ ...SCHEMA_V4 }).toEqual(schemaV4.stores);
  });

  it.each(RELEASED.map((s) => [s.version, s] as const))(
    'opens a v%i database with the current schema and keeps every row',
    async (version, snapshot) => {
      const base = v1 as DbFixture;
      const fixture: DbFixture = {
        version,
        tables: {
          ...base.tables,
          timelineEntries: [...(base.tables.timelineEntries ?? []), RUNBOOK_ENTRY],
        },
      };
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
      // The runbook index (v4) answers for entries written before it existed.
      expect(
        await db.timelineEntries.where('runbook.runbookId').equals('rb-1').primaryKeys(),
      ).toEqual(['e-rb']);
      expect(db.verno).toBe(4);
      db.close();
    },
  );
});
