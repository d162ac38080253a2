import { describe, expect, it } from 'vitest';
import v1 from '../../../tests/fixtures/db/v1.json';
import { SCHEMA_V1, WarroomDb } from '../schema';
import { seedOldDatabase, type DbFixture } from './fixtures';
import { incidentSchema } from '../../../shared/domain/incident';
import { timelineEntrySchema } from '../../../shared/domain/timeline';

/**
 * One test per released schema version: open the old database, reopen with the current schema,
 * and assert every row survived. A new `version(n)` adds a fixture and a case here.
 */
describe('schema migrations', () => {
  it('opens a v1 database with the current schema and keeps every row', async () => {
    const fixture = v1 as DbFixture;
    const name = `migration-v1-${Date.now()}`;
    await seedOldDatabase(name, SCHEMA_V1, fixture);

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
    // v2's index answers for rows written under v1.
    expect(
      await db.timelineEntries.where('[incidentId+kind]').equals(['inc-1', 'finding']).count(),
    ).toBe(1);
    expect(db.verno).toBe(2);
    db.close();
  });
});
