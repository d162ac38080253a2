import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, BACKUP_FORMAT, BACKUP_SCHEMA_VERSION } from '../../../shared/domain/backup';
import { incidentRow, noImpact } from '../../../shared/domain/testing/incident';
import type { Service } from '../../../shared/domain/records';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { BackupImportError, importBackup } from './backup';
import { describeWriteError } from './errors';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

const service = (id: string, name: string): Service => ({
  id,
  name,
  ownerTeam: 'core',
  sloTarget: null,
  sloWindowDays: 30,
  runbookId: null,
  lastUsedAt: 1,
});

function file(tables: Record<string, unknown[]>) {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    appVersion: '0.1.0',
    exportedAt: '2026-11-22T14:00:00.000Z',
    scope: 'all',
    tables: { ...Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])), ...tables },
  };
}

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) out[t] = await db.table(t).toArray();
  return out;
}

async function refusal(data: unknown, onConflict: 'skip' | 'replace' = 'replace') {
  const error = await importBackup(db, data, { onConflict }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackupImportError);
  return error as BackupImportError;
}

describe('import conflicts are reported by path, in plain words, writing nothing', () => {
  it("Replace: id of one service, name of another (issue 12's raw ConstraintError)", async () => {
    await db.services.bulkAdd([service('svc-1', 'payments'), service('svc-2', 'search')]);
    const before = await snapshot();
    const rows = [
      service('svc-9', 'ledger'),
      service('svc-8', 'billing'),
      service('svc-7', 'auth'),
      service('svc-1', 'search'),
    ];
    const error = await refusal(file({ services: rows }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.path).toBe('tables.services[3]');
    expect(error.message).toMatch(
      /^tables\.services\[3\]: id svc-1 is service 'payments' here, but its name 'search' belongs to another service \(id svc-2\)/,
    );
    expect(error.message).not.toMatch(/ConstraintError|Your text is kept/);
    expect(await snapshot()).toEqual(before);
  });

  it('the same for people (unique name) and incidents (unique reference)', async () => {
    await db.people.bulkAdd([
      { id: 'p1', name: 'Bob', handle: '', team: '', lastUsedAt: 1 },
      { id: 'p2', name: 'Carol', handle: '', team: '', lastUsedAt: 1 },
    ]);
    const error = await refusal(
      file({ people: [{ id: 'p1', name: 'Carol', handle: '', team: '', lastUsedAt: 2 }] }),
    );
    expect(error.message).toContain(
      "tables.people[0]: id p1 is person 'Bob' here, but its name 'Carol' belongs to another person (id p2)",
    );
  });

  it('Skip mode leaves the clashing row alone and imports the rest', async () => {
    await db.services.bulkAdd([service('svc-1', 'payments'), service('svc-2', 'search')]);
    const summary = await importBackup(
      db,
      file({ services: [service('svc-1', 'search'), service('svc-3', 'auth')] }),
      { onConflict: 'skip' },
    );
    expect(summary.services).toMatchObject({ added: 1, replaced: 0, skipped: 1 });
    expect((await db.services.get('svc-1'))?.name).toBe('payments');
  });

  it('a replace that keeps its own name is still a plain replace', async () => {
    await db.services.bulkAdd([service('svc-1', 'payments')]);
    const summary = await importBackup(
      db,
      file({ services: [{ ...service('svc-1', 'payments'), ownerTeam: 'billing' }] }),
      { onConflict: 'replace' },
    );
    expect(summary.services.replaced).toBe(1);
    expect((await db.services.get('svc-1'))?.ownerTeam).toBe('billing');
  });
});

describe('imported values are bounded', () => {
  it('a settings value nested 100,000 deep is refused by path, not a stack overflow', async () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = { a: value };
    const error = await refusal(file({ settings: [{ key: 'theme', value }] }));
    expect(error.problems[0]?.path).toMatch(/^tables\.settings\[0\]\.value\.a\.a/);
    expect(error.message).toContain('Nested deeper than');
    expect(error.message).not.toMatch(/call stack/);
    expect(await db.settings.count()).toBe(0);
  });

  it('a 30 MB impact summary is refused with the field and the limit', async () => {
    const incident = incidentRow({
      id: 'i1',
      slug: '#inc',
      title: 'Big',
      impact: noImpact({ summary: 'x'.repeat(30_000_000) }),
      createdAt: 1,
      updatedAt: 1,
    });
    const error = await refusal(file({ incidents: [incident] }));
    expect(error.message).toBe(
      'tables.incidents[0].impact.summary: The impact summary is 30,000,000 characters; the limit is 5,000.',
    );
    expect(await db.incidents.count()).toBe(0);
  });
});

describe('an import failure never says "Your text is kept here"', () => {
  it.each([
    [new DOMException('Key already exists in the object store.', 'ConstraintError')],
    [new DOMException('Quota exceeded', 'QuotaExceededError')],
    [new Error('boom')],
  ])('%s', (error) => {
    const message = describeWriteError(error, 'import');
    expect(message).not.toContain('text is kept');
    expect(message).toMatch(/Nothing was imported/);
  });
});
