import { describe, expect, it } from 'vitest';
import v1 from '../../tests/fixtures/db/v1.json';
import schemaV2 from '../../tests/fixtures/db/schema-v2.json';
import { DIRECTORY_DOC, incidentDocName } from '../../shared/sync/doc-names';
import { projectDoc } from '../../shared/sync/project';
import type { TableName } from '../../shared/commands/change-set';
import { seedOldDatabase, type DbFixture } from '../db/migrations/fixtures';
import { WarroomDb } from '../db/schema';
import { SyncEngine } from './engine';

/**
 * Records made before multi-seat (a v2 database, from its frozen snapshot and the fixture rows)
 * migrate into documents on the first start: every row of every synced table is in a document,
 * and each document projects back to exactly the rows the tables hold. Nothing in the tables
 * changes, and a second start seeds nothing again.
 */
describe('migration of an older database into documents', () => {
  it('seeds every incident and the directory, losing nothing, once', async () => {
    const fixture: DbFixture = { ...(v1 as DbFixture), version: 2 };
    const name = `migration-docs-${Date.now()}`;
    await seedOldDatabase(name, schemaV2.stores, fixture);
    const db = new WarroomDb(name);
    await db.open();
    const engine = new SyncEngine(db);
    const tables = fixture.tables as Record<string, { incidentId?: string }[]>;
    const before: Record<string, unknown[]> = {};
    for (const t of Object.keys(tables)) before[t] = await db.table(t).toArray();

    const incidents = tables.incidents as { id: string }[];
    expect(await engine.migrate()).toBe(incidents.length + 1);

    for (const inc of incidents) {
      const doc = await engine.docs.open(incidentDocName(inc.id));
      const projected = projectDoc(doc);
      for (const t of [
        'incidents',
        'timelineEntries',
        'roleAssignments',
        'hypotheses',
        'commsUpdates',
        'actionItems',
        'postmortems',
      ] as TableName[]) {
        const held = (before[t] ?? []).filter((r) =>
          t === 'incidents'
            ? (r as { id: string }).id === inc.id
            : (r as { incidentId?: string }).incidentId === inc.id,
        );
        expect(projected[t]?.updated ?? [], t).toEqual(expect.arrayContaining(held));
        expect((projected[t]?.updated ?? []).length, t).toBe(held.length);
      }
    }
    const directory = projectDoc(await engine.docs.open(DIRECTORY_DOC));
    for (const t of ['people', 'services', 'runbooks'] as TableName[])
      expect(directory[t]?.updated ?? [], t).toEqual(expect.arrayContaining(before[t] ?? []));
    // The tables are untouched by the migration.
    for (const t of Object.keys(tables)) expect(await db.table(t).toArray(), t).toEqual(before[t]);
    // A later start finds every document seeded.
    const again = new SyncEngine(db);
    expect(await again.migrate()).toBe(0);
    engine.docs.releaseAll();
    again.docs.releaseAll();
    db.close();
  });
});
