import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { listPeople, touchPerson } from './people';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('touchPerson', () => {
  it('creates a row for a new name, tidying its spaces', async () => {
    const p = await touchPerson(db, '  Alice   Smith ', 10);
    expect(p).toMatchObject({ name: 'Alice Smith', handle: '', team: '', lastUsedAt: 10 });
    expect(await db.people.count()).toBe(1);
  });

  it('reuses a row whatever the case, keeping its spelling and moving lastUsedAt forward', async () => {
    await touchPerson(db, 'Alice', 10);
    const again = await touchPerson(db, 'ALICE', 20);
    expect(again.name).toBe('Alice');
    expect(again.lastUsedAt).toBe(20);
    // A late write with an older clock never moves it back.
    expect((await touchPerson(db, 'alice', 5)).lastUsedAt).toBe(20);
    expect(await db.people.count()).toBe(1);
  });
});

describe('touchPerson by nameKey', () => {
  it('reuses the row for the same name with full-width letters or other spacing', async () => {
    await touchPerson(db, 'Bob Smith', 10);
    expect((await touchPerson(db, 'Ｂob  Smith', 20)).name).toBe('Bob Smith');
    expect((await touchPerson(db, 'bob\tsmith', 30)).name).toBe('Bob Smith');
    expect(await db.people.count()).toBe(1);
  });
});

describe('listPeople', () => {
  it('lists most recently used first', async () => {
    await touchPerson(db, 'Alice', 10);
    await touchPerson(db, 'Bob', 30);
    await touchPerson(db, 'Carol', 20);
    expect((await listPeople(db)).map((p) => p.name)).toEqual(['Bob', 'Carol', 'Alice']);
  });
});
